// What readers see changes only through approve and retract: regression tests for the side doors of
// issue 7 that the workflow closes (links in a write body, one approval changing another story, edits
// during fact-check, all-or-nothing bookkeeping). The model-based test hunts for the ones nobody listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import {
  ARTICLE,
  createStory,
  publicStory,
  QUOTE,
  snapshot,
  transitionUrl,
} from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Record<string, string>;
let factChecker: Record<string, string>;
let otherChecker: Record<string, string>;
let token: Record<string, string>;

const CM = '/content-manager/collection-types';
const WORKFLOW_MESSAGE = /only through the editorial workflow/;

beforeAll(async () => {
  app = await startTestApp();
  editor = (await createAdmin(app, 'strapi-editor', 'Eddie')).auth;
  factChecker = (await createAdmin(app, 'Fact-checker', 'Fiona')).auth;
  otherChecker = (await createAdmin(app, 'Fact-checker', 'Frank')).auth;
  token = (await createApiToken(app, 'full-access')).auth;
});
afterAll(async () => {
  await app?.stop();
});

const move = (auth: Record<string, string>, documentId: string, body: Record<string, unknown>) =>
  app.request.post(transitionUrl(documentId)).set(auth).send(body);
const stageOf = async (documentId: string) => (await snapshot(app, documentId)).states[0][1];
const historyOf = async (documentId: string) =>
  (
    await app.strapi.db
      .query('plugin::editorial-workflow.workflow-history')
      .findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } })
  ).map((h: any) => h.transition);
const publicQuoteTexts = async (documentId: string) =>
  ((await publicStory(app, documentId))?.quotes ?? []).map((q: any) => q.text).sort();
const liveStory = async (title: string, quoteText: string) => {
  const story = await createStory(app, title, {
    quotes: [{ text: quoteText, verification: 'verified' }],
  });
  await publishThroughWorkflow(app, story.documentId);
  return story;
};

