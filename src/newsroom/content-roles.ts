import type { Core } from '@strapi/strapi';
import { VERIFICATION_FIELDS } from '../content/quote-verification';
import { VERIFY_QUOTES_ACTION } from './editorial-rights';

// Issue 7's role defaults, granted once (see first-boot.ts): verification is the fact-checker's
// act, and reference data is shared by the whole newsroom.

const REFERENCE_TYPES = ['api::person.person', 'api::source.source'];
const QUOTE = 'api::quote.quote';
const EXPLORER = 'plugin::content-manager.explorer.';

const findRole = (strapi: Core.Strapi, role: string) =>
  strapi.db.query('admin::role').findOne({ where: role.startsWith('strapi-') ? { code: role } : { name: role } });

/** The Author role after the change: what `assignPermissions` should leave. */
const authorPermission = (permission: any) => {
  const { action, actionParameters, subject, properties, conditions } = permission;
  const next = { action, actionParameters, subject, properties: { ...properties }, conditions: [...(conditions ?? [])] };
  // Read and pick every person and source, edit the ones no live story shows (the app's guard);
  // deleting stays limited to their own.
  if (REFERENCE_TYPES.includes(subject) && [`${EXPLORER}read`, `${EXPLORER}update`].includes(action)) next.conditions = [];
  // The verdict is read-only for them in the Content Manager.
  if (subject === QUOTE && [`${EXPLORER}create`, `${EXPLORER}update`].includes(action) && Array.isArray(properties?.fields)) {
    next.properties.fields = properties.fields.filter((f: string) => !(VERIFICATION_FIELDS as readonly string[]).includes(f));
  }
  return next;
};

export const grantContentRoles = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role') as any;
  const permissionService = strapi.service('admin::permission') as any;

  const author = await findRole(strapi, 'strapi-author');
  if (author) {
    const current = await permissionService.findMany({ where: { role: { id: author.id } } });
    await roles.assignPermissions(author.id, current.map(authorPermission));
  }

  for (const name of ['strapi-editor', 'Fact-checker']) {
    const role = await findRole(strapi, name);
    if (role) await roles.addPermissions(role.id, [{ action: VERIFY_QUOTES_ACTION, properties: {}, conditions: [] }]);
  }
};
