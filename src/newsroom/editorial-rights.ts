import type { Core } from '@strapi/strapi';
import { currentActor, currentRequest } from './request-actor';

// Who may do the newsroom's sensitive writes: verify quotes, and change reference data that
// live stories show. Code (no request) may do both.

/** Admin permission "Verify quotes" (Settings → Roles → Settings → Newsroom). */
export const VERIFY_QUOTES_ACTION = 'api::newsroom.verify-quotes';
/** Content-API permission that lets a custom API token move stories. */
const TOKEN_TRANSITION_ACTION = 'plugin::editorial-workflow.state.transition';

export const registerNewsroomActions = (strapi: Core.Strapi) => {
  (strapi.service('admin::permission') as any).actionProvider.register({
    uid: 'newsroom.verify-quotes',
    displayName: 'Verify quotes',
    section: 'settings',
    category: 'newsroom',
    subCategory: 'fact-check',
  });
};

/** The admin user's ability: the request's, or built from their roles (code run on their behalf). */
const adminAbility = async (strapi: Core.Strapi, ctx: any) =>
  ctx.state?.userAbility ??
  (await (strapi.service('admin::permission') as any).engine.generateUserAbility(ctx.state.user));

const tokenOf = (ctx: any) => ctx.state?.auth?.credentials ?? {};

export const mayVerifyQuotes = async (strapi: Core.Strapi): Promise<boolean> => {
  const ctx = currentRequest(strapi);
  if (!ctx) return true;
  const actor = currentActor(strapi);
  if (actor.type === 'admin') return (await adminAbility(strapi, ctx)).can(VERIFY_QUOTES_ACTION);
  // A custom token's content-API permissions cannot say "verify": only full access may.
  if (actor.type === 'api-token') return tokenOf(ctx).type === 'full-access';
  return false;
};

/** Actors who may approve stories: a transition into a publishing stage. */
export const mayApproveStories = async (strapi: Core.Strapi): Promise<boolean> => {
  const ctx = currentRequest(strapi);
  if (!ctx) return true;
  const actor = currentActor(strapi);
  if (actor.type === 'api-token') {
    const token = tokenOf(ctx);
    return (
      token.type === 'full-access' ||
      (token.type === 'custom' && (token.permissions ?? []).includes(TOKEN_TRANSITION_ACTION))
    );
  }
  if (actor.type !== 'admin') return false;
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return true;
  const definition = plugin.service('definition').get();
  const publishing = new Set(
    definition.stages.filter((s: any) => s.publishes).map((s: any) => s.id)
  );
  const permissions = plugin.service('permissions');
  const ability = await adminAbility(strapi, ctx);
  return definition.transitions.some(
    (t: any) => publishing.has(t.to) && ability.can(permissions.transitionAction(t.id))
  );
};
