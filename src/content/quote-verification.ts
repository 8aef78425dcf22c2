// What counts as a change to a quote's content, and to its verdict. Pure.

/** The verdict and its note: the fact-checker's work, not content. */
export const VERIFICATION_FIELDS = ['verification', 'verificationNote'] as const;
/** Content a verdict is about: changing any of it makes the verdict stale. */
export const QUOTE_CONTENT_FIELDS = [
  'text',
  'originalText',
  'originalLanguage',
  'saidAt',
  'url',
  'speaker',
  'source',
] as const;

export const UNVERIFIED = 'unverified';

/** One quote's content as stored; `speaker` and `source` by documentId. */
export type QuoteContent = Partial<Record<(typeof QUOTE_CONTENT_FIELDS)[number], unknown>>;

const normalize = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
};

/** Content fields whose stored value differs between two versions of a quote. */
export const changedContentFields = (before: QuoteContent, after: QuoteContent): string[] =>
  QUOTE_CONTENT_FIELDS.filter((field) => normalize(before[field]) !== normalize(after[field]));

/**
 * Verification fields that `data` changes over `stored` (null for a new quote, whose verdict
 * starts `unverified` with no note). Sending the stored value again changes nothing.
 */
export const changedVerificationFields = (
  data: Record<string, unknown>,
  stored: Record<string, unknown> | null
): string[] =>
  VERIFICATION_FIELDS.filter((field) => {
    if (!Object.prototype.hasOwnProperty.call(data, field)) return false;
    const before = stored ? stored[field] : field === 'verification' ? UNVERIFIED : null;
    const after =
      field === 'verification' && (data[field] === null || data[field] === undefined)
        ? before
        : data[field];
    return normalize(after) !== normalize(before);
  });
