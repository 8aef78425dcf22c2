import type { Core } from '@strapi/strapi';

// Strapi accepts a relation in many shapes: a documentId, a row id, `{ documentId }`, `{ id }`, lists of
// them, and `{ connect, disconnect, set }` of any of those (with `position`). Every document named
// anywhere in such a value, whatever the verb: connecting and disconnecting both change a story.

export interface NamedTargets {
  documentIds: string[];
  ids: number[];
}

export const namedTargets = (value: unknown): NamedTargets => {
  const documentIds = new Set<string>();
  const ids = new Set<number>();
  const visit = (item: unknown): void => {
    if (item === null || item === undefined) return;
    if (Array.isArray(item)) return item.forEach(visit);
    if (typeof item === 'string') {
      if (/^\d+$/.test(item)) ids.add(Number(item));
      else documentIds.add(item);
      return;
    }
    if (typeof item === 'number') {
      ids.add(item);
      return;
    }
    if (typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (typeof record.documentId === 'string') documentIds.add(record.documentId);
      if (typeof record.id === 'number' || typeof record.id === 'string') visit(record.id);
      for (const verb of ['connect', 'disconnect', 'set']) visit(record[verb]);
    }
  };
  visit(value);
  return { documentIds: [...documentIds], ids: [...ids] };
};

/** documentIds of every `uid` document the relation value names (row ids resolved). */
export const mentionedTargets = async (
  strapi: Core.Strapi,
  uid: string,
  value: unknown
): Promise<string[]> => {
  const { documentIds, ids } = namedTargets(value);
  if (ids.length > 0) {
    const rows = await strapi.db
      .query(uid as any)
      .findMany({ where: { id: { $in: ids } }, select: ['documentId'] });
    documentIds.push(...rows.map((r: any) => r.documentId as string));
  }
  return [...new Set(documentIds)];
};
