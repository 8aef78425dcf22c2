// Embargoes: an approval that carries `publishAt` waits in the scheduling stage and the workflow
// publishes it at that time; `unpublishAt` takes the live version down. Pure: the service supplies
// the clock, the state and the request; these functions decide.
import type { Transition } from '../../../shared/contracts';
import {
  initialStage,
  isPublishingStage,
  isSchedulingStage,
  schedulingStage,
  WorkflowConfigError,
  type WorkflowDefinition,
} from './definition';
import type { Refusal, WorkflowState } from './rules';

export interface ScheduleRequest {
  publishAt?: Date | null;
  unpublishAt?: Date | null;
}

export interface ScheduleTimes {
  publishAt: Date | null;
  unpublishAt: Date | null;
}

const refusal = (path: 'publishAt' | 'unpublishAt', message: string): Refusal => ({
  status: 400,
  name: 'ValidationError',
  message,
  details: { errors: [{ path: [path], message }] },
});

/** Why the times a move carries are wrong, or null. Times are checked against `now`. */
export const scheduleRefusal = (
  def: Pick<WorkflowDefinition, 'stages'>,
  transition: Pick<Transition, 'name' | 'to'>,
  request: ScheduleRequest,
  now: Date
): Refusal | null => {
  const { publishAt, unpublishAt } = request;
  if (!publishAt && !unpublishAt) return null;
  const path = publishAt ? 'publishAt' : 'unpublishAt';
  if (!isPublishingStage(def as WorkflowDefinition, transition.to))
    return refusal(
      path,
      `${path} goes with a move that publishes (approve), not with "${transition.name}"`
    );
  if (publishAt && !schedulingStage(def))
    return refusal('publishAt', 'This workflow declares no scheduling stage: publishAt is refused');
  if (publishAt && publishAt.getTime() <= now.getTime())
    return refusal(
      'publishAt',
      `publishAt must be in the future (got ${publishAt.toISOString()}, now ${now.toISOString()})`
    );
  const after = publishAt ?? now;
  if (unpublishAt && unpublishAt.getTime() <= after.getTime())
    return refusal(
      'unpublishAt',
      publishAt
        ? `unpublishAt must be after publishAt (${publishAt.toISOString()})`
        : `unpublishAt must be in the future (now ${now.toISOString()})`
    );
  return null;
};

/** Where a move ends: the scheduling stage for an approval that carries `publishAt`. */
export const destinationOf = (
  def: Pick<WorkflowDefinition, 'stages'>,
  transition: Pick<Transition, 'to'>,
  request: ScheduleRequest
) => (request.publishAt ? (schedulingStage(def)?.id ?? transition.to) : transition.to);

/**
 * The times a state keeps after a move from `from` to `to`. The latest approval governs: it sets
 * both (an approval without unpublishAt clears an earlier one). Publishing from the scheduling stage
 * keeps unpublishAt; leaving it any other way (unschedule) drops the schedule; a move that takes
 * the story down ends every time.
 */
export const timesAfterMove = (
  def: WorkflowDefinition,
  state: Pick<WorkflowState, 'publishAt' | 'unpublishAt'>,
  from: string,
  to: string,
  unpublishes: boolean,
  request: ScheduleRequest
): ScheduleTimes => {
  const kept = { publishAt: state.publishAt ?? null, unpublishAt: state.unpublishAt ?? null };
  if (unpublishes) return { publishAt: null, unpublishAt: null };
  if (isSchedulingStage(def, to))
    return { publishAt: request.publishAt ?? null, unpublishAt: request.unpublishAt ?? null };
  if (isPublishingStage(def, to))
    return isSchedulingStage(def, from)
      ? { publishAt: null, unpublishAt: kept.unpublishAt }
      : { publishAt: null, unpublishAt: request.unpublishAt ?? null };
  if (isSchedulingStage(def, from)) return { publishAt: null, unpublishAt: null };
  return kept;
};

/** The move the scheduler publishes along: from the scheduling stage into a publishing one. */
export const scheduledPublishTransition = (def: WorkflowDefinition) => {
  const stage = schedulingStage(def);
  if (!stage) return null;
  return (
    def.transitions.find((t) => t.from.includes(stage.id) && isPublishingStage(def, t.to)) ?? null
  );
};

