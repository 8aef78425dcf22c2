// Strapi boots without a plugin whose server build is missing; the app stops the boot instead,
// saying which build and how to make it (src/newsroom/plugin-builds.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  APP_DIR,
  bootInChildProcess,
  createTestDatabase,
  distWithPluginsConfig,
  type TestDatabase,
} from '../helpers/strapi';
import { testSecrets } from '../helpers/test-env.cjs';

const PLUGIN_DIR = path.join(APP_DIR, 'src', 'plugins', 'editorial-workflow');

// Every secret a boot needs, so that nothing but the missing build can stop it.
const SECRETS = testSecrets();
const env = () => ({ ...database.env, ...SECRETS, NODE_ENV: 'test' });

let database: TestDatabase;
let unbuilt: string;
let dist: ReturnType<typeof distWithPluginsConfig>;

beforeAll(async () => {
  database = await createTestDatabase();
  // The plugin as a fresh clone has it: its package.json and sources, no dist/.
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  unbuilt = fs.mkdtempSync(path.join(APP_DIR, '.tmp', 'unbuilt-plugin-'));
  fs.cpSync(PLUGIN_DIR, unbuilt, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(PLUGIN_DIR, 'dist')),
  });
  dist = distWithPluginsConfig({
    'users-permissions': { config: { jwtSecret: 'test' } },
    'editorial-workflow': { enabled: true, resolve: `./${path.relative(APP_DIR, unbuilt)}` },
  });
});
afterAll(async () => {
  dist?.remove();
  if (unbuilt) fs.rmSync(unbuilt, { recursive: true, force: true });
  await database?.drop();
});

it('a boot with the plugin enabled but not built fails, naming the missing build and the command', () => {
  expect(fs.existsSync(path.join(unbuilt, 'dist'))).toBe(false);
  const result = bootInChildProcess(env(), dist.dir);
  expect(result.status).toBe(3);
  const entry = path.join(path.relative(APP_DIR, unbuilt), 'dist', 'server', 'index.js');
  expect(result.output).toContain(
    `The editorial-workflow plugin is enabled but its server build ${entry} is missing, so Strapi would start without it.`
  );
  expect(result.output).toContain('Build it with `npm run build:plugins`');
});

it('type generation, which runs the register phase only, fails the same way', () => {
  const result = bootInChildProcess(env(), dist.dir, 'register');
  expect(result.status).toBe(3);
  expect(result.output).toContain('The editorial-workflow plugin is enabled but its server build');
});
