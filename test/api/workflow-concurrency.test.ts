// Concurrent moves on one document: exactly one wins, the rest get 409, the history holds one entry.
// In-process on SQLite and PostgreSQL; across two Strapi processes on PostgreSQL (scale-out).
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, usingPostgres } from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import { startSecondProcess } from '../helpers/second-process';
import {
  createStory as createAnyStory,
  giveStoryTo,
  snapshot,
  transitionUrl,
} from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
let author: Record<string, string>;
let authorId: number;
let factChecker: Record<string, string>;
const PARALLEL = 12;

beforeAll(async () => {
  app = await startTestApp();
  const alex = await createAdmin(app, 'strapi-author', 'Alex');
  [author, authorId] = [alex.auth, alex.user.id];
  factChecker = (await createAdmin(app, 'Fact-checker', 'Fiona')).auth;
});
afterAll(async () => {
  await app?.stop();
});

/** The author's story: an Author moves only the stories they created. */
const createStory = async (...args: Parameters<typeof createAnyStory>) => {
  const story = await createAnyStory(...args);
  await giveStoryTo(args[0], story.documentId, authorId);
  return story;
};

const tally = (responses: any[]) => {
  const statuses = responses.map((r) => r.status).sort();
  return {
    ok: statuses.filter((s) => s === 200).length,
    conflicts: responses.filter((r) => r.status === 409 && r.body.error.name === 'ConflictError')
      .length,
    other: responses
      .filter((r) => r.status !== 200 && r.status !== 409)
      .map((r) => [r.status, r.body?.error?.message]),
  };
};

describe(`${PARALLEL} parallel requests in one process`, () => {
  it('submit: one succeeds, the rest are 409, one history entry', async () => {
    const { documentId } = await createStory(app, 'Race to submit');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.request.post(transitionUrl(documentId)).set(author).send({ transition: 'submit' })
      )
    );
    expect(tally(responses)).toEqual({ ok: 1, conflicts: PARALLEL - 1, other: [] });
    expect(await snapshot(app, documentId)).toEqual({
      states: [['en', 'fact_check', 2]],
      history: 1,
      published: 0,
    });
  });

  it('approve (guards and publishing inside the transaction): one succeeds, one published version', async () => {
    const { documentId } = await createStory(app, 'Race to approve', {
      quotes: [{ text: '«q»', verification: 'verified' }],
    });
    await app.request.post(transitionUrl(documentId)).set(author).send({ transition: 'submit' });
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.request.post(transitionUrl(documentId)).set(factChecker).send({ transition: 'approve' })
      )
    );
    expect(tally(responses)).toEqual({ ok: 1, conflicts: PARALLEL - 1, other: [] });
    expect(await snapshot(app, documentId)).toEqual({
      states: [['en', 'published', 3]],
      history: 2,
      published: 1,
    });
  });

  it('with expectedVersion, mixed transitions: still exactly one move', async () => {
    const { documentId } = await createStory(app, 'Mixed race');
    await app.request.post(transitionUrl(documentId)).set(author).send({ transition: 'submit' });
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        app.request
          .post(transitionUrl(documentId))
          .set(factChecker)
          .send(
            i % 2
              ? { transition: 'approve', expectedVersion: 2 }
              : { transition: 'request_changes', comment: 'No', expectedVersion: 2 }
          )
      )
    );
    expect(tally(responses)).toEqual({ ok: 1, conflicts: PARALLEL - 1, other: [] });
    expect((await snapshot(app, documentId)).history).toBe(2);
  });
});

// Scale-out means several instances on one PostgreSQL; two processes on one SQLite file are not a
// supported deployment, so this block exists only in the PostgreSQL run (TEST_DATABASE=postgres,
// which .ci/run performs).
if (usingPostgres())
  describe('two Strapi processes on one PostgreSQL database', () => {
    let second: Awaited<ReturnType<typeof startSecondProcess>>;
    beforeAll(async () => {
      second = await startSecondProcess({});
    });
    afterAll(async () => {
      await second?.stop();
    });

    it(`${PARALLEL} submits split across both processes: one succeeds, one history entry`, async () => {
      const { documentId } = await createStory(app, 'Race across processes');
      const other = supertest(second.url);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          (i % 2 ? other : app.request)
            .post(transitionUrl(documentId))
            .set(author)
            .send({ transition: 'submit' })
        )
      );
      expect(tally(responses)).toEqual({ ok: 1, conflicts: PARALLEL - 1, other: [] });
      expect(await snapshot(app, documentId)).toEqual({
        states: [['en', 'fact_check', 2]],
        history: 1,
        published: 0,
      });
    });

    it(`${PARALLEL} approves split across both processes: one published version`, async () => {
      const { documentId } = await createStory(app, 'Approve across processes', {
        quotes: [{ text: '«q»', verification: 'verified' }],
      });
      await app.request.post(transitionUrl(documentId)).set(author).send({ transition: 'submit' });
      const other = supertest(second.url);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          (i % 2 ? other : app.request)
            .post(transitionUrl(documentId))
            .set(factChecker)
            .send({ transition: 'approve' })
        )
      );
      expect(tally(responses)).toEqual({ ok: 1, conflicts: PARALLEL - 1, other: [] });
      expect(await snapshot(app, documentId)).toEqual({
        states: [['en', 'published', 3]],
        history: 2,
        published: 1,
      });
    });
  });
