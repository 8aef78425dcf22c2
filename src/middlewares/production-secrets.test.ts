import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { missingSecrets, REQUIRED_SECRETS } from './production-secrets';

// src/cli/ensure-env.js is plain Node (CommonJS, outside the app's TypeScript build).
const { SECRET_NAMES, generateSecrets } = createRequire(import.meta.url)('../cli/ensure-env.js');

describe('production secrets', () => {
  it('are the secrets development generates', () => {
    expect([...REQUIRED_SECRETS].sort()).toEqual([...SECRET_NAMES].sort());
    const secrets = generateSecrets();
    expect(Object.keys(secrets).sort()).toEqual([...SECRET_NAMES].sort());
    expect(secrets.APP_KEYS.split(',')).toHaveLength(4);
    expect(generateSecrets().JWT_SECRET).not.toBe(secrets.JWT_SECRET);
  });

  it('are required only in production, each one named', () => {
    expect(missingSecrets({ NODE_ENV: 'development' })).toEqual([]);
    expect(
      missingSecrets({ NODE_ENV: 'production', ...generateSecrets(), JWT_SECRET: '' })
    ).toEqual(['JWT_SECRET']);
  });

  it('include PREVIEW_SECRET once PREVIEW_URL turns preview on, named with the reason', () => {
    const base = { NODE_ENV: 'production', ...generateSecrets() };
    expect(missingSecrets(base)).toEqual([]);
    expect(missingSecrets({ ...base, PREVIEW_URL: 'https://news.example' })).toEqual([
      'PREVIEW_SECRET is missing (PREVIEW_URL turns preview on)',
    ]);
    expect(
      missingSecrets({ ...base, PREVIEW_URL: 'https://news.example', PREVIEW_SECRET: 'short' })
    ).toEqual(['PREVIEW_SECRET is shorter than 32 characters']);
    expect(
      missingSecrets({
        ...base,
        PREVIEW_URL: 'https://news.example',
        PREVIEW_SECRET: 'x'.repeat(32),
      })
    ).toEqual([]);
    // Development generates it (src/cli/ensure-env.js) and never refuses.
    expect(
      missingSecrets({ NODE_ENV: 'development', PREVIEW_URL: 'https://news.example' })
    ).toEqual([]);
  });
});
