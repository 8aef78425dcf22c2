// What a public answer depends on, as tags, so that a change evicts exactly the answers it can alter:
// - `<type>:<documentId>` for every document the answer contains, at every depth it was populated
//   to (`article:abc`, `quote:def`, `person:ghi`, `file:jkl`);
// - `<types>` (the plural name: `articles`) for every type whose changes can change which documents
//   the answer holds: the root type of a list, and any type its filters reach through a relation.
// A change to a document carries its own tag, the tags of the documents it is now linked to (an
// answer that will show it holds one of those) and its type's list tag. Pure: the caller passes
// `getModel`.

export interface TagModel {
  info?: { singularName?: string; pluralName?: string };
  attributes: Record<string, { type: string; target?: string; component?: string }>;
}
export type GetTagModel = (uid: string) => TagModel | undefined;

export const MEDIA_UID = 'plugin::upload.file';

const typeTag = (getModel: GetTagModel, uid: string) =>
  uid === MEDIA_UID ? 'file' : (getModel(uid)?.info?.singularName ?? uid);

export const documentTag = (getModel: GetTagModel, uid: string, documentId: string) =>
  `${typeTag(getModel, uid)}:${documentId}`;

export const listTag = (getModel: GetTagModel, uid: string) =>
  uid === MEDIA_UID ? 'files' : (getModel(uid)?.info?.pluralName ?? `${uid}:list`);

/** The target of a relation, media or component attribute (what a nested value is made of). */
export const targetOf = (attribute: { type: string; target?: string; component?: string }) =>
  attribute.type === 'relation'
    ? attribute.target
    : attribute.type === 'media'
      ? MEDIA_UID
      : attribute.type === 'component'
        ? attribute.component
        : undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Tags of every document in a response's `data` (one entry, a list, nested relations). */
export const answerTags = (
  getModel: GetTagModel,
  uid: string,
  data: unknown,
  into: Set<string> = new Set()
): Set<string> => {
  if (Array.isArray(data)) {
    for (const item of data) answerTags(getModel, uid, item, into);
    return into;
  }
  if (!data || typeof data !== 'object') return into;
  const row = data as Record<string, unknown>;
  if (typeof row.documentId === 'string') into.add(documentTag(getModel, uid, row.documentId));
  const attributes = getModel(uid)?.attributes ?? {};
  for (const [key, value] of Object.entries(row)) {
    const attribute = attributes[key];
    if (!attribute || !value || typeof value !== 'object') continue;
    const target = targetOf(attribute);
    if (target) answerTags(getModel, target, value, into);
    // Dynamic zones and morph relations have no one target: each item names what it is.
    else if (attribute.type === 'dynamiczone' || attribute.type === 'relation')
      for (const item of Array.isArray(value) ? value : [value]) {
        const named = isObject(item) ? (item.__component ?? item.__type) : undefined;
        if (typeof named === 'string') answerTags(getModel, named, item, into);
      }
  }
  return into;
};

/** List tags of the types a `filters` object reaches through relations (not the root type). */
const filterTypes = (
  getModel: GetTagModel,
  uid: string,
  filters: unknown,
  into: Set<string>
): void => {
  if (Array.isArray(filters)) {
    for (const f of filters) filterTypes(getModel, uid, f, into);
    return;
  }
  if (!isObject(filters)) return;
  const attributes = getModel(uid)?.attributes ?? {};
  for (const [key, value] of Object.entries(filters)) {
    if (key.startsWith('$')) {
      filterTypes(getModel, uid, value, into);
      continue;
    }
    const target = attributes[key] && targetOf(attributes[key]);
    if (!target) continue;
    into.add(listTag(getModel, target));
    filterTypes(getModel, target, value, into);
  }
};

/** Populated relations that are filtered: which of their documents show can change. */
const populateTypes = (
  getModel: GetTagModel,
  uid: string,
  populate: unknown,
  into: Set<string>
): void => {
  if (!isObject(populate)) return;
  const attributes = getModel(uid)?.attributes ?? {};
  for (const [key, value] of Object.entries(populate)) {
    if (!attributes[key] || !isObject(value)) continue;
    const target = targetOf(attributes[key]);
    if (target) populated(getModel, target, value, into);
    // Dynamic zones and morph relations (no one target) say `on`: each branch is populated like a
    // relation to the type it names.
    if (isObject(value.on))
      for (const [branch, nested] of Object.entries(value.on))
        if (isObject(nested)) populated(getModel, branch, nested, into);
  }
};

/** One populated attribute of type `target`: its filters, and what it populates in turn. */
const populated = (
  getModel: GetTagModel,
  target: string,
  value: Record<string, unknown>,
  into: Set<string>
) => {
  if (value.filters !== undefined) {
    into.add(listTag(getModel, target));
    filterTypes(getModel, target, value.filters, into);
  }
  populateTypes(getModel, target, value.populate, into);
};

/**
 * List tags a query's answer depends on. A list (`find`) depends on its root type: any change of a
 * document of that type may move it into, out of, or within the page. Both kinds depend on types
 * reached by `filters`, and on the targets of filtered populates.
 */
export const queryTags = (
  getModel: GetTagModel,
  uid: string,
  query: Record<string, unknown> | undefined,
  kind: 'list' | 'one'
): Set<string> => {
  const into = new Set<string>();
  if (kind === 'list') into.add(listTag(getModel, uid));
  filterTypes(getModel, uid, query?.filters, into);
  populateTypes(getModel, uid, query?.populate, into);
  return into;
};

/** Tags a change evicts: the document, the documents now linked to it, and its type's lists. */
export const changeTags = (
  getModel: GetTagModel,
  uid: string,
  documentIds: Iterable<string>,
  linked: Iterable<{ uid: string; documentId: string }> = []
): string[] => {
  const tags = new Set<string>([listTag(getModel, uid)]);
  for (const id of documentIds) tags.add(documentTag(getModel, uid, id));
  for (const link of linked) tags.add(documentTag(getModel, link.uid, link.documentId));
  return [...tags];
};
