// The workflow as operators declare it in config/plugins.ts, checked once at boot. Pure.
import { z } from 'zod';
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

/** What a transition that takes a story down does at its URL (see `effect` below). */
export const TAKEDOWN_EFFECTS = ['retract', 'withdraw'] as const;

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;

// Each check carries the words of its WorkflowConfigError; the key comes from the issue's path.
const NON_EMPTY = 'must be a non-empty string';
const FROM_PROBLEM = 'must be a stage id or a list of them';
const UID_PROBLEM = 'must be a content-type uid such as api::article.article';
const text = (pattern?: RegExp, hint?: string) => {
  const base = z.string({ error: NON_EMPTY }).refine((v) => v.trim() !== '', NON_EMPTY);
  return pattern ? base.regex(pattern, `must match ${hint}`) : base;
};
const id = () => text(ID_PATTERN, 'lowercase letters, digits and underscores');
const flag = () => z.boolean({ error: 'must be true or false' }).optional();
const positive = () =>
  z.number({ error: 'must be a positive number' }).positive('must be a positive number').optional();
/** A list judged as a whole, so the error names the list rather than one element. */
const listOf = (isItem: (item: unknown) => boolean, message: string) =>
  z.custom<string[]>((v) => Array.isArray(v) && v.every(isItem), message);
const isName = (v: unknown) => typeof v === 'string' && v !== '';

const stageSchema = z.strictObject(
  {
    id: id(),
    name: text(),
    color: text(COLOR_PATTERN, 'a #rrggbb colour'),
    initial: flag(),
    publishes: flag(),
    assignTo: id().optional(),
    slaHours: positive(),
    // Where an approval with `publishAt` waits for its time (see domain/schedule.ts).
    schedules: flag(),
  },
  { error: 'must be an object' }
);

const transitionSchema = z.strictObject(
  {
    id: id(),
    name: text(),
    // Each stage id is checked against the stages below, with its own index in the key.
    from: z.union([z.string(), z.array(z.unknown()).min(1, FROM_PROBLEM)], { error: FROM_PROBLEM }),
    to: text(),
    requireComment: flag(),
    commentPrompt: text().optional(),
    guards: listOf(isName, 'must be a list of guard names').optional(),
    separationOfDuties: flag(),
    unpublishes: flag(),
    // What a move that takes a story down leaves at its URL: nothing (`retract`, 404) or a
    // retraction notice with the editor's public note (`withdraw`).
    effect: z
      .enum(TAKEDOWN_EFFECTS, {
        error: `must be ${TAKEDOWN_EFFECTS.map((e) => `"${e}"`).join(' or ')}`,
      })
      .optional(),
  },
  { error: 'must be an object' }
);

