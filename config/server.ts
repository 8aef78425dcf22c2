import type { Core } from '@strapi/strapi';

// Production must never fall back to generated or missing secrets: fail the boot and say which.
const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

// `strapi build` loads this config too, but runs no server: a production image is built without
// its runtime secrets.
const isBuild = () => ['build', 'ts:generate-types'].includes(process.argv[2] ?? '');

const assertProductionSecrets = (env: Core.Config.Shared.ConfigParams['env']) => {
  if (env('NODE_ENV') !== 'production' || isBuild()) return;
  const missing = REQUIRED_SECRETS.filter((name) => !env(name));
  if (missing.length > 0) {
    throw new Error(
      `Refusing to start in production without these secrets: ${missing.join(', ')}. ` +
        'Set them in the environment (see README, "Running in production").'
    );
  }
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  assertProductionSecrets(env);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: {
      keys: env.array('APP_KEYS', []),
    },
    logger: {
      updates: { enabled: false },
      startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
    },
  };
};

export default config;
