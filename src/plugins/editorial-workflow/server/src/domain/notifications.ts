// Email notifications as rules: who is told of what, what the message says, when a failed one is
// tried again. Pure: no Strapi import; the outbox and the sender (services/notification-*.ts) call it.
import { escape as escapeHtml } from 'he';
import { z } from 'zod';
import type { Actor } from '../../../shared/contracts';
import type { WorkflowDefinition } from './definition';

/** Kinds that are not transitions: each names its recipients explicitly. */
export const EXPLICIT_KINDS = ['assigned', 'mentioned', 'sla'] as const;

export interface NotificationKind {
  id: string;
  name: string;
}

/** Every kind a user can turn off: the workflow's transitions, then the desk's own. */
export const notificationKinds = (def: Pick<WorkflowDefinition, 'transitions'>) => [
  ...def.transitions.map((t) => ({ id: t.id, name: t.name })),
  { id: 'assigned', name: 'Assigned to me' },
  { id: 'mentioned', name: 'Mentioned in a note' },
  { id: 'sla', name: 'Past the stage’s time limit (SLA)' },
];

// ---------------------------------------------------------------------------------------------
// Recipients

/** What the kind's default recipients are drawn from. */
export interface RecipientFacts {
  /** The story's assignee, if any. */
  assignee: { id: number } | null;
  /** Who submitted this round (before the move: a move back to draft ends the round). */
  submitter: Actor | null;
  /** Users holding the move named by the target stage's `assignTo` (loaded only when asked for). */
  reviewers: () => Promise<number[]>;
}

export type RecipientSource = 'assignee-or-reviewers' | 'submitter' | 'explicit';

/**
 * Where a kind's default recipients come from. A transition into a stage that names who reviews it
 * (`assignTo`: submit → fact-check) tells the assignee, else every reviewer; any other transition
 * (request changes, approve, retract) tells the round's submitter. The desk's own kinds always name
 * their recipients.
 */
export const recipientSource = (
  def: Pick<WorkflowDefinition, 'transitions' | 'stages'>,
  kind: string
): RecipientSource => {
  const transition = def.transitions.find((t) => t.id === kind);
  if (!transition) return 'explicit';
  const stage = def.stages.find((s) => s.id === transition.to) as { assignTo?: string } | undefined;
  return stage?.assignTo ? 'assignee-or-reviewers' : 'submitter';
};

export const defaultRecipients = async (
  source: RecipientSource,
  facts: RecipientFacts
): Promise<number[]> => {
  switch (source) {
    case 'assignee-or-reviewers':
      return facts.assignee?.id ? [facts.assignee.id] : facts.reviewers();
    case 'submitter':
      return facts.submitter?.type === 'admin' && facts.submitter.id != null
        ? [facts.submitter.id]
        : [];
    case 'explicit':
      return [];
  }
};

/**
 * The recipients who are told: each once, never the actor of their own act, never one who turned
 * the kind off (`disabled`: each user's turned-off kinds).
 */
export const finalRecipients = (
  ids: number[],
  kind: string,
  actor: Actor,
  disabled: Map<number, readonly string[]>
): number[] => {
  const actorId = actor.type === 'admin' ? actor.id : null;
  return [...new Set(ids)].filter(
    (id) => Number.isInteger(id) && id !== actorId && !(disabled.get(id) ?? []).includes(kind)
  );
};

// ---------------------------------------------------------------------------------------------
// Retries

export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 8;

/** The wait after the `attempts`-th failure (1 → 30 s, 2 → 1 min, … capped at an hour). */
export const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));

export type AfterFailure =
  | { status: 'pending'; attempts: number; nextAttemptAt: Date }
  | { status: 'failed'; attempts: number; nextAttemptAt: Date };

/** What a failed delivery leaves: tried again later, or given up after MAX_ATTEMPTS. */
export const afterFailure = (previousAttempts: number, now: Date): AfterFailure => {
  const attempts = previousAttempts + 1;
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', attempts, nextAttemptAt: now };
  return {
    status: 'pending',
    attempts,
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
  };
};

// ---------------------------------------------------------------------------------------------
// Messages

