import type { Actor } from './contracts';

/** One note of a story's discussion thread (admin only, never in the public API). */
export interface Note {
  id: number;
  body: string;
  author: Actor;
  /** Admin user ids mentioned. */
  mentions: number[];
  /** The mentioned users' names as they are now (inactive users left out), to highlight `@Name`. */
  mentioned?: Mentionable[];
  /** Set when the note is a move's comment: the transition id. */
  transition: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: Actor | null;
}

export interface Mentionable {
  id: number;
  name: string;
}
