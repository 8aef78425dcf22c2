// The publish-aware response cache: one store per process, the routes it answers for, and the
// announcements of changes (locally at commit, to other processes through PostgreSQL).
// The rules are pure, in ../cache/; this is the Strapi glue.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  CACHE_PURGE_EVENT,
  type CachePurgeEvent,
  type CacheStats,
  PLUGIN_ID,
} from '../../../shared/contracts';
import { type GetTagModel, targetOf } from '../cache/answer-tags';
import { type CacheConfig, parseCacheConfig } from '../cache/cache-config';
import { type HttpCachingOptions, publicCacheControl } from '../cache/http-caching';
import { PgSync, type SyncMessage } from '../cache/pg-sync';
import { ResponseStore } from '../cache/response-store';

export const SYNC_CHANNEL = 'editorial_workflow_cache';
/** The LISTEN connection's application_name, followed by the process id. */
export const LISTENER_APPLICATION_NAME = 'editorial-workflow cache listener';

export interface CachedRoute {
  uid: string;
  kind: 'list' | 'one';
}

type Announcement = Omit<SyncMessage, 'origin'>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let config: CacheConfig | null = null;
  let store: ResponseStore | null = null;
  let sync: PgSync | null = null;
  let routes: Map<string, string> | null = null;
  let cacheControl: string | null = null;
  const origin = randomUUID();
  // Tags announced while a block runs (a transition's webhook carries them for CDN purges).
  const collecting = new AsyncLocalStorage<Set<string>>();

  const getModel: GetTagModel = (uid) => strapi.getModel(uid as any) as any;

  // What each transaction changed, applied and announced once when it commits.
  const committing = new WeakMap<object, { tags: Set<string>; flush: boolean }>();
  const emitPurge = (tags: Iterable<string>, flush: boolean) => {
    const event: CachePurgeEvent = {
      tags: flush ? [] : [...tags].sort(),
      flush,
      createdAt: new Date().toISOString(),
    };
    if (event.flush || event.tags.length > 0) strapi.eventHub.emit(CACHE_PURGE_EVENT, event);
  };

  const apply = (message: Announcement) => {
    if (!store) return;
    if (message.flush) store.flush();
    else if (message.tags?.length) store.invalidate(message.tags);
  };

  /** A change that is now visible: evicted here, and told to webhooks (`cache-purge`). */
  const committed = (tags: string[], flush: boolean) => {
    apply({ tags, flush });
    emitPurge(tags, flush);
  };

  const service = {
    config(): CacheConfig {
      if (!config) {
        const raw = strapi.config.get(`plugin::${PLUGIN_ID}`) as any;
        config = parseCacheConfig(raw?.cache, raw?.contentTypes ?? []);
      }
      return config;
    },

    get enabled() {
      return service.config().enabled;
    },

    store(): ResponseStore {
      const c = service.config();
      store ??= new ResponseStore({ maxBytes: c.maxBytes, ttlMs: c.ttlSeconds * 1000 });
      return store;
    },

    isCached(uid: string) {
      return service.enabled && service.config().contentTypes.includes(uid);
    },

    cacheControl(): string {
      cacheControl ??= publicCacheControl(service.config() as HttpCachingOptions);
      return cacheControl;
    },

    /** The cached type and kind behind a content-API path: `/api/articles` (list), `/api/articles/:id`. */
    routeOf(path: string): CachedRoute | null {
      if (!routes) {
        const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '');
        routes = new Map();
        for (const uid of service.config().contentTypes) {
          const plural = (getModel(uid) as any)?.info?.pluralName;
          if (plural) routes.set(`${prefix}/${plural}`, uid);
        }
      }
      const trimmed = path.replace(/\/+$/, '');
      const list = routes.get(trimmed);
      if (list) return { uid: list, kind: 'list' };
      const slash = trimmed.lastIndexOf('/');
      const one = slash > 0 ? routes.get(trimmed.slice(0, slash)) : undefined;
      return one && slash < trimmed.length - 1 ? { uid: one, kind: 'one' } : null;
    },

    getModel,

    /** Documents of cached types linked to these documents now (both sides of each relation). */
    async linkedDocuments(uid: string, documentIds: string[]) {
      const model = getModel(uid) as any;
      if (!model || documentIds.length === 0) return [];
      const relations = Object.entries(model.attributes as Record<string, any>).filter(
        ([, a]) =>
          a.type === 'relation' && a.target && service.config().contentTypes.includes(a.target)
      );
      if (relations.length === 0) return [];
      const draftAndPublish = Boolean(model.options?.draftAndPublish);
      const rows = await strapi.db.query(uid as any).findMany({
        where: {
          documentId: { $in: documentIds },
          ...(draftAndPublish ? { publishedAt: { $notNull: true } } : {}),
        },
        select: ['id'],
        populate: Object.fromEntries(relations.map(([name]) => [name, { select: ['documentId'] }])),
      });
      const linked: { uid: string; documentId: string }[] = [];
      for (const row of rows as any[])
        for (const [name, attribute] of relations) {
          const value = row[name];
          for (const item of Array.isArray(value) ? value : value ? [value] : [])
            if (item?.documentId)
              linked.push({ uid: targetOf(attribute)!, documentId: item.documentId });
        }
      return linked;
    },

    /**
     * A change that alters public answers: evicted here when its transaction commits (at once
     * outside one), and sent to the other processes inside it, so that they hear of it exactly when
     * it becomes visible, and never of a change that rolled back.
     */
    async announce(message: Announcement) {
      if (!service.enabled) return;
      const collector = collecting.getStore();
      if (collector) for (const tag of message.tags ?? []) collector.add(tag);
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ trx, onCommit }) => {
          let batch = committing.get(trx);
          if (!batch) {
            const fresh = { tags: new Set<string>(), flush: false };
            committing.set(trx, fresh);
            onCommit(() => committed([...fresh.tags], fresh.flush));
            batch = fresh;
          }
          for (const tag of message.tags ?? []) batch.tags.add(tag);
          if (message.flush) batch.flush = true;
          if (sync) await sync.notify((sql, bindings) => trx.raw(sql, bindings as any), message);
        });
        return;
      }
      committed(message.tags ?? [], Boolean(message.flush));
      if (sync)
        await sync.notify(
          (sql, bindings) => strapi.db.connection.raw(sql, bindings as any),
          message
        );
    },

    /** Runs `block`, returning what it returned and the tags announced meanwhile. */
    async collectTags<T>(block: () => Promise<T>): Promise<{ result: Awaited<T>; tags: string[] }> {
      const tags = new Set<string>();
      const result = (await collecting.run(tags, block)) as Awaited<T>;
      return { result, tags: [...tags].sort() };
    },

    /** Empties every process's cache (the admin's Purge button). */
    async purge(actor?: { id: number | string }) {
      committed([], true);
      if (sync)
        await sync.notify((sql, bindings) => strapi.db.connection.raw(sql, bindings as any), {
          flush: true,
        });
      strapi.log.info(`[editorial-workflow] cache purged${actor ? ` by admin #${actor.id}` : ''}`);
    },

    stats(): CacheStats {
      const s = service.store();
      const { hits, misses } = s.counters;
      return {
        enabled: service.enabled,
        entries: s.entries,
        bytes: s.bytes,
        maxBytes: s.options.maxBytes,
        ...s.counters,
        hitRatio: hits + misses === 0 ? null : hits / (hits + misses),
        sync: !sync ? 'local' : sync.state === 'listening' ? 'listening' : 'reconnecting',
        since: s.since.toISOString(),
      };
    },

    /** The LISTEN side, on PostgreSQL only (SQLite is one process). */
    async startSync() {
      if (!service.enabled || sync) return;
      const database = strapi.config.get('database.connection') as any;
      if (database?.client !== 'postgres' && database?.client !== 'pg') return;
      const settings =
        typeof database.connection === 'string'
          ? { connectionString: database.connection }
          : { ...database.connection };
      delete settings.schema;
      // Names the listener in pg_stat_activity (operators, and tests that cut it, find it there).
      settings.application_name ??= `${LISTENER_APPLICATION_NAME} ${process.pid}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Client } = require('pg');
      const s = service.store();
      // Until LISTEN is up, another process's change could go unheard: nothing served or stored.
      s.suspend();
      sync = new PgSync({
        connection: settings,
        channel: SYNC_CHANNEL,
        origin,
        Client,
        onMessage: apply,
        onDown: () => s.suspend(),
        onUp: () => s.resume(),
        log: strapi.log,
      });
      await sync.start();
    },

    async stopSync() {
      await sync?.stop();
      sync = null;
    },

    /** The listener (tests drop its connection). */
    sync: () => sync,
  };
  return service;
};
