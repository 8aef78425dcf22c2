import type { Core } from '@strapi/strapi';
import type {
  Actor,
  DocumentState,
  QueueItem,
  Transition,
  TransitionEvent,
} from '../../../shared/contracts';
import { TRANSITION_EVENT } from '../../../shared/contracts';
import {
  afterEdit,
  allowedTransitions,
  applyMove,
  commentPrompt,
  decideMove,
  dutyBlocker,
  guardRefusal,
  participation,
  publishingEffect,
  type WorkflowState,
} from '../domain/rules';
import { isPublishingStage, isSchedulingStage } from '../domain/definition';
import { destinationOf, timesAfterMove } from '../domain/schedule';
import { isOverdue } from '../domain/desk';
import { pendingCorrectionAfter, publicRecordRefusal } from '../domain/public-record';
import { conflict, notFound, toError } from './errors';
import type { UserAbility } from './access';
import type { StateRow, Target } from './state-store';
import { getService, isLocalized, STATE_UID } from '../utils';
import { parseMoveRequest } from '../validation';

/** A queue row's SLA: overdue past its stage's slaHours. */
const slaOf = (
  def: { stages: { id: string; slaHours?: number }[] },
  stage: string,
  at: unknown
) => {
  const slaHours = def.stages.find((s) => s.id === stage)?.slaHours;
  return {
    overdue: isOverdue(at as string, slaHours, Date.now()),
    ...(slaHours === undefined ? {} : { slaHours }),
  };
};

/** Which transitions the caller holds permission for. */
export type MayTransition = (transitionId: string) => boolean;

export interface QueueQuery {
  stage?: string;
  uid?: string;
  locale?: string;
  page?: number;
  pageSize?: number;
  /** `me`: assigned to `me` (the caller's id); `none`: unassigned. */
  assigned?: 'me' | 'none';
  /** `waiting` (default): longest waiting first; `newest`: latest arrivals first. */
  sort?: 'waiting' | 'newest';
  me?: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const definition = () => getService(strapi, 'definition');
  const store = () => getService(strapi, 'state-store');
  const access = () => getService(strapi, 'access');
  const def = () => definition().get();

  /**
   * The target, checked: a managed type, an existing document, an existing locale of it and, for an
   * admin user (`userAbility`), one the Content Manager lets them read (403 otherwise, as the Content
   * Manager itself answers for an existing document it hides).
   */
  const resolveTarget = async (
    uid: string,
    documentId: string,
    locale: string | undefined,
    userAbility?: UserAbility
  ): Promise<Target> => {
    if (!definition().isManaged(uid)) throw notFound(`${uid} is not in the editorial workflow`);
    const localized = isLocalized(strapi, uid);
    let resolved = '';
    if (localized) {
      const locales = strapi.plugin('i18n').service('locales');
      resolved = locale || (await locales.getDefaultLocale());
      if (!(await locales.findByCode(resolved))) throw notFound(`Unknown locale "${resolved}"`);
    }
    const target = { uid, documentId, locale: resolved };
    if (!(await store().findDraft(target))) {
      const anyLocale = await strapi.db.query(uid as any).count({ where: { documentId } });
      throw notFound(
        anyLocale
          ? `Document ${documentId} has no ${resolved} version`
          : `No document ${documentId} in ${uid}`
      );
    }
    if (userAbility) await access().assertMayRead(userAbility, target);
    return target;
  };

