import type { IntlShape } from 'react-intl';

/** "3 days", "5 hours", "12 minutes": how long since `iso`, in the user's locale. */
export const formatElapsed = (intl: IntlShape, iso: string, now = Date.now()) => {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      return intl.formatNumber(Math.floor(seconds / size), {
        style: 'unit',
        unit,
        unitDisplay: 'long',
      });
    }
  }
  return intl.formatNumber(seconds, { style: 'unit', unit: 'second', unitDisplay: 'long' });
};

export const formatDateTime = (intl: IntlShape, iso: string) =>
  intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' } as Intl.DateTimeFormatOptions);
