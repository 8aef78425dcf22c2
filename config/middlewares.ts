import type { Core } from '@strapi/strapi';
import { onBodyParseError } from '../src/middlewares/body-keys';

const config: Core.Config.Middlewares = [
  // First: refuses a production server without its secrets, naming them all (see the file).
  'global::production-secrets',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Public reads of published stories from memory, evicted exactly when the workflow changes what
  // they show (src/plugins/editorial-workflow/server/src/middlewares/response-cache.ts). Early, so a
  // hit costs little more than Strapi's own floor; after `strapi::query`, which parses the query.
  'global::response-cache',
  'global::normalize-populate',
  { name: 'strapi::body', config: { onError: onBodyParseError } },
  'global::body-keys',
  'strapi::session',
  // The project's public/favicon.ico (the admin panel's build has its own): without a file, every
  // /favicon.ico request answers 500.
  { name: 'strapi::favicon', config: { path: 'public/favicon.ico' } },
  'strapi::public',
];

export default config;
