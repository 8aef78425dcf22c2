import type { Core } from '@strapi/strapi';

// Who is behind the current request, read from Strapi's auth state: the one module of the app that
// knows Strapi's auth strategy names and where each puts the caller. The app's rules need it with
// the editorial-workflow plugin switched off too (documents that predate the workflow, the bench's
// baseline), so it is the app's own; an actor here has the shape the workflow records (its
// `actor` service), so that a verdict stamped here is recognised by the guards' `isParticipant`.
// Both are pinned against Strapi, and against each other, by test/api/strapi-contract.test.ts.

/** `public`: a content-API request without credentials; `system`: code, no request at all. */
export interface RequestActor {
  type: 'admin' | 'api-token' | 'user' | 'public' | 'system';
  id: number | null;
  name: string;
}

// Strapi 5.54 names its content-API token strategy `content-api-token`; older 5.x said `api-token`.
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);
// Admin JWTs and admin tokens both act as an admin user (ctx.state.user).
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);
const END_USER_STRATEGY = 'users-permissions';

const SYSTEM: RequestActor = { type: 'system', id: null, name: 'system' };

const isContentApi = (ctx: any) => ctx?.state?.route?.info?.type === 'content-api';

/** The caller of a Koa request (no request: code such as a cron job or a script, the system). */
export const actorFromRequest = (ctx: any): RequestActor => {
  if (!ctx) return SYSTEM;
  const strategy = ctx.state?.auth?.strategy?.name;
  const credentials = ctx.state?.auth?.credentials;
  if (API_TOKEN_STRATEGIES.has(strategy) && credentials)
    return { type: 'api-token', id: credentials.id, name: credentials.name };
  const user = ctx.state?.user;
  if (ADMIN_STRATEGIES.has(strategy) && user) {
    return {
      type: 'admin',
      id: user.id,
      name:
        [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email,
    };
  }
  if (strategy === END_USER_STRATEGY && credentials)
    return { type: 'user', id: credentials.id, name: credentials.username ?? credentials.email };
  if (isContentApi(ctx)) return { type: 'public', id: null, name: 'public' };
  return SYSTEM;
};

/** A content-API request without an API token: the public and logged-in end users, who read only what is published. */
export const isReaderRequest = (ctx: any): boolean =>
  Boolean(ctx) && isContentApi(ctx) && !API_TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name);

export const currentRequest = (strapi: Core.Strapi): any => strapi.requestContext.get() ?? null;

/** Who is behind the current request, as far as the Document Service can tell (a token is named as one). */
export const currentActor = (strapi: Core.Strapi): RequestActor => {
  const actor = actorFromRequest(currentRequest(strapi));
  return actor.type === 'api-token' ? { ...actor, name: `API token "${actor.name}"` } : actor;
};
