// What a move tells readers besides the story itself: a correction carried by an approval (the
// story's public corrections log) and the public note of a withdrawal (the retraction notice at
// the story's URL). Pure: the service supplies the transition, the request and whether the story
// is live; these functions decide.
import type { Actor, CorrectionEntry, Transition } from '../../../shared/contracts';
import { isSchedulingStage, type WorkflowDefinition } from './definition';
import type { Refusal } from './rules';

/** Longest public note (a correction's or a withdrawal's), like the article's `correction` field. */
export const MAX_PUBLIC_NOTE = 2000;

export interface PublicRecordRequest {
  /** `{ note }` when the approval is a correction of the live story (the note may be empty: refused). */
  correction?: { note: string } | null;
  /** The notice readers get at a withdrawn story's URL. */
  publicNote?: string | null;
}

/** A correction approved with publishAt: it belongs in the log once the corrected story is live. */
export interface PendingCorrection {
  note: string;
  /** Who approved it (the log names the approver, not whoever released it). */
  actor: Actor;
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
  {
    publishes,
    live,
    pending = false,
  }: {
    /** The move approves: it puts the story live now or, with publishAt, at its time. */
    publishes: boolean;
    live: boolean;
    /** The story waits in the scheduling stage with a correction already (publish_now releases it). */
    pending?: boolean;
  }
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
  if (pending)
    return invalid(
      ['correction'],
      `"${transition.name}" releases an approval that already carries a correction: it is logged when the story goes live`
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

/**
 * The correction a state keeps after a move from `from` to `to`: entering the scheduling stage, the
 * approval's own; staying there, the one it had. Anywhere else none: the publication logged it, or
 * whatever left the stage (unschedule, an edit, a take-down) called the publication off with it.
 */
export const pendingCorrectionAfter = (
  def: Pick<WorkflowDefinition, 'stages'>,
  state: { pendingCorrection?: PendingCorrection | null },
  from: string,
  to: string,
  request: PublicRecordRequest,
  actor: Actor
): PendingCorrection | null => {
  if (!isSchedulingStage(def, to)) return null;
  if (isSchedulingStage(def, from)) return state.pendingCorrection ?? null;
  return request.correction?.note ? { note: request.correction.note, actor } : null;
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
