// Corrections and retractions in public (issue 11): an approval of an edited live story may carry a
// correction, whose note joins the story's public corrections log (newest first, never the move's
// internal comment); `withdraw` takes a story down but keeps its address answering a retraction
// notice (the last published title, the date, the public note: no body, no quotes), while `retract`
// keeps answering 404. Through the response cache, on SQLite and PostgreSQL (TEST_DATABASE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createApiToken, publishThroughWorkflow, WRITER } from '../helpers/identities';
import { startTestApp } from '../helpers/strapi';
import {
  ARTICLE,
  createStory,
  giveStoryTo,
  snapshot,
  stateUrl,
  transitionUrl,
  workflowService,
} from '../helpers/workflow';

type Admin = Awaited<ReturnType<typeof createAdmin>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Admin;
let author: Admin;
let checker: Admin;

const CORRECTION_UID = 'plugin::editorial-workflow.workflow-correction';
const NOTICE_UID = 'plugin::editorial-workflow.workflow-notice';

beforeAll(async () => {
  app = await startTestApp();
  editor = await createAdmin(app, 'strapi-editor', 'Edna Editor');
  author = await createAdmin(app, 'strapi-author', 'Arthur Author');
  checker = await createAdmin(app, 'Fact-checker', 'Fiona Checker');
});
afterAll(async () => {
  await app?.stop();
});

/** A live story with one verified quote and a slug. */
const liveStory = async (title: string) => {
  const story = await createStory(app, title, {
    quotes: [{ text: `Said in ${title}`, verification: 'verified' }],
  });
  await publishThroughWorkflow(app, story.documentId);
  return story;
};

/** An edit of the working copy by code: the story goes back to draft; readers keep the live version. */
const editDraft = (documentId: string, data: Record<string, unknown>) =>
  app.strapi.documents(ARTICLE).update({ documentId, locale: 'en', data });

const submit = (documentId: string) =>
  workflowService(app).transition(
    { uid: ARTICLE, documentId, locale: 'en' },
    { transition: 'submit' },
    WRITER,
    () => true
  );

const move = (who: Admin, documentId: string, body: Record<string, unknown>) =>
  app.request.post(transitionUrl(documentId)).set(who.auth).send(body);

const publicRead = (documentId: string, query = 'locale=en') =>
  app.request.get(`/api/articles/${documentId}?${query}`);

const corrections = async (documentId: string) =>
  app.strapi.db.query(CORRECTION_UID).count({ where: { targetDocumentId: documentId } });

