// Embargoes (issue 11): approve with publishAt parks the story in the Scheduled stage; the
// workflow's scheduler publishes it at that time (driven here with a chosen "now"), takes it down at
// unpublishAt, catches up at boot, and does it once when two processes race on PostgreSQL. An edit
// to a scheduled story sends it back to draft; bad times are refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKER, createAdmin, WRITER } from '../helpers/identities';
import { startSecondProcess } from '../helpers/second-process';
import {
  bootStrapi,
  createTestDatabase,
  usingPostgres,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';
import {
  ARTICLE,
  createStory,
  giveStoryTo,
  publicStory,
  QUOTE,
  snapshot,
  stateUrl,
  transitionUrl,
  workflowService,
} from '../helpers/workflow';

const STATE_UID = 'plugin::editorial-workflow.workflow-state';
const HISTORY_UID = 'plugin::editorial-workflow.workflow-history';
const SCHEDULER_JOB = 'editorial-workflow-scheduler';

let database: TestDatabase;
let app: TestApp;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let author: Admin, editor: Admin, factChecker: Admin;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootStrapi(database);
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  factChecker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const anyMove = () => true;
const scheduler = () => app.strapi.plugin('editorial-workflow').service('scheduler');
const target = (documentId: string) => ({ uid: ARTICLE, documentId, locale: 'en' });
const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * 60_000);
const post = (who: Admin, documentId: string, body: object) =>
  app.request.post(transitionUrl(documentId)).set(who.auth).send(body);
const history = async (documentId: string) =>
  (await workflowService(app).getState(target(documentId), CHECKER, anyMove)).history;
const liveQuotes = (title: string) =>
  app.strapi.db.query(QUOTE).count({
    where: { text: `A verified line of ${title}`, publishedAt: { $notNull: true } },
  });
const stateRow = (documentId: string) =>
  app.strapi.db.query(STATE_UID).findOne({ where: { targetDocumentId: documentId } });

/** A story with a verified quote, submitted by WRITER: in fact-check, ready for approval. */
const storyInFactCheck = async (title: string) => {
  const story = await createStory(app, title, {
    quotes: [{ text: `A verified line of ${title}`, verification: 'verified' }],
  });
  await workflowService(app).transition(
    target(story.documentId),
    { transition: 'submit' },
    WRITER,
    anyMove
  );
  return story;
};

