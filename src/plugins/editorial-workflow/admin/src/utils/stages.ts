import { getFetchClient } from '@strapi/strapi/admin';
import type { StageRow } from '../api';

// The list view renders one cell per row; this gathers the cells of one render into one
// `/stages` request per content type and locale instead of one request per row.
type Waiter = { resolve: (row: StageRow | null) => void; reject: (e: unknown) => void };
const pending = new Map<string, Map<string, Waiter[]>>();
let timer: ReturnType<typeof setTimeout> | null = null;

const flush = async () => {
  timer = null;
  const batches = [...pending.entries()];
  pending.clear();
  const { get } = getFetchClient();
  await Promise.all(
    batches.map(async ([key, waiters]) => {
      const [uid, locale] = key.split('|');
      const ids = [...waiters.keys()];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        try {
          const res = await get<{ data: StageRow[] }>('/editorial-workflow/stages', {
            params: { uid, documentIds: chunk.join(','), ...(locale ? { locale } : {}) },
          });
          const byId = new Map(res.data.data.map((r) => [r.documentId, r]));
          for (const id of chunk) waiters.get(id)?.forEach((w) => w.resolve(byId.get(id) ?? null));
        } catch (e) {
          for (const id of chunk) waiters.get(id)?.forEach((w) => w.reject(e));
        }
      }
    })
  );
};

export const loadStage = (uid: string, locale: string | undefined, documentId: string) =>
  new Promise<StageRow | null>((resolve, reject) => {
    const key = `${uid}|${locale ?? ''}`;
    const batch = pending.get(key) ?? new Map<string, Waiter[]>();
    pending.set(key, batch);
    batch.set(documentId, [...(batch.get(documentId) ?? []), { resolve, reject }]);
    if (!timer) timer = setTimeout(flush, 0);
  });