  const service = {
    resolveTarget,

    async getState(target: Target, actor: Actor, may: MayTransition): Promise<DocumentState> {
      return service.describe(target, await store().ensure(target), actor, may);
    },

    /** The state as clients see it; `live` may be passed when the caller knows it. */
    async describe(
      target: Target,
      state: WorkflowState,
      actor: Actor,
      may: MayTransition,
      knownLive?: boolean
    ): Promise<DocumentState> {
      const def = definition().get();
      const [live, history] = await Promise.all([
        knownLive ?? store().isLive(target),
        store().history(target),
      ]);
      return {
        uid: target.uid,
        documentId: target.documentId,
        locale: target.locale,
        stage: state.stage,
        version: state.version,
        live,
        enteredStageAt: state.enteredStageAt.toISOString(),
        allowedTransitions: await Promise.all(
          allowedTransitions(def, state, may).map(async (t) => {
            const blockedBy = await service.blockers(target, state, t, actor);
            // What readers will read of this move, for the panel's field (checked by the move).
            const publicNote =
              t.effect === 'withdraw'
                ? 'notice'
                : live && publishingEffect(def, t) === 'publish' && !state.pendingCorrection
                  ? 'correction'
                  : undefined;
            return {
              id: t.id,
              name: t.name,
              to: t.to,
              requireComment: t.requireComment,
              ...(commentPrompt(t) ? { commentPrompt: commentPrompt(t) } : {}),
              ...(blockedBy.length > 0 ? { blockedBy } : {}),
              ...(publicNote ? { publicNote } : {}),
            };
          })
        ),
        history,
        assignee: (state as Partial<StateRow>).assignee ?? null,
        publishAt: state.publishAt?.toISOString() ?? null,
        unpublishAt: state.unpublishAt?.toISOString() ?? null,
      };
    },

    /**
     * What would refuse `transition` by `actor` now, without moving: separation of duties (then the
     * one reason: nothing the story's people could mend changes it), else its guards (reads only)
     * and, for a publishing move, the conflicts with other stories. The move itself checks again.
     */
    async blockers(target: Target, state: WorkflowState, transition: Transition, actor: Actor) {
      const duty = dutyBlocker(def(), transition, state, actor);
      if (duty) return [duty];
      const problems = await getService(strapi, 'guards').run(transition.guards, {
        ...target,
        isParticipant: (someone: Actor) => participation(state, someone) !== null,
      });
      if (publishingEffect(def(), transition) === 'publish')
        problems.push(...(await getService(strapi, 'publisher').conflicts(target)));
      return problems;
    },

    /**
     * One move, all or nothing: checks, guards, the state change, the history entry and the
     * publishing effect commit together; the webhook goes out after the commit.
     */
    async transition(
      target: Target,
      body: unknown,
      actor: Actor,
      may: MayTransition
    ): Promise<DocumentState> {
      const def = definition().get();
      const request = parseMoveRequest(body);
      await store().ensure(target);

      let event: Omit<TransitionEvent, 'cacheTags'> | null = null;
      const { result: moved, tags: cacheTags } = await getService(strapi, 'cache').collectTags(() =>
        strapi.db.transaction(async () => {
          // Edits of this story wait until the move is decided and done (and the move waits for them).
          await store().lock([target]);
          const state = await store().find(target);
          if (!state) throw notFound(`No workflow state for ${target.documentId}`);
          const now = new Date();
          const decision = decideMove(def, state, request, actor, may, now);
          if (!decision.ok) throw toError(decision.refusal);
          // An approval with publishAt waits in the scheduling stage: approved, not yet live.
          const transition = {
            ...decision.transition,
            to: destinationOf(def, decision.transition, request),
          };
          const effect = publishingEffect(def, transition);
          const approves = publishingEffect(def, decision.transition) === 'publish';
          // A correction or a public note is for readers: it must fit the move (domain/public-record.ts).
          // An approval with publishAt corrects the live story too, at its time.
          const recordRefusal = publicRecordRefusal(transition, request, {
            publishes: approves,
            live: Boolean(request.correction) && (await store().isLive(target)),
            pending: Boolean(state.pendingCorrection),
          });
          if (recordRefusal) throw toError(recordRefusal);

          const problems = await getService(strapi, 'guards').run(transition.guards, {
            ...target,
            isParticipant: (someone: Actor) => participation(state, someone) !== null,
          });
          // Approving one story must never change what readers see of another (checked again at publishAt).
          if (approves) problems.push(...(await getService(strapi, 'publisher').conflicts(target)));
          const refusal = guardRefusal(transition, problems);
          if (refusal) throw toError(refusal);

          const next = {
            ...applyMove(def, state, transition, actor, now),
            ...timesAfterMove(
              def,
              state,
              state.stage,
              transition.to,
              transition.unpublishes,
              request
            ),
            pendingCorrection: pendingCorrectionAfter(
              def,
              state,
              state.stage,
              transition.to,
              request,
              actor
            ),
          };
          // Approval ends the assignment (compareAndSwap clears it on the row too).
          (next as Partial<StateRow>).assignee =
            isPublishingStage(def, next.stage) || isSchedulingStage(def, next.stage)
              ? null
              : ((state as Partial<StateRow>).assignee ?? null);
          if (!(await store().compareAndSwap(state, next))) {
            throw conflict(
              'Someone else moved this document at the same time: reload and try again',
              {
                stage: state.stage,
                version: state.version,
              }
            );
          }
          const entry = await store().appendHistory(
            target,
            {
              transition: transition.id,
              from: state.stage,
              to: next.stage,
              actor,
              comment: request.comment,
            },
            state.enteredStageAt
          );
          // The move's comment opens or continues the story's discussion thread.
          await getService(strapi, 'notes').fromMove(
            target,
            transition.id,
            request.comment ?? null,
            actor
          );
          // Told after the commit; never for a refused or rolled-back move.
          await getService(strapi, 'notifications').enqueue({
            kind: transition.id,
            target,
            actor,
            eventKey: `move:${entry.id}`,
            data: { comment: request.comment, submitter: state.submitter },
          });

          const record = getService(strapi, 'public-record');
          const at = new Date(entry.createdAt);
          // Logged when the corrected version goes live: with this approval, or (publish_now) the
          // correction a scheduled approval carried, dated now.
          const correction =
            effect !== 'publish'
              ? null
              : request.correction
                ? { note: request.correction.note, actor }
                : state.pendingCorrection;
          if (correction)
            await record.recordCorrection(target, { ...correction, at, historyId: entry.id });
          // Before unpublishing: the notice keeps the title readers saw.
          if (effect === 'unpublish' && transition.effect === 'withdraw')
            await record.withdraw(target, {
              note: request.publicNote!,
              actor,
              at,
              historyId: entry.id,
            });
          if (effect === 'publish') await getService(strapi, 'publisher').publish(target);
          if (effect === 'unpublish') await getService(strapi, 'publisher').unpublish(target);
          // Publishing made the published row afresh from the draft: the stage goes onto it too.
          if (effect === 'publish') await store().writeStageField(target, next.stage);

          event = {
            ...target,
            transition: transition.id,
            from: entry.from!,
            to: entry.to!,
            actor,
            comment: entry.comment,
            createdAt: entry.createdAt,
          };
          return {
            next,
            live: effect === 'publish' ? true : effect === 'unpublish' ? false : undefined,
          };
        })
      );

      if (event) strapi.eventHub.emit(TRANSITION_EVENT, { ...(event as object), cacheTags });
      return service.describe(target, moved.next, actor, may, moved.live);
    },

    /**
     * After a content change to a working copy, inside the write's transaction: anywhere past the
     * initial stage the copy goes back there (recorded as `edit`), and the editor joins the round.
     */
    async recordEdit(target: Target, actor: Actor) {
      const def = definition().get();
      await strapi.db.transaction(async () => {
        await store().lock([target]);
        const state = await store().ensure(target);
        const next = afterEdit(def, state, actor, new Date());
        if (!next) return;
        if (!(await store().compareAndSwap(state, next.state))) {
          throw conflict(
            'Someone else moved this document at the same time: reload and try again',
            { stage: state.stage, version: state.version }
          );
        }
        if (next.moved) {
          await store().appendHistory(
            target,
            { transition: 'edit', from: state.stage, to: next.state.stage, actor, comment: null },
            state.enteredStageAt
          );
        }
      });
    },

    /** Stages of many documents at once (the Content Manager's list view); only readable ones for a user. */
    async stages(uid: string, locale: string, documentIds: string[], userAbility?: UserAbility) {
      const scope = userAbility ? access().readScope(userAbility, uid) : null;
      if (scope && 'locales' in scope && !scope.locales.includes(locale)) return [];
      if (userAbility && scope && !('all' in scope) && !('locales' in scope)) {
        const where: Record<string, unknown> = { documentId: { $in: documentIds } };
        if (locale) where.locale = locale;
        documentIds = (await access().readableKeys(userAbility, uid, where)).map(
          (k) => k.documentId
        );
        if (documentIds.length === 0) return [];
      }
      const rows = await strapi.db.query(STATE_UID).findMany({
        where: { targetUid: uid, targetLocale: locale, targetDocumentId: { $in: documentIds } },
        select: ['targetDocumentId', 'stage', 'version', 'enteredStageAt', 'assignee', 'publishAt'],
      });
      return rows.map((r: any) => ({
        documentId: r.targetDocumentId,
        stage: r.stage,
        version: r.version,
        enteredStageAt: new Date(r.enteredStageAt).toISOString(),
        assignee: r.assignee ?? null,
        publishAt: r.publishAt ? new Date(r.publishAt).toISOString() : null,
      }));
    },

    /** A page of documents in a stage; for a user (`userAbility`), only those they may read, totals included. */
    async queue(query: QueueQuery, userAbility?: UserAbility) {
      const def = definition().get();
      const stage =
        query.stage ?? def.stages.find((s) => !s.initial && !s.publishes)?.id ?? def.stages[0].id;
      const page = Math.max(1, query.page ?? 1);
      const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 25));
      const where: Record<string, unknown> = { stage };
      if (query.uid) where.targetUid = query.uid;
      if (query.locale) where.targetLocale = query.locale;
      if (query.assigned === 'me') where.assigneeId = query.me ?? -1;
      if (query.assigned === 'none') where.assigneeId = { $null: true };
      if (userAbility) {
        const readable = await access().stateScope(
          userAbility,
          query.uid ? [query.uid] : def.contentTypes,
          query.locale
        );
        if (!readable)
          return { data: [], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 } } };
        where.$and = [readable];
      }

      const [rows, total] = await Promise.all([
        strapi.db.query(STATE_UID).findMany({
          where,
          orderBy:
            query.sort === 'newest'
              ? [{ enteredStageAt: 'desc' }, { id: 'desc' }]
              : isSchedulingStage(def, stage)
                ? [{ publishAt: 'asc' }, { id: 'asc' }]
                : [{ enteredStageAt: 'asc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(STATE_UID).count({ where }),
      ]);

      // One title query per content type on the page.
      const titles = new Map<string, string | null>();
      const byUid = new Map<string, any[]>();
      for (const row of rows) byUid.set(row.targetUid, [...(byUid.get(row.targetUid) ?? []), row]);
      for (const [uid, group] of byUid) {
        const model = strapi.getModel(uid as any) as any;
        const titleField = model?.attributes?.title
          ? 'title'
          : model?.attributes?.name
            ? 'name'
            : null;
        if (!titleField) continue;
        const localized = isLocalized(strapi, uid);
        const drafts = await strapi.db.query(uid as any).findMany({
          where: { documentId: { $in: group.map((r) => r.targetDocumentId) }, publishedAt: null },
          select: ['documentId', 'locale', titleField],
        });
        for (const d of drafts)
          titles.set(`${uid}#${d.documentId}#${localized ? d.locale : ''}`, d[titleField] ?? null);
      }

      const data: QueueItem[] = rows.map((row: any) => ({
        uid: row.targetUid,
        documentId: row.targetDocumentId,
        locale: row.targetLocale,
        title: titles.get(`${row.targetUid}#${row.targetDocumentId}#${row.targetLocale}`) ?? null,
        stage: row.stage,
        enteredStageAt: new Date(row.enteredStageAt).toISOString(),
        lastActor: row.lastActor ?? null,
        submittedBy: row.submitter ?? null,
        assignee: row.assignee ?? null,
        publishAt: row.publishAt ? new Date(row.publishAt).toISOString() : null,
        ...slaOf(def, row.stage, row.enteredStageAt),
      }));
      return {
        data,
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },
  };
  return service;
};
