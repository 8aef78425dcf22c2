import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { targetFromRequest } from './shared';

// The review checklist of one document locale; read rights as for its workflow state.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: any) {
    const target = await targetFromRequest(strapi, ctx, ctx.state.userAbility);
    ctx.body = { data: await getService(strapi, 'checklist').get(target) };
  },
});
