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
  /**
   * On a transition that unpublishes: `retract` (the URL answers 404) or `withdraw` (the URL answers
   * a retraction notice: the last published title, the date, the editor's public note).
   */
  effect?: 'retract' | 'withdraw';
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
  /**
   * What the move may tell readers: `notice`, a withdrawal, needs `publicNote`; `correction`, an
   * approval of a live story, may carry `correction: { note }`.
   */
  publicNote?: 'notice' | 'correction';
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
  /** On an approval of a live story: it corrects it, and readers read the note in its log. */
  correction?: { note: string };
  /** On a withdrawal: the notice readers get at the story's address. */
  publicNote?: string;
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

/** One entry of a story's public corrections log (`corrections` on the article's content-API answer). */
export interface CorrectionEntry {
  /** When the corrected version went live (ISO 8601). */
  date: string;
  /** The approver's public note; never the move's internal comment. */
  note: string;
}

/** What a withdrawn story's address answers to readers, in place of the story. */
export interface RetractionNotice {
  documentId: string;
  locale: string;
  /** The title readers last saw (the published version's, never the working copy's). */
  title: string | null;
  slug: string | null;
  /** When it was withdrawn (ISO 8601). */
  withdrawnAt: string;
  /** The editor's public note. */
  note: string;
}

/**
 * `ctx.state` key where a content-API controller lists documents its answer shows beyond those in
 * `data` (`[{ uid, documentId }]`, e.g. the quotes and speakers of a story's JSON-LD): the
 * response cache tags the stored answer with them too, so that their changes evict it.
 */
export const CACHE_DOCUMENTS_STATE = 'editorialWorkflowCacheDocuments';

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

// ---- Importing wire copy (issue 12) -------------------------------------------------------------
// `POST /editorial-workflow/import/:uid/preview` and `POST /editorial-workflow/import/:uid` (admin),
// `POST /api/editorial-workflow/import/:uid` (API tokens, `dryRun` first). The app registers what a
// content type's import means (the `importer` service); these are the shapes on the wire.

export const IMPORT_PERMISSION = 'import';
export const IMPORT_ACTION = `plugin::${PLUGIN_ID}.${IMPORT_PERMISSION}`;
/**
 * Largest copy accepted, in characters: far above any wire story, low enough that extracting it does
 * not hold the request thread for long (the app's extractor has the same limit, MAX_WIRE_CHARS, and
 * says why). The JSON body limit refuses much more before it is read.
 */
export const IMPORT_MAX_CHARS = 200_000;

export const IMPORT_FORMATS = ['auto', 'text', 'html', 'ninjs', 'nitf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_SOURCE_TYPES = [
  'news_agency',
  'newspaper',
  'broadcaster',
  'social_media',
  'official',
  'document',
  'ngo',
  'other',
] as const;
export type ImportSourceType = (typeof IMPORT_SOURCE_TYPES)[number];

/** An existing person or source the proposal was matched to, and by what. */
export interface ImportMatch {
  documentId: string;
  name: string;
  by: 'name' | 'alias' | 'variant';
}

export interface ImportPersonProposal {
  /** Stable within one proposal: quotes name their speaker by it. */
  key: string;
  name: string;
  role?: string;
  mentions: string[];
  /** null: no existing person matched; importing creates one. */
  match: ImportMatch | null;
}

export interface ImportSourceProposal {
  key: string;
  name: string;
  type: ImportSourceType;
  mentions: string[];
  match: ImportMatch | null;
}

export interface ImportQuoteProposal {
  /** Position in `quotes`: corrections name a quote by it. */
  index: number;
  text: string;
  context: string;
  /** A key of `people`; absent: no speaker was found (never guessed). */
  speaker?: string;
  source?: string;
  language: string;
  paragraph: number;
}

export interface ImportDuplicate {
  documentId: string;
  title: string;
  locale: string;
}

/** What an import would create, before anything is saved (the review screen). */
export interface ImportProposal {
  uid: string;
  locale: string;
  format: Exclude<ImportFormat, 'auto'>;
  language: string;
  title: string;
  standfirst?: string;
  byline?: string;
  dateline?: string;
  paragraphs: string[];
  quotes: ImportQuoteProposal[];
  people: ImportPersonProposal[];
  sources: ImportSourceProposal[];
  /** Text in quotation marks that is nobody's quote: a name, scare quotes, words without a speaker. */
  flagged: { text: string; paragraph: number; reason: 'name' | 'scare-quotes' | 'no-speaker' }[];
  /** What cleaning took out, so that nothing disappears silently. */
  removed: { text: string; reason: string }[];
  /** A second story's headline run into the copy; its paragraphs stay unless split off. */
  secondStory: { title: string; fromParagraph: number } | null;
  /** Stories already imported from the same copy: creating again needs `allowDuplicate`. */
  duplicates: ImportDuplicate[];
}

/** A person or source for a quote: an existing one, one of the proposal's, or a new one. */
export type ImportReference =
  | { documentId: string }
  | { key: string }
  | { new: { name: string; role?: string; type?: ImportSourceType } };

/** What the review screen changed; everything left out stays as proposed. */
export interface ImportReview {
  title?: string;
  standfirst?: string | null;
  paragraphs?: string[];
  /**
   * Per proposed person (by key): link an existing person instead (a merge), or create it with
   * these fields, or leave it out of the story (`skip`; no kept quote may still name it).
   */
  people?: Record<
    string,
    { documentId: string } | { name: string; role?: string | null } | { skip: true }
  >;
  sources?: Record<
    string,
    { documentId: string } | { name: string; type?: ImportSourceType } | { skip: true }
  >;
  /** Per quote (by its index): drop it, or change its words, speaker or source (null: none). */
  quotes?: {
    index: number;
    drop?: boolean;
    text?: string;
    speaker?: ImportReference | null;
    source?: ImportReference | null;
  }[];
  /** Only when the proposal has a second story: `split` it off into its own draft, or `drop` its headline (its paragraphs stay). Default `drop`. */
  secondStory?: 'split' | 'drop';
}

export interface ImportRequest {
  content: string;
  format?: ImportFormat;
  /** The locale the story is created in; the default locale when left out. */
  locale?: string;
  filename?: string;
  review?: ImportReview;
  /** Create even though the same copy was imported before. */
  allowDuplicate?: boolean;
}

/** The content API's body: `dryRun` (the default) answers the proposal; `false` creates. */
export interface ImportApiRequest extends ImportRequest {
  dryRun?: boolean;
}

export interface ImportedStory {
  uid: string;
  documentId: string;
  locale: string;
  title: string;
  quotes: string[];
}

/** What an import created: one story, or two after a split; people and sources created (not linked). */
export interface ImportResult {
  stories: ImportedStory[];
  people: string[];
  sources: string[];
}
