// The editorial-workflow plugin's response cache (plugin::editorial-workflow.response-cache), at
// this place in the app's middleware stack; nothing when the plugin is switched off, so a config
// that disables it still boots.
import type { Core } from '@strapi/strapi';

type Middleware = (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>;

export default (config: unknown, { strapi }: { strapi: Core.Strapi }): Middleware => {
  const factory = strapi.plugin('editorial-workflow')
    ? (strapi.middleware('plugin::editorial-workflow.response-cache') as any)
    : null;
  return factory ? factory(config, { strapi }) : (_ctx, next) => next();
};
