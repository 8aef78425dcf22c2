// The Newsroom desk over HTTP: exact figures on a seeded history (rounds of known durations), bad
// queries refused with 400, who may read it, and that it counts only stories the user may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import { ARTICLE, createStory, stateUrl, transitionUrl } from '../helpers/workflow';

const HISTORY = 'plugin::editorial-workflow.workflow-history';
const STATE = 'plugin::editorial-workflow.workflow-state';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let database: TestDatabase;
let app: TestApp;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let editor: Admin, author: Admin, checker: Admin;
let seeded: [
  string,
  string,
  string,
  string,
  { type: string; id: number | null; name: string },
  number,
][];
let backfilled: number;
const now = Date.now();
const store = () => app.strapi.plugin('editorial-workflow').service('state-store');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootStrapi(database);
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  checker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
  const [a, b, c, d] = await Promise.all(
    ['Story A', 'Story B', 'Story C', 'Story D'].map((t) => createStory(app, t))
  );
  const fiona = { type: 'admin', id: checker.user.id, name: 'Fiona' };
  const yann = { type: 'admin', id: 999, name: 'Yann' };
  const writer = { type: 'admin', id: 998, name: 'Writer' };
  // [story, transition, from, to, actor, at]
  const moves: typeof seeded = [
    [a.documentId, 'submit', 'draft', 'fact_check', writer, now - 3 * DAY - 2 * HOUR],
    [a.documentId, 'request_changes', 'fact_check', 'draft', fiona, now - 3 * DAY],
    [a.documentId, 'submit', 'draft', 'fact_check', writer, now - DAY - HOUR],
    [a.documentId, 'approve', 'fact_check', 'published', fiona, now - DAY],
    [b.documentId, 'submit', 'draft', 'fact_check', writer, now - 2 * DAY - 4 * HOUR],
    [b.documentId, 'approve', 'fact_check', 'published', yann, now - 2 * DAY],
    [c.documentId, 'submit', 'draft', 'fact_check', writer, now - 10 * DAY],
    [c.documentId, 'request_changes', 'fact_check', 'draft', yann, now - 10 * DAY + 600_000],
    [d.documentId, 'submit', 'draft', 'fact_check', writer, now - HOUR],
  ];
  // Written as history was before the desk's columns (no stageEnteredAt, no actor columns); the
  // boot's backfill gives them, as it does to an older database.
  const knex = app.strapi.db.connection;
  const table = app.strapi.db.metadata.get(HISTORY as any).tableName;
  seeded = moves;
  await knex(table).insert(
    moves.map(([documentId, transition, from, to, actor, at], i) => ({
      document_id: `deskhistory${i}`,
      target_uid: ARTICLE,
      target_document_id: documentId,
      target_locale: 'en',
      transition,
      from_stage: from,
      to_stage: to,
      actor: JSON.stringify(actor),
      created_at: new Date(at),
      updated_at: new Date(at),
      published_at: new Date(at),
    }))
  );
  backfilled = await store().backfillHistory();
  await app.strapi.db.query(STATE).updateMany({
    where: { targetDocumentId: d.documentId },
    data: { stage: 'fact_check', enteredStageAt: new Date(now - HOUR) },
  });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const desk = (auth: Record<string, string>, query = '') =>
  app.request.get(`/editorial-workflow/desk${query}`).set(auth);

