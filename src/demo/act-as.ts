import type { Core } from '@strapi/strapi';

// The Document Service middlewares that record who wrote what (the workflow plugin's state
// lifecycle: a story's creator; the app's `verifiedBy` stamp on quotes) read the writer from
// Strapi's request context only, and a script has none. So the demo's writes run inside a
// context shaped like an admin's request (strapi.requestContext.run, an AsyncLocalStorage that
// follows every await). Workflow moves need no such thing: the demo passes its actor to the
// plugin's workflow service. Pinned by test/api/demo-and-first-boot.test.ts.

export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
}

/** What Strapi's admin auth leaves on a request for `user`, as far as the actor readers look. */
const adminRequestContext = (user: AdminUser) => ({
  state: { user, auth: { strategy: { name: 'admin' }, credentials: user } },
});

type RequestContext = Parameters<Core.Strapi['requestContext']['run']>[0];

/** Runs `fn` with Document Service writes attributed to `user`; without a user, as the system. */
export const actAs = async <T>(
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  fn: () => Promise<T>
): Promise<T> => {
  if (!user) return fn();
  let result: T | undefined;
  // A partial Koa context: only what the actor readers look at.
  await strapi.requestContext.run(
    adminRequestContext(user) as unknown as RequestContext,
    async () => {
      result = await fn();
    }
  );
  return result as T;
};
