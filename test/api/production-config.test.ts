// Production refuses to start on missing secrets and names them; there is no generated fallback.
import { expect, it } from 'vitest';
import { bootInChildProcess, createTestDatabase } from '../helpers/strapi';

it('a production boot without secrets fails and names every missing one', async () => {
  const database = await createTestDatabase();
  try {
    // Empty, not absent: a developer's .env would otherwise fill them in (dotenv never overrides).
    const secrets = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'];
    const result = bootInChildProcess({
      ...database.env,
      ...Object.fromEntries(secrets.map((k) => [k, ''])),
      NODE_ENV: 'production',
      JWT_SECRET: 'set-this-one',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'Refusing to start in production without these secrets: APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY'
    );
  } finally {
    await database.drop();
  }
});
