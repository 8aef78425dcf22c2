// The workflow as operators declare it in config/plugins.ts, checked once at boot. Pure.
import type { Stage, Transition, WorkflowInfo } from '../../../shared/contracts';

export interface WorkflowDefinition extends WorkflowInfo {
  /** Refuse approval by the story's author or this round's submitter, where a transition asks. */
  separationOfDuties: boolean;
  /** Relation fields whose targets are published and unpublished with the document (per type). */
  publishWith: Record<string, string[]>;
  /**
   * Fields whose changes are the reviewer's work rather than content (a quote's verification): changing
   * them neither sends a story back to draft nor makes the changer a contributor of the round.
   */
  reviewFields: Record<string, string[]>;
  maxCommentLength: number;
}

export class WorkflowConfigError extends Error {
  constructor(
    readonly key: string,
    problem: string
  ) {
    super(`Invalid editorial-workflow config: ${key} ${problem}`);
    this.name = 'WorkflowConfigError';
  }
}

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (obj: Record<string, unknown>, field: string, key: string, pattern?: RegExp, hint?: string) => {
  const value = obj[field];
  if (typeof value !== 'string' || value.trim() === '') throw new WorkflowConfigError(`${key}.${field}`, 'must be a non-empty string');
  if (pattern && !pattern.test(value)) throw new WorkflowConfigError(`${key}.${field}`, `must match ${hint ?? pattern}`);
  return value;
};

