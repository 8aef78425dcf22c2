import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '../../../shared/contracts';
import { READ_ACTION } from '../../../shared/contracts';
import type { Note } from '../../../shared/notes';
import {
  excerpt,
  mayResolve,
  mentionRecipients,
  parseNoteInput,
  unknownMentions,
} from '../domain/notes';
import type { UserAbility } from './access';
import type { DeskUser } from './desk-users';
import { forbidden, notFound } from './errors';
import type { Target } from './state-store';
import { getService, NOTE_UID } from '../utils';

const toNote = (row: any): Note => ({
  id: row.id,
  body: row.body,
  author: row.author,
  mentions: Array.isArray(row.mentions) ? row.mentions : [],
  transition: row.transition ?? null,
  createdAt: new Date(row.createdAt).toISOString(),
  resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
  resolvedBy: row.resolvedBy ?? null,
});

const targetWhere = (t: Target) => ({
  targetUid: t.uid,
  targetDocumentId: t.documentId,
  targetLocale: t.locale,
});

// The discussion thread of a story: notes, mentions (each told by email), resolve and reopen.
// Admin only: no content-API route reads this type.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');

  /** Active admin users who may read the story (plugin `read` and the Content Manager's read right). */
  const mayReadStory = async (target: Target): Promise<DeskUser[]> => {
    const candidates = await getService(strapi, 'desk-users').holding(READ_ACTION);
    const engine = (strapi.service('admin::permission') as any).engine;
    const out: DeskUser[] = [];
    for (const c of candidates) {
      const user = await strapi.db
        .query('admin::user')
        .findOne({ where: { id: c.id }, populate: ['roles'] });
      if (!user) continue;
      const ability = await engine.generateUserAbility(user);
      if (await access().mayRead(ability, target)) out.push(c);
    }
    return out;
  };

  const service = {
    mayReadStory,

    async list(target: Target, { resolved = true }: { resolved?: boolean } = {}) {
      const where: Record<string, unknown> = targetWhere(target);
      if (!resolved) where.resolvedAt = null;
      const rows = await strapi.db
        .query(NOTE_UID)
        .findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      const ids = [
        ...new Set(rows.flatMap((r: any) => (Array.isArray(r.mentions) ? r.mentions : []))),
      ];
      const users = await getService(strapi, 'desk-users').byIds(ids as number[]);
      const names = new Map(users.map((u) => [u.id, u.name]));
      return rows.map((row: any) => {
        const note = toNote(row);
        return {
          ...note,
          mentioned: note.mentions
            .filter((id) => names.has(id))
            .map((id) => ({ id, name: names.get(id)! })),
        };
      });
    },

    /** Users the mention picker offers: who may read the story, by name or email prefix, ≤ 10. */
    async mentionable(target: Target, q: string) {
      const needle = q.trim().toLowerCase();
      const users = await mayReadStory(target);
      return users
        .filter(
          (u) =>
            !needle ||
            u.email.toLowerCase().startsWith(needle) ||
            u.name
              .toLowerCase()
              .split(/\s+/)
              .some((part) => part.startsWith(needle)) ||
            u.name.toLowerCase().startsWith(needle)
        )
        .slice(0, 10)
        .map((u) => ({ id: u.id, name: u.name }));
    },

    /** Posts a note from a request body: validated, then written with its mentions' emails in one transaction. */
    async post(target: Target, raw: unknown, author: Actor) {
      const max = getService(strapi, 'definition').get().maxCommentLength;
      const parsed = parseNoteInput(raw, max);
      if (!parsed.ok)
        throw new errors.ValidationError(parsed.refusal.message, {
          errors: [
            {
              path: [parsed.refusal.path],
              message: parsed.refusal.message,
              name: 'ValidationError',
            },
          ],
        });
      const { body, mentions } = parsed.value;
      if (mentions.length) {
        const allowed = new Set((await mayReadStory(target)).map((u) => u.id));
        const unknown = unknownMentions(mentions, allowed);
        if (unknown.length) {
          const message = `mentions: user ${unknown[0]} is not an active admin user who may read this story`;
          throw new errors.ValidationError(message, {
            errors: [{ path: ['mentions'], message, name: 'ValidationError' }],
            unknown,
          });
        }
      }
      return strapi.db.transaction(() =>
        service.create(target, { body, mentions, author, transition: null })
      );
    },

    /** Writes a note and enqueues one `mentioned` email per mention; call inside a transaction. */
    async create(
      target: Target,
      note: { body: string; mentions: number[]; author: Actor; transition: string | null }
    ) {
      const row = await strapi.db.query(NOTE_UID).create({
        data: {
          ...targetWhere(target),
          body: note.body,
          mentions: note.mentions,
          author: note.author,
          transition: note.transition,
          resolvedAt: null,
          resolvedBy: null,
        },
      });
      const authorId = note.author.type === 'admin' ? (note.author.id ?? null) : null;
      for (const userId of mentionRecipients(note.mentions, authorId as number | null)) {
        await getService(strapi, 'notifications').enqueue({
          kind: 'mentioned',
          target,
          actor: note.author,
          recipients: [userId],
          eventKey: `mentioned:${row.id}:${userId}`,
          data: {
            noteId: row.id,
            text: excerpt(note.body),
            body: excerpt(note.body),
            author: note.author,
          },
        });
      }
      return toNote(row);
    },

    /** The comment of a move, into the thread (inside the move's transaction). */
    async fromMove(target: Target, transition: string, comment: string | null, author: Actor) {
      if (!comment || !comment.trim()) return null;
      return service.create(target, { body: comment, mentions: [], author, transition });
    },

    /** The note, and its story checked readable by the caller. */
    async find(id: unknown) {
      const n = Number(id);
      if (!Number.isInteger(n) || n <= 0) throw notFound(`No note ${String(id)}`);
      const row = await strapi.db.query(NOTE_UID).findOne({ where: { id: n } });
      if (!row) throw notFound(`No note ${n}`);
      return row;
    },

    async setResolved(
      id: unknown,
      resolved: boolean,
      caller: Actor & { id: number },
      ability: UserAbility
    ) {
      const row = await service.find(id);
      const target: Target = {
        uid: row.targetUid,
        documentId: row.targetDocumentId,
        locale: row.targetLocale,
      };
      await getService(strapi, 'workflow').resolveTarget(
        target.uid,
        target.documentId,
        target.locale || undefined,
        ability
      );
      const mayUpdate = await access().mayUpdate(ability, target);
      if (!mayResolve(row.author, caller.id, mayUpdate))
        throw forbidden(
          `Only the note's author or someone who may edit the story may ${resolved ? 'resolve' : 'reopen'} it`,
          { noteId: row.id }
        );
      const updated = await strapi.db.query(NOTE_UID).update({
        where: { id: row.id },
        data: resolved
          ? { resolvedAt: new Date(), resolvedBy: caller }
          : { resolvedAt: null, resolvedBy: null },
      });
      return toNote(updated);
    },
  };
  return service;
};
