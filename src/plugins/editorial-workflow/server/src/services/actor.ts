import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts';

// Who is making a request, read from Strapi's auth state: the one module of the plugin that knows
// Strapi's auth strategy names and where each puts the caller. Apps read the same answer through the
// `actor` service (an app that stamps its own records, such as a verdict a guard later compares with
// `isParticipant`). A Strapi upgrade that renames a strategy fails test/api/strapi-contract.test.ts.

// Strapi 5.54 names its content-API token strategy `content-api-token`; older 5.x said `api-token`.
export const CONTENT_API_TOKEN_STRATEGY = 'content-api-token';
const API_TOKEN_STRATEGIES = new Set([CONTENT_API_TOKEN_STRATEGY, 'api-token']);
// Admin JWTs and admin tokens both act as an admin user (ctx.state.user).
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);
const END_USER_STRATEGY = 'users-permissions';

const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

const isContentApi = (ctx: any) => ctx?.state?.route?.info?.type === 'content-api';

type AdminUser = {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email: string;
};

/** How the desk names an admin user, everywhere (history, assignee, notes, emails). */
export const adminDisplayName = (user: Omit<AdminUser, 'id'>) =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email;

export const adminActor = (user: AdminUser): Actor => ({
  type: 'admin',
  id: user.id,
  name: adminDisplayName(user),
});

/** The caller of a Koa request (no request: code such as a cron job or a script, the system). */
export const actorFromRequest = (ctx: any): Actor => {
  if (!ctx) return SYSTEM_ACTOR;
  const strategy = ctx.state?.auth?.strategy?.name;
  const credentials = ctx.state?.auth?.credentials;
  if (API_TOKEN_STRATEGIES.has(strategy) && credentials) {
    return { type: 'api-token', id: credentials.id, name: credentials.name };
  }
  if (ADMIN_STRATEGIES.has(strategy) && ctx.state?.user) return adminActor(ctx.state.user);
  if (strategy === END_USER_STRATEGY && credentials) {
    return { type: 'user', id: credentials.id, name: credentials.username ?? credentials.email };
  }
  if (isContentApi(ctx)) return { type: 'public', id: null, name: 'public' };
  return SYSTEM_ACTOR;
};

/** The `actor` service: who the workflow records as acting, for a request or for the current one. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  fromRequest: actorFromRequest,
  current: (): Actor => actorFromRequest(strapi.requestContext.get()),
});
