import type { Core } from '@strapi/strapi';
import { findRole, grantActions } from './role-permissions';

// Who assigns stories to reviewers, as a newsroom starts out (granted once, see first-boot.ts):
// editors. Fact-checkers take stories themselves, which needs no such right.
const ASSIGN_ROLES = ['strapi-editor'];

export const grantAssignRoles = async (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  for (const name of ASSIGN_ROLES) {
    const role = await findRole(strapi, name);
    if (role) await grantActions(strapi, role.id, [permissions.assignAction()]);
  }
};
