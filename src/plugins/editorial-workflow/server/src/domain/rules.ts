// Who may make which move, and what a move does to a document's state. Pure: the service supplies
// the state, the actor and a permission check; these functions decide.
import type { Actor, Transition } from '../../../shared/contracts';
import {
  initialStage,
  isPublishingStage,
  isSchedulingStage,
  type WorkflowDefinition,
} from './definition';
import type { PendingCorrection, PublicRecordRequest } from './public-record';
import { scheduleRefusal, type ScheduleRequest } from './schedule';

export interface WorkflowState {
  stage: string;
  version: number;
  enteredStageAt: Date;
  /** Who created this locale of the document. */
  author: Actor | null;
  /** Who moved it out of the initial stage in the current round. */
  submitter: Actor | null;
  /** Who changed its content since it was last approved: their words are not yet reviewed. */
  editors: Actor[];
  lastActor: Actor | null;
  /** In the scheduling stage: when the scheduler publishes it. */
  publishAt?: Date | null;
  /** When the scheduler takes the live version down. */
  unpublishAt?: Date | null;
  /** In the scheduling stage: the correction its approval carried, logged when it goes live. */
  pendingCorrection?: PendingCorrection | null;
}

export interface MoveRequest extends PublicRecordRequest, ScheduleRequest {
  transition: string;
  comment: string | null;
  expectedVersion: number | null;
}

export type Refusal =
  | { status: 400; name: 'ValidationError'; message: string; details?: Record<string, unknown> }
  | { status: 403; name: 'ForbiddenError'; message: string; details?: Record<string, unknown> }
  | { status: 409; name: 'ConflictError'; message: string; details?: Record<string, unknown> };

export type Decision = { ok: true; transition: Transition } | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

/**
 * What the comment box asks for: the transition's own `commentPrompt`, or a plain request. The
 * same words refuse a move sent without the comment, so the panel and the API say one thing.
 */
export const commentPrompt = (
  transition: Pick<Transition, 'name' | 'requireComment' | 'commentPrompt'>
): string | undefined =>
  transition.commentPrompt ??
  (transition.requireComment ? `"${transition.name}" needs a comment: say why.` : undefined);

/** Same person or token: ids where there are ids, names for system actors. */
export const sameActor = (a: Actor | null, b: Actor | null) =>
  Boolean(
    a &&
    b &&
    a.type === b.type &&
    (a.id !== null || b.id !== null ? a.id === b.id : a.name === b.name)
  );

/** Why `actor` wrote part of the version under review (created, submitted or edited it), or null. */
export const participation = (state: WorkflowState, actor: Actor): string | null => {
  if (sameActor(actor, state.submitter)) return 'you submitted this story for this round';
  if (sameActor(actor, state.author)) return 'you created this story';
  if (state.editors.some((editor) => sameActor(actor, editor)))
    return 'you changed its content since it was last approved';
  return null;
};

/** Whether separation of duties stops `actor` from making `transition` on this state. */
const dutyConflict = (
  def: WorkflowDefinition,
  transition: Transition,
  state: WorkflowState,
  actor: Actor
) => {
  if (!def.separationOfDuties || !transition.separationOfDuties) return null;
  return participation(state, actor);
};

/**
 * Why separation of duties stops `actor` from making `transition` on this state, in the words of
 * the refusal (the panel shows them under the disabled button), or null.
 */
export const dutyBlocker = (
  def: WorkflowDefinition,
  transition: Transition,
  state: WorkflowState,
  actor: Actor
): string | null => {
  const conflict = dutyConflict(def, transition, state, actor);
  return conflict
    ? `Separation of duties: someone else must make "${transition.name}", because ${conflict}`
    : null;
};

/**
 * Everything but the guards, in the order a client can act on: a malformed or unknown move (400),
 * no permission (403), the document is elsewhere or changed meanwhile (409), separation of
 * duties (403).
 */
