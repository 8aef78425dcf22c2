import type { Core } from '@strapi/strapi';
import { actorFromRequest } from '../services/actor';
import { getService } from '../utils';
import { parseQueueQuery, targetFromRequest } from './shared';

// Content API for API tokens. The route permission is the whole grant: a token allowed to
// `transition` may make any move the rules allow (separation of duties and guards still apply).
const anyTransition = () => true;

export const state = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: any) {
    const target = await targetFromRequest(strapi, ctx);
    ctx.body = {
      data: await getService(strapi, 'workflow').getState(
        target,
        actorFromRequest(ctx),
        anyTransition
      ),
    };
  },
  async transition(ctx: any) {
    const target = await targetFromRequest(strapi, ctx);
    ctx.body = {
      data: await getService(strapi, 'workflow').transition(
        target,
        ctx.request.body,
        actorFromRequest(ctx),
        anyTransition
      ),
    };
  },
});

export const queue = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    ctx.body = await getService(strapi, 'workflow').queue(parseQueueQuery(strapi, ctx.query));
  },
});