/** Where a scheduled story goes when it cannot be published at its time: back to review (unschedule). */
export const unscheduleTransition = (def: WorkflowDefinition) => {
  const stage = schedulingStage(def);
  if (!stage) return null;
  return (
    def.transitions.find((t) => t.from.includes(stage.id) && !isPublishingStage(def, t.to)) ?? null
  );
};

/**
 * What is due for this state at `now`: a take-down first (a story whose unpublishAt passed never
 * goes live, even when its publishAt passed too while the server was down), then a publication.
 */
export const dueAction = (
  def: WorkflowDefinition,
  state: Pick<WorkflowState, 'stage' | 'publishAt' | 'unpublishAt'>,
  now: Date
): 'publish' | 'unpublish' | null => {
  if (state.unpublishAt && state.unpublishAt.getTime() <= now.getTime()) return 'unpublish';
  if (
    isSchedulingStage(def, state.stage) &&
    state.publishAt &&
    state.publishAt.getTime() <= now.getTime()
  )
    return 'publish';
  return null;
};

/** Where a take-down leaves the story: a live stage goes back to the start; another stays. */
export const stageAfterTakedown = (def: WorkflowDefinition, stage: string) =>
  isPublishingStage(def, stage) || isSchedulingStage(def, stage) ? initialStage(def).id : stage;

/**
 * The history's words for a scheduled move done at `now` for time `at`: on time, or late when the
 * server was down then (caught up at boot, or more than `graceMs` behind).
 */
export const scheduledComment = (
  kind: 'publish' | 'unpublish',
  at: Date,
  now: Date,
  { catchUp = false, graceMs }: { catchUp?: boolean; graceMs: number }
) => {
  const late = catchUp || now.getTime() - at.getTime() > graceMs;
  const done = kind === 'publish' ? 'Published' : 'Taken down';
  return late
    ? `${done} late: the server was down at ${at.toISOString()}`
    : `${done} at the scheduled time (${at.toISOString()})`;
};

/**
 * After a take-down: a live or scheduled story goes back to the start (an approval no longer stands
 * for it); a working copy elsewhere (a correction in review) stays where it is. The take-down time
 * is spent either way.
 */
export const afterTakedown = (
  def: WorkflowDefinition,
  state: WorkflowState,
  actor: WorkflowState['lastActor'],
  now: Date
): WorkflowState => {
  const stage = stageAfterTakedown(def, state.stage);
  const moved = stage !== state.stage;
  return {
    ...state,
    stage,
    version: state.version + 1,
    enteredStageAt: moved ? now : state.enteredStageAt,
    submitter: moved ? null : state.submitter,
    lastActor: actor,
    publishAt: moved ? null : (state.publishAt ?? null),
    unpublishAt: null,
  };
};

export interface SchedulerConfig {
  /** Croner pattern of the scheduler's job: five fields, or six with seconds first. */
  cron: string;
  /** How far behind its time a publication may run and still count as on time. */
  graceSeconds: number;
}

const CRON_FIELD = /^[0-9*/,?LW#A-Za-z-]+$/;

/** The `scheduler` key of the plugin config (`{ cron?, graceSeconds? }`), checked at boot. */
export const parseSchedulerConfig = (raw: unknown): SchedulerConfig => {
  if (raw === undefined) return { cron: '* * * * *', graceSeconds: 120 };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new WorkflowConfigError('scheduler', 'must be an object');
  const { cron = '* * * * *', graceSeconds = 120, ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown)
    throw new WorkflowConfigError(
      `scheduler.${unknown}`,
      'is not a known key (known: cron, graceSeconds)'
    );
  const fields = typeof cron === 'string' ? cron.trim().split(/\s+/) : [];
  if (!(fields.length === 5 || fields.length === 6) || !fields.every((f) => CRON_FIELD.test(f)))
    throw new WorkflowConfigError(
      'scheduler.cron',
      'must be a cron pattern of five fields (or six, seconds first), such as "* * * * *"'
    );
  if (typeof graceSeconds !== 'number' || !(graceSeconds >= 0))
    throw new WorkflowConfigError(
      'scheduler.graceSeconds',
      'must be a number of seconds (0 or more)'
    );
  return { cron: fields.join(' '), graceSeconds };
};
