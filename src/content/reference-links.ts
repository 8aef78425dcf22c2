// Person and Source are reference data: the links between them and stories or quotes belong to
// the story and the quote (their working copy, then the workflow). Pure.
import { PERSON, SOURCE } from './types';

/** Where each inverse link is made instead, by reference type and field. */
export const OWNER_SIDE: Record<string, Record<string, string>> = {
  [PERSON]: {
    quotes: "Link a quote to a person from the quote's speaker field",
    articles: "Name a person in a story from the story's people field",
  },
  [SOURCE]: {
    quotes: "Link a quote to a source from the quote's source field",
    articles: "Cite a source in a story from the story's sources field",
  },
};

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

/**
 * Whether a relation payload leaves the links as they are. The Content Manager sends
 * `{ connect: [], disconnect: [] }` when nothing changed; an empty list or `set: []` changes
 * nothing only where there is nothing linked yet (a new entry, or `currentlyEmpty`).
 */
export const isNoOpRelationPayload = (
  value: unknown,
  { currentlyEmpty }: { currentlyEmpty: boolean }
): boolean => {
  if (value === undefined) return true;
  if (value === null || isEmptyList(value)) return currentlyEmpty;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const payload = value as Record<string, unknown>;
  const known = new Set(['connect', 'disconnect', 'set', 'options']);
  if (Object.keys(payload).some((key) => !known.has(key))) return false;
  for (const key of ['connect', 'disconnect'] as const) {
    if (payload[key] !== undefined && payload[key] !== null && !isEmptyList(payload[key]))
      return false;
  }
  if ('set' in payload && !(currentlyEmpty && (payload.set === null || isEmptyList(payload.set))))
    return false;
  return true;
};

/** Inverse fields of `uid` that `data` would change, each with where to make the change. */
export const inverseLinkWrites = (
  uid: string,
  data: Record<string, unknown>,
  currentlyEmpty: (field: string) => boolean
): { path: string[]; message: string }[] =>
  Object.entries(OWNER_SIDE[uid] ?? {})
    .filter(([field]) => Object.prototype.hasOwnProperty.call(data, field))
    .filter(
      ([field]) => !isNoOpRelationPayload(data[field], { currentlyEmpty: currentlyEmpty(field) })
    )
    .map(([field, where]) => ({
      path: [field],
      message: `${field} cannot be changed from here: ${where}`,
    }));
