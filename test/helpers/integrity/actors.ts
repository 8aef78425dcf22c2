// The identities the model-based integrity test acts as, created once per file (admin login is
// rate-limited per email, so each admin logs in exactly once).
import { createAdmin, createApiToken, createReader } from '../identities';
import type { TestApp } from '../strapi';

export type ActorKind = 'admin' | 'token' | 'reader';

export interface Actor {
  name: string;
  kind: ActorKind;
  headers: Record<string, string>;
  /** May set a quote's verification (Fact-checker, Editor; a full-access token holds every content permission). */
  canVerify: boolean;
}

export interface Actors {
  author1: Actor;
  author2: Actor;
  editor: Actor;
  checker1: Actor;
  checker2: Actor;
  fullToken: Actor;
  readToken: Actor;
  public: Actor;
  reader: Actor;
}

export const ADMINS = ['author1', 'author2', 'editor', 'checker1', 'checker2'] as const;
export const TOKENS = ['fullToken', 'readToken'] as const;
export const READERS = ['public', 'reader'] as const;
export const APPROVERS = ['editor', 'checker1', 'checker2', 'fullToken'] as const;
export type ActorName = keyof Actors;

export const createActors = async (app: TestApp): Promise<Actors> => {
  const admin = async (role: string, name: string, canVerify: boolean): Promise<Actor> => ({
    name,
    kind: 'admin',
    headers: (await createAdmin(app, role, name)).auth,
    canVerify,
  });
  const user = await createReader(app);
  return {
    author1: await admin('strapi-author', 'author1', false),
    author2: await admin('strapi-author', 'author2', false),
    editor: await admin('strapi-editor', 'editor', true),
    checker1: await admin('Fact-checker', 'checker1', true),
    checker2: await admin('Fact-checker', 'checker2', true),
    fullToken: {
      name: 'fullToken',
      kind: 'token',
      headers: (await createApiToken(app, 'full-access')).auth,
      canVerify: true,
    },
    readToken: {
      name: 'readToken',
      kind: 'token',
      headers: (await createApiToken(app, 'read-only')).auth,
      canVerify: false,
    },
    public: { name: 'public', kind: 'reader', headers: {}, canVerify: false },
    reader: { name: 'reader', kind: 'reader', headers: user.auth, canVerify: false },
  };
};
