import type { Core } from '@strapi/strapi';
import { VERIFICATION_FIELDS } from '../content/quote-verification';
import { QUOTE, REFERENCE_TYPES } from '../content/types';
import { VERIFY_QUOTES_ACTION } from './editorial-rights';
import { findRole, remapRolePermissions, type RolePermission } from './role-permissions';

// Issue 7's role defaults, granted once (see first-boot.ts): verification is the fact-checker's
// act, and reference data is shared by the whole newsroom.

const EXPLORER = 'plugin::content-manager.explorer.';

/** The Author role after the change: what `assignPermissions` should leave. */
const authorPermission = (permission: RolePermission): RolePermission => {
  const { action, subject, properties } = permission;
  const next = {
    ...permission,
    properties: { ...properties },
    conditions: [...permission.conditions],
  };
  // Read and pick every person and source, edit the ones no live story shows (the app's guard);
  // deleting stays limited to their own.
  if (
    subject &&
    REFERENCE_TYPES.includes(subject) &&
    [`${EXPLORER}read`, `${EXPLORER}update`].includes(action)
  )
    next.conditions = [];
  // The verdict is read-only for them in the Content Manager.
  if (
    subject === QUOTE &&
    [`${EXPLORER}create`, `${EXPLORER}update`].includes(action) &&
    Array.isArray(properties?.fields)
  ) {
    next.properties.fields = properties.fields.filter(
      (f: string) => !(VERIFICATION_FIELDS as readonly string[]).includes(f)
    );
  }
  return next;
};

export const grantContentRoles = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role') as any;

  const author = await findRole(strapi, 'strapi-author');
  if (author) await remapRolePermissions(strapi, author.id, authorPermission);

  for (const name of ['strapi-editor', 'Fact-checker']) {
    const role = await findRole(strapi, name);
    if (role)
      await roles.addPermissions(role.id, [
        { action: VERIFY_QUOTES_ACTION, properties: {}, conditions: [] },
      ]);
  }
};
