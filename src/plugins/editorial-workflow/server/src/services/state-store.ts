import type { Core } from '@strapi/strapi';
import type { Actor, Assignee, HistoryEntry } from '../../../shared/contracts';
import { ASSIGNEE_FIELD } from '../../../shared/assignment';
import { STAGE_FIELD } from '../../../shared/contracts';
import {
  firstPublishingStage,
  initialStage,
  isPublishingStage,
  isSchedulingStage,
} from '../domain/definition';
import type { WorkflowState } from '../domain/rules';
import { adminActor } from './actor';
import { sqlDialect } from './sql-dialect';
import { getService, HISTORY_UID, isLocalized, STATE_UID } from '../utils';

// Persistence of states and history. Every query goes through strapi.db.query, so it joins the
// surrounding strapi.db.transaction when there is one. Whenever a state is created or moves, its
// stage is copied onto the document locale's own rows (STAGE_FIELD), in the same transaction.

export interface Target {
  uid: string;
  documentId: string;
  locale: string;
}

export interface StateRow extends WorkflowState {
  id: number;
  target: Target;
  assignee: Assignee | null;
}

const toState = (row: any): StateRow => ({
  id: row.id,
  target: { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale },
  stage: row.stage,
  version: row.version,
  enteredStageAt: new Date(row.enteredStageAt),
  author: row.author ?? null,
  submitter: row.submitter ?? null,
  editors: Array.isArray(row.editors) ? row.editors : [],
  lastActor: row.lastActor ?? null,
  assignee: row.assignee ?? null,
  publishAt: row.publishAt ? new Date(row.publishAt) : null,
  unpublishAt: row.unpublishAt ? new Date(row.unpublishAt) : null,
  pendingCorrection: row.pendingCorrection ?? null,
});

const targetWhere = ({ uid, documentId, locale }: Target) => ({
  targetUid: uid,
  targetDocumentId: documentId,
  targetLocale: locale,
});

const keyOf = (t: Target) => `${t.uid}#${t.documentId}#${t.locale}`;