/** Approved with an embargo by the Fact-checker, over HTTP. */
const schedule = async (documentId: string, publishAt: Date, unpublishAt?: Date) => {
  const res = await post(factChecker, documentId, {
    transition: 'approve',
    publishAt: publishAt.toISOString(),
    ...(unpublishAt ? { unpublishAt: unpublishAt.toISOString() } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};

describe('approve with publishAt', () => {
  it('parks the story in Scheduled, not live, with its time in the state, queue and list', async () => {
    const { documentId } = await storyInFactCheck('Budget embargo');
    const publishAt = inMinutes(60);
    const state = await schedule(documentId, publishAt);
    expect(state).toMatchObject({
      stage: 'scheduled',
      live: false,
      publishAt: publishAt.toISOString(),
      unpublishAt: null,
    });
    expect(state.allowedTransitions.map((t: { id: string }) => t.id).sort()).toEqual([
      'publish_now',
      'unschedule',
    ]);
    expect(state.history[0]).toMatchObject({
      transition: 'approve',
      from: 'fact_check',
      to: 'scheduled',
    });
    expect(await publicStory(app, documentId)).toBeNull();
    // The quote waits with the story.
    expect(await liveQuotes('Budget embargo')).toBe(0);

    const queue = await app.request
      .get('/editorial-workflow/queue?stage=scheduled')
      .set(editor.auth);
    expect(queue.status).toBe(200);
    expect(queue.body.data.find((i: any) => i.documentId === documentId)).toMatchObject({
      stage: 'scheduled',
      publishAt: publishAt.toISOString(),
    });
    const list = await app.request
      .get(`/editorial-workflow/stages?uid=${ARTICLE}&documentIds=${documentId}&locale=en`)
      .set(editor.auth);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ stage: 'scheduled', publishAt: publishAt.toISOString() }),
    ]);
  });

  it('keeps approve’s guards: an unverified quote refuses the schedule as it refuses approval', async () => {
    const story = await createStory(app, 'Unverified embargo', {
      quotes: [{ text: 'Not checked yet' }],
    });
    await workflowService(app).transition(
      target(story.documentId),
      { transition: 'submit' },
      WRITER,
      anyMove
    );
    const before = await snapshot(app, story.documentId);
    const res = await post(factChecker, story.documentId, {
      transition: 'approve',
      publishAt: inMinutes(30).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.problems).toEqual([
      'The quote «Not checked yet» is unverified: it must be verified.',
    ]);
    expect(await snapshot(app, story.documentId)).toEqual(before);
  });

  it('keeps separation of duties: the story’s submitter may not schedule it', async () => {
    const story = await createStory(app, 'Self-scheduled', {
      quotes: [{ text: 'A line', verification: 'verified' }],
    });
    await giveStoryTo(app, story.documentId, editor.user.id);
    expect((await post(editor, story.documentId, { transition: 'submit' })).status).toBe(200);
    const before = await snapshot(app, story.documentId);
    const res = await post(editor, story.documentId, {
      transition: 'approve',
      publishAt: inMinutes(30).toISOString(),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^Separation of duties/);
    expect(await snapshot(app, story.documentId)).toEqual(before);
  });
});

describe('bad times: 400 naming the field, nothing changed', () => {
  let documentId: string;
  beforeAll(async () => {
    ({ documentId } = await storyInFactCheck('Bad times'));
  });
  const ZONE =
    'must be an ISO 8601 date and time with a time zone, such as 2026-05-01T09:00:00+02:00 or 2026-05-01T07:00:00Z';

  it.each([
    [
      'in the past',
      () => ({ publishAt: inMinutes(-5).toISOString() }),
      'publishAt',
      /^publishAt must be in the future \(got /,
    ],
    ['malformed', () => ({ publishAt: 'next tuesday' }), 'publishAt', `publishAt ${ZONE}`],
    [
      'without a zone',
      () => ({ publishAt: '2031-05-01T09:00:00' }),
      'publishAt',
      `publishAt ${ZONE}`,
    ],
    [
      'an impossible date',
      () => ({ publishAt: '2031-02-30T09:00:00Z' }),
      'publishAt',
      `publishAt ${ZONE}`,
    ],
    [
      'unpublishAt before publishAt',
      () => ({ publishAt: inMinutes(60).toISOString(), unpublishAt: inMinutes(30).toISOString() }),
      'unpublishAt',
      /^unpublishAt must be after publishAt \(/,
    ],
  ])('%s', async (_what, times, path, message) => {
    const before = await snapshot(app, documentId);
    const res = await post(factChecker, documentId, { transition: 'approve', ...times() });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ValidationError');
    if (typeof message === 'string') expect(res.body.error.message).toBe(message);
    else expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual([path]);
    expect(await snapshot(app, documentId)).toEqual(before);
  });

  it('a time on a move that does not publish, and an unknown transition', async () => {
    const before = await snapshot(app, documentId);
    const onRequest = await post(factChecker, documentId, {
      transition: 'request_changes',
      comment: 'Later',
      publishAt: inMinutes(30).toISOString(),
    });
    expect(onRequest.status).toBe(400);
    expect(onRequest.body.error.message).toBe(
      'publishAt goes with a move that publishes (approve), not with "Request changes"'
    );
    const unknown = await post(factChecker, documentId, {
      transition: 'schedule',
      publishAt: inMinutes(30).toISOString(),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.name).toBe('ValidationError');
    expect(unknown.body.error.message).toMatch(
      /^Unknown transition "schedule" \(known: .*unschedule, publish_now/
    );
    expect(await snapshot(app, documentId)).toEqual(before);
  });
});

describe('the scheduler', () => {
  it('publishes nothing before the time, then exactly the approved version, as the system', async () => {
    const { documentId } = await storyInFactCheck('Election results');
    const publishAt = inMinutes(30);
    await schedule(documentId, publishAt);

    expect(await scheduler().run(inMinutes(29))).toEqual({
      published: 0,
      unpublished: 0,
      unscheduled: 0,
    });
    expect(await publicStory(app, documentId)).toBeNull();

    const counts = await scheduler().run(new Date(publishAt.getTime() + 1000));
    expect(counts.published).toBe(1);
    const live = await publicStory(app, documentId);
    expect(live).toMatchObject({ title: 'Election results' });
    expect(live.quotes.map((q: any) => q.text)).toEqual(['A verified line of Election results']);
    const [entry] = await history(documentId);
    expect(entry).toMatchObject({
      transition: 'scheduled-publish',
      from: 'scheduled',
      to: 'published',
      actor: { type: 'system', id: null, name: 'Scheduler' },
      comment: `Published at the scheduled time (${publishAt.toISOString()})`,
    });
    expect(await stateRow(documentId)).toMatchObject({ stage: 'published', publishAt: null });
    // A second run finds nothing due.
    expect((await scheduler().run(inMinutes(31))).published).toBe(0);
    expect(
      (await history(documentId)).filter((h) => h.transition === 'scheduled-publish')
    ).toHaveLength(1);
  });

  it('a correction scheduled on a live story: readers keep the live version until its time', async () => {
    const { documentId } = await storyInFactCheck('Storm warning');
    await post(factChecker, documentId, { transition: 'approve' });
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'en', data: { title: 'Storm warning (corrected)' } });
    await workflowService(app).transition(
      target(documentId),
      { transition: 'submit' },
      WRITER,
      anyMove
    );
    const publishAt = inMinutes(45);
    await schedule(documentId, publishAt);
    expect((await publicStory(app, documentId)).title).toBe('Storm warning');
    await scheduler().run(inMinutes(44));
    expect((await publicStory(app, documentId)).title).toBe('Storm warning');
    await scheduler().run(inMinutes(46));
    expect((await publicStory(app, documentId)).title).toBe('Storm warning (corrected)');
  });

  it('a verdict changed after scheduling stops the publication: back to fact-check, said why', async () => {
    const story = await storyInFactCheck('Disputed later');
    await schedule(story.documentId, inMinutes(10));
    // A verdict is review, not content: it does not send the story back, but the time checks it.
    await app.strapi.documents(QUOTE).update({
      documentId: story.quoteIds[0],
      locale: 'en',
      data: { verification: 'disputed', verificationNote: 'The recording says otherwise' },
    });
    expect((await stateRow(story.documentId)).stage).toBe('scheduled');
    expect(await scheduler().run(inMinutes(11))).toMatchObject({ published: 0, unscheduled: 1 });
    expect(await publicStory(app, story.documentId)).toBeNull();
    const [entry] = await history(story.documentId);
    expect(entry).toMatchObject({
      transition: 'scheduled-publish',
      from: 'scheduled',
      to: 'fact_check',
    });
    expect(entry.comment).toMatch(
      /^Not published at .*: The quote «A verified line of Disputed later» is disputed: it must be verified\.$/
    );
  });

  it('unpublishAt takes the live story down by the system, like retract', async () => {
    const { documentId } = await storyInFactCheck('Live blog');
    const publishAt = inMinutes(5);
    const unpublishAt = inMinutes(65);
    const state = await schedule(documentId, publishAt, unpublishAt);
    expect(state.unpublishAt).toBe(unpublishAt.toISOString());
    await scheduler().run(inMinutes(6));
    expect(await publicStory(app, documentId)).not.toBeNull();
    expect((await stateRow(documentId)).unpublishAt).toBeTruthy();
    expect(await scheduler().run(inMinutes(66))).toMatchObject({ unpublished: 1 });
    expect(await publicStory(app, documentId)).toBeNull();
    expect(await liveQuotes('Live blog')).toBe(0);
    const [entry] = await history(documentId);
    expect(entry).toMatchObject({
      transition: 'scheduled-unpublish',
      from: 'published',
      to: 'draft',
      actor: { type: 'system', name: 'Scheduler' },
      comment: `Taken down at the scheduled time (${unpublishAt.toISOString()})`,
    });
    expect(await stateRow(documentId)).toMatchObject({ stage: 'draft', unpublishAt: null });
  });
});

describe('an edit to a scheduled story sends it back to draft', () => {
  it('a change of the story itself', async () => {
    const { documentId } = await storyInFactCheck('Edited while waiting');
    await schedule(documentId, inMinutes(20));
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'en', data: { title: 'Edited while waiting, unapproved' } });
    expect(await stateRow(documentId)).toMatchObject({ stage: 'draft', publishAt: null });
    expect((await history(documentId))[0]).toMatchObject({
      transition: 'edit',
      from: 'scheduled',
      to: 'draft',
    });
    expect(await scheduler().run(inMinutes(21))).toMatchObject({ published: 0 });
    expect(await publicStory(app, documentId)).toBeNull();
  });

  it('a change of one of its quotes, through the Content Manager', async () => {
    const story = await storyInFactCheck('Quote edited while waiting');
    await schedule(story.documentId, inMinutes(20));
    const res = await app.request
      .put(`/content-manager/collection-types/${QUOTE}/${story.quoteIds[0]}?locale=en`)
      .set(editor.auth)
      .send({ text: 'Words nobody checked' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await stateRow(story.documentId)).stage).toBe('draft');
    await scheduler().run(inMinutes(21));
    expect(await publicStory(app, story.documentId)).toBeNull();
  });
});

describe('unschedule and publish now, per role', () => {
  it('an Author may do neither; a Fact-checker unschedules (comment required); an Editor publishes now', async () => {
    const { documentId } = await storyInFactCheck('Per role');
    await giveStoryTo(app, documentId, author.user.id);
    await schedule(documentId, inMinutes(90));
    const authorState = await app.request.get(stateUrl(documentId)).set(author.auth);
    expect(authorState.status).toBe(200);
    expect(authorState.body.data.allowedTransitions).toEqual([]);

    const before = await snapshot(app, documentId);
    for (const body of [
      { transition: 'unschedule', comment: 'No' },
      { transition: 'publish_now' },
    ]) {
      const res = await post(author, documentId, body);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect(res.body.error.message).toMatch(
        /^You may not make the transition "(Unschedule|Publish now)"$/
      );
    }
    const noComment = await post(factChecker, documentId, { transition: 'unschedule' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toBe(
      'Unscheduling stops the embargoed publication: say why.'
    );
    expect(await snapshot(app, documentId)).toEqual(before);

    const unscheduled = await post(factChecker, documentId, {
      transition: 'unschedule',
      comment: 'The minister moved the announcement.',
    });
    expect(unscheduled.status).toBe(200);
    expect(unscheduled.body.data).toMatchObject({
      stage: 'fact_check',
      publishAt: null,
      live: false,
    });
    expect((await scheduler().run(inMinutes(91))).published).toBe(0);

    await schedule(documentId, inMinutes(90));
    const now = await post(editor, documentId, { transition: 'publish_now' });
    expect(now.status).toBe(200);
    expect(now.body.data).toMatchObject({ stage: 'published', live: true, publishAt: null });
    expect(await publicStory(app, documentId)).toMatchObject({ title: 'Per role' });
  });
});

describe('restart', () => {
  it('a time that passed while the server was down: published at boot, the history says late', async () => {
    const { documentId } = await storyInFactCheck('While we were down');
    // This process's own job must not publish it on time meanwhile: the server is "down" from here.
    app.strapi.cron.remove(SCHEDULER_JOB);
    const publishAt = new Date(Date.now() + 1500);
    await schedule(documentId, publishAt);
    // The job is removed with the app (plugin destroy): nothing publishes while it is down.
    await app.stop();
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now() + 200))
    );
    app = await bootStrapi(database);
    expect(await publicStory(app, documentId)).toMatchObject({ title: 'While we were down' });
    const [entry] = await history(documentId);
    expect(entry).toMatchObject({
      transition: 'scheduled-publish',
      to: 'published',
      actor: { type: 'system', name: 'Scheduler' },
      comment: `Published late: the server was down at ${publishAt.toISOString()}`,
    });
    // The booted app runs the job again.
    expect(app.strapi.cron.jobs.map((j: any) => j.name)).toContain(SCHEDULER_JOB);
  });
});

