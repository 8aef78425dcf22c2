import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../shared/contracts';
import type { ServiceMap } from './services';

export const STATE_UID = `plugin::${PLUGIN_ID}.workflow-state`;
export const HISTORY_UID = `plugin::${PLUGIN_ID}.workflow-history`;
export const NOTIFICATION_UID = `plugin::${PLUGIN_ID}.workflow-notification`;
export const NOTE_UID = `plugin::${PLUGIN_ID}.workflow-note`;
export const CORRECTION_UID = `plugin::${PLUGIN_ID}.workflow-correction`;
export const NOTICE_UID = `plugin::${PLUGIN_ID}.workflow-notice`;
export const PREFERENCE_UID = `plugin::${PLUGIN_ID}.workflow-notification-preference`;

export const getService = <K extends keyof ServiceMap>(
  strapi: Core.Strapi,
  name: K
): ServiceMap[K] => strapi.plugin(PLUGIN_ID).service(name) as ServiceMap[K];

/** Whether a content type has i18n on: only then do its rows, and the workflow's state, have a locale. */
export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