const isUniqueViolation = (error: any) =>
  /unique|duplicate/i.test(String(error?.message)) ||
  error?.code === '23505' ||
  error?.code === 'SQLITE_CONSTRAINT_UNIQUE';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const definition = () => getService(strapi, 'definition').get();

  const store = {
    /** The working copy (draft row) of this document locale, or null. */
    async findDraft(target: Target, { withCreator = false } = {}) {
      const where: Record<string, unknown> = { documentId: target.documentId, publishedAt: null };
      if (isLocalized(strapi, target.uid)) where.locale = target.locale;
      return strapi.db
        .query(target.uid as any)
        .findOne({ where, select: ['id'], populate: withCreator ? ['createdBy'] : undefined });
    },

    async isLive(target: Target) {
      const where: Record<string, unknown> = {
        documentId: target.documentId,
        publishedAt: { $notNull: true },
      };
      if (isLocalized(strapi, target.uid)) where.locale = target.locale;
      return (await strapi.db.query(target.uid as any).count({ where })) > 0;
    },

    async find(target: Target): Promise<StateRow | null> {
      const row = await strapi.db.query(STATE_UID).findOne({ where: targetWhere(target) });
      return row ? toState(row) : null;
    },

    /**
     * The state, created if the document locale has none yet: in the initial stage, or in the
     * publishing stage when it is already live (a document that predates the workflow).
     */
    async ensure(target: Target, author: Actor | null = null): Promise<StateRow> {
      const existing = await store.find(target);
      if (existing) return existing;
      const def = definition();
      const live = await store.isLive(target);
      let creator = author;
      if (!creator) {
        const draft = await store.findDraft(target, { withCreator: true });
        if (draft?.createdBy) creator = adminActor(draft.createdBy);
      }
      try {
        // The state and its copy on the document's rows commit together, inside a write's transaction or not.
        const row = await strapi.db.transaction(async () => {
          const created = await strapi.db.query(STATE_UID).create({
            data: {
              ...targetWhere(target),
              stage: live ? firstPublishingStage(def)!.id : initialStage(def).id,
              version: 1,
              enteredStageAt: new Date(),
              author: creator,
              submitter: null,
              editors: [],
              lastActor: creator,
            },
          });
          await store.writeStageField(target, created.stage);
          return created;
        });
        return toState(row);
      } catch (error) {
        // Another request created it first; theirs stands.
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.find(target);
        if (!raced) throw error;
        return raced;
      }
    },

    /** Writes `next` only if the state is still `current`; false when someone else moved first. */
    async compareAndSwap(current: StateRow, next: WorkflowState) {
      // The assignee keeps the story through its rounds (changes requested, resubmitted: the same
      // fact-checker hears of it again) and lets go once it is approved (published or scheduled).
      const releases =
        next.stage !== current.stage &&
        (isPublishingStage(definition(), next.stage) ||
          isSchedulingStage(definition(), next.stage));
      const { count } = await strapi.db.query(STATE_UID).updateMany({
        where: { id: current.id, version: current.version, stage: current.stage },
        data: {
          stage: next.stage,
          version: next.version,
          enteredStageAt: next.enteredStageAt,
          submitter: next.submitter,
          editors: next.editors,
          lastActor: next.lastActor,
          publishAt: next.publishAt ?? null,
          unpublishAt: next.unpublishAt ?? null,
          // A pending correction lives only as long as the scheduled publication: any move out of
          // the scheduling stage (published, unscheduled, edited, taken down) ends it here.
          pendingCorrection: isSchedulingStage(definition(), next.stage)
            ? (next.pendingCorrection ?? null)
            : null,
          ...(releases ? { assignee: null, assigneeId: null } : {}),
        },
      });
      if (count === 1 && next.stage !== current.stage)
        await store.writeStageField(current.target, next.stage);
      if (count === 1 && releases && current.assignee)
        await store.writeAssigneeField(current.target, null);
      return count === 1;
    },

    /**
     * The stage onto every row (draft and published) of this document locale, through the query
     * engine: no Document Service call, so no middleware runs again, and no `updatedAt` changes.
     */
    async writeStageField(target: Target, stage: string) {
      const where: Record<string, unknown> = { documentId: target.documentId };
      if (isLocalized(strapi, target.uid)) where.locale = target.locale;
      await strapi.db
        .query(target.uid as any)
        .updateMany({ where, data: { [STAGE_FIELD]: stage } });
    },

    /** The assignee's id onto every row of this document locale (ASSIGNEE_FIELD), like writeStageField. */
    async writeAssigneeField(target: Target, assigneeId: number | null) {
      const where: Record<string, unknown> = { documentId: target.documentId };
      if (isLocalized(strapi, target.uid)) where.locale = target.locale;
      await strapi.db
        .query(target.uid as any)
        .updateMany({ where, data: { [ASSIGNEE_FIELD]: assigneeId } });
    },

    /** Sets the assignee if the state is still `current` (version bumped); false when someone moved first. */
    async swapAssignee(current: StateRow, assignee: Assignee | null) {
      const { count } = await strapi.db.query(STATE_UID).updateMany({
        where: { id: current.id, version: current.version, stage: current.stage },
        data: { version: current.version + 1, assignee, assigneeId: assignee?.id ?? null },
      });
      if (count === 1) await store.writeAssigneeField(current.target, assignee?.id ?? null);
      return count === 1;
    },

    /**
     * Rows whose stage copy is missing (a database from before the copy, or a column emptied by hand)
     * get it from the state table: one set-based UPDATE per type, not a loop over documents. Once
     * every row has it, that is one read of the table that writes nothing (SQLite, 190,000 rows: ~20 ms
     * warm; filling all of them ~2 s).
     */
    async backfillStageField(uid: string) {
      const meta = strapi.db.metadata.get(uid as any);
      const stateTable = strapi.db.metadata.get(STATE_UID as any).tableName;
      const column = (meta.attributes as any)[STAGE_FIELD].columnName ?? 'editorial_stage';
      const table = meta.tableName;
      const knex = strapi.db.connection;
      const stage = knex(stateTable)
        .select('stage')
        .where(`${stateTable}.target_uid`, uid)
        .whereRaw(`${stateTable}.target_document_id = ${table}.document_id`)
        .whereRaw(
          isLocalized(strapi, uid)
            ? `${stateTable}.target_locale = ${table}.locale`
            : `${stateTable}.target_locale = ''`
        )
        .limit(1);
      return knex(table)
        .whereNull(column)
        .whereExists(stage.clone())
        .update({ [column]: stage });
    },

    /**
     * History written before the actor columns and `stageEnteredAt` existed gets them, in one
     * UPDATE (run at every boot; rows that have them are left alone): the actor's from its JSON,
     * and for a move out of a stage, the latest move into that stage before it (what the desk once
     * looked up for every round). Answers the number of rows filled.
     */
    async backfillHistory(): Promise<number> {
      const meta = strapi.db.metadata.get(HISTORY_UID as any);
      const H = meta.tableName;
      const c = (attribute: string) => (meta.attributes as any)[attribute].columnName as string;
      const { jsonText, jsonInteger } = sqlDialect(
        strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite'
      );
      const same = ['targetUid', 'targetDocumentId', 'targetLocale']
        .map((a) => `e.${c(a)} = ${H}.${c(a)}`)
        .join(' AND ');
      const result: any = await strapi.db.connection.raw(
        `UPDATE ${H} SET
           ${c('actorType')} = ${jsonText(c('actor'), 'type')},
           ${c('actorId')} = ${jsonInteger(c('actor'), 'id')},
           ${c('actorName')} = ${jsonText(c('actor'), 'name')},
           ${c('stageEnteredAt')} = COALESCE(${c('stageEnteredAt')},
             CASE WHEN ${c('fromStage')} <> ${c('toStage')} THEN
               (SELECT MAX(e.${c('createdAt')}) FROM ${H} e
                WHERE ${same} AND e.${c('toStage')} = ${H}.${c('fromStage')}
                  AND e.${c('createdAt')} <= ${H}.${c('createdAt')} AND e.id <> ${H}.id)
             END)
         WHERE ${c('actorType')} IS NULL AND ${c('actor')} IS NOT NULL`
      );
      // better-sqlite3 answers { changes }, pg { rowCount }.
      return Number(result?.changes ?? result?.rowCount ?? 0);
    },

    /**
     * Locks these states until the surrounding transaction ends, always in the same order, so that an
     * edit and a move of one story on PostgreSQL run one after the other instead of interleaving (a
     * verdict changed while an approval reads it) or deadlocking. SQLite runs one writer at a time anyway.
     */
    async lock(targets: Target[]) {
      if (strapi.db.dialect.client === 'sqlite' || targets.length === 0) return;
      const table = strapi.db.metadata.get(STATE_UID as any).tableName;
      const sorted = [...targets].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
      await strapi.db.transaction(async ({ trx }) => {
        for (const target of sorted) {
          await strapi.db
            .connection(table)
            .transacting(trx)
            .select('id')
            .where({
              target_uid: target.uid,
              target_document_id: target.documentId,
              target_locale: target.locale,
            })
            .forUpdate();
        }
      });
    },

    /**
     * `stageEnteredAt`: when the document entered the stage this move leaves, kept on the move so
     * that time in stage is one row's arithmetic for the desk, not a search for the entry.
     * `actorType`/`actorId`/`actorName` copy the actor for the desk's SQL (the JSON stays the record).
     */
    async appendHistory(
      target: Target,
      entry: Omit<HistoryEntry, 'createdAt'>,
      stageEnteredAt: Date | null = null
    ) {
      const row = await strapi.db.query(HISTORY_UID).create({
        data: {
          ...targetWhere(target),
          transition: entry.transition,
          fromStage: entry.from,
          toStage: entry.to,
          actor: entry.actor,
          actorType: entry.actor.type,
          actorId: entry.actor.id ?? null,
          actorName: entry.actor.name,
          comment: entry.comment,
          assignee: entry.assignee ?? null,
          stageEnteredAt,
        },
      });
      return {
        ...entry,
        id: row.id,
        createdAt: new Date(row.createdAt).toISOString(),
      } as HistoryEntry & { id: number };
    },

    async history(target: Target): Promise<HistoryEntry[]> {
      const rows = await strapi.db.query(HISTORY_UID).findMany({
        where: targetWhere(target),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map((r: any) => ({
        transition: r.transition,
        from: r.fromStage ?? null,
        to: r.toStage ?? null,
        actor: r.actor,
        comment: r.comment ?? null,
        createdAt: new Date(r.createdAt).toISOString(),
        ...(r.transition === 'assign' ? { assignee: r.assignee ?? null } : {}),
      }));
    },

    async remove(target: { uid: string; documentId: string; locale?: string }) {
      const where: Record<string, unknown> = {
        targetUid: target.uid,
        targetDocumentId: target.documentId,
      };
      if (target.locale !== undefined) where.targetLocale = target.locale;
      await strapi.db.query(STATE_UID).deleteMany({ where });
    },

    /** States for document locales that have none: documents that predate the workflow. */
    async createMissing(uid: string) {
      const meta = strapi.db.metadata.get(uid as any);
      const stateMeta = strapi.db.metadata.get(STATE_UID as any);
      const knex = strapi.db.connection;
      const localized = isLocalized(strapi, uid);
      const table = meta.tableName;
      const rows: { document_id: string; locale: string | null; live: number | string }[] =
        await knex(table)
          .select('document_id', localized ? 'locale' : knex.raw('NULL as locale'))
          .select(knex.raw('MAX(CASE WHEN published_at IS NULL THEN 0 ELSE 1 END) as live'))
          .whereNotExists(function (this: any) {
            this.select(knex.raw('1'))
              .from(stateMeta.tableName)
              .whereRaw(`${stateMeta.tableName}.target_uid = ?`, [uid])
              .whereRaw(`${stateMeta.tableName}.target_document_id = ${table}.document_id`)
              .whereRaw(
                localized
                  ? `${stateMeta.tableName}.target_locale = ${table}.locale`
                  : `${stateMeta.tableName}.target_locale = ''`
              );
          })
          .groupBy(localized ? ['document_id', 'locale'] : ['document_id']);
      for (const row of rows) {
        const target = { uid, documentId: row.document_id, locale: row.locale ?? '' };
        await store.ensure(target);
      }
      return rows.length;
    },
  };
  return store;
};
