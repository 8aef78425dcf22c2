import type { Core } from '@strapi/strapi';
import { READ_ACTION, transitionAction } from '../../../shared/contracts';

// Permission ids for apps that set up roles (the plugin grants nothing by itself: which role may
// do what is the newsroom's decision).
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  readAction: () => READ_ACTION,
  transitionAction,
});