const optionalBool = (obj: Record<string, unknown>, field: string, key: string, fallback: boolean) => {
  const value = obj[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new WorkflowConfigError(`${key}.${field}`, 'must be true or false');
  return value;
};

const optionalText = (obj: Record<string, unknown>, field: string, key: string) => {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new WorkflowConfigError(`${key}.${field}`, 'must be a non-empty string');
  return value;
};

const KNOWN_KEYS = ['contentTypes', 'stages', 'transitions', 'separationOfDuties', 'publishWith', 'reviewFields', 'maxCommentLength'];

export const parseWorkflowConfig = (raw: unknown): WorkflowDefinition => {
  if (!isObject(raw)) throw new WorkflowConfigError('config', 'must be an object');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) throw new WorkflowConfigError(key, `is not a known key (known: ${KNOWN_KEYS.join(', ')})`);
  }

  const { contentTypes } = raw;
  if (!Array.isArray(contentTypes) || contentTypes.length === 0) {
    throw new WorkflowConfigError('contentTypes', 'must be a non-empty list of content-type uids');
  }
  contentTypes.forEach((uid, i) => {
    if (typeof uid !== 'string' || !UID_PATTERN.test(uid)) {
      throw new WorkflowConfigError(`contentTypes[${i}]`, 'must be a content-type uid such as api::article.article');
    }
  });

  if (!Array.isArray(raw.stages) || raw.stages.length < 2) throw new WorkflowConfigError('stages', 'must list at least two stages');
  const stages: Stage[] = raw.stages.map((s, i) => {
    const key = `stages[${i}]`;
    if (!isObject(s)) throw new WorkflowConfigError(key, 'must be an object');
    return {
      id: str(s, 'id', key, ID_PATTERN, 'lowercase letters, digits and underscores'),
      name: str(s, 'name', key),
      color: str(s, 'color', key, COLOR_PATTERN, 'a #rrggbb colour'),
      initial: optionalBool(s, 'initial', key, false),
      publishes: optionalBool(s, 'publishes', key, false),
    };
  });
  const stageIds = new Set<string>();
  stages.forEach((s, i) => {
    if (stageIds.has(s.id)) throw new WorkflowConfigError(`stages[${i}].id`, `repeats "${s.id}"`);
    stageIds.add(s.id);
  });
  const initial = stages.filter((s) => s.initial);
  if (initial.length !== 1) throw new WorkflowConfigError('stages', `must have exactly one initial stage (found ${initial.length})`);
  if (initial[0].publishes) throw new WorkflowConfigError('stages', 'the initial stage cannot publish');
  const publishing = new Set(stages.filter((s) => s.publishes).map((s) => s.id));

  if (!Array.isArray(raw.transitions) || raw.transitions.length === 0) {
    throw new WorkflowConfigError('transitions', 'must list at least one transition');
  }
  const transitions: Transition[] = raw.transitions.map((t, i) => {
    const key = `transitions[${i}]`;
    if (!isObject(t)) throw new WorkflowConfigError(key, 'must be an object');
    const id = str(t, 'id', key, ID_PATTERN, 'lowercase letters, digits and underscores');
    const from = typeof t.from === 'string' ? [t.from] : t.from;
    if (!Array.isArray(from) || from.length === 0) throw new WorkflowConfigError(`${key}.from`, 'must be a stage id or a list of them');
    from.forEach((f, j) => {
      if (typeof f !== 'string' || !stageIds.has(f)) throw new WorkflowConfigError(`${key}.from${Array.isArray(t.from) ? `[${j}]` : ''}`, `names no stage ("${f}")`);
    });
    const to = str(t, 'to', key);
    if (!stageIds.has(to)) throw new WorkflowConfigError(`${key}.to`, `names no stage ("${to}")`);
    if (from.includes(to)) throw new WorkflowConfigError(`${key}.to`, 'must differ from every "from" stage');
    const guards = t.guards ?? [];
    if (!Array.isArray(guards) || guards.some((g) => typeof g !== 'string' || g === '')) {
      throw new WorkflowConfigError(`${key}.guards`, 'must be a list of guard names');
    }
    const fromPublished = (from as string[]).every((f) => publishing.has(f));
    const unpublishes = optionalBool(t, 'unpublishes', key, fromPublished && !publishing.has(to));
    if (unpublishes && publishing.has(to)) throw new WorkflowConfigError(`${key}.unpublishes`, 'cannot be true for a transition into a publishing stage');
    return {
      id,
      name: str(t, 'name', key),
      from: from as string[],
      to,
      requireComment: optionalBool(t, 'requireComment', key, false),
      ...(t.commentPrompt === undefined ? {} : { commentPrompt: optionalText(t, 'commentPrompt', key) }),
      guards: guards as string[],
      separationOfDuties: optionalBool(t, 'separationOfDuties', key, false),
      unpublishes,
    };
  });
  const transitionIds = new Set<string>();
  transitions.forEach((t, i) => {
    if (transitionIds.has(t.id)) throw new WorkflowConfigError(`transitions[${i}].id`, `repeats "${t.id}"`);
    transitionIds.add(t.id);
  });
  for (const stage of stages) {
    if (!stage.initial && !transitions.some((t) => t.to === stage.id)) {
      throw new WorkflowConfigError('transitions', `reach no transition into stage "${stage.id}"`);
    }
  }

  const publishWith = raw.publishWith ?? {};
  if (!isObject(publishWith)) throw new WorkflowConfigError('publishWith', 'must map content-type uids to relation field names');
  for (const [uid, fields] of Object.entries(publishWith)) {
    if (!contentTypes.includes(uid)) throw new WorkflowConfigError(`publishWith.${uid}`, 'is not one of contentTypes');
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
      throw new WorkflowConfigError(`publishWith.${uid}`, 'must be a list of relation field names');
    }
  }

  const reviewFields = raw.reviewFields ?? {};
  if (!isObject(reviewFields)) throw new WorkflowConfigError('reviewFields', 'must map content-type uids to field names');
  for (const [uid, fields] of Object.entries(reviewFields)) {
    if (!UID_PATTERN.test(uid)) throw new WorkflowConfigError(`reviewFields.${uid}`, 'must be keyed by a content-type uid');
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || f === '')) {
      throw new WorkflowConfigError(`reviewFields.${uid}`, 'must be a list of field names');
    }
  }

  const maxCommentLength = raw.maxCommentLength ?? 5000;
  if (typeof maxCommentLength !== 'number' || !Number.isInteger(maxCommentLength) || maxCommentLength < 1) {
    throw new WorkflowConfigError('maxCommentLength', 'must be a positive integer');
  }

  return {
    contentTypes: contentTypes as string[],
    stages,
    transitions,
    separationOfDuties: optionalBool(raw, 'separationOfDuties', 'config', true),
    publishWith: publishWith as Record<string, string[]>,
    reviewFields: reviewFields as Record<string, string[]>,
    maxCommentLength,
  };
};

export const initialStage = (def: WorkflowDefinition) => def.stages.find((s) => s.initial)!;
export const stageById = (def: WorkflowDefinition, id: string) => def.stages.find((s) => s.id === id);
export const isPublishingStage = (def: WorkflowDefinition, id: string) => Boolean(stageById(def, id)?.publishes);
/** The stage a document that is already live belongs in when it joins the workflow. */
export const firstPublishingStage = (def: WorkflowDefinition) => def.stages.find((s) => s.publishes);
