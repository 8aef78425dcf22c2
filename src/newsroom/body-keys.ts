// Request bodies: keys that only ever serve prototype pollution, and the row identity a client may
// not choose. Pure; the HTTP glue is src/middlewares/body-keys.ts.

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const IDENTITY_KEYS = ['id', 'documentId'];

/** Dotted paths of prototype keys at any depth (`data.constructor`); the walk stops at each one. */
export const prototypeKeyPaths = (value: unknown, path: string[] = []): string[][] => {
  if (!value || typeof value !== 'object') return [];
  const found: string[][] = [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, child] of entries) {
    if (PROTOTYPE_KEYS.has(key)) found.push([...path, key]);
    else found.push(...prototypeKeyPaths(child, [...path, key]));
  }
  return found;
};

// Content Manager routes whose body is the document's data: create, update, clone, publish
// (collection and single types).
const CM_DOCUMENT_WRITE =
  /^\/content-manager\/(collection-types\/[^/]+(\/[^/]+)?(\/actions\/publish)?|collection-types\/[^/]+\/clone\/[^/]+|single-types\/[^/]+(\/actions\/publish)?)\/?$/;

export const isDocumentWrite = (method: string, path: string) =>
  (method === 'POST' || method === 'PUT') && CM_DOCUMENT_WRITE.test(path);

/** The documentId a Content Manager document route names (`…/:uid/:documentId`, `…/clone/:documentId`). */
export const documentIdInPath = (path: string): string | null =>
  path.match(
    /^\/content-manager\/collection-types\/[^/]+\/(?:clone\/)?([^/]+?)(?:\/actions\/publish)?\/?$/
  )?.[1] ?? null;

/**
 * Top-level `id`/`documentId` in a document body: Strapi would write them as given (or answer 500).
 * The Content Manager's own form sends the documentId of the document it edits on every save: that
 * one changes nothing and is let through.
 */
export const identityKeys = (body: unknown, ownDocumentId: string | null = null): string[] =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? IDENTITY_KEYS.filter(
        (key) =>
          Object.prototype.hasOwnProperty.call(body, key) &&
          !(
            key === 'documentId' &&
            ownDocumentId !== null &&
            (body as Record<string, unknown>).documentId === ownDocumentId
          )
      )
    : [];