if (usingPostgres())
  describe('two processes on one PostgreSQL database', () => {
    let second: Awaited<ReturnType<typeof startSecondProcess>>;
    beforeAll(async () => {
      // B's job looks every second; A runs at the same instants: both chase the same story.
      second = await startSecondProcess({ WORKFLOW_SCHEDULER_CRON: '* * * * * *' });
    });
    afterAll(async () => {
      await second?.stop();
    });

    it('race for the same due story: exactly one publication and one history entry', async () => {
      const sleepUntil = (ms: number) =>
        new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - Date.now())));
      let inA = 0;
      const rounds = 4;
      for (let round = 0; round < rounds; round += 1) {
        const story = await storyInFactCheck(`Race ${round}`);
        // Due on a whole second, when B's job fires: A runs twice at that very moment too.
        const due = Math.ceil((Date.now() + 1500) / 1000) * 1000;
        // Through the service: the restart above ended the admins' sessions.
        await workflowService(app).transition(
          target(story.documentId),
          { transition: 'approve', publishAt: new Date(due).toISOString() },
          CHECKER,
          anyMove
        );
        await sleepUntil(due + 2);
        const results = await Promise.all([scheduler().run(), scheduler().run()]);
        inA += results.reduce((sum, r) => sum + r.published, 0);
        // B's run, if it won, is done within the next second; a slow machine gets more.
        const until = Date.now() + 10_000;
        while (Date.now() < until && (await stateRow(story.documentId)).stage !== 'published')
          await new Promise((resolve) => setTimeout(resolve, 50));
        await new Promise((resolve) => setTimeout(resolve, 1200));

        const entries = await app.strapi.db.query(HISTORY_UID).findMany({
          where: { targetDocumentId: story.documentId, transition: 'scheduled-publish' },
        });
        expect(entries).toHaveLength(1);
        expect(
          await app.strapi.db.query(ARTICLE).count({
            where: { documentId: story.documentId, publishedAt: { $notNull: true } },
          })
        ).toBe(1);
        expect(await stateRow(story.documentId)).toMatchObject({ stage: 'published', version: 4 });
        expect(await publicStory(app, story.documentId)).toMatchObject({ title: `Race ${round}` });
      }
      // Whoever won each round (A's two runs or B's job), each story was published once.
      expect(inA).toBeLessThanOrEqual(rounds);
      console.info(`[scheduling race] A won ${inA} of ${rounds} rounds, B ${rounds - inA}`);
    });
  });
