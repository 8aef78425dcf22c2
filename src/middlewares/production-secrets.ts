// Production never runs on generated or missing secrets: the boot stops and names every missing one.
// Why a server middleware: Strapi 5.54 instantiates middlewares only when it loads a server
// (`strapi start`/`develop`, `createStrapi().load()`), never in `strapi build` (config only: images
// are built without their runtime secrets) or `strapi ts:generate-types` (register only), so no
// command-line sniffing is needed. Listed first in config/middlewares.ts so that it speaks before
// strapi::session refuses empty APP_KEYS with a message naming only that one.
// Pinned by test/api/production-config.test.ts.

import { previewSecretProblem } from '../content/preview-token';

export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

/** Strapi's secrets, then the preview's when PREVIEW_URL turns preview on (src/content/preview-token.ts). */
export const missingSecrets = (env: NodeJS.ProcessEnv): string[] => {
  if (env.NODE_ENV !== 'production') return [];
  const preview = previewSecretProblem(env);
  return [...REQUIRED_SECRETS.filter((name) => !env[name]), ...(preview ? [preview] : [])];
};

export default () => {
  const missing = missingSecrets(process.env);
  if (missing.length > 0) {
    throw new Error(
      `Refusing to start in production without these secrets: ${missing.join(', ')}. ` +
        'Set them in the environment (see README, "Running in production").'
    );
  }
  return (_ctx: unknown, next: () => Promise<unknown>) => next();
};
