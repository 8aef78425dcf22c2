import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts';
import {
  defaultRecipients,
  editViewUrl,
  finalRecipients,
  parseNotificationsConfig,
  recipientSource,
  renderMessage,
  type NotificationsConfig,
} from '../domain/notifications';
import { getService, isLocalized, NOTIFICATION_UID, STATE_UID } from '../utils';

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

const text = (value: unknown) => (typeof value === 'string' ? value : null);

// The outbox. Rows are written in the caller's transaction; the sender (notification-sender.ts)
// delivers them once that transaction commits, so a failing SMTP server never fails the write.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let config: NotificationsConfig | null = null;
  // One delivery kick per transaction, however many events it enqueues.
  const kicked = new WeakSet<object>();

  const titleOf = async (target: NotificationRequest['target']) => {
    const model = strapi.getModel(target.uid as any) as any;
    const field = model?.attributes?.title ? 'title' : model?.attributes?.name ? 'name' : null;
    if (!field) return null;
    const where: Record<string, unknown> = { documentId: target.documentId, publishedAt: null };
    if (isLocalized(strapi, target.uid)) where.locale = target.locale;
    const draft = await strapi.db.query(target.uid as any).findOne({ where, select: [field] });
    return text(draft?.[field]);
  };

  const adminUrl = () =>
    service.config().adminUrl ??
    String(strapi.config.get('admin.absoluteUrl') || 'http://localhost:1337/admin');

  const service = {
    config(): NotificationsConfig {
      config ??= parseNotificationsConfig(
        (strapi.config.get('plugin::editorial-workflow') as any)?.notifications
      );
      return config;
    },

    /**
     * Writes one outbox row per recipient (the kind's defaults when `recipients` is omitted; never
     * the actor, nor anyone who turned the kind off) and returns how many were new. A row already
     * there for this event and recipient is left alone. Delivery starts after the commit.
     */
    async enqueue(request: NotificationRequest): Promise<number> {
      const def = getService(strapi, 'definition').get();
      const { target, kind, actor } = request;
      const data = request.data ?? {};
      const state = await strapi.db.query(STATE_UID).findOne({
        where: {
          targetUid: target.uid,
          targetDocumentId: target.documentId,
          targetLocale: target.locale,
        },
      });
      const transition = def.transitions.find((t) => t.id === kind);
      const stageId = transition?.to ?? state?.stage;
      const stage = def.stages.find((s) => s.id === stageId) as
        { id: string; name: string; assignTo?: string } | undefined;

      const candidates =
        request.recipients ??
        (await defaultRecipients(recipientSource(def, kind), {
          assignee: state?.assignee?.id ? { id: Number(state.assignee.id) } : null,
          // A move back to draft ends the round: the caller passes who submitted it.
          submitter: (data.submitter as Actor | null | undefined) ?? state?.submitter ?? null,
          reviewers: async () =>
            stage
              ? (await getService(strapi, 'assignment').reviewersOf(stage.id)).map((u) => u.id)
              : [],
        }));
      const disabled = await getService(strapi, 'notification-preferences').disabledFor(candidates);
      const users = await getService(strapi, 'desk-users').byIds(
        finalRecipients(candidates, kind, actor, disabled)
      );
      if (users.length === 0) return 0;

      const message = renderMessage({
        kind,
        transitionName: transition?.name,
        title: await titleOf(target),
        locale: target.locale,
        stageName: stage?.name,
        actorName: actor.name,
        comment: text(data.comment) ?? text(data.text),
        assigneeName: text(data.assigneeName) ?? undefined,
        slaHours: typeof data.slaHours === 'number' ? data.slaHours : undefined,
        url: editViewUrl(adminUrl(), target.uid, target.documentId, target.locale),
      });

      const meta = strapi.db.metadata.get(NOTIFICATION_UID as any);
      const column = (name: string) => (meta.attributes as any)[name]?.columnName ?? name;
      const now = new Date();
      const rows = users.map((user) => ({
        [column('documentId')]: randomUUID(),
        [column('eventKey')]: request.eventKey,
        [column('kind')]: kind,
        [column('targetUid')]: target.uid,
        [column('targetDocumentId')]: target.documentId,
        [column('targetLocale')]: target.locale,
        [column('recipientId')]: user.id,
        [column('email')]: user.email,
        [column('subject')]: message.subject,
        [column('text')]: message.text,
        [column('html')]: message.html,
        [column('status')]: 'pending',
        [column('attempts')]: 0,
        [column('nextAttemptAt')]: now,
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
        [column('publishedAt')]: now,
      }));

      return strapi.db.transaction(async ({ trx, onCommit }) => {
        // Raw insert: ON CONFLICT DO NOTHING keeps a duplicate from aborting the caller's
        // PostgreSQL transaction, as a caught unique violation would.
        const inserted = await strapi.db
          .connection(meta.tableName)
          .transacting(trx)
          .insert(rows)
          .onConflict([column('eventKey'), column('recipientId')])
          .ignore()
          .returning(['id']);
        if (!kicked.has(trx)) {
          kicked.add(trx);
          onCommit(() => getService(strapi, 'notification-sender').kick());
        }
        return Array.isArray(inserted) ? inserted.length : rows.length;
      });
    },
  };
  return service;
};
