// What a move tells readers besides the story itself: a correction carried by an approval (the
// story's public corrections log) and the public note of a withdrawal (the retraction notice at
// the story's URL). Pure: the service supplies the transition, the request and whether the story
// is live; these functions decide.
import type { CorrectionEntry, Transition } from '../../../shared/contracts';
import type { Refusal } from './rules';

/** Longest public note (a correction's or a withdrawal's), like the article's `correction` field. */
export const MAX_PUBLIC_NOTE = 2000;

export interface PublicRecordRequest {
  /** `{ note }` when the approval is a correction of the live story (the note may be empty: refused). */
  correction?: { note: string } | null;
  /** The notice readers get at a withdrawn story's URL. */
  publicNote?: string | null;
}

const invalid = (path: string[], message: string): Refusal => ({
  status: 400,
  name: 'ValidationError',
  message,
  details: { errors: [{ path, message, name: 'ValidationError' }] },
});

const tooLong = (path: string[], what: string, length: number) =>
  invalid(path, `${what} must be at most ${MAX_PUBLIC_NOTE} characters (got ${length})`);

/**
 * Whether this move may carry what the request says readers will read: a correction only on a move
 * that publishes a story that is already live (a first publication corrects nothing), always with
 * its note; a public note exactly on a withdrawal. `publishes`: the move puts the story live.
 */
export const publicRecordRefusal = (
  transition: Pick<Transition, 'name' | 'effect'>,
  request: PublicRecordRequest,
  { publishes, live }: { publishes: boolean; live: boolean }
): Refusal | null => {
  const withdraws = transition.effect === 'withdraw';
  const { correction, publicNote } = request;
  if (withdraws && !publicNote)
    return invalid(
      ['publicNote'],
      `"${transition.name}" needs a public note: readers see it at the story's address in place of the story`
    );
  if (!withdraws && publicNote)
    return invalid(
      ['publicNote'],
      `"${transition.name}" takes no public note: only a withdrawal shows one to readers`
    );
  if (publicNote && publicNote.length > MAX_PUBLIC_NOTE)
    return tooLong(['publicNote'], 'The public note', publicNote.length);
  if (!correction) return null;
  if (!publishes)
    return invalid(
      ['correction'],
      `"${transition.name}" does not publish: only an approval that puts a corrected story live carries a correction`
    );
  if (!live)
    return invalid(
      ['correction'],
      'A correction corrects a live story: this story is not live, so this approval is its publication, not a correction'
    );
  if (!correction.note)
    return invalid(
      ['correction', 'note'],
      'A correction needs its note: readers see it in the story’s corrections log'
    );
  if (correction.note.length > MAX_PUBLIC_NOTE)
    return tooLong(['correction', 'note'], 'The correction note', correction.note.length);
  return null;
};

/** A story's corrections log as readers get it: newest first, ties by the order they were made. */
export const correctionsLog = (
  rows: readonly { id: number; correctedAt: string | Date; note: string }[]
): CorrectionEntry[] =>
  [...rows]
    .sort(
      (a, b) => new Date(b.correctedAt).getTime() - new Date(a.correctedAt).getTime() || b.id - a.id
    )
    .map((r) => ({ date: new Date(r.correctedAt).toISOString(), note: r.note }));
