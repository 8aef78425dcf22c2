import type { Core } from '@strapi/strapi';
import { ARTICLE, NEWSROOM_TYPES, QUOTE } from '../content/types';
import { isLocalized } from './locales';
import { findRole, remapRolePermissions } from './role-permissions';

// Who may move stories, as a newsroom starts out; granted once (see first-boot.ts), after which
// Settings → Roles is the administrators' to change.

const FACT_CHECKER_ROLE = { name: 'Fact-checker', description: 'Checks quotes and facts; approves stories or sends them back.' };
const TRANSITIONS_BY_ROLE: Record<string, string[] | 'all'> = {
  'strapi-author': ['submit'],
  'strapi-editor': 'all',
  [FACT_CHECKER_ROLE.name]: ['request_changes', 'approve'],
};

/**
 * Strapi creates Editor and Author with no `locales` on localized types (i18n only patches roles
 * when an administrator saves them), which leaves them unable to edit a single article. Give them
 * every locale.
 */
const openLocalesToNewsroomRoles = async (strapi: Core.Strapi) => {
  const localized = (subject: string | null | undefined) =>
    Boolean(subject && NEWSROOM_TYPES.includes(subject) && isLocalized(strapi, subject));
  for (const code of ['strapi-editor', 'strapi-author']) {
    const role = await findRole(strapi, code);
    if (!role) continue;
    await remapRolePermissions(strapi, role.id, (permission) => {
      const noLocales = permission.properties.locales === undefined || permission.properties.locales?.length === 0;
      if (!localized(permission.subject) || !permission.action.startsWith('plugin::content-manager.explorer.') || !noLocales) return permission;
      return { ...permission, properties: { ...permission.properties, locales: null } };
    });
  }
};

export const grantWorkflowRoles = async (strapi: Core.Strapi) => {
  await openLocalesToNewsroomRoles(strapi);
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  const transitions: string[] = plugin.service('definition').get().transitions.map((t: { id: string }) => t.id);
  const roles = strapi.service('admin::role') as any;
  const grant = (roleId: number, actions: string[]) =>
    roles.addPermissions(roleId, actions.map((action) => ({ action, properties: {}, conditions: [] })));

  let factChecker = await strapi.db.query('admin::role').findOne({ where: { name: FACT_CHECKER_ROLE.name } });
  if (!factChecker) factChecker = await roles.create(FACT_CHECKER_ROLE);

  for (const [role, allowed] of Object.entries(TRANSITIONS_BY_ROLE)) {
    const found = await findRole(strapi, role);
    if (!found) continue;
    const ids = allowed === 'all' ? transitions : allowed.filter((t) => transitions.includes(t));
    await grant(found.id, [permissions.readAction(), ...ids.map((t) => permissions.transitionAction(t))]);
  }

  // In the Content Manager a fact-checker reads every newsroom type and sets a quote's verdict.
  // `locales: null` is i18n's "every locale", including ones added later.
  const { actionProvider } = strapi.service('admin::permission') as any;
  const types = NEWSROOM_TYPES.filter((uid) => strapi.contentTypes[uid as any]);
  const read = (strapi.service('admin::content-type') as any)
    .getPermissionsWithNestedFields([{ ...actionProvider.get('plugin::content-manager.explorer.read'), subjects: types }])
    .map((p: any) => ({ ...p, properties: { ...p.properties, locales: null } }));
  await roles.addPermissions(factChecker.id, [
    ...read,
    // A workflow move needs the right to edit the story (the plugin asks the Content Manager): a
    // fact-checker's only field on a story is its correction note.
    {
      action: 'plugin::content-manager.explorer.update',
      subject: ARTICLE,
      properties: { fields: ['correction'], locales: null },
      conditions: [],
    },
    {
      action: 'plugin::content-manager.explorer.update',
      subject: QUOTE,
      properties: { fields: ['verification', 'verificationNote'], locales: null },
      conditions: [],
    },
  ]);
};