export const decideMove = (
  def: WorkflowDefinition,
  state: WorkflowState,
  request: MoveRequest,
  actor: Actor,
  may: (transitionId: string) => boolean,
  now: Date = new Date()
): Decision => {
  const transition = def.transitions.find((t) => t.id === request.transition);
  if (!transition) {
    return refuse({
      status: 400,
      name: 'ValidationError',
      message: `Unknown transition "${request.transition}" (known: ${def.transitions.map((t) => t.id).join(', ')})`,
      details: { errors: [{ path: ['transition'], message: 'Unknown transition' }] },
    });
  }
  if (transition.requireComment && !request.comment) {
    const message = commentPrompt(transition)!;
    return refuse({
      status: 400,
      name: 'ValidationError',
      message,
      details: { errors: [{ path: ['comment'], message }] },
    });
  }
  if (request.comment && request.comment.length > def.maxCommentLength) {
    return refuse({
      status: 400,
      name: 'ValidationError',
      message: `The comment must be at most ${def.maxCommentLength} characters (got ${request.comment.length})`,
      details: { errors: [{ path: ['comment'], message: 'Too long' }] },
    });
  }
  const badTimes = scheduleRefusal(def, transition, request, now);
  if (badTimes) return refuse(badTimes);
  if (!may(transition.id)) {
    return refuse({
      status: 403,
      name: 'ForbiddenError',
      message: `You may not make the transition "${transition.name}"`,
    });
  }
  if (!transition.from.includes(state.stage)) {
    return refuse({
      status: 409,
      name: 'ConflictError',
      message: `"${transition.name}" starts from ${transition.from.join(' or ')}, but the document is in ${state.stage}`,
      details: { stage: state.stage, version: state.version },
    });
  }
  if (request.expectedVersion !== null && request.expectedVersion !== state.version) {
    return refuse({
      status: 409,
      name: 'ConflictError',
      message: `The document changed meanwhile (version ${state.version}, expected ${request.expectedVersion}): reload and try again`,
      details: { stage: state.stage, version: state.version },
    });
  }
  const duty = dutyBlocker(def, transition, state, actor);
  if (duty) return refuse({ status: 403, name: 'ForbiddenError', message: duty });
  return { ok: true, transition };
};

/** Guard problems as the refusal an editor reads. */
export const guardRefusal = (transition: Transition, problems: string[]): Refusal | null =>
  problems.length === 0
    ? null
    : {
        status: 400,
        name: 'ValidationError',
        message: `"${transition.name}" is not possible yet: ${problems.join(' ')}`,
        details: { problems },
      };

/**
 * The transitions from this stage that this actor holds permission for. What would still refuse
 * one now (separation of duties: `dutyBlocker`; guards) does not hide it: a client shows it
 * disabled, with the reason, rather than leaving the user to wonder where it went.
 */
export const allowedTransitions = (
  def: WorkflowDefinition,
  state: WorkflowState,
  may: (transitionId: string) => boolean
) => def.transitions.filter((t) => t.from.includes(state.stage) && may(t.id));

export const applyMove = (
  def: WorkflowDefinition,
  state: WorkflowState,
  transition: Transition,
  actor: Actor,
  now: Date
): WorkflowState => {
  const initial = initialStage(def).id;
  let submitter = state.submitter;
  if (transition.to === initial) submitter = null;
  else if (state.stage === initial) submitter = actor;
  // Once approved (live now or scheduled), every word of the working copy has been reviewed.
  const approved = isPublishingStage(def, transition.to) || isSchedulingStage(def, transition.to);
  const editors = approved ? [] : state.editors;
  return {
    ...state,
    stage: transition.to,
    version: state.version + 1,
    enteredStageAt: now,
    submitter,
    editors,
    lastActor: actor,
  };
};

/**
 * A content change to the working copy. Anywhere but the initial stage it sends the copy back there,
 * recorded as a move (`moved`): a round under review, or an approval, covers a fixed text. The editor
 * joins the round's contributors either way.
 */
export const afterEdit = (
  def: WorkflowDefinition,
  state: WorkflowState,
  actor: Actor,
  now: Date
): { state: WorkflowState; moved: boolean } | null => {
  const known = state.editors.some((editor) => sameActor(editor, actor));
  const editors = known ? state.editors : [...state.editors, actor];
  const initial = initialStage(def).id;
  if (state.stage === initial) return known ? null : { state: { ...state, editors }, moved: false };
  return {
    state: {
      ...state,
      stage: initial,
      version: state.version + 1,
      enteredStageAt: now,
      submitter: null,
      editors,
      lastActor: actor,
      // A scheduled approval went stale: nothing goes live at its time. A live version's
      // take-down (unpublishAt) still stands.
      ...(state.publishAt ? { publishAt: null } : {}),
    },
    moved: true,
  };
};

/** Whether a transition puts the document live, takes it down, or neither. */
export const publishingEffect = (
  def: WorkflowDefinition,
  transition: Transition
): 'publish' | 'unpublish' | null =>
  isPublishingStage(def, transition.to) ? 'publish' : transition.unpublishes ? 'unpublish' : null;
