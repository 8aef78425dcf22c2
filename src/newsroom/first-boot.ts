import type { Core } from '@strapi/strapi';
import { NEWSROOM_TYPES } from '../content/types';
import { grantAssignRoles } from './assign-roles';
import { grantCacheRoles } from './cache-roles';
import { grantImportRoles } from './import-roles';
import { grantContentRoles } from './content-roles';
import { listEveryLocale } from './role-locales';
import { showQuotesByText } from './quote-display';
import { grantScheduleRoles, grantWithdrawToEditors, grantWorkflowRoles } from './workflow-roles';

// Defaults the app sets once. An administrator's later change (say, revoking public reads or
// deleting a locale) must survive restarts, so each step is recorded in the core store and never
// repeated.

const PUBLIC_READ_ACTIONS = ['find', 'findOne'];
/** A story's structured data, read like the story (its own step: databases from before it get it too). */
const JSONLD_ACTION = 'api::article.article-jsonld.findOne';
const EXTRA_LOCALES = [{ code: 'ru', name: 'Russian (ru)' }];

const store = (strapi: Core.Strapi) => strapi.store({ type: 'app', name: 'newsroom' });

const runOnce = async (strapi: Core.Strapi, step: string, run: () => Promise<void>) => {
  const key = `first-boot:${step}`;
  if (await store(strapi).get({ key })) return;
  await run();
  await store(strapi).set({ key, value: { doneAt: new Date().toISOString() } });
};

/** Content-API actions for a users-permissions role (the public, or logged-in end users). */
const grantReaderActions = async (
  strapi: Core.Strapi,
  roleType: 'public' | 'authenticated',
  permissions: string[]
) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions ${roleType} role is missing`);
  for (const permission of permissions) {
    const exists = await strapi.db
      .query('plugin::users-permissions.permission')
      .count({ where: { action: permission, role: role.id } });
    if (!exists) {
      await strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: permission, role: role.id } });
    }
  }
};

// Logged-in end users (the Authenticated role) read what the public reads.
const grantPublicReads = (strapi: Core.Strapi, roleType: 'public' | 'authenticated' = 'public') =>
  grantReaderActions(
    strapi,
    roleType,
    NEWSROOM_TYPES.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`))
  );

const addLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of EXTRA_LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
};

export const applyFirstBootDefaults = async (strapi: Core.Strapi) => {
  await runOnce(strapi, 'public-reads', () => grantPublicReads(strapi));
  await runOnce(strapi, 'reader-reads', () => grantPublicReads(strapi, 'authenticated'));
  await runOnce(strapi, 'jsonld-reads', async () => {
    await grantReaderActions(strapi, 'public', [JSONLD_ACTION]);
    await grantReaderActions(strapi, 'authenticated', [JSONLD_ACTION]);
  });
  await runOnce(strapi, 'locales', () => addLocales(strapi));
  await runOnce(strapi, 'workflow-roles', () => grantWorkflowRoles(strapi));
  // After workflow-roles: it creates the Fact-checker role.
  await runOnce(strapi, 'content-roles', () => grantContentRoles(strapi));
  // Databases set up before locales were listed by code hold `locales: null` (an empty locale
  // picker in the Content Manager): list them once. A fresh database has nothing to change.
  await runOnce(strapi, 'role-locales', () => listEveryLocale(strapi));
  // Its own step, so that databases set up before the cache's permissions existed get it too.
  await runOnce(strapi, 'cache-roles', () => grantCacheRoles(strapi));
  // Quotes named by their words in the Content Manager; existing databases get it on their next boot.
  await runOnce(strapi, 'quote-main-field', () => showQuotesByText(strapi));
  await runOnce(strapi, 'assign-roles', () => grantAssignRoles(strapi));
  await runOnce(strapi, 'import-roles', () => grantImportRoles(strapi));
  await runOnce(strapi, 'schedule-roles', () => grantScheduleRoles(strapi));
  await runOnce(strapi, 'withdraw-roles', () => grantWithdrawToEditors(strapi));
};