const configSchema = z
  .strictObject(
    {
      contentTypes: z
        .array(z.string({ error: UID_PROBLEM }).regex(UID_PATTERN, UID_PROBLEM), {
          error: 'must be a non-empty list of content-type uids',
        })
        .min(1, 'must be a non-empty list of content-type uids'),
      stages: z
        .array(stageSchema, { error: 'must list at least two stages' })
        .min(2, 'must list at least two stages'),
      transitions: z
        .array(transitionSchema, { error: 'must list at least one transition' })
        .min(1, 'must list at least one transition'),
      separationOfDuties: flag(),
      publishWith: z
        .record(
          z.string(),
          listOf((f) => typeof f === 'string', 'must be a list of relation field names'),
          {
            error: 'must map content-type uids to relation field names',
          }
        )
        .optional(),
      reviewFields: z
        .record(z.string(), listOf(isName, 'must be a list of field names'), {
          error: 'must map content-type uids to field names',
        })
        .optional(),
      maxCommentLength: z
        .number({ error: 'must be a positive integer' })
        .int('must be a positive integer')
        .min(1, 'must be a positive integer')
        .optional(),
      // The response cache's own settings, checked by cache/cache-config.ts.
      cache: z.unknown().optional(),
      // Email notifications' settings, checked by domain/notifications.ts.
      notifications: z.unknown().optional(),
      // The scheduler's job (publishAt, unpublishAt), checked by domain/schedule.ts.
      scheduler: z.unknown().optional(),
    },
    { error: 'must be an object' }
  )
  // What one part says about another: stage ids that transitions name, one initial stage, every
  // stage reachable. Runs once every part has the right shape.
  .superRefine((config, ctx) => {
    const problem = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const stageIds = new Set<string>();
    config.stages.forEach((s, i) => {
      if (stageIds.has(s.id)) problem(['stages', i, 'id'], `repeats "${s.id}"`);
      stageIds.add(s.id);
    });
    const initial = config.stages.filter((s) => s.initial);
    if (initial.length !== 1)
      problem(['stages'], `must have exactly one initial stage (found ${initial.length})`);
    else if (initial[0].publishes) problem(['stages'], 'the initial stage cannot publish');
    const publishing = new Set(config.stages.filter((s) => s.publishes).map((s) => s.id));
    const scheduling = config.stages.filter((s) => s.schedules);
    if (scheduling.length > 1)
      problem(['stages'], `may have at most one scheduling stage (found ${scheduling.length})`);
    config.stages.forEach((s, i) => {
      if (s.schedules && (s.initial || s.publishes))
        problem(['stages', i, 'schedules'], 'cannot be true for an initial or publishing stage');
    });

    const transitionIds = new Set<string>();
    config.transitions.forEach((t, i) => {
      const from = typeof t.from === 'string' ? [t.from] : t.from;
      from.forEach((f, j) => {
        if (typeof f !== 'string' || !stageIds.has(f)) {
          problem(
            ['transitions', i, 'from', ...(Array.isArray(t.from) ? [j] : [])],
            `names no stage ("${String(f)}")`
          );
        }
      });
      if (!stageIds.has(t.to)) problem(['transitions', i, 'to'], `names no stage ("${t.to}")`);
      else if (from.includes(t.to))
        problem(['transitions', i, 'to'], 'must differ from every "from" stage');
      if (t.unpublishes && publishing.has(t.to)) {
        problem(
          ['transitions', i, 'unpublishes'],
          'cannot be true for a transition into a publishing stage'
        );
      }
      if (t.effect !== undefined && !takesDown(publishing, from as string[], t)) {
        problem(
          ['transitions', i, 'effect'],
          'applies only to a transition that takes the story down (out of a publishing stage, or `unpublishes: true`)'
        );
      }
      if (transitionIds.has(t.id)) problem(['transitions', i, 'id'], `repeats "${t.id}"`);
      transitionIds.add(t.id);
    });
    // The scheduling stage is entered by an approval that carries publishAt, not by its own move.
    const into = (stageId: string) => config.transitions.some((t) => t.to === stageId);
    for (const stage of config.stages) {
      if (stage.initial || into(stage.id)) continue;
      if (stage.schedules && [...publishing].some(into)) continue;
      problem(['transitions'], `reach no transition into stage "${stage.id}"`);
    }
    scheduling.forEach((stage) => {
      const i = config.stages.indexOf(stage);
      const out = config.transitions.filter((t) => [t.from].flat().includes(stage.id));
      if (!out.some((t) => publishing.has(t.to)))
        problem(
          ['stages', i, 'schedules'],
          `needs a transition from "${stage.id}" into a publishing stage (publish now): the scheduler publishes along it`
        );
      if (!out.some((t) => !publishing.has(t.to)))
        problem(
          ['stages', i, 'schedules'],
          `needs a transition from "${stage.id}" back to review (unschedule)`
        );
    });

    config.stages.forEach((s, i) => {
      if (s.assignTo === undefined) return;
      const out = config.transitions.find((t) => t.id === s.assignTo);
      const from = out && (typeof out.from === 'string' ? [out.from] : out.from);
      if (!from?.includes(s.id))
        problem(
          ['stages', i, 'assignTo'],
          `names no transition out of "${s.id}" ("${s.assignTo}")`
        );
    });

    for (const uid of Object.keys(config.publishWith ?? {})) {
      if (!config.contentTypes.includes(uid))
        problem(['publishWith', uid], 'is not one of contentTypes');
    }
    for (const uid of Object.keys(config.reviewFields ?? {})) {
      if (!UID_PATTERN.test(uid))
        problem(['reviewFields', uid], 'must be keyed by a content-type uid');
    }
  });

/** Whether a transition unpublishes: as declared, else out of the publishing stages into another. */
const takesDown = (
  publishing: Set<string>,
  from: string[],
  t: { to: string; unpublishes?: boolean }
) => t.unpublishes ?? (from.every((f) => publishing.has(f)) && !publishing.has(t.to));

