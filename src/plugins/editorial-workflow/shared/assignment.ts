// Assignment: who owns a story in a stage that takes assignees (a stage's `assignTo`).
import { PLUGIN_ID } from './contracts';

export const ASSIGN_PERMISSION = 'assign';
/** Assigning someone else, or unassigning them; taking or releasing a story yourself needs no such right. */
export const ASSIGN_ACTION = `plugin::${PLUGIN_ID}.${ASSIGN_PERMISSION}`;

/**
 * Hidden attribute the plugin adds to every managed content type beside STAGE_FIELD: the admin user
 * id a document locale is assigned to (or null), a copy kept exact by the plugin, so that the Content
 * Manager filters on it (`filters[editorialAssignee][$eq]=<id>`). No request may write it; the
 * content API never shows it.
 */
export const ASSIGNEE_FIELD = 'editorialAssignee';

export interface AssignRequest {
  assignee: number | null;
  expectedVersion?: number;
}

/** `GET /assignees`: who a story may be assigned to. */
export interface EligibleAssignee {
  id: number;
  name: string;
}
