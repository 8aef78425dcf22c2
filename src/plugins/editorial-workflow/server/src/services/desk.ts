import type { Core } from '@strapi/strapi';
import type { DeskChecker, DeskStats, DeskWaiting } from '../../../shared/desk';
import { fillSeries, isOverdue, reviewStageOf, slaEventKey, windowStart } from '../domain/desk';
import { getService, HISTORY_UID, STATE_UID } from '../utils';
import type { UserAbility } from './access';
import { nearestRankSql, sqlDialect } from './sql-dialect';

export interface DeskQuery {
  days: number;
  uid?: string;
  locale?: string;
}

type Sql = { sql: string; bindings: unknown[] };
const SLA_ACTOR = { type: 'system' as const, id: null, name: 'SLA' };
export const SLA_JOB = 'editorial-workflow-sla';
/** Stands for the table alias in scope SQL until a query names it. */
const ALIAS = '__scope__';

// The desk's figures, computed in the database (aggregates through knex), the same SQL on SQLite and
// PostgreSQL but for the expressions in sql-dialect.ts. No history row is loaded. Each query reads
// one covering index of the history (content-types/index.ts), never the table.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const pg = () => strapi.db.dialect.client === 'postgres';
  const table = (uid: string) => strapi.db.metadata.get(uid as any).tableName;
  const col = (uid: string, attribute: string) =>
    (strapi.db.metadata.get(uid as any).attributes as any)[attribute].columnName as string;

  const sql = () => sqlDialect(pg() ? 'postgres' : 'sqlite');
  const list = (values: unknown[]) => values.map(() => '?').join(', ');

  /**
   * The user's readable document locales (access.stateScope's branches) as SQL on the target
   * columns of the row aliased `ALIAS` (see `on`); an empty `sql` for no restriction, null for
   * nothing readable.
   */
  const scopeSql = async (
    uid: string,
    query: DeskQuery,
    userAbility?: UserAbility
  ): Promise<Sql | null> => {
    const def = getService(strapi, 'definition').get();
    const c = (a: string) => `${ALIAS}.${col(uid, a)}`;
    const parts: string[] = [];
    const bindings: unknown[] = [];
    if (query.uid) {
      parts.push(`${c('targetUid')} = ?`);
      bindings.push(query.uid);
    }
    if (query.locale) {
      parts.push(`${c('targetLocale')} = ?`);
      bindings.push(query.locale);
    }
    if (userAbility) {
      const scope: any = await getService(strapi, 'access').stateScope(
        userAbility,
        query.uid ? [query.uid] : def.contentTypes,
        query.locale
      );
      if (!scope) return null;
      const branches = (scope.$or as Record<string, any>[]).map((branch) => {
        const terms: string[] = [];
        for (const [key, value] of Object.entries(branch)) {
          if (value && typeof value === 'object' && Array.isArray(value.$in)) {
            if (value.$in.length === 0) return '1 = 0';
            terms.push(`${c(key)} IN (${list(value.$in)})`);
            bindings.push(...value.$in);
          } else {
            terms.push(`${c(key)} = ?`);
            bindings.push(value);
          }
        }
        return `(${terms.join(' AND ')})`;
      });
      parts.push(`(${branches.join(' OR ')})`);
    }
    return { sql: parts.map((p) => ` AND ${p}`).join(''), bindings };
  };

  const on = (scope: Sql, alias: string) => scope.sql.replaceAll(`${ALIAS}.`, `${alias}.`);

  const iso = (value: unknown) =>
    value === null || value === undefined
      ? null
      : new Date(
          typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as any)
        ).toISOString();
  /** Seconds of a duration the database gives in whole milliseconds (pg gives a bigint as text). */
  const fromMillis = (value: unknown) =>
    value === null || value === undefined ? null : Number(value) / 1000;

  const waiting = async (query: DeskQuery, userAbility?: UserAbility): Promise<DeskWaiting[]> => {
    const def = getService(strapi, 'definition').get();
    // What waits for people: a scheduled story waits for the clock.
    const stages = def.stages.filter((s) => !s.publishes && !s.schedules);
    const counts = new Map<string, { count: number; oldest: string | null }>();
    const scope = await scopeSql(STATE_UID, query, userAbility);
    if (scope) {
      const stage = col(STATE_UID, 'stage');
      const entered = col(STATE_UID, 'enteredStageAt');
      const { rows } = normalize(
        await knex().raw(
          `SELECT s.${stage} AS stage, COUNT(*) AS n, MIN(s.${entered}) AS oldest
           FROM ${table(STATE_UID)} s WHERE s.${stage} IN (${list(stages)})${on(scope, 's')}
           GROUP BY s.${stage}`,
          [...stages.map((s) => s.id), ...scope.bindings]
        )
      );
      for (const r of rows) counts.set(r.stage, { count: Number(r.n), oldest: iso(r.oldest) });
    }
    return stages.map((s) => ({
      stage: s.id,
      count: counts.get(s.id)?.count ?? 0,
      oldestEnteredAt: counts.get(s.id)?.oldest ?? null,
    }));
  };

  /** better-sqlite3 answers a raw SELECT with the rows, pg with `{ rows }`. */
  const normalize = (result: any): { rows: any[] } =>
    Array.isArray(result) ? { rows: result } : { rows: result.rows };

  const desk = {
    async stats(query: DeskQuery, userAbility?: UserAbility, now = Date.now()): Promise<DeskStats> {
      const def = getService(strapi, 'definition').get();
      const since = windowStart(now, query.days);
      const review = reviewStageOf(def);
      const base = (waitingRows: DeskWaiting[]) => ({
        days: query.days,
        since: new Date(since).toISOString(),
        reviewStage: review,
        waiting: waitingRows,
      });
      const scope = await scopeSql(HISTORY_UID, query, userAbility);
      if (!review || !scope)
        return {
          ...base(await waiting(query, userAbility)),
          rounds: 0,
          medianSeconds: null,
          p90Seconds: null,
          series: fillSeries(since, now, []),
          checkers: [],
          requestChangesRate: null,
          funnel: { submitted: 0, changesRequested: 0, approved: 0 },
        };

      const H = table(HISTORY_UID);
      const h = (a: string) => col(HISTORY_UID, a);
      const publishing = def.stages.filter((s) => s.publishes).map((s) => s.id);
      const sinceAt = new Date(since);
      const { millisBetween, dayOf, sortedList, nth } = sql();

      // A round ends with a move out of the review stage in the window (not an assignment, which
      // stays in it); the move carries when the stage was entered (stageEnteredAt, backfilled at
      // boot for history written before it). Percentiles: nearest rank, the k-th of the durations
      // sorted once per day and once overall.
      const rounds = `
        WITH durations AS (
          SELECT ${millisBetween(`x.${h('stageEnteredAt')}`, `x.${h('createdAt')}`)} AS ms,
            ${dayOf(`x.${h('createdAt')}`)} AS day
          FROM ${H} x
          WHERE x.${h('fromStage')} = ? AND x.${h('toStage')} <> ? AND x.${h('createdAt')} >= ?
            AND x.${h('stageEnteredAt')} IS NOT NULL${on(scope, 'x')}
        ),
        lists AS (
          SELECT NULL AS day, COUNT(*) AS n, ${sortedList('ms')} AS sorted FROM durations
          UNION ALL
          SELECT day, COUNT(*) AS n, ${sortedList('ms')} AS sorted FROM durations GROUP BY day
        )
        SELECT day, n AS rounds, ${nth('sorted', nearestRankSql(50, 'n'))} AS p50,
          ${nth('sorted', nearestRankSql(90, 'n'))} AS p90
        FROM lists`;
      // Moves out of the review stage by who made them: into a publishing stage is an approval,
      // anything else sends the story back.
      const pub = `h.${h('toStage')} IN (${list(publishing)})`;
      const byActor = `
        SELECT h.${h('actorType')} AS actor_type, h.${h('actorId')} AS actor_id,
          MAX(h.${h('actorName')}) AS name,
          SUM(CASE WHEN ${pub} THEN 1 ELSE 0 END) AS approvals,
          SUM(CASE WHEN ${pub} THEN 0 ELSE 1 END) AS changes
        FROM ${H} h WHERE h.${h('fromStage')} = ? AND h.${h('toStage')} <> ?
          AND h.${h('createdAt')} >= ?${on(scope, 'h')}
        GROUP BY h.${h('actorType')}, h.${h('actorId')}`;
      const submissions = `
        SELECT COUNT(*) AS n FROM ${H} h
        WHERE h.${h('toStage')} = ? AND (h.${h('fromStage')} IS NULL OR h.${h('fromStage')} <> ?)
          AND h.${h('createdAt')} >= ?${on(scope, 'h')}`;

      // The queries are independent: on PostgreSQL they run side by side on the pool's connections.
      const [roundResult, actorResult, submittedResult, waitingRows] = await Promise.all([
        knex().raw(rounds, [review, review, sinceAt, ...scope.bindings]),
        knex().raw(byActor, [
          ...publishing,
          ...publishing,
          review,
          review,
          sinceAt,
          ...scope.bindings,
        ]),
        knex().raw(submissions, [review, review, sinceAt, ...scope.bindings]),
        waiting(query, userAbility),
      ]);
      const roundRows = normalize(roundResult).rows;
      const overall = roundRows.find((r) => r.day === null);
      const days = roundRows
        .filter((r) => r.day !== null)
        .map((r) => ({
          day: new Date(Number(r.day) * 86_400_000).toISOString().slice(0, 10),
          rounds: Number(r.rounds),
          p50: fromMillis(r.p50),
          p90: fromMillis(r.p90),
        }));
      const checkers: DeskChecker[] = normalize(actorResult)
        .rows.map((r) => ({
          id: r.actor_id === null || r.actor_id === undefined ? null : Number(r.actor_id),
          name: String(r.name ?? ''),
          approvals: Number(r.approvals),
          changesRequested: Number(r.changes),
        }))
        .sort(
          (a, b) =>
            b.approvals + b.changesRequested - (a.approvals + a.changesRequested) ||
            a.name.localeCompare(b.name)
        );
      const [submitted] = normalize(submittedResult).rows;
      const approved = checkers.reduce((sum, c) => sum + c.approvals, 0);
      const changesRequested = checkers.reduce((sum, c) => sum + c.changesRequested, 0);
      return {
        ...base(waitingRows),
        rounds: Number(overall?.rounds ?? 0),
        medianSeconds: fromMillis(overall?.p50),
        p90Seconds: fromMillis(overall?.p90),
        series: fillSeries(since, now, days),
        checkers,
        requestChangesRate:
          approved + changesRequested === 0
            ? null
            : changesRequested / (approved + changesRequested),
        funnel: { submitted: Number(submitted?.n ?? 0), changesRequested, approved },
      };
    },

    /** Reminders already asked for by this process (the outbox's eventKey makes them once anywhere). */
    remindedKeys: new Set<string>(),

    /**
     * One `sla` reminder per story per stage entry past its stage's slaHours: to the assignee, else
     * to whoever holds the move the stage assigns (assignTo) or its move into publishing.
     */
    async checkSla(now: Date = new Date()) {
      const def = getService(strapi, 'definition').get();
      let enqueued = 0;
      for (const stage of def.stages) {
        if (stage.slaHours === undefined) continue;
        const due = new Date(now.getTime() - stage.slaHours * 3_600_000);
        const states = await strapi.db.query(STATE_UID).findMany({
          where: { stage: stage.id, enteredStageAt: { $lt: due } },
          orderBy: [{ enteredStageAt: 'asc' }, { id: 'asc' }],
        });
        let reviewers: number[] | null = null;
        for (const state of states as any[]) {
          if (!isOverdue(state.enteredStageAt, stage.slaHours, now.getTime())) continue;
          const eventKey = slaEventKey(state.id, state.enteredStageAt);
          if (desk.remindedKeys.has(eventKey)) continue;
          let recipients: number[];
          if (state.assignee?.id) recipients = [Number(state.assignee.id)];
          else {
            reviewers ??= (await getService(strapi, 'assignment').reviewersOf(stage.id)).map(
              (u) => u.id
            );
            recipients = reviewers;
          }
          await strapi.db.transaction(() =>
            getService(strapi, 'notifications').enqueue({
              kind: 'sla',
              target: {
                uid: state.targetUid,
                documentId: state.targetDocumentId,
                locale: state.targetLocale,
              },
              actor: SLA_ACTOR,
              recipients,
              eventKey,
              data: {
                stage: stage.id,
                slaHours: stage.slaHours,
                enteredStageAt: new Date(state.enteredStageAt).toISOString(),
              },
            })
          );
          desk.remindedKeys.add(eventKey);
          enqueued += 1;
        }
      }
      return { enqueued };
    },
  };
  return desk;
};