/** `transitions[2].to`, `publishWith.api::quote.quote`, or `config` for the whole. */
const keyOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : key ? `${key}.${String(part)}` : String(part),
    ''
  ) || 'config';

const toConfigError = (issues: readonly z.core.$ZodIssue[]) => {
  // An unknown top-level key is the likeliest typo: name it first, as an operator reads the config.
  const issue =
    issues.find((i) => i.code === 'unrecognized_keys' && i.path.length === 0) ?? issues[0];
  if (issue.code === 'unrecognized_keys') {
    const shape =
      issue.path.length === 0
        ? configSchema.shape
        : issue.path[0] === 'stages'
          ? stageSchema.shape
          : transitionSchema.shape;
    const known = Object.keys(shape);
    return new WorkflowConfigError(
      keyOf([...issue.path, issue.keys[0]]),
      `is not a known key (known: ${known.join(', ')})`
    );
  }
  return new WorkflowConfigError(keyOf(issue.path), issue.message);
};

export const parseWorkflowConfig = (raw: unknown): WorkflowDefinition => {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw toConfigError(parsed.error.issues);
  const config = parsed.data;

  const publishing = new Set(config.stages.filter((s) => s.publishes).map((s) => s.id));
  const stages: Stage[] = config.stages.map(({ schedules, ...s }) => ({
    ...s,
    initial: s.initial ?? false,
    publishes: s.publishes ?? false,
    ...(schedules ? { schedules: true } : {}),
  }));
  const transitions: Transition[] = config.transitions.map((t) => {
    const from = (typeof t.from === 'string' ? [t.from] : t.from) as string[];
    const unpublishes = takesDown(publishing, from, t);
    return {
      id: t.id,
      name: t.name,
      from,
      to: t.to,
      requireComment: t.requireComment ?? false,
      ...(t.commentPrompt === undefined ? {} : { commentPrompt: t.commentPrompt }),
      guards: t.guards ?? [],
      separationOfDuties: t.separationOfDuties ?? false,
      // Out of the published stages into an unpublished one takes the document down, unless told otherwise.
      unpublishes,
      ...(unpublishes ? { effect: t.effect ?? 'retract' } : {}),
    };
  });

  return {
    contentTypes: config.contentTypes,
    stages,
    transitions,
    separationOfDuties: config.separationOfDuties ?? true,
    publishWith: config.publishWith ?? {},
    reviewFields: config.reviewFields ?? {},
    maxCommentLength: config.maxCommentLength ?? 5000,
  };
};

export const initialStage = (def: WorkflowDefinition) => def.stages.find((s) => s.initial)!;
export const stageById = (def: WorkflowDefinition, id: string) =>
  def.stages.find((s) => s.id === id);
export const isPublishingStage = (def: WorkflowDefinition, id: string) =>
  Boolean(stageById(def, id)?.publishes);
/** The stage a document that is already live belongs in when it joins the workflow. */
export const firstPublishingStage = (def: WorkflowDefinition) =>
  def.stages.find((s) => s.publishes);

/** The stage where approved stories wait for their `publishAt`, if the workflow declares one. */
export const schedulingStage = (def: Pick<WorkflowDefinition, 'stages'>) =>
  def.stages.find((s) => s.schedules) ?? null;
export const isSchedulingStage = (def: Pick<WorkflowDefinition, 'stages'>, id: string) =>
  Boolean(def.stages.find((s) => s.id === id)?.schedules);

/** The transition that takes a story out of `stageId` into a publishing stage (approve). */
export const publishingTransitionFrom = (
  def: Pick<WorkflowDefinition, 'stages' | 'transitions'>,
  stageId: string
) => {
  const publishing = new Set(def.stages.filter((s) => s.publishes).map((s) => s.id));
  return def.transitions.find((t) => t.from.includes(stageId) && publishing.has(t.to)) ?? null;
};

/**
 * The move whose holders review a stage: its `assignTo`, else its move into publishing (approve).
 * Assignees, "every fact-checker" in emails and SLA reminders all mean its holders.
 */
export const reviewTransitionOf = (def: WorkflowDefinition, stageId: string) =>
  stageById(def, stageId)?.assignTo ?? publishingTransitionFrom(def, stageId)?.id ?? null;
