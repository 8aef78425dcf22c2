import type { Actor } from '../../../shared/contracts';

// Who is making a request, as the workflow records it.
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

export const actorFromRequest = (ctx: any): Actor => {
  if (!ctx) return SYSTEM_ACTOR;
  const strategy = ctx.state?.auth?.strategy?.name;
  const credentials = ctx.state?.auth?.credentials;
  if (API_TOKEN_STRATEGIES.has(strategy) && credentials) {
    return { type: 'api-token', id: credentials.id, name: credentials.name };
  }
  const user = ctx.state?.user;
  if (user && (strategy === 'admin' || strategy === 'admin-token')) {
    return { type: 'admin', id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email };
  }
  if (strategy === 'users-permissions' && credentials) {
    return { type: 'user', id: credentials.id, name: credentials.username ?? credentials.email };
  }
  return SYSTEM_ACTOR;
};

export const adminActor = (user: { id: number; firstname?: string | null; lastname?: string | null; email: string }): Actor => ({
  type: 'admin',
  id: user.id,
  name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
});
