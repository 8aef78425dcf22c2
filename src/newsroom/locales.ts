import type { Core } from '@strapi/strapi';

/** Whether a content type has i18n on: only then do its rows have a locale. */
export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
