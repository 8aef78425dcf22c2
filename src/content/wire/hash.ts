import { createHash } from 'node:crypto';
import { cleanLines } from './clean';

/**
 * sha256 of the cleaned copy, whitespace and case folded: the same wire story pasted twice (or
 * re-scraped with other spacing or entities) has the same hash, so the glue can warn it exists.
 */
export const contentHash = (text: string): string =>
  createHash('sha256')
    .update(cleanLines(text).filter(Boolean).join('\n').toLowerCase().replace(/\s+/g, ' '))
    .digest('hex');
