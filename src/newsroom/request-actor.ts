import type { Core } from '@strapi/strapi';

/** Who is behind the current request, as far as the Document Service can tell. */
export interface RequestActor {
  type: 'admin' | 'api-token' | 'user' | 'public' | 'system';
  id: number | null;
  name: string;
}

const SYSTEM: RequestActor = { type: 'system', id: null, name: 'system' };

// Strapi 5.54 names its content-API token strategy `content-api-token`; older 5.x said `api-token`.
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);
// Admin JWTs and admin tokens both act as an admin user (ctx.state.user).
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

export const currentRequest = (strapi: Core.Strapi): any => strapi.requestContext.get() ?? null;

/** Content-API request without an API token: the public and logged-in readers. */
export const isReaderRequest = (ctx: any): boolean => {
  if (!ctx || ctx.state?.route?.info?.type !== 'content-api') return false;
  return !API_TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name);
};

export const currentActor = (strapi: Core.Strapi): RequestActor => {
  const ctx = currentRequest(strapi);
  if (!ctx) return SYSTEM;
  const auth = ctx.state?.auth;
  const strategy = auth?.strategy?.name;
  const credentials = auth?.credentials;

  if (ADMIN_STRATEGIES.has(strategy) && ctx.state.user) {
    const user = ctx.state.user;
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email;
    return { type: 'admin', id: user.id, name };
  }
  if (API_TOKEN_STRATEGIES.has(strategy) && credentials) {
    return { type: 'api-token', id: credentials.id, name: `API token "${credentials.name}"` };
  }
  if (strategy === 'users-permissions' && credentials) {
    return { type: 'user', id: credentials.id, name: credentials.username ?? credentials.email };
  }
  if (ctx.state?.route?.info?.type === 'content-api') return { type: 'public', id: null, name: 'public' };
  return SYSTEM;
};
