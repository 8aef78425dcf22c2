import type { Core } from '@strapi/strapi';
import type { ServiceMap } from './services';

export const PLUGIN = 'editorial-workflow';
export const STATE_UID = 'plugin::editorial-workflow.workflow-state';
export const HISTORY_UID = 'plugin::editorial-workflow.workflow-history';

export const getService = <K extends keyof ServiceMap>(strapi: Core.Strapi, name: K): ServiceMap[K] =>
  strapi.plugin(PLUGIN).service(name) as ServiceMap[K];
