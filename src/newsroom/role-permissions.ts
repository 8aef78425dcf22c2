import type { Core } from '@strapi/strapi';

// Role defaults go through Strapi's own role service (`assignPermissions` diffs, deletes and adds,
// and keeps API tokens in sync), never through writes to `admin::permission` rows.

export interface RolePermission {
  action: string;
  actionParameters?: unknown;
  subject?: string | null;
  properties: Record<string, any>;
  conditions: string[];
}

/** Strapi's built-in roles by code (`strapi-author`), the app's by name (`Fact-checker`). */
export const findRole = (strapi: Core.Strapi, role: string) =>
  strapi.db
    .query('admin::role')
    .findOne({ where: role.startsWith('strapi-') ? { code: role } : { name: role } });

/** Adds actions without subject, fields or conditions (plugin permissions) to a role. */
export const grantActions = (strapi: Core.Strapi, roleId: number, actions: string[]) =>
  (strapi.service('admin::role') as any).addPermissions(
    roleId,
    actions.map((action) => ({ action, properties: {}, conditions: [] }))
  );

/** Rewrites every permission of a role with `change`; unchanged ones stay as they are. */
export const remapRolePermissions = async (
  strapi: Core.Strapi,
  roleId: number,
  change: (permission: RolePermission) => RolePermission | Promise<RolePermission>
) => {
  const current: any[] = await (strapi.service('admin::permission') as any).findMany({
    where: { role: { id: roleId } },
  });
  const next = await Promise.all(
    current.map(({ action, actionParameters, subject, properties, conditions }) =>
      change({
        action,
        actionParameters,
        subject,
        properties: { ...(properties ?? {}) },
        conditions: [...(conditions ?? [])],
      })
    )
  );
  await (strapi.service('admin::role') as any).assignPermissions(roleId, next);
};
