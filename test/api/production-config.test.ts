// Production refuses to start on missing secrets and names them; there is no generated fallback.
// The check (src/middlewares/production-secrets.ts) relies on Strapi creating server middlewares
// only when it loads a server: building and type generation need no runtime secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootInChildProcess, createTestDatabase, type TestDatabase } from '../helpers/strapi';
import { testSecrets } from '../helpers/test-env.cjs';

const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];
// Empty, not absent: a developer's .env would otherwise fill them in (dotenv never overrides).
const without = (...names: string[]) => Object.fromEntries(names.map((name) => [name, '']));

describe('production without secrets', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('a server boot fails and names every missing one', () => {
    const result = bootInChildProcess({
      ...database.env,
      ...without(
        'APP_KEYS',
        'API_TOKEN_SALT',
        'ADMIN_JWT_SECRET',
        'TRANSFER_TOKEN_SALT',
        'ENCRYPTION_KEY'
      ),
      NODE_ENV: 'production',
      JWT_SECRET: 'set-this-one',
    });
    expect(result.status).toBe(3);
    // Ours, not strapi::session's "App keys are required", which would name only APP_KEYS.
    expect(result.output).toContain(
      'Refusing to start in production without these secrets: APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY'
    );
    expect(result.output).not.toContain('App keys are required');
  });

  it('reading the config, as `strapi build` does, needs none of them', () => {
    const result = bootInChildProcess(
      { ...database.env, ...without(...SECRETS), NODE_ENV: 'production' },
      undefined,
      'create'
    );
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('the register phase, all `strapi ts:generate-types` runs, needs none of them', () => {
    const result = bootInChildProcess(
      { ...database.env, ...without(...SECRETS), NODE_ENV: 'production' },
      undefined,
      'register'
    );
    expect(result.output).not.toContain('Refusing to start');
    expect(result.status).toBe(0);
  });
});

describe('production without SMTP', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  // Said once at boot by the editorial-workflow plugin (server/src/bootstrap.ts); without SMTP_HOST
  // every notification is written to the log instead of sent.
  const WARNING =
    '[editorial-workflow] no SMTP server configured (SMTP_HOST): notification emails are written to the log, not sent';
  const boot = (env: Record<string, string>) =>
    bootInChildProcess({
      ...database.env,
      ...testSecrets(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...env,
    });

  it('a production boot without SMTP_HOST warns, once, that emails go to the log', () => {
    const result = boot({ SMTP_HOST: '' });
    expect(result.status, result.output).toBe(0);
    expect(result.output.split(WARNING)).toHaveLength(2);
  });

  it('with SMTP_HOST, or outside production, it says nothing of the kind', () => {
    const withSmtp = boot({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' });
    expect(withSmtp.status, withSmtp.output).toBe(0);
    expect(withSmtp.output).not.toContain('no SMTP server configured');
    const test = boot({ SMTP_HOST: '', NODE_ENV: 'test' });
    expect(test.status, test.output).toBe(0);
    expect(test.output).not.toContain('no SMTP server configured');
  });
});

describe('production with editors’ preview', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('PREVIEW_URL without PREVIEW_SECRET refuses to boot, saying why; with one it boots', () => {
    const env = {
      ...database.env,
      ...testSecrets(),
      NODE_ENV: 'production',
      PREVIEW_URL: 'https://www.example.org',
    };
    const refused = bootInChildProcess({ ...env, PREVIEW_SECRET: '' });
    expect(refused.status).toBe(3);
    expect(refused.output).toContain(
      'Refusing to start in production without these secrets: PREVIEW_SECRET is missing (PREVIEW_URL turns preview on)'
    );
    const short = bootInChildProcess({ ...env, PREVIEW_SECRET: 'too-short' });
    expect(short.status).toBe(3);
    expect(short.output).toContain('PREVIEW_SECRET is shorter than 32 characters');
    const booted = bootInChildProcess({ ...env, PREVIEW_SECRET: 'x'.repeat(44) });
    expect(booted.status, booted.output).toBe(0);
  });

  it('a malformed PREVIEW_URL stops even the config read, naming it', () => {
    const result = bootInChildProcess(
      { ...database.env, ...testSecrets(), NODE_ENV: 'production', PREVIEW_URL: 'www.example.org' },
      undefined,
      'create'
    );
    // Thrown while the config loads, before the script's own handler: Node's exit code for it.
    expect(result.status).toBe(1);
    expect(result.output).toContain('PREVIEW_URL must be an http(s) URL, got "www.example.org"');
  });
});
