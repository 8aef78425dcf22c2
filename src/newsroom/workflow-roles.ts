import type { Core } from '@strapi/strapi';
import { ARTICLE, NEWSROOM_TYPES, QUOTE } from '../content/types';
import { listEveryLocale, localeCodes } from './role-locales';
import { findRole, grantActions } from './role-permissions';

// Who may move stories, as a newsroom starts out; granted once (see first-boot.ts), after which
// Settings → Roles is the administrators' to change.

const FACT_CHECKER_ROLE = {
  name: 'Fact-checker',
  description: 'Checks quotes and facts; approves stories or sends them back.',
};
/** Embargo moves: whoever approves may also release or stop a scheduled story. */
const SCHEDULE_TRANSITIONS = ['unschedule', 'publish_now'];
const TRANSITIONS_BY_ROLE: Record<string, string[] | 'all'> = {
  'strapi-author': ['submit'],
  'strapi-editor': 'all',
  [FACT_CHECKER_ROLE.name]: ['request_changes', 'approve', ...SCHEDULE_TRANSITIONS],
};

export const grantWorkflowRoles = async (strapi: Core.Strapi) => {
  // Strapi creates Editor and Author with no `locales` on localized types (i18n only patches roles
  // when an administrator saves them), which leaves them unable to edit a single article.
  await listEveryLocale(strapi, { roles: ['strapi-editor', 'strapi-author'], unset: true });
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  const transitions: string[] = plugin
    .service('definition')
    .get()
    .transitions.map((t: { id: string }) => t.id);
  const roles = strapi.service('admin::role') as any;

  let factChecker = await strapi.db
    .query('admin::role')
    .findOne({ where: { name: FACT_CHECKER_ROLE.name } });
  if (!factChecker) factChecker = await roles.create(FACT_CHECKER_ROLE);

  for (const [role, allowed] of Object.entries(TRANSITIONS_BY_ROLE)) {
    const found = await findRole(strapi, role);
    if (!found) continue;
    const ids = allowed === 'all' ? transitions : allowed.filter((t) => transitions.includes(t));
    await grantActions(strapi, found.id, [
      permissions.readAction(),
      ...ids.map((t) => permissions.transitionAction(t)),
    ]);
  }

  // In the Content Manager a fact-checker reads every newsroom type and sets a quote's verdict, in
  // every locale, listed by code (see role-locales.ts).
  const locales = await localeCodes(strapi);
  const { actionProvider } = strapi.service('admin::permission') as any;
  const types = NEWSROOM_TYPES.filter((uid) => strapi.contentTypes[uid as any]);
  const read = (strapi.service('admin::content-type') as any)
    .getPermissionsWithNestedFields([
      { ...actionProvider.get('plugin::content-manager.explorer.read'), subjects: types },
    ])
    .map((p: any) => ({ ...p, properties: { ...p.properties, locales } }));
  await roles.addPermissions(factChecker.id, [
    ...read,
    // A workflow move needs the right to edit the story (the plugin asks the Content Manager): a
    // fact-checker's only field on a story is its correction note.
    {
      action: 'plugin::content-manager.explorer.update',
      subject: ARTICLE,
      properties: { fields: ['correction'], locales },
      conditions: [],
    },
    {
      action: 'plugin::content-manager.explorer.update',
      subject: QUOTE,
      properties: { fields: ['verification', 'verificationNote'], locales },
      conditions: [],
    },
  ]);
};

/**
 * Transitions added after a database's workflow roles were set up, granted once to the roles that
 * should hold them (a fresh database got them with the rest, so only what is missing is added).
 */
const grantMissingTransitions = async (
  strapi: Core.Strapi,
  roleNames: string[],
  wanted: string[]
) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  const known: string[] = plugin
    .service('definition')
    .get()
    .transitions.map((t: { id: string }) => t.id);
  const ids = wanted.filter((t) => known.includes(t));
  for (const role of roleNames) {
    const found = await findRole(strapi, role);
    if (!found) continue;
    const held = await strapi.db.query('admin::permission').findMany({
      where: { role: { id: found.id } },
      select: ['action'],
    });
    const missing = ids
      .map((t) => permissions.transitionAction(t))
      .filter((action: string) => !held.some((p: { action: string }) => p.action === action));
    if (missing.length > 0) await grantActions(strapi, found.id, missing);
  }
};

/** The embargo moves for Editor and Fact-checker. */
export const grantScheduleRoles = (strapi: Core.Strapi) =>
  grantMissingTransitions(strapi, ['strapi-editor', FACT_CHECKER_ROLE.name], SCHEDULE_TRANSITIONS);

/** Editors hold every transition from first boot; `withdraw` came later (issue 11). */
export const grantWithdrawToEditors = (strapi: Core.Strapi) =>
  grantMissingTransitions(strapi, ['strapi-editor'], ['withdraw']);
