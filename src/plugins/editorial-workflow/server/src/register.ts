import type { Core } from '@strapi/strapi';
import { registerDocumentGuards } from './middlewares/document-guards';
import { permissionActions } from './permissions';
import { getService } from './utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const def = getService(strapi, 'definition').get();
  (strapi.service('admin::permission') as any).actionProvider.registerMany(permissionActions(def));
  registerDocumentGuards(strapi);
};