describe('corrections', () => {
  it('an approval of an edited live story carries a correction: the public log, newest first, never the comment', async () => {
    const { documentId } = await liveStory('Minister resigns');
    // Read once so that the answer sits in the response cache: the correction must evict it.
    const before = await publicRead(documentId);
    expect(before.status).toBe(200);
    expect(before.body.data.corrections).toEqual([]);
    expect((await publicRead(documentId)).headers['x-cache']).toBe('HIT');

    await editDraft(documentId, { title: 'Deputy minister resigns' });
    await submit(documentId);
    const first = await move(editor, documentId, {
      transition: 'approve',
      comment: 'internal: the desk confused the two ministers',
      correction: { note: 'An earlier version said the minister resigned; it was his deputy.' },
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ stage: 'published', live: true });

    const once = await publicRead(documentId);
    expect(once.headers['x-cache']).toBe('MISS');
    expect(once.body.data.title).toBe('Deputy minister resigns');
    expect(once.body.data.corrections).toHaveLength(1);
    expect(once.body.data.corrections[0]).toEqual({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      note: 'An earlier version said the minister resigned; it was his deputy.',
    });
    // The correction's date is when the corrected version went live.
    const live = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, locale: 'en', publishedAt: { $notNull: true } } });
    expect(
      Math.abs(Date.parse(once.body.data.corrections[0].date) - Date.parse(live.publishedAt))
    ).toBeLessThan(5_000);

    await editDraft(documentId, { standfirst: 'He resigned on Monday.' });
    await submit(documentId);
    const second = await move(editor, documentId, {
      transition: 'approve',
      correction: { note: 'The resignation was on Monday, not Tuesday.' },
    });
    expect(second.status).toBe(200);
    // An approval without a correction adds nothing to the log.
    await editDraft(documentId, { section: 'Politics' });
    await submit(documentId);
    expect((await move(editor, documentId, { transition: 'approve' })).status).toBe(200);

    const res = await publicRead(documentId);
    expect(res.body.data.corrections.map((c: any) => c.note)).toEqual([
      'The resignation was on Monday, not Tuesday.',
      'An earlier version said the minister resigned; it was his deputy.',
    ]);
    expect(Date.parse(res.body.data.corrections[0].date)).toBeGreaterThanOrEqual(
      Date.parse(res.body.data.corrections[1].date)
    );
    // Lists carry each story's log too; the internal comment is nowhere public.
    const list = await app.request.get(
      `/api/articles?locale=en&filters[documentId][$eq]=${documentId}`
    );
    expect(list.body.data[0].corrections).toEqual(res.body.data.corrections);
    for (const body of [res.text, list.text]) expect(body).not.toContain('desk confused');
    // The history keeps the comment, for the newsroom.
    const state = await app.request.get(stateUrl(documentId)).set(editor.auth);
    expect(state.body.data.history.map((h: any) => h.comment)).toContain(
      'internal: the desk confused the two ministers'
    );
  });

  it.each([
    [{ correction: {} }, ['correction', 'note'], /^A correction needs its note/],
    [{ correction: { note: '   ' } }, ['correction', 'note'], /^A correction needs its note/],
    [{ correction: true }, ['correction'], /^correction must be an object \{ note \}$/],
    [{ correction: { note: 'x', date: '2020-01-01' } }, ['correction.date'], /Unknown key/],
    [{ publicNote: 'Not for an approval.' }, ['publicNote'], /takes no public note/],
  ])('refuses an approval with %j (400, nothing changed)', async (extra, path, message) => {
    const { documentId } = await liveStory(`Refused correction ${JSON.stringify(extra)}`);
    await editDraft(documentId, { title: `Edited ${JSON.stringify(extra)}` });
    await submit(documentId);
    const was = await snapshot(app, documentId);
    const res = await move(editor, documentId, { transition: 'approve', ...extra });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(path);
    expect(await snapshot(app, documentId)).toEqual(was);
    expect(await corrections(documentId)).toBe(0);
    expect((await publicRead(documentId)).body.data.title).not.toMatch(/^Edited/);
  });

  it('refuses a correction on a first publication and on a move that does not publish', async () => {
    const { documentId } = await createStory(app, 'Never published', {
      quotes: [{ text: 'First words', verification: 'verified' }],
    });
    const early = await move(editor, documentId, {
      transition: 'submit',
      correction: { note: 'Nothing to correct yet.' },
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      '"Submit for fact-check" does not publish: only an approval that puts a corrected story live carries a correction'
    );
    await submit(documentId);
    const was = await snapshot(app, documentId);
    const res = await move(editor, documentId, {
      transition: 'approve',
      correction: { note: 'Nothing to correct yet.' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(/^A correction corrects a live story/);
    expect(res.body.error.details.errors[0].path).toEqual(['correction']);
    expect(await snapshot(app, documentId)).toEqual(was);
    expect((await publicRead(documentId)).status).toBe(404);
  });

  it('refuses an unknown transition with 400, changing nothing', async () => {
    const { documentId } = await liveStory('Unknown move');
    const was = await snapshot(app, documentId);
    const res = await move(editor, documentId, { transition: 'unpublish', publicNote: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError' });
    expect(res.body.error.message).toMatch(/^Unknown transition "unpublish" \(known: .*withdraw/);
    expect(await snapshot(app, documentId)).toEqual(was);
  });

  it('keeps the log and the notices out of every write path', async () => {
    for (const uid of [CORRECTION_UID, NOTICE_UID]) {
      await expect(
        app.strapi.documents(uid).create({
          data: {
            targetUid: ARTICLE,
            targetDocumentId: 'forged',
            targetLocale: 'en',
            note: 'forged',
            correctedAt: new Date(),
            withdrawnAt: new Date(),
            actor: { type: 'system', id: null, name: 'x' },
          },
        })
      ).rejects.toThrow(
        'The editorial workflow history and states cannot be changed directly, nor its corrections log and notices'
      );
    }
    // No content-API route writes them, and an article body cannot set its log.
    const { documentId } = await liveStory('Forged log');
    const token = await createApiToken(app, 'full-access');
    const forged = await app.request
      .put(`/api/articles/${documentId}?locale=en&status=draft`)
      .set(token.auth)
      .send({ data: { corrections: [{ date: '2020-01-01', note: 'forged' }] } });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'Invalid key corrections',
    });
    expect((await publicRead(documentId)).body.data.corrections).toEqual([]);
    expect(await corrections(documentId)).toBe(0);
  });
});

describe('withdraw and retract', () => {
  let refused = 0;
  const NOTE = 'This story was withdrawn: the memo it relied on was not authentic.';

  it('withdraw keeps the address answering a notice: last published title, date, public note; no body, quotes, people or comment', async () => {
    const { documentId, quoteIds } = await createStory(app, 'Leaked memo', {
      quotes: [{ text: 'The memo is genuine', verification: 'verified' }],
    });
    await app.strapi.documents(ARTICLE).update({
      documentId,
      locale: 'en',
      data: { body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Body text' }] }] },
    });
    await publishThroughWorkflow(app, documentId);
    const published = await publicRead(documentId, 'locale=en&populate=*');
    expect(published.status).toBe(200);
    expect(published.body.data.slug).toBe('leaked-memo');
    // Readers read it once (cached): the withdrawal must evict it.
    expect((await publicRead(documentId)).headers['x-cache']).toBe('MISS');

    const res = await move(editor, documentId, {
      transition: 'withdraw',
      comment: 'internal: legal asked us to',
      publicNote: NOTE,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'draft', live: false });
    expect(res.body.data.history[0]).toMatchObject({ transition: 'withdraw' });
    // The working copy changes title afterwards: the notice keeps the one readers saw.
    await editDraft(documentId, { title: 'Unreviewed draft title' });

    for (const query of ['locale=en', 'locale=en&populate=*', 'populate[quotes]=true', '']) {
      const notice = await publicRead(documentId, query);
      expect(notice.status).toBe(200);
      expect(notice.body.data).toEqual({
        documentId,
        locale: 'en',
        title: 'Leaked memo',
        slug: 'leaked-memo',
        withdrawn: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), note: NOTE },
      });
      expect(notice.text).not.toMatch(/Body text|memo is genuine|legal asked|Unreviewed/);
    }
    // Its quotes came down with it; lists never hold a notice; a lookup by slug says it was withdrawn.
    expect((await app.request.get(`/api/quotes/${quoteIds[0]}?locale=en`)).status).toBe(404);
    const list = await app.request.get('/api/articles?locale=en&pagination[pageSize]=100');
    expect(list.body.data.map((a: any) => a.documentId)).not.toContain(documentId);
    const bySlug = await app.request.get('/api/articles?locale=en&filters[slug][$eq]=leaked-memo');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.data).toEqual([]);
    expect(bySlug.body.meta.withdrawn).toEqual([
      {
        documentId,
        locale: 'en',
        title: 'Leaked memo',
        slug: 'leaked-memo',
        withdrawn: { date: expect.any(String), note: NOTE },
      },
    ]);
    // No structured data for a notice.
    const jsonld = await app.request.get(`/api/articles/${documentId}/jsonld?locale=en`);
    expect(jsonld.status).toBe(404);
    expect(jsonld.body.error).toMatchObject({ name: 'NotFoundError' });
    expect(jsonld.body.error.message).toMatch(/was withdrawn/);
    // API tokens asking for the draft still get the working copy, not the notice.
    const state = await app.request.get(stateUrl(documentId)).set(editor.auth);
    expect(state.body.data.live).toBe(false);

    // Approved again: the address answers the story, the notice is gone.
    await submit(documentId);
    expect((await move(editor, documentId, { transition: 'approve' })).status).toBe(200);
    const again = await publicRead(documentId);
    expect(again.status).toBe(200);
    expect(again.body.data.title).toBe('Unreviewed draft title');
    expect(again.body.data).not.toHaveProperty('withdrawn');
    expect(
      await app.strapi.db.query(NOTICE_UID).count({ where: { targetDocumentId: documentId } })
    ).toBe(0);
  });

  it('retract still answers 404, with no notice', async () => {
    const { documentId } = await liveStory('Retracted story');
    expect((await publicRead(documentId)).status).toBe(200);
    const res = await move(editor, documentId, { transition: 'retract', comment: 'wrong facts' });
    expect(res.status).toBe(200);
    const gone = await publicRead(documentId);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    expect(
      await app.strapi.db.query(NOTICE_UID).count({ where: { targetDocumentId: documentId } })
    ).toBe(0);
  });

  it.each([
    [{ comment: 'internal' }, ['publicNote'], /^"Withdraw with a notice" needs a public note/],
    [{ publicNote: NOTE }, ['comment'], /^Withdrawing takes the story down: say why/],
    [{ comment: 'internal', publicNote: 'x'.repeat(2001) }, ['publicNote'], /at most 2000/],
    [
      { comment: 'internal', publicNote: NOTE, correction: { note: 'x' } },
      ['correction'],
      /does not publish/,
    ],
  ])('refuses withdraw with %j (400, nothing changed)', async (extra, path, message) => {
    refused += 1;
    const { documentId } = await liveStory(`Refused withdraw ${refused}`);
    const was = await snapshot(app, documentId);
    const res = await move(editor, documentId, { transition: 'withdraw', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(path);
    expect(await snapshot(app, documentId)).toEqual(was);
    expect((await publicRead(documentId)).body.data).not.toHaveProperty('withdrawn');
  });

  it('a public note on retract is refused: only a withdrawal shows one', async () => {
    const { documentId } = await liveStory('Retract with a note');
    const was = await snapshot(app, documentId);
    const res = await move(editor, documentId, {
      transition: 'retract',
      comment: 'why',
      publicNote: 'Readers never see this.',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '"Retract" takes no public note: only a withdrawal shows one to readers'
    );
    expect(await snapshot(app, documentId)).toEqual(was);
  });

  it('Editor may withdraw; Author and Fact-checker may not (403, nothing changed)', async () => {
    const { documentId } = await liveStory('Whose call');
    await giveStoryTo(app, documentId, author.user.id);
    const body = { transition: 'withdraw', comment: 'why', publicNote: NOTE };
    const allowed = async (who: Admin) =>
      (await app.request.get(stateUrl(documentId)).set(who.auth)).body.data.allowedTransitions.map(
        (t: any) => t.id
      );
    expect(await allowed(editor)).toEqual(expect.arrayContaining(['retract', 'withdraw']));
    for (const who of [author, checker]) {
      expect(await allowed(who)).not.toContain('withdraw');
      const was = await snapshot(app, documentId);
      const res = await move(who, documentId, body);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'ForbiddenError',
        message: 'You may not make the transition "Withdraw with a notice"',
      });
      expect(await snapshot(app, documentId)).toEqual(was);
    }
    expect((await move(editor, documentId, body)).status).toBe(200);
    expect((await publicRead(documentId)).body.data.withdrawn.note).toBe(NOTE);
  });

  it('a withdrawn story deleted answers 404', async () => {
    const { documentId } = await liveStory('Withdrawn then deleted');
    await move(editor, documentId, { transition: 'withdraw', comment: 'why', publicNote: NOTE });
    expect((await publicRead(documentId)).status).toBe(200);
    await app.strapi.documents(ARTICLE).delete({ documentId, locale: '*' });
    expect((await publicRead(documentId)).status).toBe(404);
    expect(
      await app.strapi.db.query(NOTICE_UID).count({ where: { targetDocumentId: documentId } })
    ).toBe(0);
  });

  it('the quote of a withdrawn story is not readable, and the notice shows no people', async () => {
    const { documentId, speakerId } = await liveStory('People check');
    await move(editor, documentId, { transition: 'withdraw', comment: 'why', publicNote: NOTE });
    const notice = await publicRead(
      documentId,
      'populate[people]=true&populate[quotes][populate][speaker]=true'
    );
    expect(Object.keys(notice.body.data).sort()).toEqual([
      'documentId',
      'locale',
      'slug',
      'title',
      'withdrawn',
    ]);
    expect(notice.text).not.toContain(speakerId);
  });
});

describe('a correction approved with an embargo (publishAt)', () => {
  const STATE_UID = 'plugin::editorial-workflow.workflow-state';
  const HISTORY_UID = 'plugin::editorial-workflow.workflow-history';
  const scheduler = () => app.strapi.plugin('editorial-workflow').service('scheduler');
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  const pending = async (documentId: string) =>
    (await app.strapi.db.query(STATE_UID).findOne({ where: { targetDocumentId: documentId } }))
      .pendingCorrection;
  const logRows = (documentId: string) =>
    app.strapi.db.query(CORRECTION_UID).findMany({ where: { targetDocumentId: documentId } });

  /** A live story, edited and submitted, approved by the checker with a correction and publishAt. */
  const scheduledCorrection = async (title: string, note: string) => {
    const { documentId } = await liveStory(title);
    await editDraft(documentId, { title: `${title}, corrected` });
    await submit(documentId);
    const res = await move(checker, documentId, {
      transition: 'approve',
      correction: { note },
      publishAt: inMinutes(30).toISOString(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'scheduled', live: true });
    return documentId;
  };

  it('is logged when the scheduler puts the corrected version live, in that move, dated then', async () => {
    const note = 'An earlier version gave the wrong turnout.';
    const documentId = await scheduledCorrection('Turnout figures', note);
    // Readers keep the live version and an empty log until the time; the note waits on the state.
    expect(await corrections(documentId)).toBe(0);
    expect((await publicRead(documentId)).body.data).toMatchObject({
      title: 'Turnout figures',
      corrections: [],
    });
    expect(await pending(documentId)).toEqual({
      note,
      actor: { type: 'admin', id: checker.user.id, name: 'Fiona Checker Tester' },
    });
    // Not yet due: nothing logged.
    expect((await scheduler().run(inMinutes(29))).published).toBe(0);
    expect(await corrections(documentId)).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await scheduler().run(inMinutes(31))).published).toBe(1);
    const res = await publicRead(documentId);
    expect(res.body.data.title).toBe('Turnout figures, corrected');
    expect(res.body.data.corrections.map((c: any) => c.note)).toEqual([note]);
    const [row] = await logRows(documentId);
    const entries = await app.strapi.db.query(HISTORY_UID).findMany({
      where: { targetDocumentId: documentId },
      orderBy: [{ id: 'desc' }],
    });
    const published = entries.find((e: any) => e.transition === 'scheduled-publish');
    const approved = entries.find((e: any) => e.transition === 'approve');
    // Dated (and linked to) the publication, not the approval; the approver answers for it.
    expect(row.historyId).toBe(published.id);
    expect(new Date(row.correctedAt).toISOString()).toBe(
      new Date(published.createdAt).toISOString()
    );
    expect(Date.parse(row.correctedAt)).toBeGreaterThan(Date.parse(approved.createdAt));
    expect(row.actor).toMatchObject({ type: 'admin', id: checker.user.id });
    expect(await pending(documentId)).toBeNull();
  });

  it('publish now logs it likewise, and takes no second correction (400, nothing changed)', async () => {
    const note = 'The headline named the wrong district.';
    const documentId = await scheduledCorrection('District vote', note);
    const state = await app.request.get(stateUrl(documentId)).set(editor.auth);
    const publishNow = state.body.data.allowedTransitions.find((t: any) => t.id === 'publish_now');
    // Its correction is already chosen: the panel offers no field for another.
    expect(publishNow).toBeDefined();
    expect(publishNow.publicNote).toBeUndefined();

    const before = await snapshot(app, documentId);
    const twice = await move(editor, documentId, {
      transition: 'publish_now',
      correction: { note: 'Another one' },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('already carries a correction'),
      details: { errors: [expect.objectContaining({ path: ['correction'] })] },
    });
    expect(await snapshot(app, documentId)).toEqual(before);
    expect(await corrections(documentId)).toBe(0);

    const now = await move(editor, documentId, { transition: 'publish_now' });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body.data).toMatchObject({ stage: 'published', live: true });
    const [row] = await logRows(documentId);
    expect(row).toMatchObject({ note, actor: { type: 'admin', id: checker.user.id } });
    const released = await app.strapi.db.query(HISTORY_UID).findOne({
      where: { targetDocumentId: documentId, transition: 'publish_now' },
    });
    expect(row.historyId).toBe(released.id);
    expect(new Date(row.correctedAt).toISOString()).toBe(
      new Date(released.createdAt).toISOString()
    );
    expect((await publicRead(documentId)).body.data.corrections.map((c: any) => c.note)).toEqual([
      note,
    ]);
    expect(await pending(documentId)).toBeNull();
  });

  it('unschedule and an edit while scheduled drop the pending correction: nothing is logged', async () => {
    const unscheduled = await scheduledCorrection('Budget vote', 'Dropped by unschedule.');
    const res = await move(editor, unscheduled, {
      transition: 'unschedule',
      comment: 'Embargo lifted by the ministry',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.stage).toBe('fact_check');
    expect(await pending(unscheduled)).toBeNull();
    // Approved again without a correction: the dropped note never reaches readers.
    expect((await move(checker, unscheduled, { transition: 'approve' })).status).toBe(200);
    expect(await corrections(unscheduled)).toBe(0);
    expect((await publicRead(unscheduled)).body.data.corrections).toEqual([]);

    const edited = await scheduledCorrection('Tax plan', 'Dropped by an edit.');
    await editDraft(edited, { standfirst: 'Changed while scheduled.' });
    expect((await app.request.get(stateUrl(edited)).set(editor.auth)).body.data.stage).toBe(
      'draft'
    );
    expect(await pending(edited)).toBeNull();
    expect((await scheduler().run(inMinutes(31))).published).toBe(0);
    expect(await corrections(edited)).toBe(0);
  });

  it('is refused on an embargoed first publication, like any correction of a story not live', async () => {
    const story = await createStory(app, 'Never published before', {
      quotes: [{ text: 'Said before publication', verification: 'verified' }],
    });
    await submit(story.documentId);
    const res = await move(checker, story.documentId, {
      transition: 'approve',
      correction: { note: 'Nothing to correct' },
      publishAt: inMinutes(30).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['correction'] })] },
    });
    expect(await pending(story.documentId)).toBeNull();
  });
});
