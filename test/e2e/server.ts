// The production server the browser tests run against: `strapi start` in a child process, on a free
// port, with a fresh database and fresh secrets (test/helpers/test-env.cjs), and the newsroom's admin
// users registered through the admin API.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  APP_DIR,
  createDatabase,
  QUIET_ENV,
  startServer,
  testSecrets,
} from '../helpers/test-env.cjs';

export const ROOT = APP_DIR;

/** Debian's Chromium (apt-get install chromium): no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `NODE_ENV=production npm run build` (the plugin, then the app), unless E2E_REUSE_BUILD=1 and both
 * the admin bundle and the plugin's server build exist (CI builds once, right before the e2e step).
 */
export const ensureProductionBuild = () => {
  const outputs = [
    path.join(ROOT, 'dist', 'build', 'index.html'),
    path.join(ROOT, 'src', 'plugins', 'editorial-workflow', 'dist', 'server', 'index.js'),
  ];
  if (process.env.E2E_REUSE_BUILD === '1' && outputs.every((file) => fs.existsSync(file)))
    return { built: false, ms: 0 };
  const started = Date.now();
  const res = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...QUIET_ENV, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (res.status !== 0)
    throw new Error(`production build failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  return { built: true, ms: Date.now() - started };
};

/** `strapi start` (production) on its own database (TEST_DATABASE=postgres for PostgreSQL); `stop` drops it. */
export const startProductionServer = async (extraEnv: Record<string, string> = {}) => {
  const database = await createDatabase({ prefix: 'newsroom_e2e' });
  try {
    const server = await startServer({
      command: path.join(ROOT, 'node_modules', '.bin', 'strapi'),
      args: ['start'],
      env: {
        ...testSecrets(),
        ...QUIET_ENV,
        ...database.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        BROWSER: 'none',
        ...extraEnv,
      },
      label: 'strapi start',
    });
    return {
      url: server.url,
      output: server.output,
      async stop() {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
};

/** JSON over fetch (setup only; tests use Playwright's request contexts). */
const call = async (
  baseUrl: string,
  method: string,
  url: string,
  { token, body }: { token?: string; body?: unknown } = {}
) => {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return json;
};

export interface AdminUser {
  email: string;
  firstname: string;
  lastname: string;
  /** The admin role's name; the first user is always the Super Admin. */
  role: string;
}

/**
 * The first admin (register-admin), then invited users with a role, who set their password through
 * /admin/register, as an invitation link does.
 */
export const createAdmins = async (
  url: string,
  [first, ...others]: AdminUser[],
  password: string
) => {
  const registered = await call(url, 'POST', '/admin/register-admin', {
    body: { email: first.email, firstname: first.firstname, lastname: first.lastname, password },
  });
  const token: string = registered.data.token;
  const roles: { id: number; name: string }[] = (await call(url, 'GET', '/admin/roles', { token }))
    .data;
  for (const user of others) {
    const role = roles.find((r) => r.name === user.role);
    if (!role)
      throw new Error(`no admin role "${user.role}": ${roles.map((r) => r.name).join(', ')}`);
    const created = await call(url, 'POST', '/admin/users', {
      token,
      body: {
        email: user.email,
        firstname: user.firstname,
        lastname: user.lastname,
        roles: [role.id],
      },
    });
    await call(url, 'POST', '/admin/register', {
      body: {
        registrationToken: created.data.registrationToken,
        userInfo: { firstname: user.firstname, lastname: user.lastname, password },
      },
    });
  }
};
