// Shapes exchanged between the plugin's server and its admin panel (and API clients).

export interface Stage {
  id: string;
  name: string;
  color: string;
  initial: boolean;
  publishes: boolean;
  /** A transition id: stories in this stage take an assignee, who must hold that move's permission. */
  assignTo?: string;
  /** Hours a story may wait in this stage before it is overdue (queue flag, one reminder). */
  slaHours?: number;
  /**
   * Approved stories wait here for their `publishAt`; the workflow publishes them at that time
   * (along the move from this stage into a publishing one). At most one such stage.
   */
  schedules?: boolean;
}

export interface Transition {
  id: string;
  name: string;
  from: string[];
  to: string;
  requireComment: boolean;
  /** What the comment box asks for, in the newsroom's words; also the refusal when it is left empty. */
  commentPrompt?: string;
  guards: string[];
  separationOfDuties: boolean;
  unpublishes: boolean;
}

export interface WorkflowInfo {
  contentTypes: string[];
  stages: Stage[];
  transitions: Transition[];
}

/** `public`: a content-API request without credentials; `system`: code, no request at all. */
export type ActorType = 'admin' | 'api-token' | 'user' | 'public' | 'system';

export interface Actor {
  type: ActorType;
  id: number | null;
  name: string;
}

/** History entries of the scheduler's own moves (never a configured transition id: those have no '-'). */
export const SCHEDULED_PUBLISH = 'scheduled-publish';
export const SCHEDULED_UNPUBLISH = 'scheduled-unpublish';

export interface HistoryEntry {
  /**
   * A transition id, `edit` when an edit after approval sent the story back, or the scheduler's
   * `scheduled-publish` / `scheduled-unpublish`.
   */
  transition: string;
  from: string | null;
  to: string | null;
  actor: Actor;
  comment: string | null;
  createdAt: string;
  /** On an `assign` entry: who it was assigned to (null: unassigned). */
  assignee?: Assignee | null;
}

/** Who a story in an `assignTo` stage is assigned to. */
export interface Assignee {
  id: number;
  name: string;
}

export interface AllowedTransition {
  id: string;
  name: string;
  to: string;
  requireComment: boolean;
  commentPrompt?: string;
  /** Why the move would be refused now (guard problems, conflicts); absent when nothing stands in the way. */
  blockedBy?: string[];
}

export interface DocumentState {
  uid: string;
  documentId: string;
  locale: string;
  stage: string;
  version: number;
  /** A published version is readable by the public. */
  live: boolean;
  enteredStageAt: string;
  allowedTransitions: AllowedTransition[];
  history: HistoryEntry[];
  assignee: Assignee | null;
  /** When a scheduled story goes live (set only in the scheduling stage). */
  publishAt?: string | null;
  /** When the live version comes down, if an approval asked for it. */
  unpublishAt?: string | null;
}

export interface TransitionRequest {
  transition: string;
  comment?: string;
  expectedVersion?: number;
  /** On a move into a publishing stage (approve): wait in the scheduling stage until then (ISO 8601 with a zone). */
  publishAt?: string;
  /** With an approval: take the live version down at this time (after publishAt). */
  unpublishAt?: string;
}

export interface QueueItem {
  uid: string;
  documentId: string;
  locale: string;
  title: string | null;
  stage: string;
  enteredStageAt: string;
  lastActor: Actor | null;
  submittedBy: Actor | null;
  assignee: Assignee | null;
  /** Past its stage's slaHours. */
  overdue: boolean;
  /** A scheduled story's time. */
  publishAt?: string | null;
  slaHours?: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** Webhook `editorial-workflow.transition` payload (Strapi adds `event`). */
export interface TransitionEvent {
  uid: string;
  documentId: string;
  locale: string;
  transition: string;
  from: string;
  to: string;
  actor: Actor;
  comment: string | null;
  createdAt: string;
  /**
   * The cache tags of every public answer this move changed (`article:<documentId>`, `quote:…`,
   * `articles`): purge exactly these at a CDN (`Cache-Tag`/`Surrogate-Key`) or with Next.js
   * `revalidateTag`. Empty when the move changed nothing readers see.
   */
  cacheTags: string[];
}

/**
 * Webhook `editorial-workflow.cache-purge` payload (Strapi adds `event`): sent once per committed
 * change to public answers, from the process that made it: transitions, and also what is not a move
 * (a live person or source edited, a file of a live story changed, a locale or the Public role's
 * permissions changed, the admin's Purge). `flush`: purge everything (then `tags` is empty).
 */
export interface CachePurgeEvent {
  tags: string[];
  flush: boolean;
  createdAt: string;
}

/** The response cache of public content-API reads, in one process (Settings → Response cache). */
export interface CacheStats {
  enabled: boolean;
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  bypasses: number;
  /** hits ÷ (hits + misses); null before the first cacheable read. */
  hitRatio: number | null;
  stores: number;
  refused: number;
  evictions: number;
  invalidations: number;
  /** `listening`: PostgreSQL LISTEN is up; `reconnecting`: it is down (nothing is served meanwhile); `local`: one process (SQLite). */
  sync: 'listening' | 'reconnecting' | 'local';
  /** Since when the counters count (the process's first use of the cache). */
  since: string;
}

export const PLUGIN_ID = 'editorial-workflow';
export const TRANSITION_EVENT = 'editorial-workflow.transition';
export const CACHE_PURGE_EVENT = 'editorial-workflow.cache-purge';
export const READ_ACTION = `plugin::${PLUGIN_ID}.read`;
export const CACHE_READ_PERMISSION = 'cache-read';
export const CACHE_PURGE_PERMISSION = 'cache-purge';
export const CACHE_READ_ACTION = `plugin::${PLUGIN_ID}.${CACHE_READ_PERMISSION}`;
export const CACHE_PURGE_ACTION = `plugin::${PLUGIN_ID}.${CACHE_PURGE_PERMISSION}`;
/** Strapi's permission uids allow no underscores: `request_changes` → `transition.request-changes`. */
export const transitionPermissionUid = (transitionId: string) =>
  `transition.${transitionId.replace(/_/g, '-')}`;
export const transitionAction = (transitionId: string) =>
  `plugin::${PLUGIN_ID}.${transitionPermissionUid(transitionId)}`;

/**
 * Hidden attribute the plugin adds to every managed content type: the stage id of that row's
 * document locale, a copy of the workflow state kept exact by the plugin (the state table stays the
 * source of truth). The Content Manager filters and sorts on it (`filters[editorialStage][$eq]=fact_check`,
 * `sort=editorialStage:ASC`); no request may write it, and the content API never shows it.
 */
export const STAGE_FIELD = 'editorialStage';
