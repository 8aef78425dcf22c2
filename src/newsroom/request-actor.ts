import type { Core } from '@strapi/strapi';
import type { Actor } from '../plugins/editorial-workflow/shared/contracts';
import { actorFromRequest, isReaderRequest } from '../plugins/editorial-workflow/server/src/services/actor';

// Who is behind the current request. Reading Strapi's auth state is the editorial-workflow plugin's
// identity seam (its services/actor.ts): one place for both, and it works with the plugin switched off.

/** Who is behind the current request, as far as the Document Service can tell. */
export type RequestActor = Actor;

export { isReaderRequest };

export const currentRequest = (strapi: Core.Strapi): any => strapi.requestContext.get() ?? null;

export const currentActor = (strapi: Core.Strapi): RequestActor => {
  const actor = actorFromRequest(currentRequest(strapi));
  return actor.type === 'api-token' ? { ...actor, name: `API token "${actor.name}"` } : actor;
};
