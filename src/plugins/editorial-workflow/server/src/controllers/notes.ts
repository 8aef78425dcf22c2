import type { Core } from '@strapi/strapi';
import { adminActor } from '../services/actor';
import { invalid } from '../services/errors';
import { getService } from '../utils';
import { targetFromRequest } from './shared';

// The discussion thread (admin JWT; `read` permission on the routes, the story's read right here).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notes = () => getService(strapi, 'notes');
  return {
    async list(ctx: any) {
      const target = await targetFromRequest(strapi, ctx, ctx.state.userAbility);
      const { resolved } = ctx.query;
      if (resolved !== undefined && resolved !== 'true' && resolved !== 'false')
        throw invalid('resolved', 'resolved must be true or false');
      ctx.body = { data: await notes().list(target, { resolved: resolved !== 'false' }) };
    },

    async post(ctx: any) {
      const target = await targetFromRequest(strapi, ctx, ctx.state.userAbility);
      ctx.status = 201;
      ctx.body = {
        data: await notes().post(target, ctx.request.body, adminActor(ctx.state.user)),
      };
    },

    async resolve(ctx: any) {
      const actor = adminActor(ctx.state.user) as any;
      ctx.body = {
        data: await notes().setResolved(ctx.params.id, true, actor, ctx.state.userAbility),
      };
    },

    async reopen(ctx: any) {
      const actor = adminActor(ctx.state.user) as any;
      ctx.body = {
        data: await notes().setResolved(ctx.params.id, false, actor, ctx.state.userAbility),
      };
    },

    async mentionable(ctx: any) {
      const { uid, documentId, locale, q } = ctx.query ?? {};
      if (typeof uid !== 'string' || !uid) throw invalid('uid', 'uid is required');
      if (typeof documentId !== 'string' || !documentId)
        throw invalid('documentId', 'documentId is required');
      if (locale !== undefined && typeof locale !== 'string')
        throw invalid('locale', 'locale must be a string');
      if (q !== undefined && typeof q !== 'string') throw invalid('q', 'q must be a string');
      const target = await getService(strapi, 'workflow').resolveTarget(
        uid,
        documentId,
        locale || undefined,
        ctx.state.userAbility
      );
      ctx.body = { data: await notes().mentionable(target, q ?? '') };
    },
  };
};
