import type { Core } from '@strapi/strapi';

// Demo admin accounts let a newcomer log in at /admin without registering. They exist only in
// development: the password comes from DEMO_PASSWORD (generated into .env on first run), and a
// production boot removes any that a development run left in the database.

export const DEMO_EMAIL_DOMAIN = 'newsroom.example';

export interface DemoAccount {
  email: string;
  firstname: string;
  lastname: string;
  roleCode: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `admin@${DEMO_EMAIL_DOMAIN}`, firstname: 'Ada', lastname: 'Admin', roleCode: 'strapi-super-admin' },
  { email: `editor@${DEMO_EMAIL_DOMAIN}`, firstname: 'Eddie', lastname: 'Editor', roleCode: 'strapi-editor' },
  { email: `author@${DEMO_EMAIL_DOMAIN}`, firstname: 'Alex', lastname: 'Author', roleCode: 'strapi-author' },
];

export const demoAccount = (roleCode: string) => DEMO_ACCOUNTS.find((a) => a.roleCode === roleCode)!;

/** Creates missing demo accounts and returns them, keyed by email. */
export const ensureDemoAccounts = async (strapi: Core.Strapi, password: string) => {
  const users: Record<string, any> = {};
  for (const account of DEMO_ACCOUNTS) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: account.roleCode } });
    if (!role) throw new Error(`Admin role ${account.roleCode} is missing`);
    let user = await strapi.db.query('admin::user').findOne({ where: { email: account.email } });
    if (!user) {
      user = await strapi.service('admin::user').create({
        email: account.email,
        firstname: account.firstname,
        lastname: account.lastname,
        password,
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      });
    }
    users[account.email] = user;
  }
  return users;
};

export const removeDemoAccounts = async (strapi: Core.Strapi) => {
  // Straight to the database: the admin service refuses to delete the last super admin, and a
  // production instance with only a demo super admin must lose it (/admin then asks to register).
  const { count } = await strapi.db
    .query('admin::user')
    .deleteMany({ where: { email: { $endsWith: `@${DEMO_EMAIL_DOMAIN}` } } });
  return count;
};

export const printDemoLogins = (strapi: Core.Strapi) => {
  const lines = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(32)} (${a.roleCode.replace('strapi-', '')})`);
  strapi.log.info(
    [
      'Demo accounts (development only) — log in at /admin with the password in .env (DEMO_PASSWORD):',
      ...lines,
    ].join('\n')
  );
};
