import { z } from 'zod';
import type { WorkflowDefinition } from './domain/definition';
import { invalid } from './services/errors';

// `GET /desk?days=&uid=&locale=`: a window of 1 to 90 days (the page offers 7 and 30), a managed
// type, a locale code. Refusals are `400 ValidationError` naming the parameter.

export const DESK_MAX_DAYS = 90;
const DAYS = `days must be a whole number from 1 to ${DESK_MAX_DAYS}`;
const given = (value: unknown) => (value === '' ? undefined : value);
const single = (name: string) =>
  z.preprocess(given, z.string({ error: `${name} must be a single value` }).optional());

export const deskQuerySchema = (def: WorkflowDefinition) =>
  z.strictObject({
    days: single('days').pipe(
      z
        .string()
        .regex(/^\d{1,3}$/, DAYS)
        .transform(Number)
        .pipe(z.number().int().min(1, DAYS).max(DESK_MAX_DAYS, DAYS))
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
  });

export const parseDeskQuery = (def: WorkflowDefinition, query: unknown) => {
  const result = deskQuerySchema(def).safeParse(query ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue.code === 'unrecognized_keys')
      throw invalid(issue.keys[0], `Unknown key "${issue.keys[0]}" (expected days, uid, locale)`);
    throw invalid(issue.path.map(String).join('.') || 'query', issue.message);
  }
  return { days: result.data.days ?? 7, uid: result.data.uid, locale: result.data.locale };
};
