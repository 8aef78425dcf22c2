import { z } from 'zod';
import type { MoveRequest } from './domain/rules';
import type { WorkflowDefinition } from './domain/definition';
import { invalid } from './services/errors';

// What the plugin's routes accept, declared once: the transition body and the query strings of
// the state, queue and stages routes. A refusal is Strapi's `400 ValidationError` whose message
// and `details.errors[].path` name the part that is wrong (the first one found).

/** Parses `input`, or throws for its first issue; `whole` names the input when the issue is about all of it. */
export const parse = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  whole: string
): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { issues } = result.error;
  // An unknown key says the most about what the client meant: name it first.
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  if (issue.code === 'unrecognized_keys' && issue.path.length > 0) {
    // Inside a nested object (`correction.flag`): named by its whole path.
    const key = [...issue.path.map(String), issue.keys[0]].join('.');
    throw invalid(key, `Unknown key "${key}"`);
  }
  if (issue.code === 'unrecognized_keys') {
    const object = schema instanceof z.ZodPipe ? schema.in : schema;
    const known =
      object instanceof z.ZodObject ? ` (expected ${Object.keys(object.shape).join(', ')})` : '';
    throw invalid(issue.keys[0], `Unknown key "${issue.keys[0]}"${known}`);
  }
  throw invalid(issue.path.length > 0 ? issue.path.map(String).join('.') : whole, issue.message);
};

// Query-string values: absent or empty means "not given"; a repeated key (`?stage=a&stage=b`) or a
// bracketed one (`?stage[x]=a`) arrives as a list or an object and is refused.
const given = (value: unknown) => (value === '' ? undefined : value);
const single = (name: string) =>
  z.preprocess(given, z.string({ error: `${name} must be a single value` }).optional());
const positiveInt = (name: string, max?: number) => {
  const message = `${name} must be a positive integer`;
  const int = z.number({ error: message }).int(message).min(1, message);
  return z.preprocess(
    given,
    z
      .string({ error: message })
      .transform(Number)
      .pipe(max ? int.max(max, `${name} must be at most ${max}`) : int)
      .optional()
  );
};

// ISO 8601 with an explicit zone: a time without one means a different instant on every server.
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const zonedTime = (name: string) => {
  const message = `${name} must be an ISO 8601 date and time with a time zone, such as 2026-05-01T09:00:00+02:00 or 2026-05-01T07:00:00Z`;
  return (
    z
      .string({ error: message })
      .regex(ZONED_TIME, message)
      // Dates roll over (February 30th would be March 2nd): the day must exist in its month.
      .refine((value) => {
        const [y, m, d] = value.slice(0, 10).split('-').map(Number);
        return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      }, message)
      .transform((value) => new Date(value))
      .refine((date) => !Number.isNaN(date.getTime()), message)
      .nullish()
  );
};

export const moveRequestSchema = z
  .strictObject(
    {
      transition: z
        .string({ error: 'transition must be a transition id' })
        .min(1, 'transition must be a transition id'),
      comment: z.string({ error: 'comment must be text' }).nullish(),
      expectedVersion: z
        .number({ error: 'expectedVersion must be a positive integer' })
        .int('expectedVersion must be a positive integer')
        .min(1, 'expectedVersion must be a positive integer')
        .nullish(),
      publishAt: zonedTime('publishAt'),
      unpublishAt: zonedTime('unpublishAt'),
      // Read by the public (domain/public-record.ts): a correction's note, a withdrawal's notice.
      correction: z
        .strictObject(
          { note: z.string({ error: 'correction.note must be text' }).nullish() },
          { error: 'correction must be an object { note }' }
        )
        .nullish(),
      publicNote: z.string({ error: 'publicNote must be text' }).nullish(),
    },
    { error: 'The body must be a JSON object' }
  )
  // A blank comment is no comment: a move that needs one is refused by the rules. A correction
  // chosen with a blank note stays a correction, refused by the rules for want of its note.
  .transform(
    ({
      transition,
      comment,
      expectedVersion,
      publishAt,
      unpublishAt,
      correction,
      publicNote,
    }): MoveRequest => ({
      transition,
      comment: comment?.trim() || null,
      expectedVersion: expectedVersion ?? null,
      ...(publishAt ? { publishAt } : {}),
      ...(unpublishAt ? { unpublishAt } : {}),
      ...(correction ? { correction: { note: correction.note?.trim() ?? '' } } : {}),
      ...(publicNote?.trim() ? { publicNote: publicNote.trim() } : {}),
    })
  );

/**
 * The body of `POST .../transition`: `{ transition, comment?, expectedVersion?, publishAt?,
 * unpublishAt?, correction?: { note }, publicNote? }`.
 */
export const parseMoveRequest = (body: unknown): MoveRequest =>
  parse(moveRequestSchema, body, 'body');

export const localeQuerySchema = z.object({ locale: single('locale') });

/** `?locale=` of the state and transition routes. */
export const parseLocaleQuery = (query: unknown) => parse(localeQuerySchema, query, 'query').locale;

export const queueQuerySchema = (def: WorkflowDefinition) => {
  const stageIds = def.stages.map((s) => s.id);
  return z.object({
    stage: single('stage').pipe(
      z
        .enum(stageIds as [string, ...string[]], {
          error: (issue) =>
            `Unknown stage "${String(issue.input)}" (known: ${stageIds.join(', ')})`,
        })
        .optional()
    ),
    uid: single('uid').pipe(
      z
        .enum(def.contentTypes as [string, ...string[]], {
          error: (issue) => `${String(issue.input)} is not in the editorial workflow`,
        })
        .optional()
    ),
    locale: single('locale'),
    page: positiveInt('page'),
    pageSize: positiveInt('pageSize', 100),
    assigned: single('assigned').pipe(
      z
        .enum(['me', 'none'], {
          error: (issue) => `Unknown assigned "${String(issue.input)}" (known: me, none)`,
        })
        .optional()
    ),
    sort: single('sort').pipe(
      z
        .enum(['waiting', 'newest'], {
          error: (issue) => `Unknown sort "${String(issue.input)}" (known: waiting, newest)`,
        })
        .optional()
    ),
  });
};

/** `GET /queue?stage=&uid=&locale=&page=&pageSize=`. */
export const parseQueueQuery = (def: WorkflowDefinition, query: unknown) =>
  parse(queueQuerySchema(def), query, 'query');

export const stagesQuerySchema = (def: WorkflowDefinition) => {
  const UID = 'uid must name a content type in the editorial workflow';
  const IDS = 'documentIds must list 1 to 100 comma-separated documentIds';
  return z.object({
    uid: single('uid').pipe(z.enum(def.contentTypes as [string, ...string[]], { error: UID })),
    documentIds: single('documentIds')
      .transform((ids) =>
        (ids ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      )
      .pipe(z.array(z.string()).min(1, IDS).max(100, IDS)),
    locale: single('locale'),
  });
};

/** `GET /stages?uid=&documentIds=a,b&locale=`: the stages of up to 100 documents. */
export const parseStagesQuery = (def: WorkflowDefinition, query: unknown) =>
  parse(stagesQuerySchema(def), query, 'query');
