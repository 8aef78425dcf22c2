import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  // First: refuses a production server without its secrets, naming them all (see the file).
  'global::production-secrets',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::normalize-populate',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
