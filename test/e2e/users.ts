// The admin users of the browser tests: one per role the scenarios play.
import path from 'node:path';
import type { AdminUser } from './server';

export const PASSWORD = 'E2e-password-1';

export const USERS = {
  chief: { email: 'chief@e2e.example', firstname: 'Chief', lastname: 'Admin', role: 'Super Admin' },
  author: { email: 'author@e2e.example', firstname: 'Ada', lastname: 'E2e', role: 'Author' },
  checker: {
    email: 'checker@e2e.example',
    firstname: 'Fiona',
    lastname: 'E2e',
    role: 'Fact-checker',
  },
  editor: { email: 'editor@e2e.example', firstname: 'Eddie', lastname: 'E2e', role: 'Editor' },
} satisfies Record<string, AdminUser>;

export type Role = keyof typeof USERS;
export const ROLES = Object.keys(USERS) as Role[];

// Set by global-setup.ts for the test workers.
const fromEnv = (name: string) => {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the browser tests with playwright test -c test/e2e/playwright.config.ts`
    );
  return value;
};
export const baseUrl = () => fromEnv('E2E_BASE_URL');
/** The browser state (refresh cookie, access token) of a role's session, for `storageState`. */
export const storageStatePath = (role: Role) => path.join(fromEnv('E2E_STATE_DIR'), `${role}.json`);
/** Access tokens of the same sessions, for the `api` fixture (admin access tokens live 30 minutes). */
export const tokensPath = () => path.join(fromEnv('E2E_STATE_DIR'), 'tokens.json');
