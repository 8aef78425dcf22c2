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
});
