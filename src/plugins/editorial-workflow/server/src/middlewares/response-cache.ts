// The content API's public reads of the cached types, answered from memory when nothing they
// contain has changed. Listed in the app's config/middlewares.ts right after `strapi::query`, so a
// hit skips the body parser, the router, authentication, the controller and the database.
//
// Only requests without credentials are served or stored: an `Authorization` header (API token,
// end user's or admin's JWT) always goes through, and its answer is marked `private, no-store`.
// An answer is stored only if Strapi itself treated the request as the public's.
import type { Core } from '@strapi/strapi';
import { CACHE_DOCUMENTS_STATE } from '../../../shared/contracts';
import { answerTags, documentTag, queryTags } from '../cache/answer-tags';
import {
  PRIVATE_CACHE_CONTROL,
  etagOf,
  matchesIfNoneMatch,
  tagHeaders,
} from '../cache/http-caching';
import { requestKey } from '../cache/request-key';
import type { CachedAnswer } from '../cache/response-store';
import { getService } from '../utils';

const JSON_TYPE = 'application/json; charset=utf-8';

const send = (ctx: any, answer: CachedAnswer, cacheControl: string, outcome: string) => {
  ctx.set('Cache-Control', cacheControl);
  ctx.set('ETag', answer.etag);
  ctx.set('X-Cache', outcome);
  // Worked out once per answer, not once per hit.
  answer.headers ??= tagHeaders(answer.tags);
  for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), answer.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = answer.status;
  ctx.type = answer.type;
  ctx.body = answer.body;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = getService(strapi, 'cache');
  const actor = getService(strapi, 'actor');
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!cache.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const route = cache.routeOf(ctx.path);
    if (!route) return next();
    const store = cache.store();

    if (ctx.get('Authorization')) {
      store.countBypass();
      await next();
      ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
      return;
    }

    const key = requestKey(ctx.path, ctx.query);
    const hit = store.lookup(key);
    if (hit) return send(ctx, hit, cache.cacheControl(), 'HIT');
    if (!store.available) {
      // Suspended (the PostgreSQL listener is down): read through, and say so.
      await next();
      ctx.set('X-Cache', 'BYPASS');
      return;
    }

    // Before the route runs: later middlewares rewrite ctx.query in place.
    const dependsOn = queryTags(cache.getModel, route.uid, ctx.query, route.kind);
    const ticket = store.begin();
    try {
      await next();
      const body = ctx.body;
      if (ctx.status !== 200 || !body || typeof body !== 'object' || Buffer.isBuffer(body)) return;
      if (actor.fromRequest(ctx).type !== 'public') {
        ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
        return;
      }
      const bytes = Buffer.from(JSON.stringify(body));
      const tags = answerTags(cache.getModel, route.uid, (body as any).data, dependsOn);
      const shown: { uid: string; documentId: string }[] = ctx.state?.[CACHE_DOCUMENTS_STATE] ?? [];
      for (const { uid, documentId } of shown)
        tags.add(documentTag(cache.getModel, uid, documentId));
      const answer: CachedAnswer = {
        body: bytes,
        etag: etagOf(bytes),
        tags: [...tags].sort(),
        status: 200,
        type: JSON_TYPE,
      };
      store.store(key, answer, ticket);
      send(ctx, answer, cache.cacheControl(), 'MISS');
    } finally {
      store.end(ticket);
    }
  };
};
