// What counts as a change to a quote's content, and to its verdict, and what a verdict needs. Pure.
import { VERDICTS_NEEDING_NOTE } from '../plugins/editorial-workflow/shared/checklist';
import type { FieldProblem } from './rules';

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

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * A verdict that says a quote is wrong or cannot be checked (disputed, misattributed,
 * unverifiable) must say why: the problem when `data`, written over `stored` (null for a new
 * quote), leaves such a verdict without a note. Only a write that changes the verdict or its note
 * is judged, so quotes stored before the rule keep saving until someone gives a verdict again.
 */
export const verdictNoteProblem = (
  data: Record<string, unknown>,
  stored: Record<string, unknown> | null
): FieldProblem | null => {
  if (changedVerificationFields(data, stored).length === 0) return null;
  const given = (field: string) => Object.prototype.hasOwnProperty.call(data, field);
  const verdict = String(
    (given('verification') && !isBlank(data.verification)
      ? data.verification
      : stored?.verification) ?? UNVERIFIED
  );
  if (!VERDICTS_NEEDING_NOTE.includes(verdict)) return null;
  const note = given('verificationNote') ? data.verificationNote : stored?.verificationNote;
  if (!isBlank(note)) return null;
  return {
    path: ['verificationNote'],
    message: `verificationNote is required when verification is ${verdict}: say why`,
    value: note ?? null,
  };
};
