import type { Core } from '@strapi/strapi';
import { parseImportRequest } from '../import-validation';
import { actorFromRequest } from '../services/actor';
import { getService } from '../utils';

const callerOf = (ctx: any) => ({
  actor: actorFromRequest(ctx),
  adminUserId: ctx.state.user?.id ?? null,
});
// An admin user's import creates only what the Content Manager would let them create.
const adminCallerOf = (ctx: any) => ({ ...callerOf(ctx), userAbility: ctx.state.userAbility });

// Importing copy (routes/admin-import.ts, content-api.ts): validate, then the `importer` service.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const importer = () => getService(strapi, 'importer');
  return {
    /** Admin: the review screen's proposal; nothing is saved. */
    async preview(ctx: any) {
      const request = parseImportRequest(ctx.request.body);
      ctx.body = { data: await importer().preview(ctx.params.uid, request) };
    },

    /** Admin: create the draft(s) with the review's corrections. */
    async create(ctx: any) {
      const request = parseImportRequest(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await importer().create(ctx.params.uid, request, adminCallerOf(ctx)) };
    },

    /** API tokens: `dryRun` (the default) answers the proposal, `dryRun: false` creates. */
    async run(ctx: any) {
      const { dryRun = true, ...request } = parseImportRequest(ctx.request.body, { api: true });
      if (dryRun) {
        ctx.body = { data: await importer().preview(ctx.params.uid, request), meta: { dryRun } };
        return;
      }
      ctx.status = 201;
      ctx.body = {
        data: await importer().create(ctx.params.uid, request, callerOf(ctx)),
        meta: { dryRun },
      };
    },
  };
};