export interface MessageFacts {
  kind: string;
  /** The transition's name, for a transition kind. */
  transitionName?: string;
  title: string | null;
  locale: string;
  /** The stage the story is in now (its name). */
  stageName?: string;
  actorName: string;
  /** A move's comment, a note's text. */
  comment?: string | null;
  /** For `assigned`: who the story is assigned to. */
  assigneeName?: string;
  /** For `sla`: how long the stage allows. */
  slaHours?: number;
  url: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const SUBJECTS: Record<string, (story: string, f: MessageFacts) => string> = {
  submit: (story) => `Submitted for fact-check: ${story}`,
  request_changes: (story) => `Changes requested: ${story}`,
  approve: (story) => `Approved and published: ${story}`,
  retract: (story) => `Retracted: ${story}`,
  withdraw: (story) => `Withdrawn with a notice: ${story}`,
  assigned: (story) => `Assigned to you: ${story}`,
  mentioned: (story, f) => `${f.actorName} mentioned you: ${story}`,
  sla: (story) => `Waiting too long: ${story}`,
};

const LEADS: Record<string, (f: MessageFacts) => string> = {
  submit: (f) => `${f.actorName} submitted this story for fact-check.`,
  request_changes: (f) => `${f.actorName} requested changes to this story.`,
  approve: (f) => `${f.actorName} approved this story; it is published.`,
  retract: (f) => `${f.actorName} retracted this story; it is no longer published.`,
  withdraw: (f) =>
    `${f.actorName} withdrew this story; its address shows a retraction notice instead.`,
  assigned: (f) =>
    f.assigneeName
      ? `${f.actorName} assigned this story to ${f.assigneeName}.`
      : `${f.actorName} assigned this story to you.`,
  mentioned: (f) => `${f.actorName} mentioned you in a note on this story.`,
  sla: (f) =>
    f.slaHours
      ? `This story has waited in ${f.stageName ?? 'its stage'} longer than ${f.slaHours} hours.`
      : `This story has waited in ${f.stageName ?? 'its stage'} too long.`,
};

/** The story as a message names it: its title, its locale, or "Untitled". */
export const storyLabel = (title: string | null, locale: string) =>
  `${title?.trim() || 'Untitled'}${locale ? ` (${locale})` : ''}`;

export const renderMessage = (f: MessageFacts): RenderedMessage => {
  const story = storyLabel(f.title, f.locale);
  const subject = (SUBJECTS[f.kind] ?? ((s: string) => `${f.transitionName ?? f.kind}: ${s}`))(
    story,
    f
  );
  const lead = (
    LEADS[f.kind] ?? ((x: MessageFacts) => `${x.actorName}: ${x.transitionName ?? x.kind}.`)
  )(f);
  const lines = [lead, '', `Story: ${story}`];
  if (f.stageName) lines.push(`Stage: ${f.stageName}`);
  const comment = f.comment?.trim();
  if (comment) lines.push('', f.kind === 'mentioned' ? 'Note:' : 'Comment:', comment);
  lines.push('', `Open it: ${f.url}`);
  const text = lines.join('\n');
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    `<p><strong>Story:</strong> ${escapeHtml(story)}${f.stageName ? `<br><strong>Stage:</strong> ${escapeHtml(f.stageName)}` : ''}</p>`,
    comment ? `<blockquote>${escapeHtml(comment).replace(/\n/g, '<br>')}</blockquote>` : '',
    `<p><a href="${escapeHtml(f.url)}">Open the story</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return { subject, text, html };
};

/** The Content Manager's edit view of one document locale. */
export const editViewUrl = (adminUrl: string, uid: string, documentId: string, locale: string) => {
  const base = `${adminUrl.replace(/\/+$/, '')}/content-manager/collection-types/${uid}/${documentId}`;
  return locale ? `${base}?plugins[i18n][locale]=${encodeURIComponent(locale)}` : base;
};

// ---------------------------------------------------------------------------------------------
// Config and preferences

/** The `notifications` key of the plugin's config. */
export const notificationsConfigSchema = z
  .strictObject(
    {
      /** `email`: through Strapi's email plugin; `log`: written to the log instead (no SMTP). */
      delivery: z.enum(['email', 'log'], { error: 'must be "email" or "log"' }).optional(),
      /** The admin panel's absolute URL for links; default: Strapi's `admin.absoluteUrl`. */
      adminUrl: z.string({ error: 'must be a URL' }).optional(),
      /** How often each process looks for due retries (and rows a dead process left). */
      pollSeconds: z
        .number({ error: 'must be a positive number' })
        .positive('must be a positive number')
        .optional(),
    },
    { error: 'must be an object' }
  )
  .optional();

export interface NotificationsConfig {
  delivery: 'email' | 'log';
  adminUrl?: string;
  pollSeconds: number;
}

export const parseNotificationsConfig = (raw: unknown): NotificationsConfig => {
  const result = notificationsConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = ['notifications', ...issue.path.map(String)].join('.');
    throw new Error(`Invalid editorial-workflow config: ${key} ${issue.message}`);
  }
  return {
    delivery: result.data?.delivery ?? 'log',
    adminUrl: result.data?.adminUrl || undefined,
    pollSeconds: result.data?.pollSeconds ?? 15,
  };
};

/** `PUT /notification-preferences`' body: `{ disabled: [kind, …] }`, each a known kind. */
export const preferencesBodySchema = (kinds: readonly string[]) =>
  z.strictObject(
    {
      disabled: z
        .array(z.string({ error: 'disabled must list notification kinds' }), {
          error: 'disabled must list notification kinds',
        })
        .superRefine((values, ctx) => {
          values.forEach((value, i) => {
            if (!kinds.includes(value))
              ctx.addIssue({
                code: 'custom',
                path: [i],
                message: `Unknown notification kind "${value}" (known: ${kinds.join(', ')})`,
              });
          });
        })
        .transform((values) => [...new Set(values)]),
    },
    { error: 'The body must be a JSON object' }
  );
