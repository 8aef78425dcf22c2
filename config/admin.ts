import type { Core } from '@strapi/strapi';
import { parsePreviewSettings } from '../src/content/preview-token';
import { previewUrlHandler } from '../src/newsroom/preview';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const preview = parsePreviewSettings({
    PREVIEW_URL: env('PREVIEW_URL', ''),
    PREVIEW_SECRET: env('PREVIEW_SECRET', ''),
  });
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET', ''),
    },
    apiToken: {
      salt: env('API_TOKEN_SALT', ''),
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY'),
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    // Editors' preview (README, "Preview for editors"): on with PREVIEW_URL and PREVIEW_SECRET. The
    // handler gives the frontend page for a story (a quote: its story) with a short-lived token.
    preview: {
      enabled: preview.enabled,
      config: {
        allowedOrigins: preview.origin ? [preview.origin] : [],
        handler: (uid, params) => previewUrlHandler(strapi, uid, params),
      },
    },
  };
};

export default config;
