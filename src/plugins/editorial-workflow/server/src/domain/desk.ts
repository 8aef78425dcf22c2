// What the Newsroom desk decides without a database: which stage is the review, the days of a
// window, overdue states. Pure.
import type { DeskDay } from '../../../shared/desk';
import type { WorkflowDefinition } from './definition';

const DAY_MS = 86_400_000;

/** The stage a transition into a publishing stage leaves (fact_check): where the review happens. */
export const reviewStageOf = (def: Pick<WorkflowDefinition, 'stages' | 'transitions'>) => {
  const publishing = new Set(def.stages.filter((s) => s.publishes).map((s) => s.id));
  // Not the scheduling stage: a story waits there already approved.
  const waiting = new Set(def.stages.filter((s) => s.schedules).map((s) => s.id));
  const reviewed = (f: string) => !publishing.has(f) && !waiting.has(f);
  const into = def.transitions.find((t) => publishing.has(t.to) && t.from.some(reviewed));
  return into ? (into.from.find(reviewed) ?? null) : null;
};

/** UTC day (YYYY-MM-DD) of a time. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Start of the window: `days` whole UTC days ending today (today included). */
export const windowStart = (now: number, days: number) => {
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate()
  );
  return today - (days - 1) * DAY_MS;
};

/** One entry per day of the window, oldest first; days without rounds get zeros and nulls. */
export const fillSeries = (
  since: number,
  now: number,
  rows: { day: string; rounds: number; p50: number | null; p90: number | null }[]
): DeskDay[] => {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const series: DeskDay[] = [];
  for (let t = since; utcDay(t) <= utcDay(now); t += DAY_MS) {
    const day = utcDay(t);
    const row = byDay.get(day);
    series.push({ day, rounds: row?.rounds ?? 0, p50: row?.p50 ?? null, p90: row?.p90 ?? null });
  }
  return series;
};

/** Nearest-rank position (1-based) of the `percent`th percentile among `n` ordered values. */
export const nearestRank = (percent: number, n: number) =>
  Math.max(1, Math.ceil((percent * n) / 100));

/** Past the stage's SLA at `now`. */
export const isOverdue = (
  enteredStageAt: string | Date,
  slaHours: number | undefined,
  now: number
) => slaHours !== undefined && now - new Date(enteredStageAt).getTime() > slaHours * 3_600_000;

/** The reminder's key: one per story per stage entry. */
export const slaEventKey = (stateId: number | string, enteredStageAt: string | Date) =>
  `sla:${stateId}:${new Date(enteredStageAt).toISOString()}`;
