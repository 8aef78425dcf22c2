import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, READ_ACTION, transitionAction, transitionPermissionUid } from '../../shared/contracts';
import type { WorkflowDefinition } from './domain/definition';

// The plugin's admin permissions, declared once, as data: shown in Settings → Roles.
export const permissionActions = (def: WorkflowDefinition) => [
  { section: 'plugins', displayName: 'Read workflow state and queue', uid: 'read', pluginName: PLUGIN_ID },
  ...def.transitions.map((t) => ({
    section: 'plugins',
    displayName: `Transition: ${t.name}`,
    uid: transitionPermissionUid(t.id),
    subCategory: 'transitions',
    pluginName: PLUGIN_ID,
  })),
];

export const FACT_CHECKER_ROLE = { name: 'Fact-checker', description: 'Checks quotes and facts; approves stories or sends them back.' };

const CONTENT_TYPES = ['api::article.article', 'api::quote.quote', 'api::person.person', 'api::source.source'];

/** Defaults given once on first boot; an administrator's later changes are never undone. */
export const grantDefaultPermissions = async (strapi: Core.Strapi, def: WorkflowDefinition) => {
  const roles = strapi.service('admin::role') as any;
  // Plugins boot before the admin creates its default roles, and it creates none once any role
  // exists: let it make Super Admin, Editor and Author before the Fact-checker appears.
  await roles.createRolesIfNoneExist();
  const findRole = (code: string) => strapi.db.query('admin::role').findOne({ where: { code } });
  const has = (id: string) => def.transitions.some((t) => t.id === id);
  const grant = async (role: any, actions: string[]) => {
    if (role && actions.length) await roles.addPermissions(role.id, actions.map((action) => ({ action, properties: {}, conditions: [] })));
  };

  await grant(await findRole('strapi-author'), [READ_ACTION, ...['submit'].filter(has).map(transitionAction)]);
  await grant(await findRole('strapi-editor'), [READ_ACTION, ...def.transitions.map((t) => transitionAction(t.id))]);

  let factChecker = await strapi.db.query('admin::role').findOne({ where: { name: FACT_CHECKER_ROLE.name } });
  if (!factChecker) factChecker = await roles.create(FACT_CHECKER_ROLE);
  await grant(factChecker, [READ_ACTION, ...['request_changes', 'approve'].filter(has).map(transitionAction)]);

  // What a fact-checker needs in the Content Manager: read every newsroom type, set a quote's verdict.
  const contentTypes = strapi.service('admin::content-type') as any;
  const { actionProvider } = strapi.service('admin::permission') as any;
  const existing = CONTENT_TYPES.filter((uid) => strapi.contentTypes[uid as any]);
  const read = contentTypes.getPermissionsWithNestedFields([
    { ...actionProvider.get('plugin::content-manager.explorer.read'), subjects: existing },
  ]);
  const update = existing.includes('api::quote.quote')
    ? [{ action: 'plugin::content-manager.explorer.update', subject: 'api::quote.quote', properties: { fields: ['verification', 'verificationNote'] }, conditions: [] }]
    : [];
  await roles.addPermissions(factChecker.id, [...read, ...update]);
};
