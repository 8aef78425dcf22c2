import type { Core } from '@strapi/strapi';
import type { Actor, TransitionEvent } from '../../../shared/contracts';
import {
  SCHEDULED_PUBLISH,
  SCHEDULED_UNPUBLISH,
  TRANSITION_EVENT,
} from '../../../shared/contracts';
import { schedulingStage } from '../domain/definition';
import { applyMove, participation, type WorkflowState } from '../domain/rules';
import {
  afterTakedown,
  dueAction,
  parseSchedulerConfig,
  scheduledComment,
  scheduledPublishTransition,
  timesAfterMove,
  unscheduleTransition,
} from '../domain/schedule';
import { getService, STATE_UID } from '../utils';
import type { Target } from './state-store';

export const SCHEDULER_JOB = 'editorial-workflow-scheduler';
export const SCHEDULER_ACTOR: Actor = { type: 'system', id: null, name: 'Scheduler' };
/** Due stories handled per run; the next run takes the rest. */
const BATCH = 100;

export type ScheduledOutcome = 'published' | 'unpublished' | 'unscheduled';

// Publishes scheduled stories at their publishAt and takes live ones down at their unpublishAt, as
// moves by the system. Runs from the plugin's cron job and once at boot (catch-up). Each story is
// one transaction behind the state row's lock and compare-and-swap: when several processes run the
// job, the first one moves the story and the others find nothing due.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const definition = () => getService(strapi, 'definition').get();
  const store = () => getService(strapi, 'state-store');

  /** One due story: its move, history entry and publishing effect commit together. */
  const handle = async (
    target: Target,
    now: Date,
    catchUp: boolean
  ): Promise<ScheduledOutcome | null> => {
    const def = definition();
    const { graceSeconds } = service.config();
    let event: Omit<TransitionEvent, 'cacheTags'> | null = null;
    const { result, tags } = await getService(strapi, 'cache').collectTags(() =>
      strapi.db.transaction(async (): Promise<ScheduledOutcome | null> => {
        await store().lock([target]);
        const state = await store().find(target);
        // Another process got there first, or an edit or a person unscheduled it meanwhile.
        const action = state && dueAction(def, state, now);
        if (!state || !action) return null;

        let next: WorkflowState;
        let comment: string;
        let effect: 'publish' | 'unpublish' | null = null;
        let outcome: ScheduledOutcome;
        if (action === 'publish') {
          const publish = scheduledPublishTransition(def)!;
          // What approve checked may no longer hold (a quote's verdict changed, a quote went live
          // in another story): the scheduler publishes only what passes the same checks now.
          const problems = await getService(strapi, 'guards').run(publish.guards, {
            ...target,
            isParticipant: (someone: Actor) => participation(state, someone) !== null,
          });
          problems.push(...(await getService(strapi, 'publisher').conflicts(target)));
          if (problems.length > 0) {
            const back = unscheduleTransition(def)!;
            next = {
              ...applyMove(def, state, back, SCHEDULER_ACTOR, now),
              ...timesAfterMove(def, state, state.stage, back.to, false, {}),
            };
            comment = `Not published at ${state.publishAt!.toISOString()}: ${problems.join(' ')}`;
            outcome = 'unscheduled';
          } else {
            next = {
              ...applyMove(def, state, publish, SCHEDULER_ACTOR, now),
              ...timesAfterMove(def, state, state.stage, publish.to, false, {}),
            };
            comment = scheduledComment('publish', state.publishAt!, now, {
              catchUp,
              graceMs: graceSeconds * 1000,
            });
            effect = 'publish';
            outcome = 'published';
          }
        } else {
          next = afterTakedown(def, state, SCHEDULER_ACTOR, now);
          comment = scheduledComment('unpublish', state.unpublishAt!, now, {
            catchUp,
            graceMs: graceSeconds * 1000,
          });
          effect = (await store().isLive(target)) ? 'unpublish' : null;
          outcome = 'unpublished';
        }

        if (!(await store().compareAndSwap(state, next))) return null;
        // A take-down time with nothing live and nowhere to move is simply spent.
        if (effect === null && next.stage === state.stage) return null;
        const entry = await store().appendHistory(
          target,
          {
            transition: action === 'publish' ? SCHEDULED_PUBLISH : SCHEDULED_UNPUBLISH,
            from: state.stage,
            to: next.stage,
            actor: SCHEDULER_ACTOR,
            comment,
          },
          state.enteredStageAt
        );
        // The correction the approval carried enters the log as the corrected version goes live.
        if (effect === 'publish' && state.pendingCorrection)
          await getService(strapi, 'public-record').recordCorrection(target, {
            ...state.pendingCorrection,
            at: new Date(entry.createdAt),
            historyId: entry.id,
          });
        if (effect === 'publish') {
          await getService(strapi, 'publisher').publish(target);
          // Publishing made the published row afresh from the draft: the stage goes onto it too.
          await store().writeStageField(target, next.stage);
        }
        if (effect === 'unpublish') await getService(strapi, 'publisher').unpublish(target);
        event = {
          ...target,
          transition: entry.transition,
          from: entry.from!,
          to: entry.to!,
          actor: SCHEDULER_ACTOR,
          comment: entry.comment,
          createdAt: entry.createdAt,
        };
        return outcome;
      })
    );
    if (event) strapi.eventHub.emit(TRANSITION_EVENT, { ...(event as object), cacheTags: tags });
    return result;
  };

  const service = {
    config: () => parseSchedulerConfig(strapi.plugin('editorial-workflow').config('scheduler')),

    /** States with something due at `now`: a publication in the scheduling stage, or a take-down. */
    async due(now: Date): Promise<Target[]> {
      const stage = schedulingStage(definition());
      const $or: Record<string, unknown>[] = [{ unpublishAt: { $lte: now } }];
      if (stage) $or.push({ stage: stage.id, publishAt: { $lte: now } });
      const rows = await strapi.db.query(STATE_UID).findMany({
        where: { $or },
        select: ['targetUid', 'targetDocumentId', 'targetLocale'],
        orderBy: [{ id: 'asc' }],
        limit: BATCH,
      });
      return rows.map((r: any) => ({
        uid: r.targetUid,
        documentId: r.targetDocumentId,
        locale: r.targetLocale,
      }));
    },

    /**
     * Everything due at `now`, one story at a time (one failing is logged and does not stop the
     * others). `catchUp`: the boot's run, for times that passed while the server was down.
     */
    async run(now: Date = new Date(), { catchUp = false } = {}) {
      const counts: Record<ScheduledOutcome, number> = {
        published: 0,
        unpublished: 0,
        unscheduled: 0,
      };
      for (const target of await service.due(now)) {
        try {
          const outcome = await handle(target, now, catchUp);
          if (outcome) counts[outcome] += 1;
        } catch (error) {
          strapi.log.error(
            `[editorial-workflow] scheduler: ${target.uid} ${target.documentId} (${target.locale || 'no locale'}) failed: ${(error as Error).message}`
          );
        }
      }
      return counts;
    },

    /** The job (every minute unless `scheduler.cron` says otherwise); the plugin's destroy removes it. */
    start() {
      strapi.cron.add({
        [SCHEDULER_JOB]: {
          task: () => service.run(new Date()),
          options: { rule: service.config().cron },
        },
      });
    },
  };
  return service;
};
