import type { Core } from '@strapi/strapi';
import { findRole, grantActions } from './role-permissions';

// Who sees the response cache and may purge it, as a newsroom starts out (granted once, see
// first-boot.ts): editors, who answer for what readers see. Authors and fact-checkers get neither;
// the Super Admin has every permission anyway.
const CACHE_ROLES = ['strapi-editor'];

export const grantCacheRoles = async (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  for (const name of CACHE_ROLES) {
    const role = await findRole(strapi, name);
    if (role)
      await grantActions(strapi, role.id, [
        permissions.cacheReadAction(),
        permissions.cachePurgeAction(),
      ]);
  }
};
