import type { Core } from '@strapi/strapi';
import type { CacheStats } from '../../../shared/contracts';
import { getService } from '../utils';

// Settings → Response cache (admin JWT): this process's statistics, and a purge of every process.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stats(ctx: any) {
    const data: CacheStats = getService(strapi, 'cache').stats();
    ctx.body = { data };
  },

  async purge(ctx: any) {
    const cache = getService(strapi, 'cache');
    // What this process held; the others empty theirs on hearing of the purge.
    const removed = cache.stats().entries;
    // A disabled cache holds nothing and has no listener: nothing to purge, nothing to announce.
    if (cache.enabled) await cache.purge(ctx.state.user);
    const data: CacheStats = cache.stats();
    ctx.body = { data, meta: { removed } };
  },
});
