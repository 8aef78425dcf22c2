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
  'global::normalize-populate',
  { name: 'strapi::body', config: { onError: onBodyParseError } },
  'global::body-keys',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