describe('links named in a write body never publish', () => {
  it('REST PUT of an unlinked quote pointing at a live story, without ?status=draft: refused, nothing changes', async () => {
    const live = await liveStory('Live story for body links', '«Approved words»');
    const stray = await app.strapi.documents(QUOTE).create({ data: { text: '«Never checked»' } });
    const before = await snapshot(app, live.documentId);

    for (const article of [
      live.documentId,
      { connect: [{ documentId: live.documentId, locale: 'en' }] },
      { set: [live.documentId] },
    ]) {
      const res = await app.request
        .put(`/api/quotes/${stray.documentId}`)
        .set(token)
        .send({ data: { article } });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect(res.body.error.message).toMatch(WORKFLOW_MESSAGE);
    }
    expect(await snapshot(app, live.documentId)).toEqual(before);
    expect(await publicQuoteTexts(live.documentId)).toEqual(['«Approved words»']);
    expect((await app.request.get(`/api/quotes/${stray.documentId}`)).status).toBe(404);
  });

  it('saved as a draft, the link changes the story’s working copy (back to draft), never its public version', async () => {
    const live = await liveStory('Live story for draft links', '«Approved words»');
    const stray = await app.strapi
      .documents(QUOTE)
      .create({ data: { text: '«Linked as a draft»' } });
    const res = await app.request
      .put(`/api/quotes/${stray.documentId}?status=draft`)
      .set(token)
      .send({ data: { article: live.documentId } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stageOf(live.documentId)).toBe('draft');
    expect((await historyOf(live.documentId)).at(-1)).toBe('edit');
    expect(await publicQuoteTexts(live.documentId)).toEqual(['«Approved words»']);
    expect((await app.request.get(`/api/quotes/${stray.documentId}`)).status).toBe(404);
  });
});

describe('approving one story never changes another live story', () => {
  it('a quote live in story A, moved into story B: approving B is refused naming A; A keeps it until A is approved again', async () => {
    const a = await liveStory('Story A keeps its quote', '«Said in A»');
    const b = await createStory(app, 'Story B wants the quote');
    const quoteId = a.quoteIds[0];

    // Moved from B's side, the way an editor does it in the Content Manager.
    const moved = await app.request
      .put(`${CM}/${ARTICLE}/${b.documentId}?locale=en`)
      .set(editor)
      .send({ quotes: { connect: [{ documentId: quoteId, locale: 'en' }], disconnect: [] } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // A's working copy lost a quote: A is back in draft; its readers still see the approved version.
    expect(await stageOf(a.documentId)).toBe('draft');
    expect((await historyOf(a.documentId)).at(-1)).toBe('edit');
    expect(await publicQuoteTexts(a.documentId)).toEqual(['«Said in A»']);

    expect((await move(editor, b.documentId, { transition: 'submit' })).status).toBe(200);
    const refused = await move(factChecker, b.documentId, { transition: 'approve' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.details.problems).toEqual([
      'The quote «Said in A» is live in another story, «Story A keeps its quote»: take it out of that story and approve it again first, or retract it.',
    ]);
    expect(await publicQuoteTexts(a.documentId)).toEqual(['«Said in A»']);
    expect(await publicStory(app, b.documentId)).toBeNull();

    // A approved without the quote takes it down with A's old version; then B may carry it.
    expect((await move(editor, a.documentId, { transition: 'submit' })).status).toBe(200);
    expect((await move(factChecker, a.documentId, { transition: 'approve' })).status).toBe(200);
    expect(await publicQuoteTexts(a.documentId)).toEqual([]);
    const approved = await move(factChecker, b.documentId, { transition: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await publicQuoteTexts(b.documentId)).toEqual(['«Said in A»']);
  });
});

describe('a round under review is a fixed text', () => {
  it('an editor’s change during fact-check sends the story back to draft; that editor may not approve the next round', async () => {
    const story = await createStory(app, 'Reviewed text', {
      quotes: [{ text: '«Checked»', verification: 'verified' }],
    });
    expect((await move(factChecker, story.documentId, { transition: 'submit' })).status).toBe(403); // fact-checkers do not submit
    expect((await move(editor, story.documentId, { transition: 'submit' })).status).toBe(200);

    const edit = await app.request
      .put(`${CM}/${ARTICLE}/${story.documentId}?locale=en`)
      .set(editor)
      .send({ title: 'Reviewed text, sharpened by the editor' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(await stageOf(story.documentId)).toBe('draft');
    expect((await historyOf(story.documentId)).slice(-2)).toEqual(['submit', 'edit']);

    // Someone else submits; the editor's own words are in this version: not theirs to approve.
    expect((await move(otherChecker, story.documentId, { transition: 'submit' })).status).toBe(403);
    const token2 = (await createApiToken(app, 'full-access')).auth;
    expect(
      (
        await app.request
          .post(`/api/editorial-workflow/state/${ARTICLE}/${story.documentId}/transition?locale=en`)
          .set(token2)
          .send({ transition: 'submit' })
      ).status
    ).toBe(200);
    const refused = await move(editor, story.documentId, { transition: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.name).toBe('ForbiddenError');
    expect(refused.body.error.message).toBe(
      'Separation of duties: someone else must make "Approve and publish", because you changed its content since it was last approved'
    );
    expect((await move(factChecker, story.documentId, { transition: 'approve' })).status).toBe(200);
    expect((await publicStory(app, story.documentId)).title).toBe(
      'Reviewed text, sharpened by the editor'
    );
  });

  it('a quote edit during fact-check sends its story back too; the fact-checker’s verdict alone does not', async () => {
    const story = await createStory(app, 'Quote under review', {
      quotes: [{ text: '«Original»' }],
    });
    const quoteId = story.quoteIds[0];
    expect((await move(editor, story.documentId, { transition: 'submit' })).status).toBe(200);

    const verdict = await app.request
      .put(`${CM}/${QUOTE}/${quoteId}?locale=en`)
      .set(factChecker)
      .send({ verification: 'verified' });
    expect(verdict.status, JSON.stringify(verdict.body)).toBe(200);
    expect(await stageOf(story.documentId)).toBe('fact_check');

    const edit = await app.request
      .put(`${CM}/${QUOTE}/${quoteId}?locale=en`)
      .set(editor)
      .send({ text: '«Original, tidied»' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(await stageOf(story.documentId)).toBe('draft');
    expect((await historyOf(story.documentId)).at(-1)).toBe('edit');
  });

  it('saving a live story without changing it leaves it live and approved', async () => {
    const story = await liveStory('Saved unchanged', '«Same»');
    const res = await app.request
      .put(`${CM}/${ARTICLE}/${story.documentId}?locale=en`)
      .set(editor)
      .send({ title: 'Saved unchanged' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stageOf(story.documentId)).toBe('published');
    expect(await historyOf(story.documentId)).toEqual(['submit', 'approve']);
  });
});

describe('clone', () => {
  it('a cloned story is a new draft in the workflow, created by whoever cloned it; the original stays approved', async () => {
    const story = await liveStory('Cloned story', '«Cloned words»');
    const res = await app.request
      .post(`${CM}/${ARTICLE}/clone/${story.documentId}?locale=en`)
      .set(editor)
      .send({ title: 'Cloned story, second take' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const copy = res.body.data.documentId;
    expect(copy).not.toBe(story.documentId);
    const state = await app.request
      .get(`/editorial-workflow/state/${ARTICLE}/${copy}?locale=en`)
      .set(editor);
    expect(state.body.data).toMatchObject({ stage: 'draft', live: false, history: [] });
    expect(await publicStory(app, copy)).toBeNull();
    expect(await stageOf(story.documentId)).toBe('published');
  });

  it('a quote cloned into a live story changes that story’s working copy, never its public version', async () => {
    const story = await liveStory('Story whose quote is cloned', '«Original quote»');
    const res = await app.request
      .post(`${CM}/${QUOTE}/clone/${story.quoteIds[0]}?locale=en`)
      .set(editor)
      .send({ text: '«A second quote»' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stageOf(story.documentId)).toBe('draft');
    expect((await historyOf(story.documentId)).at(-1)).toBe('edit');
    expect(await publicQuoteTexts(story.documentId)).toEqual(['«Original quote»']);
    expect((await app.request.get(`/api/quotes/${res.body.data.documentId}`)).status).toBe(404);
  });
});

describe('all or nothing', () => {
  it('when the bookkeeping of an edit fails, the edit itself is rolled back', async () => {
    const story = await liveStory('Atomic edit', '«Atomic»');
    const workflow = app.strapi.plugin('editorial-workflow').service('workflow');
    const recordEdit = workflow.recordEdit;
    workflow.recordEdit = async () => {
      throw new Error('crash between the write and its bookkeeping');
    };
    try {
      await expect(
        app.strapi
          .documents(ARTICLE)
          .update({ documentId: story.documentId, locale: 'en', data: { title: 'Half-written' } })
      ).rejects.toThrow('crash between the write and its bookkeeping');
    } finally {
      workflow.recordEdit = recordEdit;
    }
    const draft = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: story.documentId, publishedAt: null } });
    expect(draft.title).toBe('Atomic edit');
    expect(await stageOf(story.documentId)).toBe('published');
    expect(await historyOf(story.documentId)).toEqual(['submit', 'approve']);
  });

  it('a live quote cannot be deleted, linked or not, until its story is approved without it', async () => {
    const story = await liveStory('Quote delete', '«Keep me»');
    const chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
    const res = await app.request
      .delete(`${CM}/${QUOTE}/${story.quoteIds[0]}?locale=en`)
      .set(chief);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /is live in a story: take it out of the story and approve the story again/
    );
    expect(await publicQuoteTexts(story.documentId)).toEqual(['«Keep me»']);
  });
});