describe('GET /desk', () => {
  it('gives the 7-day figures of the seeded rounds exactly', async () => {
    const res = await desk(editor.auth, '?days=7');
    expect(res.status).toBe(200);
    const s = res.body.data;
    expect(s.reviewStage).toBe('fact_check');
    expect(s.days).toBe(7);
    expect(s.rounds).toBe(3);
    expect(s.medianSeconds).toBe(7200);
    expect(s.p90Seconds).toBe(14400);
    expect(s.requestChangesRate).toBeCloseTo(1 / 3, 10);
    expect(s.funnel).toEqual({ submitted: 4, changesRequested: 1, approved: 2 });
    expect(s.checkers).toEqual([
      { id: checker.user.id, name: 'Fiona', approvals: 1, changesRequested: 1 },
      { id: 999, name: 'Yann', approvals: 1, changesRequested: 0 },
    ]);
    expect(s.waiting).toEqual([
      { stage: 'draft', count: 3, oldestEnteredAt: expect.any(String) },
      { stage: 'fact_check', count: 1, oldestEnteredAt: new Date(now - HOUR).toISOString() },
    ]);
    expect(s.series).toHaveLength(7);
    const byDay = Object.fromEntries(
      s.series.filter((d: any) => d.rounds > 0).map((d: any) => [d.day, d])
    );
    const expected: Record<string, number[]> = {};
    for (const [at, secs] of [
      [now - 3 * DAY, 7200],
      [now - DAY, 3600],
      [now - 2 * DAY, 14400],
    ])
      (expected[day(at)] ??= []).push(secs);
    expect(Object.keys(byDay).sort()).toEqual(Object.keys(expected).sort());
    for (const [d, secs] of Object.entries(expected)) {
      secs.sort((x, y) => x - y);
      expect(byDay[d]).toEqual({
        day: d,
        rounds: secs.length,
        p50: secs[Math.ceil(secs.length * 0.5) - 1],
        p90: secs[Math.ceil(secs.length * 0.9) - 1],
      });
    }
  });

  it('widens to 30 days', async () => {
    const s = (await desk(editor.auth, '?days=30')).body.data;
    expect(s.rounds).toBe(4);
    expect(s.medianSeconds).toBe(3600);
    expect(s.p90Seconds).toBe(14400);
    expect(s.funnel).toEqual({ submitted: 5, changesRequested: 2, approved: 2 });
    expect(s.series).toHaveLength(30);
  });

  it.each([
    ['?days=0', 'days', 'days must be a whole number from 1 to 90'],
    ['?days=91', 'days', 'days must be a whole number from 1 to 90'],
    ['?days=abc', 'days', 'days must be a whole number from 1 to 90'],
    ['?days=7&days=30', 'days', 'days must be a single value'],
    ['?uid=api::nope.nope', 'uid', 'api::nope.nope is not in the editorial workflow'],
    ['?locale=xx', 'locale', 'Unknown locale "xx"'],
    ['?foo=1', 'foo', 'Unknown key "foo" (expected days, uid, locale)'],
  ])('refuses %s with 400', async (query, path, message) => {
    const res = await desk(editor.auth, query);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
    expect(res.body.error.details.errors[0].path).toEqual([path]);
  });

  it('answers 401 without a session', async () => {
    expect((await app.request.get('/editorial-workflow/desk')).status).toBe(401);
  });

  it('counts only what the user may read: an Author reads only their own stories', async () => {
    const res = await desk(author.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.rounds).toBe(0);
    expect(res.body.data.funnel).toEqual({ submitted: 0, changesRequested: 0, approved: 0 });
    expect(res.body.data.waiting.map((w: any) => w.count)).toEqual([0, 0]);
  });

  it('serves Fact-checkers the full figures', async () => {
    const res = await desk(checker.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.rounds).toBe(3);
  });

  it('is not in the content API', async () => {
    expect([403, 404]).toContain((await app.request.get('/api/editorial-workflow/desk')).status);
  });
});

describe('checkSla', () => {
  it('asks once per story per stage entry past slaHours', async () => {
    const service = app.strapi.plugin('editorial-workflow').service('desk');
    const notifications = app.strapi.plugin('editorial-workflow').service('notifications');
    const calls: any[] = [];
    const original = notifications.enqueue;
    notifications.enqueue = async (request: any) => {
      calls.push(request);
    };
    try {
      await service.checkSla(new Date(now + 10 * HOUR)); // D has waited 11 h: not yet (24 h)
      expect(calls).toHaveLength(0);
      await service.checkSla(new Date(now + 30 * HOUR));
      await service.checkSla(new Date(now + 31 * HOUR));
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ kind: 'sla', eventKey: expect.stringMatching(/^sla:\d+:/) });
      expect(calls[0].recipients).toContain(checker.user.id);
    } finally {
      notifications.enqueue = original;
    }
  });
});

describe('the queue', () => {
  it('flags stories past their stage slaHours as overdue', async () => {
    const queue = async () =>
      (await app.request.get('/editorial-workflow/queue?stage=fact_check').set(checker.auth)).body
        .data[0];
    expect(await queue()).toMatchObject({ title: 'Story D', overdue: false, slaHours: 24 });
    await app.strapi.db.query(STATE).updateMany({
      where: { stage: 'fact_check' },
      data: { enteredStageAt: new Date(Date.now() - 25 * HOUR) },
    });
    expect(await queue()).toMatchObject({ title: 'Story D', overdue: true, slaHours: 24 });
  });
});

