import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { afterFailure } from '../domain/notifications';
import { getService, NOTIFICATION_UID } from '../utils';

/** A row left `sending` this long belongs to a process that died mid-send: it is tried again. */
export const STALE_CLAIM_MS = 5 * 60_000;
const BATCH = 50;

export interface SendSummary {
  sent: number;
  retrying: number;
  failed: number;
  reclaimed: number;
}

// Delivers the outbox. Every process runs one: after each commit that enqueued (kick), and every
// pollSeconds for retries and rows a dead process left. A row is sent by whoever flips it from
// `pending` to `sending` (a compare-and-swap), so two processes never send one row.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const processId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const rows = () => strapi.db.query(NOTIFICATION_UID as any);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const deliver = async (row: any) => {
    if (getService(strapi, 'notifications').config().delivery === 'log') {
      strapi.log.info(
        `[editorial-workflow] email (no SMTP configured: logged, not sent) to ${row.email} (admin #${row.recipientId}): ${row.subject}\n${row.text}`
      );
      return;
    }
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: row.email, subject: row.subject, text: row.text, html: row.html ?? undefined });
  };

  /** Rows stuck in `sending` past STALE_CLAIM_MS go back to `pending`, each by a compare-and-swap. */
  const reclaimStale = async (now: Date) => {
    const stale = await rows().findMany({
      where: { status: 'sending', claimedAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
      select: ['id', 'claimedBy', 'claimedAt'],
      limit: BATCH,
    });
    let reclaimed = 0;
    for (const row of stale) {
      const { count } = await rows().updateMany({
        where: { id: row.id, status: 'sending', claimedBy: row.claimedBy },
        data: { status: 'pending', claimedBy: null, claimedAt: null, nextAttemptAt: now },
      });
      if (count === 1) {
        reclaimed += 1;
        strapi.log.warn(
          `[editorial-workflow] notification #${row.id} was left sending by ${row.claimedBy}: trying again`
        );
      }
    }
    return reclaimed;
  };

  const service = {
    processId,

    /**
     * One pass: claims the rows due at `now` and sends each. Returns what happened; tests pass a
     * later `now` to drive retries without waiting.
     */
    async sendDue({ now = new Date() }: { now?: Date } = {}): Promise<SendSummary> {
      const summary: SendSummary = { sent: 0, retrying: 0, failed: 0, reclaimed: 0 };
      summary.reclaimed = await reclaimStale(now);
      const due = await rows().findMany({
        where: { status: 'pending', nextAttemptAt: { $lte: now } },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        limit: BATCH,
      });
      for (const row of due) {
        const claim = await rows().updateMany({
          where: {
            id: row.id,
            status: 'pending',
            attempts: row.attempts,
            nextAttemptAt: { $lte: now },
          },
          data: { status: 'sending', claimedBy: processId, claimedAt: now },
        });
        if (claim.count !== 1) continue; // another process has it
        try {
          await deliver(row);
          await rows().updateMany({
            where: { id: row.id, claimedBy: processId },
            data: {
              status: 'sent',
              attempts: row.attempts + 1,
              sentAt: new Date(),
              lastError: null,
              // claimedBy stays: which process sent it.
            },
          });
          summary.sent += 1;
        } catch (error) {
          const next = afterFailure(row.attempts, now);
          const message = error instanceof Error ? error.message : String(error);
          await rows().updateMany({
            where: { id: row.id, claimedBy: processId },
            data: { ...next, lastError: message.slice(0, 2000), claimedBy: null, claimedAt: null },
          });
          if (next.status === 'failed') summary.failed += 1;
          else summary.retrying += 1;
          strapi.log.warn(
            next.status === 'failed'
              ? `[editorial-workflow] notification #${row.id} to ${row.email} failed ${next.attempts} times, giving up: ${message}`
              : `[editorial-workflow] notification #${row.id} to ${row.email} failed (attempt ${next.attempts}), retrying at ${next.nextAttemptAt.toISOString()}: ${message}`
          );
        }
      }
      // A full batch may have more behind it.
      if (due.length === BATCH) again = true;
      return summary;
    },

    /** Sends what is due now, in the background; concurrent kicks fold into one more pass. */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await service.sendDue();
        } while (again && !stopped);
      })()
        .catch((error) => {
          strapi.log.warn(`[editorial-workflow] notification sender: ${error?.message ?? error}`);
        })
        .finally(() => {
          running = null;
        });
      return running;
    },

    /** Resolves when the pass under way (if any) is done. */
    async idle() {
      for (let pass = running; pass; pass = running) await pass;
    },

    start() {
      if (timer) return;
      stopped = false;
      const { pollSeconds } = getService(strapi, 'notifications').config();
      timer = setInterval(() => void service.kick(), pollSeconds * 1000);
      timer.unref();
      // Whatever a previous run left.
      void service.kick();
    },

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await service.idle();
    },
  };
  return service;
};
