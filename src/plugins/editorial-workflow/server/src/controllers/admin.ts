import type { Core } from '@strapi/strapi';
import { transitionAction } from '../../../shared/contracts';
import { adminActor } from '../services/actor';
import { getService } from '../utils';
import { parseQueueQuery, parseStagesQuery, targetFromRequest } from './shared';

// Admin panel API (admin JWT). Permissions: `read` on the routes, one action per transition here;
// which documents a user sees and moves follows their Content Manager rights (services/access.ts).
const mayFor = (ctx: any) => (transitionId: string) =>
  Boolean(ctx.state.userAbility?.can(transitionAction(transitionId)));
const never = () => false;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async workflow(ctx: any) {
    const { contentTypes, stages, transitions } = getService(strapi, 'definition').get();
    ctx.body = { data: { contentTypes, stages, transitions } };
  },

  async state(ctx: any) {
    const { userAbility } = ctx.state;
    const target = await targetFromRequest(strapi, ctx, userAbility);
    // Without the right to edit it, a user sees no move to make.
    const may = (await getService(strapi, 'access').mayUpdate(userAbility, target))
      ? mayFor(ctx)
      : never;
    ctx.body = {
      data: await getService(strapi, 'workflow').getState(target, adminActor(ctx.state.user), may),
    };
  },

  async transition(ctx: any) {
    const { userAbility } = ctx.state;
    const target = await targetFromRequest(strapi, ctx, userAbility);
    await getService(strapi, 'access').assertMayUpdate(userAbility, target);
    ctx.body = {
      data: await getService(strapi, 'workflow').transition(
        target,
        ctx.request.body,
        adminActor(ctx.state.user),
        mayFor(ctx)
      ),
    };
  },

  async stages(ctx: any) {
    const { uid, locale, documentIds } = await parseStagesQuery(strapi, ctx.query);
    ctx.body = {
      data: await getService(strapi, 'workflow').stages(
        uid,
        locale,
        documentIds,
        ctx.state.userAbility
      ),
    };
  },

  async queue(ctx: any) {
    ctx.body = await getService(strapi, 'workflow').queue(
      { ...parseQueueQuery(strapi, ctx.query), me: ctx.state.user?.id },
      ctx.state.userAbility
    );
  },
});
