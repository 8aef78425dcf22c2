// Server answers the component tests start from, typed by the contracts the server itself returns.
import type {
  AllowedTransition,
  DocumentState,
  HistoryEntry,
  QueueItem,
  Stage,
  Transition,
  WorkflowInfo,
} from '../../shared/contracts';

export const ARTICLE = 'api::article.article';
export const QUOTE = 'api::quote.quote';
export const PERSON = 'api::person.person';

const stage = (s: Partial<Stage> & Pick<Stage, 'id' | 'name' | 'color'>): Stage => ({
  initial: false,
  publishes: false,
  ...s,
});
const transition = (
  t: Partial<Transition> & Pick<Transition, 'id' | 'name' | 'from' | 'to'>
): Transition => ({
  requireComment: false,
  guards: [],
  separationOfDuties: false,
  unpublishes: false,
  ...t,
});

/** The app's workflow (config/plugins.ts), as `GET /editorial-workflow/workflow` returns it. */
export const workflow: WorkflowInfo = {
  contentTypes: [ARTICLE],
  stages: [
    stage({ id: 'draft', name: 'Draft', color: '#8e8ea9', initial: true }),
    stage({ id: 'fact_check', name: 'Fact-check', color: '#d9822f' }),
    stage({ id: 'published', name: 'Published', color: '#328048', publishes: true }),
  ],
  transitions: [
    transition({ id: 'submit', name: 'Submit for fact-check', from: ['draft'], to: 'fact_check' }),
    transition({
      id: 'request_changes',
      name: 'Request changes',
      from: ['fact_check'],
      to: 'draft',
      requireComment: true,
      commentPrompt: 'Say what needs to change: the author sees this comment.',
    }),
    transition({
      id: 'approve',
      name: 'Approve and publish',
      from: ['fact_check'],
      to: 'published',
      guards: ['quotes-verified'],
      separationOfDuties: true,
    }),
    transition({
      id: 'retract',
      name: 'Retract',
      from: ['published'],
      to: 'draft',
      requireComment: true,
      unpublishes: true,
    }),
  ],
};

const allowed = (id: string): AllowedTransition => {
  const t = workflow.transitions.find((x) => x.id === id);
  if (!t) throw new Error(`fixtures: no transition ${id}`);
  return {
    id: t.id,
    name: t.name,
    to: t.to,
    requireComment: t.requireComment,
    ...(t.commentPrompt ? { commentPrompt: t.commentPrompt } : {}),
  };
};

export const author = { type: 'admin' as const, id: 3, name: 'Anna Author' };
export const factChecker = { type: 'admin' as const, id: 4, name: 'Fiona Factchecker' };

export const historyEntry = (
  e: Partial<HistoryEntry> & Pick<HistoryEntry, 'transition' | 'from' | 'to' | 'createdAt'>
): HistoryEntry => ({
  actor: author,
  comment: null,
  ...e,
});

/** A story's state (`GET /editorial-workflow/state/...`); `moves` lists the transition ids allowed. */
export const documentState = ({
  moves = [],
  ...over
}: Partial<DocumentState> & { moves?: string[] } = {}): DocumentState => ({
  uid: ARTICLE,
  documentId: 'doc-1',
  locale: 'en',
  stage: 'draft',
  version: 1,
  live: false,
  enteredStageAt: '2026-11-30T09:00:00.000Z',
  allowedTransitions: moves.map(allowed),
  history: [],
  assignee: null,
  ...over,
});

export const queueItem = (
  over: Partial<QueueItem> & Pick<QueueItem, 'documentId' | 'title'>
): QueueItem => ({
  uid: ARTICLE,
  locale: 'en',
  stage: 'fact_check',
  enteredStageAt: '2026-11-30T09:00:00.000Z',
  lastActor: author,
  assignee: null,
  submittedBy: author,
  overdue: false,
  ...over,
});

/** The state route of a document, as api.ts builds it (the server's `/state/:uid/:documentId`). */
export const statePath = (uid: string, documentId: string) =>
  `/editorial-workflow/state/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;
