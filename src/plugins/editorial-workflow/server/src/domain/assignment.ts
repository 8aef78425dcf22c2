// Who may assign a story to whom. Pure: the service supplies the stage, the people and the caller's
// rights; these functions decide.
import type { Assignee, Stage } from '../../../shared/contracts';
import type { Refusal } from './rules';

export interface AssignmentCase {
  stage: Stage;
  /** The transition whose permission an assignee must hold (stage.assignTo), as an action, for messages. */
  requiredAction: string;
  version: number;
  current: Assignee | null;
  /** Who asks. */
  actorId: number;
  /** Whether they hold the `assign` permission (assign others, unassign). */
  mayAssign: boolean;
  assignAction: string;
  /** The requested assignee's id, or null to unassign. */
  requested: number | null;
  /** The requested user, when they are an active admin user (null: none such). */
  requestedUser: Assignee | null;
  /** Whether the requested user holds the stage's assignTo permission. */
  requestedEligible: boolean;
  expectedVersion: number | null;
}

export type AssignmentDecision =
  | { ok: true; assignee: Assignee | null; changed: boolean; selfService: boolean }
  | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): AssignmentDecision => ({ ok: false, refusal });
const invalid = (message: string, path = 'assignee'): AssignmentDecision =>
  refuse({
    status: 400,
    name: 'ValidationError',
    message,
    details: { errors: [{ path: [path], message, name: 'ValidationError' }] },
  });

export const decideAssignment = (c: AssignmentCase): AssignmentDecision => {
  if (!c.stage.assignTo)
    return invalid(
      `Stories in "${c.stage.name}" take no assignee (only stages with assignTo do)`,
      'stage'
    );
  if (c.expectedVersion !== null && c.expectedVersion !== c.version) {
    return refuse({
      status: 409,
      name: 'ConflictError',
      message: `The document changed meanwhile (version ${c.version}, expected ${c.expectedVersion}): reload and try again`,
      details: { stage: c.stage.id, version: c.version },
    });
  }
  // Taking a story, or letting go of one's own, is the reviewer's own call; anything else is an editor's.
  const taking = c.requested !== null && c.requested === c.actorId;
  const releasing = c.requested === null && c.current?.id === c.actorId;
  if (taking && !c.requestedEligible) {
    return refuse({
      status: 403,
      name: 'ForbiddenError',
      message: `You may not take this story: reviewers of "${c.stage.name}" hold permission ${c.requiredAction}`,
      details: { action: c.requiredAction },
    });
  }
  if (!taking && !releasing && !c.mayAssign) {
    return refuse({
      status: 403,
      name: 'ForbiddenError',
      message: `You may not assign stories to others or unassign them (permission ${c.assignAction})`,
      details: { action: c.assignAction },
    });
  }
  if (c.requested !== null) {
    if (!c.requestedUser)
      return invalid(`User ${c.requested} cannot be assigned: no active admin user has that id`);
    if (!c.requestedEligible)
      return invalid(
        `${c.requestedUser.name} cannot be assigned: assignees of "${c.stage.name}" hold permission ${c.requiredAction}`
      );
  }
  const assignee = c.requested === null ? null : c.requestedUser;
  return {
    ok: true,
    assignee,
    changed: (assignee?.id ?? null) !== (c.current?.id ?? null),
    selfService: taking || releasing,
  };
};

/**
 * A write body that names the assignee copy (ASSIGNEE_FIELD): an echo of what the rows hold is dropped
 * (the Content Manager's form sends back every field it loaded); anything else is refused.
 */
export const checkAssigneeFieldWrite = (
  field: string,
  data: unknown,
  stored: (number | null)[]
): { kind: 'absent' } | { kind: 'echo' } | { kind: 'refused'; refusal: Refusal } => {
  if (!data || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, field))
    return { kind: 'absent' };
  const value = (data as Record<string, unknown>)[field];
  if (
    value === undefined ||
    (value === null && (stored.length === 0 || stored.includes(null))) ||
    (typeof value === 'number' && stored.includes(value))
  )
    return { kind: 'echo' };
  const message = `${field} is set by the editorial workflow: assign stories from the workflow panel`;
  return {
    kind: 'refused',
    refusal: {
      status: 400,
      name: 'ValidationError',
      message,
      details: { errors: [{ path: [field], message, name: 'ValidationError' }] },
    },
  };
};
