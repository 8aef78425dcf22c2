// Which Document Service writes can change what readers get. Pure.

/** Actions that write (reads never change an answer). */
const WRITES = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/**
 * On a type with Draft & Publish readers see only published rows: publishing, unpublishing,
 * deleting, or a create/update that publishes (`status: 'published'`) changes them; editing,
 * cloning or discarding a draft does not. On a type without it every write is live.
 */
export const changesPublicAnswers = (
  action: string,
  params: { status?: unknown } | undefined,
  draftAndPublish: boolean
): boolean => {
  if (!WRITES.has(action)) return false;
  if (!draftAndPublish) return action !== 'discardDraft';
  if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
  return (action === 'create' || action === 'update') && params?.status === 'published';
};

/** The document a write was about: named in its params, or returned by it (a create, a clone). */
export const documentIdOf = (params: any, result: any): string | null => {
  const id = params?.documentId ?? result?.documentId;
  return typeof id === 'string' && id.length > 0 ? id : null;
};
