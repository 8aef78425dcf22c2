import type { Core } from '@strapi/strapi';
import { CACHE_PURGE_EVENT, TRANSITION_EVENT } from '../../shared/contracts';
import { WorkflowConfigError } from './domain/definition';
import { subscribeCacheLifecycles } from './middlewares/cache-invalidation';
import { SLA_JOB } from './services/desk';
import { getService } from './utils';

const checkAgainstSchema = (strapi: Core.Strapi) => {
  const def = getService(strapi, 'definition').get();
  def.contentTypes.forEach((uid, i) => {
    const model = strapi.contentTypes[uid as any] as any;
    if (!model)
      throw new WorkflowConfigError(`contentTypes[${i}]`, `names no content type ("${uid}")`);
    if (!model.options?.draftAndPublish)
      throw new WorkflowConfigError(
        `contentTypes[${i}]`,
        `("${uid}") must have Draft & Publish enabled`
      );
  });
  for (const [uid, fields] of Object.entries(def.publishWith)) {
    for (const field of fields) {
      const attribute = (strapi.contentTypes[uid as any] as any).attributes[field];
      if (attribute?.type !== 'relation')
        throw new WorkflowConfigError(`publishWith.${uid}`, `names no relation field "${field}"`);
      if (!(strapi.contentTypes[attribute.target] as any)?.options?.draftAndPublish) {
        throw new WorkflowConfigError(
          `publishWith.${uid}`,
          `field "${field}" points at a type without Draft & Publish`
        );
      }
    }
  }
  const guards = getService(strapi, 'guards');
  def.transitions.forEach((t, i) =>
    t.guards.forEach((name, j) => {
      if (!guards.has(name))
        throw new WorkflowConfigError(
          `transitions[${i}].guards[${j}]`,
          `names no registered guard ("${name}")`
        );
    })
  );
};

/** The outbox's sender; without SMTP, messages go to the log (said once in production). */
const startNotifications = (strapi: Core.Strapi) => {
  const { delivery } = getService(strapi, 'notifications').config();
  if (delivery === 'log' && process.env.NODE_ENV === 'production')
    strapi.log.warn(
      '[editorial-workflow] no SMTP server configured (SMTP_HOST): notification emails are written to the log, not sent'
    );
  getService(strapi, 'notification-sender').start();
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  checkAgainstSchema(strapi);
  const def = getService(strapi, 'definition').get();

  strapi.get('webhookStore').addAllowedEvent('EDITORIAL_WORKFLOW_TRANSITION', TRANSITION_EVENT);
  strapi.get('webhookStore').addAllowedEvent('EDITORIAL_WORKFLOW_CACHE_PURGE', CACHE_PURGE_EVENT);
  subscribeCacheLifecycles(strapi);
  await getService(strapi, 'cache').startSync();
  startNotifications(strapi);
  // Stories past their stage's slaHours: one reminder each, looked for every 5 minutes.
  strapi.cron.add({
    [SLA_JOB]: {
      task: () => getService(strapi, 'desk').checkSla(new Date()),
      options: { rule: '*/5 * * * *' },
    },
  });

  // History from before the desk's columns: filled once, so the desk's SQL never reads JSON.
  const backfilled = await getService(strapi, 'state-store').backfillHistory();
  if (backfilled > 0)
    strapi.log.info(`[editorial-workflow] ${backfilled} history row(s) given the desk's columns`);

  // Documents that predate the workflow (or a type that just joined it) get a matching stage.
  for (const uid of def.contentTypes) {
    const created = await getService(strapi, 'state-store').createMissing(uid);
    if (created > 0)
      strapi.log.info(
        `[editorial-workflow] ${created} existing ${uid} document locale(s) joined the workflow`
      );
    // Rows from before the stage copy existed (or emptied by hand) get it from the state table.
    const filled = await getService(strapi, 'state-store').backfillStageField(uid);
    if (filled > 0)
      strapi.log.info(`[editorial-workflow] stage copied onto ${filled} ${uid} row(s)`);
  }

  // Times that passed while the server was down: published (or taken down) now, the history says
  // late. Then the job looks every minute (scheduler.cron).
  const caught = await getService(strapi, 'scheduler').run(new Date(), { catchUp: true });
  if (caught.published + caught.unpublished + caught.unscheduled > 0)
    strapi.log.info(
      `[editorial-workflow] scheduler caught up: ${caught.published} published, ${caught.unpublished} taken down, ${caught.unscheduled} sent back to review`
    );
  getService(strapi, 'scheduler').start();
};
