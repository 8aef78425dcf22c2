// Boots the compiled app inside the test process, one fresh database per test file.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import supertest from 'supertest';
import { createDatabase, databaseKind, QUIET_ENV, testSecrets } from './test-env.cjs';

const require = createRequire(import.meta.url);
export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(APP_DIR, 'dist');

export const usingPostgres = () => databaseKind() === 'postgres';

const setTestSecrets = () => {
  Object.assign(process.env, testSecrets(), QUIET_ENV, {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
  });
};

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A database no other test file touches: a temp SQLite file, or a new PostgreSQL database (TEST_DATABASE). */
export const createTestDatabase = (): Promise<TestDatabase> =>
  createDatabase({ prefix: 'newsroom_test' });

export interface TestApp {
  strapi: any;
  request: supertest.Agent;
  /** Stops Strapi; the database stays, for a restart. */
  stop(): Promise<void>;
}

export const bootStrapi = async (
  database: TestDatabase,
  extraEnv: Record<string, string> = {},
  { distDir = DIST_DIR } = {}
): Promise<TestApp> => {
  setTestSecrets();
  Object.assign(process.env, database.env, extraEnv);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  return {
    strapi,
    request: supertest.agent(strapi.server.httpServer),
    async stop() {
      await drainPool(strapi);
      await strapi.destroy();
    },
  };
};

/**
 * Waits (up to 5 s) for queries still in flight after the last response: Strapi issues some without
 * awaiting them (an API token's `lastUsedAt`, for one). Destroying the pool under them rejects their
 * pending acquires ("aborted"), which vitest reports as unhandled errors of the file.
 */
const drainPool = async (strapi: any) => {
  const pool = strapi.db?.connection?.client?.pool;
  if (!pool || typeof pool.numPendingAcquires !== 'function') return;
  const until = Date.now() + 5_000;
  while (Date.now() < until && pool.numPendingAcquires() + pool.numUsed() > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A booted app on a fresh database, dropped again by `stop`. */
export const startTestApp = async (extraEnv: Record<string, string> = {}) => {
  const database = await createTestDatabase();
  const app = await bootStrapi(database, extraEnv);
  return {
    ...app,
    database,
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
};

/** A copy of the compiled app whose config/plugins.js is `pluginsConfig`: config alone, no code. */
export const distWithPluginsConfig = (pluginsConfig: Record<string, unknown>) => {
  // Inside the project (git-ignored .tmp/) so the copy resolves node_modules as dist/ does.
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(APP_DIR, '.tmp', 'dist-'));
  fs.cpSync(DIST_DIR, dir, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(DIST_DIR, 'build')),
  });
  fs.writeFileSync(
    path.join(dir, 'config', 'plugins.js'),
    `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = () => (${JSON.stringify(pluginsConfig)});\n`
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/**
 * Loads the app in a child process (a failed boot calls process.exit) and returns how it ended.
 * `phase` stops earlier: `create` reads the config only (what `strapi build` does), `register`
 * also runs the register lifecycles (what `strapi ts:generate-types` does). Logs at `error`
 * unless `env` sets LOG_LEVEL.
 */
export const bootInChildProcess = (
  env: Record<string, string | undefined>,
  distDir = DIST_DIR,
  phase: 'create' | 'register' | 'load' = 'load'
) => {
  const run =
    phase === 'create' ? 'Promise.resolve(app)' : `app.${phase}().then(() => app.destroy())`;
  const script = `const app = require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(distDir)} });
    ${run}.then(() => process.exit(0), (e) => { console.error(e && e.message); process.exit(3); });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: APP_DIR,
    env: { ...process.env, LOG_LEVEL: 'error', ...env, STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
