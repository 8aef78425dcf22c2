// The Newsroom desk's figures (GET /editorial-workflow/desk), shared by the server and the admin.

/** Windows the desk answers for, in days. */
export const DESK_DAYS = [7, 30] as const;
export type DeskDays = (typeof DESK_DAYS)[number];

export interface DeskWaiting {
  stage: string;
  count: number;
  /** When the longest-waiting story entered the stage; null when none waits. */
  oldestEnteredAt: string | null;
}

/** One UTC day of rounds that ended that day. */
export interface DeskDay {
  day: string;
  rounds: number;
  /** Seconds in the review stage, nearest rank; null on a day without rounds. */
  p50: number | null;
  p90: number | null;
}

export interface DeskChecker {
  id: number | null;
  name: string;
  approvals: number;
  changesRequested: number;
}

export interface DeskStats {
  days: number;
  /** Start of the window (ISO), inclusive. */
  since: string;
  /** The stage with a transition into a publishing stage (fact_check); null if none. */
  reviewStage: string | null;
  waiting: DeskWaiting[];
  /** Rounds in the review stage (entering it to leaving it) that ended in the window. */
  rounds: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  series: DeskDay[];
  checkers: DeskChecker[];
  /** Changes requested ÷ (approvals + changes requested) in the window; null without any. */
  requestChangesRate: number | null;
  funnel: { submitted: number; changesRequested: number; approved: number };
}
