import type { Core } from '@strapi/strapi';
import {
  CACHE_PURGE_ACTION,
  CACHE_READ_ACTION,
  IMPORT_ACTION,
  READ_ACTION,
  transitionAction,
} from '../../../shared/contracts';
import { ASSIGN_ACTION } from '../../../shared/assignment';

// Permission ids for apps that set up roles (the plugin grants nothing by itself: which role may
// do what is the newsroom's decision).
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  readAction: () => READ_ACTION,
  cacheReadAction: () => CACHE_READ_ACTION,
  cachePurgeAction: () => CACHE_PURGE_ACTION,
  assignAction: () => ASSIGN_ACTION,
  importAction: () => IMPORT_ACTION,
  transitionAction,
});
