// Production refuses to start on missing secrets and names them; there is no generated fallback.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { APP_DIR, DIST_DIR, createTestDatabase } from '../helpers/strapi';

const bootInChild = (env: Record<string, string | undefined>) => {
  const script = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)} }).load()
    .then((app) => app.destroy()).then(() => process.exit(0), (e) => { console.error(e && e.message); process.exit(3); });`;
  // Empty, not absent: a developer's .env would otherwise fill them in (dotenv never overrides).
  const clean = {
    ...process.env,
    ...Object.fromEntries(['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].map((k) => [k, ''])),
  };
  return spawnSync(process.execPath, ['-e', script], {
    cwd: APP_DIR,
    env: { ...clean, ...env, STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 60_000,
  });
};

it('a production boot without secrets fails and names every missing one', async () => {
  const database = await createTestDatabase();
  try {
    const result = bootInChild({ ...database.env, NODE_ENV: 'production', JWT_SECRET: 'set-this-one' });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain(
      'Refusing to start in production without these secrets: APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY'
    );
  } finally {
    await database.drop();
  }
});
