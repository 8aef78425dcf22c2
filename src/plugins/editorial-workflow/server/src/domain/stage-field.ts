// The stage copy on a document's rows (STAGE_FIELD) is the workflow's to write. A write body that
// names it is either an echo of what is stored (the Content Manager's edit form sends back every
// field it loaded: dropped) or an attempt to move the stage past the transitions (refused).
import type { Refusal } from './rules';

export type StageFieldWrite =
  { kind: 'absent' } | { kind: 'echo' } | { kind: 'refused'; refusal: Refusal };

/**
 * `stored`: the values the document locale's rows hold now (none for a new document or locale);
 * `stageName`: the stored stage's display name, for the message.
 */
export const checkStageFieldWrite = (
  field: string,
  data: unknown,
  stored: (string | null)[],
  stageName?: string
): StageFieldWrite => {
  if (!data || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, field))
    return { kind: 'absent' };
  const value = (data as Record<string, unknown>)[field];
  if (
    value === undefined ||
    (value === null && stored.length === 0) ||
    (typeof value === 'string' && stored.includes(value))
  )
    return { kind: 'echo' };
  const now = stageName ? ` (it is in "${stageName}" now; reload to see it)` : '';
  return {
    kind: 'refused',
    refusal: {
      status: 400,
      name: 'ValidationError',
      message: `${field} is set by the editorial workflow: stages move only through transitions${now}`,
      details: {
        errors: [
          {
            path: [field],
            message: 'Stages move only through the editorial workflow transitions',
            name: 'ValidationError',
          },
        ],
      },
    },
  };
};
