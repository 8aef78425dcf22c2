// The Strapi 5 behaviours the workflow and the app build on, pinned in one place: after a Strapi
// upgrade, a failure here names the seam to mend (the plugin's services/actor.ts and
// services/errors.ts, the app's src/newsroom/request-actor.ts and errors.ts, the Document Service
// guards) before anything subtler breaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import {
  createAdmin,
  createApiToken,
  createReader,
  publishThroughWorkflow,
} from '../helpers/identities';
import { ARTICLE, createStory, QUOTE, transitionUrl } from '../helpers/workflow';
import { currentActor, isReaderRequest } from '../../src/newsroom/request-actor';

let app: Awaited<ReturnType<typeof startTestApp>>;
let chief: Record<string, string>;
let token: Record<string, string>;
let reader: Record<string, string>;

/**
 * Each Document Service call made while `fn` runs: its action, status, and the caller as the
 * workflow's public `actor` service and the app's own request-actor see it.
 */
const seen: {
  action: string;
  uid: string;
  status?: string;
  actor: any;
  appActor: any;
  reader: boolean;
}[] = [];
let recording = false;
const record = async <T>(fn: () => Promise<T>) => {
  seen.length = 0;
  recording = true;
  try {
    await fn();
  } finally {
    recording = false;
  }
  return [...seen];
};

