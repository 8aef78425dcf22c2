import type { Core } from '@strapi/strapi';
import { findRole, remapRolePermissions, type RolePermission } from './role-permissions';

// The locales our roles work in are listed by code on each Content Manager permission
// (`properties.locales: ['en', 'ru']`). i18n's admin builds the locale picker of the list and edit
// views from those lists only (`useI18n` unions `properties.locales`): `null`, which the server
// reads as "every locale", leaves the picker empty. i18n keeps only the Super Admin complete when a
// locale is added, so the app does the same for the newsroom's roles, without undoing an
// administrator's choice: a permission that listed every other locale gets the new one; a
// permission an administrator narrowed stays as it is.

export const NEWSROOM_ROLES = ['strapi-editor', 'strapi-author', 'Fact-checker'];
const LOCALE_UID = 'plugin::i18n.locale';

/** A permission's locales once `code` is added: only where it listed every locale before. Pure. */
export const withAddedLocale = (locales: unknown, before: string[], code: string): unknown => {
  if (!Array.isArray(locales) || locales.includes(code)) return locales;
  return before.every((c) => locales.includes(c)) ? [...locales, code] : locales;
};

export const localeCodes = async (strapi: Core.Strapi): Promise<string[]> =>
  ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map(
    (l) => l.code
  );

/** Whether i18n's `locales` property applies to this permission (a localized type's CM action). */
const takesLocales = (
  strapi: Core.Strapi,
  { action, subject }: RolePermission
): Promise<boolean> =>
  subject
    ? (strapi.service('admin::permission') as any).actionProvider.appliesToProperty(
        'locales',
        action,
        subject
      )
    : Promise.resolve(false);

/** Rewrites `properties.locales` of a role's localized permissions with `change`. */
const remapRoleLocales = async (
  strapi: Core.Strapi,
  role: string,
  change: (locales: unknown) => unknown
) => {
  const found = await findRole(strapi, role);
  if (!found) return;
  await remapRolePermissions(strapi, found.id, async (permission) =>
    (await takesLocales(strapi, permission))
      ? {
          ...permission,
          properties: { ...permission.properties, locales: change(permission.properties.locales) },
        }
      : permission
  );
};

/**
 * Every locale, by code, where a newsroom role's permission says "every locale" (`null`, what the
 * app wrote before). With `unset`, also where it names none: how Strapi creates Editor and Author,
 * unable to edit a single article (first boot only: later, a missing list is nobody's "all").
 * Lists an administrator set are kept.
 */
export const listEveryLocale = async (
  strapi: Core.Strapi,
  { roles = NEWSROOM_ROLES, unset = false } = {}
) => {
  const codes = await localeCodes(strapi);
  const open = (locales: unknown) =>
    locales === null ||
    (unset && (locales === undefined || (Array.isArray(locales) && locales.length === 0)));
  for (const role of roles)
    await remapRoleLocales(strapi, role, (locales) => (open(locales) ? codes : locales));
};

/** A locale created later (Settings → Internationalization, or code) joins the roles that had them all. */
export const keepRoleLocalesComplete = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [LOCALE_UID],
    async afterCreate(event: any) {
      const code: string | undefined = event.result?.code;
      if (!code) return;
      const before = (await localeCodes(strapi)).filter((c) => c !== code);
      for (const role of NEWSROOM_ROLES)
        await remapRoleLocales(strapi, role, (locales) => withAddedLocale(locales, before, code));
    },
  });
};
