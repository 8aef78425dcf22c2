import {
  CACHE_PURGE_PERMISSION,
  CACHE_READ_PERMISSION,
  IMPORT_PERMISSION,
  PLUGIN_ID,
  transitionPermissionUid,
} from '../../shared/contracts';
import { ASSIGN_PERMISSION } from '../../shared/assignment';
import type { WorkflowDefinition } from './domain/definition';

// The plugin's admin permissions, declared once, as data: shown in Settings → Roles.
export const permissionActions = (def: WorkflowDefinition) => [
  {
    section: 'plugins',
    displayName: 'Read workflow state and queue',
    uid: 'read',
    pluginName: PLUGIN_ID,
  },
  ...def.transitions.map((t) => ({
    section: 'plugins',
    displayName: `Transition: ${t.name}`,
    uid: transitionPermissionUid(t.id),
    subCategory: 'transitions',
    pluginName: PLUGIN_ID,
  })),
  {
    section: 'plugins',
    displayName: 'Response cache: read statistics',
    uid: CACHE_READ_PERMISSION,
    subCategory: 'response cache',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Response cache: purge',
    uid: CACHE_PURGE_PERMISSION,
    subCategory: 'response cache',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Assign stories to reviewers (taking one yourself needs no such right)',
    uid: ASSIGN_PERMISSION,
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Import wire copy as draft stories',
    uid: IMPORT_PERMISSION,
    pluginName: PLUGIN_ID,
  },
];
