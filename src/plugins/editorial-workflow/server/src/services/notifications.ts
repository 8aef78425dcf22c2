import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts';

/**
 * One thing that happened and that someone should hear about by email. Enqueued inside the
 * transaction of the write that caused it, so a refused or rolled-back write tells nobody.
 */
export interface NotificationRequest {
  /** A transition id (`submit`, `request_changes`, `approve`, `retract`…), `assigned`, `mentioned` or `sla`. */
  kind: string;
  target: { uid: string; documentId: string; locale: string };
  /** Who caused it: never told of their own act. */
  actor: Actor;
  /** Admin user ids to tell; omitted: the kind's default recipients. */
  recipients?: number[];
  /** Unique per event: a second request with the same key, from any process, is ignored. */
  eventKey: string;
  /** What the message says besides the story: a comment, a note's text, the assignee's name. */
  data?: Record<string, unknown>;
}

// Placeholder until the outbox lands: callers are wired against this interface.
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  async enqueue(_request: NotificationRequest): Promise<void> {},
});
