import type { Core } from '@strapi/strapi';

// Demo admin accounts let a newcomer log in at /admin without registering. They exist only in
// development: the password comes from DEMO_PASSWORD (generated into .env on first run), and a
// production boot removes any that a development run left in the database.

const DEMO_EMAIL_DOMAIN = 'newsroom.example';

export interface DemoAccount {
  email: string;
  firstname: string;
  lastname: string;
  /** Strapi's built-in roles by code; the workflow's Fact-checker role by name. */
  role: { code: string } | { name: string };
}

const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    firstname: 'Ada',
    lastname: 'Admin',
    role: { code: 'strapi-super-admin' },
  },
  {
    email: `editor@${DEMO_EMAIL_DOMAIN}`,
    firstname: 'Eddie',
    lastname: 'Editor',
    role: { code: 'strapi-editor' },
  },
  {
    email: `author@${DEMO_EMAIL_DOMAIN}`,
    firstname: 'Alex',
    lastname: 'Author',
    role: { code: 'strapi-author' },
  },
  {
    email: `factchecker@${DEMO_EMAIL_DOMAIN}`,
    firstname: 'Fiona',
    lastname: 'Factchecker',
    role: { name: 'Fact-checker' },
  },
];

export const DEMO_AUTHOR = `author@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_FACT_CHECKER = `factchecker@${DEMO_EMAIL_DOMAIN}`;

/** Creates missing demo accounts and returns them, keyed by email. */
export const ensureDemoAccounts = async (strapi: Core.Strapi, password: string) => {
  const users: Record<string, any> = {};
  for (const account of DEMO_ACCOUNTS) {
    const role = await strapi.db.query('admin::role').findOne({ where: account.role });
    if (!role) throw new Error(`Admin role ${JSON.stringify(account.role)} is missing`);
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
  const lines = DEMO_ACCOUNTS.map(
    (a) =>
      `    ${a.email.padEnd(32)} (${'code' in a.role ? a.role.code.replace('strapi-', '') : a.role.name})`
  );
  strapi.log.info(
    [
      'Demo accounts (development only) — log in at /admin with the password in .env (DEMO_PASSWORD):',
      ...lines,
    ].join('\n')
  );
};
