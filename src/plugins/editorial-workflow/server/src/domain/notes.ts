// Pure rules of the discussion thread: what a note's body and mentions must be (no Strapi import).

export type NoteRefusal = { path: string; message: string };

export interface NoteInput {
  body: string;
  mentions: number[];
}

/** Checks a posted note; returns the clean input or the first refusal, naming the field. */
export const parseNoteInput = (
  raw: unknown,
  maxLength: number
): { ok: true; value: NoteInput } | { ok: false; refusal: NoteRefusal } => {
  const input = (raw ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || Array.isArray(input))
    return { ok: false, refusal: { path: 'body', message: 'The request body must be an object' } };
  const { body, mentions } = input;
  if (typeof body !== 'string')
    return { ok: false, refusal: { path: 'body', message: 'body must be a string' } };
  const trimmed = body.trim();
  if (trimmed.length === 0)
    return { ok: false, refusal: { path: 'body', message: 'body must not be empty' } };
  if (trimmed.length > maxLength)
    return {
      ok: false,
      refusal: { path: 'body', message: `body must be at most ${maxLength} characters` },
    };
  if (mentions !== undefined) {
    if (!Array.isArray(mentions) || !mentions.every((m) => Number.isInteger(m) && m > 0))
      return {
        ok: false,
        refusal: { path: 'mentions', message: 'mentions must be a list of admin user ids' },
      };
  }
  return {
    ok: true,
    value: { body: trimmed, mentions: [...new Set((mentions as number[] | undefined) ?? [])] },
  };
};

/** The mentioned ids the server does not know as mentionable, in the order sent. */
export const unknownMentions = (mentions: number[], mentionable: Set<number>) =>
  mentions.filter((id) => !mentionable.has(id));

/** Who is told of a note: its mentions, never its author. */
export const mentionRecipients = (mentions: number[], authorId: number | null) =>
  mentions.filter((id) => id !== authorId);

/** A short excerpt for an email. */
export const excerpt = (body: string, max = 200) =>
  body.length <= max ? body : `${body.slice(0, max - 1)}…`;

/** May this caller resolve or reopen a note: its author, or whoever may edit the story. */
export const mayResolve = (
  author: { type: string; id?: number | null } | null,
  callerId: number,
  mayUpdateStory: boolean
) => mayUpdateStory || (author?.type === 'admin' && author.id === callerId);
