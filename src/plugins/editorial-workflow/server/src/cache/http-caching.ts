// HTTP caching of public answers: validators and the headers CDNs and browsers read. Pure.
import { createHash } from 'node:crypto';

export interface HttpCachingOptions {
  /** Seconds a browser may reuse an answer without asking (`max-age`). */
  maxAge: number;
  /** Seconds a shared cache (CDN) may (`s-maxage`); only safe when the CDN purges by tag. */
  sMaxAge: number;
  /** Seconds a cache may serve an answer past its age while it fetches a new one. */
  staleWhileRevalidate: number;
}

/** For anything read with credentials: never kept anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Public answers. With the defaults (all 0) every cache must ask again each time, which costs a
 * `304` from the in-memory cache: nobody sees a story after it was retracted. Longer ages trade that
 * for load, and are right only where the CDN purges by `Cache-Tag` (see the README).
 */
export const publicCacheControl = (o: HttpCachingOptions): string =>
  [
    'public',
    `max-age=${o.maxAge}`,
    ...(o.sMaxAge !== o.maxAge ? [`s-maxage=${o.sMaxAge}`] : []),
    ...(o.staleWhileRevalidate > 0 ? [`stale-while-revalidate=${o.staleWhileRevalidate}`] : []),
    ...(o.maxAge === 0 && o.staleWhileRevalidate === 0 ? ['must-revalidate'] : []),
  ].join(', ');

/** A strong validator: the same bytes, the same tag. */
export const etagOf = (body: Buffer): string =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

/** `If-None-Match`: `*`, one tag or a list, weak (`W/`) or strong, compared weakly (RFC 9110 13.1.2). */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
};

// Cloudflare reads `Cache-Tag` (comma-separated, 16 KB in all); Fastly `Surrogate-Key` (space
// separated, 16 KB). An answer holding more documents than fit is tagged by its lists only, then
// not at all: a CDN then can only purge it whole, which it does on `purge everything`.
const MAX_TAG_HEADER = 16_000;

export const tagHeaders = (tags: readonly string[]): Record<string, string> => {
  let chosen = [...tags];
  if (chosen.join(',').length > MAX_TAG_HEADER) chosen = chosen.filter((t) => !t.includes(':'));
  if (chosen.length === 0 || chosen.join(',').length > MAX_TAG_HEADER) return {};
  return { 'Cache-Tag': chosen.join(','), 'Surrogate-Key': chosen.join(' ') };
};
