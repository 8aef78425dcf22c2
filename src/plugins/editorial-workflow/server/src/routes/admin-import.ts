import { IMPORT_ACTION } from '../../../shared/contracts';

// Importing wire copy: signed in, and holding the import permission (a 403 that names it).
const mayImport = [
  'admin::isAuthenticatedAdmin',
  {
    name: 'plugin::editorial-workflow.explain-missing-permission',
    config: { action: IMPORT_ACTION, to: 'import wire copy' },
  },
];

export default [
  // The review screen's proposal: nothing is saved.
  {
    method: 'POST',
    path: '/import/:uid/preview',
    handler: 'importer.preview',
    config: { policies: mayImport },
  },
  {
    method: 'POST',
    path: '/import/:uid',
    handler: 'importer.create',
    config: { policies: mayImport },
  },
];