// The desk reads the actor and the time in stage from columns of the history row (not its JSON):
// every move writes them, the boot fills them for older history, and nothing else writes them.
describe('the history columns the desk reads', () => {
  const rows = (documentId: string) =>
    app.strapi.db
      .query(HISTORY)
      .findMany({ where: { targetDocumentId: documentId }, orderBy: [{ id: 'asc' }] });
  const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

  it('are backfilled for history written before them: the actor, and when the stage was entered', async () => {
    expect(backfilled).toBe(seeded.length);
    const got = await app.strapi.db
      .query(HISTORY)
      .findMany({ where: { documentId: { $startsWith: 'deskhistory' } }, orderBy: { id: 'asc' } });
    const byStory = new Map<string, number[]>();
    seeded.forEach(([documentId], i) =>
      byStory.set(documentId, [...(byStory.get(documentId) ?? []), i])
    );
    // A move out of a stage entered it at the story's latest earlier move into that stage.
    const entered = seeded.map(([documentId, , from, , , time]) => {
      const earlier = byStory
        .get(documentId)!
        .map((i) => seeded[i])
        .filter(([, , , to, , t]) => to === from && t < time);
      return earlier.length ? Math.max(...earlier.map(([, , , , , t]) => t)) : null;
    });
    expect(
      got.map((r: any) => [r.actorType, r.actorId, r.actorName, iso(r.stageEnteredAt)])
    ).toEqual(
      seeded.map(([, , , , actor], i) => [actor.type, actor.id, actor.name, at(entered[i])])
    );
    // Story A's rounds: the request entered fact-check at the first submit, the approval at the second.
    expect(iso(got[1].stageEnteredAt)).toBe(at(now - 3 * DAY - 2 * HOUR));
    expect(iso(got[3].stageEnteredAt)).toBe(at(now - DAY - HOUR));
    // Once filled, a boot leaves them alone.
    expect(await store().backfillHistory()).toBe(0);
  });

  it('are written by every move: transitions, assignments and an edit that sends a story back', async () => {
    const { documentId } = await createStory(app, 'Story E');
    // When the story entered its current stage, as its state says before each step.
    const entries: (string | null)[] = [];
    const step = async (request: () => Promise<{ status: number }>) => {
      const state = await app.strapi.db
        .query(STATE)
        .findOne({ where: { targetDocumentId: documentId } });
      entries.push(iso(state.enteredStageAt));
      expect((await request()).status).toBe(200);
    };
    const move = (who: Admin, transition: string, comment?: string) => () =>
      app.request
        .post(transitionUrl(documentId))
        .set(who.auth)
        .send({ transition, ...(comment ? { comment } : {}) });
    await step(move(editor, 'submit'));
    await step(() =>
      app.request
        .post(`/editorial-workflow/state/${ARTICLE}/${documentId}/assign?locale=en`)
        .set(editor.auth)
        .send({ assignee: checker.user.id })
    );
    await step(move(checker, 'request_changes', 'Source it'));
    await step(move(editor, 'submit'));
    await step(move(checker, 'approve'));
    // An edit of the approved story sends it back to draft (recorded as `edit`).
    await step(() =>
      app.request
        .put(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`)
        .set(editor.auth)
        .send({ title: 'Story E, corrected' })
    );

    const history = await rows(documentId);
    expect(history.map((r: any) => r.transition)).toEqual([
      'submit',
      'assign',
      'request_changes',
      'submit',
      'approve',
      'edit',
    ]);
    for (const r of history)
      expect([r.actorType, r.actorId, r.actorName]).toEqual([
        r.actor.type,
        r.actor.id,
        r.actor.name,
      ]);
    expect(history.map((r: any) => r.actorId)).toEqual([
      editor.user.id,
      editor.user.id,
      checker.user.id,
      editor.user.id,
      checker.user.id,
      editor.user.id,
    ]);
    // A move out of a stage carries when the story entered it; an assignment moves nothing.
    expect(entries.every((e) => e !== null)).toBe(true);
    expect(history.map((r: any) => iso(r.stageEnteredAt))).toEqual(
      entries.map((e, i) => (history[i].transition === 'assign' ? null : e))
    );
  });

  it('are never written through the API or the Document Service, and never shown', async () => {
    const { documentId } = await createStory(app, 'Story F');
    const res = await app.request
      .post(transitionUrl(documentId))
      .set(editor.auth)
      .send({ transition: 'submit', actorId: checker.user.id });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError' });
    expect(res.body.error.message).toMatch(/^Unknown key "actorId"/);
    expect(await rows(documentId)).toEqual([]);

    const [entry] = await rows(seeded[0][0]);
    const chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
    const body = { actorId: 1, actorName: 'Someone' };
    for (const [who, method, url] of [
      [editor, 'put', `/content-manager/collection-types/${HISTORY}/${entry.documentId}`],
      [editor, 'post', `/content-manager/collection-types/${HISTORY}`],
      [chief, 'put', `/content-manager/collection-types/${HISTORY}/${entry.documentId}`],
      [chief, 'post', `/content-manager/collection-types/${HISTORY}`],
    ] as const) {
      // The Content Manager has no permission to give on the hidden type, even to a super admin.
      const cm = await app.request[method](url).set(who.auth).send(body);
      expect([method, cm.status, cm.body.error?.name]).toEqual([method, 403, 'PolicyError']);
    }
    await expect(
      app.strapi
        .documents(HISTORY as any)
        .update({ documentId: entry.documentId, data: body as any })
    ).rejects.toThrow('The editorial workflow history and states cannot be changed directly');
    await expect(
      app.strapi.documents(HISTORY as any).create({
        data: { ...entry, id: undefined, documentId: undefined, actorId: 1 } as any,
      })
    ).rejects.toThrow('The editorial workflow history and states cannot be changed directly');
    const [after] = await rows(seeded[0][0]);
    expect([after.actorId, after.actorName]).toEqual([entry.actorId, entry.actorName]);

    // The panel's history shows the actor as recorded, not the desk's copy of it.
    const moved = await app.request
      .post(transitionUrl(documentId))
      .set(editor.auth)
      .send({ transition: 'submit' });
    expect(moved.status).toBe(200);
    const state = await app.request.get(stateUrl(documentId)).set(editor.auth);
    expect(Object.keys(state.body.data.history[0]).sort()).toEqual([
      'actor',
      'comment',
      'createdAt',
      'from',
      'to',
      'transition',
    ]);
  });
});