beforeAll(async () => {
  app = await startTestApp();
  chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
  token = (await createApiToken(app, 'full-access')).auth;
  reader = (await createReader(app)).auth;
  app.strapi.documents.use(async (ctx: any, next: any) => {
    if (!recording) return next();
    seen.push({
      action: ctx.action,
      uid: ctx.uid,
      status: ctx.params?.status,
      actor: app.strapi.plugin('editorial-workflow').service('actor').current(),
      appActor: currentActor(app.strapi),
      reader: isReaderRequest(app.strapi.requestContext.get()),
    });
    return next();
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('identity (plugin services/actor.ts, app request-actor.ts): Strapi auth strategy names and where they put the caller', () => {
  it.each([
    [
      'an admin JWT in the Content Manager',
      () => app.request.get(`/content-manager/collection-types/${ARTICLE}`).set(chief),
      'admin',
      false,
    ],
    ['an API token on REST', () => app.request.get('/api/articles').set(token), 'api-token', false],
    [
      'a logged-in end user on REST',
      () => app.request.get('/api/articles').set(reader),
      'user',
      true,
    ],
    ['the public on REST', () => app.request.get('/api/articles'), 'public', true],
  ])('%s', async (_name, send, type, isReader) => {
    const calls = await record(async () => expect((await send()).status).toBe(200));
    expect(calls.length).toBeGreaterThan(0);
    const [{ actor, appActor, reader: readerSeen }] = calls;
    expect(actor.type).toBe(type);
    expect(typeof actor.name).toBe('string');
    // The app stamps verdicts with its own reading; the workflow's guards compare them with theirs.
    expect({ type: appActor.type, id: appActor.id }).toEqual({ type: actor.type, id: actor.id });
    expect(appActor.name).toBe(type === 'api-token' ? `API token "${actor.name}"` : actor.name);
    expect(readerSeen).toBe(isReader);
  });

  it('code outside any request is the system', async () => {
    const calls = await record(() => app.strapi.documents(ARTICLE).findMany({}));
    expect(calls[0].actor).toEqual({ type: 'system', id: null, name: 'system' });
    expect(calls[0].appActor).toEqual({ type: 'system', id: null, name: 'system' });
    expect(calls[0].reader).toBe(false);
  });
});

describe('Document Service actions the guards watch', () => {
  it('Content Manager clone and discard are actions of their own: `clone`, `discardDraft`', async () => {
    const story = await createStory(app, 'Contract: clone', {
      quotes: [{ text: '«Contract»', verification: 'verified' }],
    });
    await publishThroughWorkflow(app, story.documentId);
    const cloned = await record(() =>
      app.request
        .post(`/content-manager/collection-types/${QUOTE}/clone/${story.quoteIds[0]}?locale=en`)
        .set(chief)
        .send({ text: '«Contract copy»' })
    );
    expect(cloned.map((c) => c.action)).toContain('clone');
    expect(cloned.map((c) => c.action)).not.toContain('create');
    const discarded = await record(() =>
      app.request
        .post(
          `/content-manager/collection-types/${ARTICLE}/${story.documentId}/actions/discard?locale=en`
        )
        .set(chief)
        .send({})
    );
    expect(discarded.map((c) => c.action)).toContain('discardDraft');
    expect(discarded.find((c) => c.action === 'discardDraft')?.actor.type).toBe('admin');
  });
});

describe('errors (plugin services/errors.ts, app errors.ts): what Strapi sends for the errors the guards throw', () => {
  it('a 403 thrown in a Document Service middleware keeps its name, message and details through REST and the Content Manager', async () => {
    const story = await createStory(app, 'Contract: errors');
    for (const res of [
      await app.request
        .put(`/api/articles/${story.documentId}`)
        .set(token)
        .send({ data: { dateline: 'Sochi' } }),
      await app.request
        .post(
          `/content-manager/collection-types/${ARTICLE}/${story.documentId}/actions/publish?locale=en`
        )
        .set(chief)
        .send({}),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message:
            'articles are published and unpublished only through the editorial workflow: save a draft, then use its transitions (submit, approve, retract)',
          details: { workflow: 'editorial-workflow' },
        },
      });
    }
  });

  it('a 409 thrown by a controller keeps its name, message and details, for admin JWTs and API tokens', async () => {
    const story = await createStory(app, 'Contract: conflict');
    for (const res of [
      await app.request
        .post(transitionUrl(story.documentId))
        .set(chief)
        .send({ transition: 'submit', expectedVersion: 7 }),
      await app.request
        .post(`/api/editorial-workflow/state/${ARTICLE}/${story.documentId}/transition?locale=en`)
        .set(token)
        .send({ transition: 'submit', expectedVersion: 7 }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 409,
          name: 'ConflictError',
          message: 'The document changed meanwhile (version 1, expected 7): reload and try again',
          details: { stage: 'draft', version: 1 },
        },
      });
    }
  });

  it("the app's 403 and 409 from a Document Service middleware keep their name, message and details", async () => {
    const story = await createStory(app, 'Contract: app errors', {
      quotes: [{ text: '«Contract app»', verification: 'verified' }],
    });
    await publishThroughWorkflow(app, story.documentId);
    const author = (await createAdmin(app, 'strapi-author', 'Writer')).auth;
    const stories = [{ documentId: story.documentId, locale: 'en', title: 'Contract: app errors' }];
    const changed = await app.request
      .put(`/content-manager/collection-types/api::person.person/${story.speakerId}`)
      .set(author)
      .send({ name: 'Renamed' });
    expect(changed.status).toBe(403);
    expect(changed.body.error).toMatchObject({
      status: 403,
      name: 'ForbiddenError',
      details: { stories },
    });
    expect(changed.body.error.message).toContain(
      'Only those who may approve stories may change it'
    );
    const deleted = await app.request.delete(`/api/people/${story.speakerId}`).set(token);
    expect(deleted.status).toBe(409);
    expect(deleted.body.error).toMatchObject({
      status: 409,
      name: 'ConflictError',
      details: { stories },
    });
    expect(deleted.body.error.message).toContain(
      'cannot be deleted: live stories show this person'
    );
  });
});

describe('transactions: what "all or nothing" relies on', () => {
  it('a strapi.db.transaction inside another joins it: the outer rollback undoes the inner writes', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.db.transaction(async () => {
          await app.strapi
            .documents(ARTICLE)
            .create({ data: { title: 'Rolled back with the outer transaction' } });
        });
        throw new Error('outer fails');
      })
    ).rejects.toThrow('outer fails');
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });
});
