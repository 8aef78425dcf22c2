// Figures of Settings → Response cache, formatted for people. Pure: no React, no Strapi.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * `0 B`, `512 B`, `1.5 KB`, `64 MB`: powers of 1,024, as the limit is set (RESPONSE_CACHE_MAX_MB=64
 * is 64 × 1,024 × 1,024 bytes and reads `64 MB`). One decimal below 10, none above.
 */
export const formatBytes = (bytes: number, locale = 'en') => {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  // Rounding may reach the next unit (1023.6 KB → "1,024 KB"): say "1 MB" instead.
  if (unit < UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
};

/** `87.3%`; null when nothing cacheable was read yet (the page says so in words). */
export const formatRatio = (ratio: number | null, locale = 'en') =>
  ratio === null
    ? null
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** How full the cache is: `0%`, `< 1%` (something, but too little to round to 1%), `25%`, at most `100%`. */
export const formatShareOfLimit = (bytes: number, maxBytes: number, locale = 'en') => {
  const share = maxBytes > 0 ? Math.min(1, Math.max(0, bytes / maxBytes)) : 0;
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return share > 0 && share < 0.005 ? `< ${percent(0.01)}` : percent(share);
};
