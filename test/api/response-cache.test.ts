// The publish-aware response cache, end to end: what is cached, for whom, with which headers, and
// that the workflow's moves evict exactly the answers they change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { createStory, workflowService, ARTICLE } from '../helpers/workflow';
import { PERSON } from '../../src/content/types';

let app: Awaited<ReturnType<typeof startTestApp>>;
const cache = () => app.strapi.plugin('editorial-workflow').service('cache');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const storyUrl = (documentId: string) =>
  `/api/articles/${documentId}?locale=en&populate[quotes][populate]=speaker`;

describe('a public story page', () => {
  it('is read once, then served from memory with the same bytes, ETag and tags', async () => {
    const story = await createStory(app, 'Cached talks', {
      quotes: [{ text: 'We agreed.', verification: 'verified' }],
    });
    await publishThroughWorkflow(app, story.documentId);

    const first = await app.request.get(storyUrl(story.documentId));
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await app.request.get(storyUrl(story.documentId));
    expect(second.status).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const tags = second.headers['cache-tag'].split(',');
    expect(tags).toEqual(
      expect.arrayContaining([
        `article:${story.documentId}`,
        `quote:${story.quoteIds[0]}`,
        `person:${story.speakerId}`,
      ])
    );
    expect(second.headers['surrogate-key'].split(' ').sort()).toEqual([...tags].sort());

    const notModified = await app.request
      .get(storyUrl(story.documentId))
      .set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');

    // Retract: the next read is not the old answer.
    const target = { uid: ARTICLE, documentId: story.documentId, locale: 'en' };
    await workflowService(app).transition(
      target,
      { transition: 'retract', comment: 'wrong' },
      { type: 'system', id: null, name: 'editor' },
      () => true
    );
    const after = await app.request.get(storyUrl(story.documentId));
    expect(after.status).toBe(404);
    expect(after.body.error.name).toBe('NotFoundError');
  });

  it('never serves or stores an answer read with credentials', async () => {
    const story = await createStory(app, 'Token read');
    await publishThroughWorkflow(app, story.documentId);
    const { auth } = await createApiToken(app, 'read-only');
    const a = await app.request.get(storyUrl(story.documentId)).set(auth);
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('private, no-store');
    expect(a.headers['x-cache']).toBeUndefined();
    const b = await app.request.get(storyUrl(story.documentId));
    expect(b.headers['x-cache']).toBe('MISS');
    const c = await app.request.get(storyUrl(story.documentId)).set(auth);
    expect(c.headers['x-cache']).toBeUndefined();
    expect(c.headers['cache-control']).toBe('private, no-store');
  });

  it('the article list gains a newly approved story at once', async () => {
    const list = '/api/articles?locale=en&sort=id:desc';
    await app.request.get(list);
    const cached = await app.request.get(list);
    expect(cached.headers['x-cache']).toBe('HIT');
    const story = await createStory(app, 'Breaking');
    await publishThroughWorkflow(app, story.documentId);
    const fresh = await app.request.get(list);
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.body.data[0].documentId).toBe(story.documentId);
    expect(cache().stats().hits).toBeGreaterThan(0);
  });
});

describe('the cache-purge webhook event', () => {
  /** Events emitted on Strapi's event hub, by name, as `emit` is called. */
  const spyOnEvents = () => {
    const emit = vi.spyOn(app.strapi.eventHub, 'emit');
    return {
      named: (name: string) =>
        emit.mock.calls.filter(([event]) => event === name).map(([, payload]) => payload),
      restore: () => emit.mockRestore(),
    };
  };
  const PURGE = 'editorial-workflow.cache-purge';

  it('is a webhook event Strapi delivers', () => {
    const allowed = app.strapi.get('webhookStore').allowedEvents as Map<string, string>;
    expect([...allowed.values()]).toContain('editorial-workflow.cache-purge');
  });

  it('a move sends one, after commit, with the tags its transition event carries', async () => {
    const story = await createStory(app, 'Purged on approval', {
      quotes: [{ text: 'Purge me.', verification: 'verified' }],
    });
    const events = spyOnEvents();
    try {
      await publishThroughWorkflow(app, story.documentId);
      const approve = events
        .named('editorial-workflow.transition')
        .find((e: any) => e.transition === 'approve') as any;
      expect(approve.cacheTags).toEqual(
        expect.arrayContaining([
          `article:${story.documentId}`,
          `quote:${story.quoteIds[0]}`,
          'articles',
        ])
      );
      // submit changes nothing readers see: no purge for it.
      expect(events.named(PURGE)).toEqual([
        { tags: approve.cacheTags, flush: false, createdAt: expect.any(String) },
      ]);
    } finally {
      events.restore();
    }
  });

  it('a live speaker renamed in code (no move) sends one naming the person and the story', async () => {
    const story = await createStory(app, 'Renamed speaker', {
      quotes: [{ text: 'I said it.', verification: 'verified' }],
    });
    await publishThroughWorkflow(app, story.documentId);
    const events = spyOnEvents();
    try {
      await app.strapi
        .documents(PERSON)
        .update({ documentId: story.speakerId, data: { name: 'A. N. Other' } });
      const purges = events.named(PURGE) as any[];
      expect(purges).toHaveLength(1);
      expect(purges[0].flush).toBe(false);
      expect(purges[0].tags).toEqual(
        expect.arrayContaining([
          `person:${story.speakerId}`,
          `quote:${story.quoteIds[0]}`,
          'people',
        ])
      );
    } finally {
      events.restore();
    }
  });

  it('a write that rolls back sends none; the admin purge sends a flush', async () => {
    const story = await createStory(app, 'Rolled back', {
      quotes: [{ text: 'Never mind.', verification: 'verified' }],
    });
    await publishThroughWorkflow(app, story.documentId);
    const events = spyOnEvents();
    try {
      await expect(
        app.strapi.db.transaction(async () => {
          await app.strapi
            .documents(PERSON)
            .update({ documentId: story.speakerId, data: { name: 'Briefly renamed' } });
          throw new Error('rolled back on purpose');
        })
      ).rejects.toThrow('rolled back on purpose');
      expect(events.named(PURGE)).toEqual([]);
      await cache().purge();
      expect(events.named(PURGE)).toEqual([
        { tags: [], flush: true, createdAt: expect.any(String) },
      ]);
    } finally {
      events.restore();
    }
  });
});
