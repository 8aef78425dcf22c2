// The editorial workflow over HTTP: the story lifecycle, roles, separation of duties, guards,
// stale approval, locales, the content API for tokens, and bad input refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { CHECKER, createAdmin, createApiToken, createReader, WRITER } from '../helpers/identities';
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

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let author: Admin, editor: Admin, factChecker: Admin, chief: Admin, secondEditor: Admin;

beforeAll(async () => {
  app = await startTestApp();
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  secondEditor = await createAdmin(app, 'strapi-editor', 'Erin Editor');
  factChecker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
});
afterAll(async () => {
  await app?.stop();
});

const move = (who: Admin, documentId: string, body: unknown, locale = 'en') =>
  app.request
    .post(transitionUrl(documentId, locale))
    .set(who.auth)
    .send(body as object);

/** An Author reads and moves only their own stories (Content Manager `isCreator`): make every locale theirs. */
const giveToAuthor = (documentId: string) => giveStoryTo(app, documentId, author.user.id);
const authorsStory = async (title: string, options?: Parameters<typeof createStory>[2]) => {
  const story = await createStory(app, title, options);
  await giveToAuthor(story.documentId);
  return story;
};

describe('the story lifecycle, as the newsroom lives it', () => {
  let storyId: string;
  let quoteId: string;

  it('the author writes a story with a quote in the Content Manager; it starts in draft', async () => {
    const person = await app.request
      .post('/content-manager/collection-types/api::person.person')
      .set(author.auth)
      .send({ name: 'Michelle Bachelet' });
    expect(person.status).toBe(201);
    const story = await app.request
      .post(`/content-manager/collection-types/${ARTICLE}?locale=en`)
      .set(author.auth)
      .send({ title: 'UN rights chief calls for torture inquiry', dateline: 'Geneva' });
    expect(story.status).toBe(201);
    storyId = story.body.data.documentId;
    const quote = await app.request
      .post(`/content-manager/collection-types/${QUOTE}?locale=en`)
      .set(author.auth)
      .send({
        text: '«All reports of torture must be documented and investigated.»',
        speaker: { connect: [{ documentId: person.body.data.documentId }] },
        article: { connect: [{ documentId: storyId, locale: 'en' }] },
      });
    expect(quote.status).toBe(201);
    quoteId = quote.body.data.documentId;

    const state = await app.request.get(stateUrl(storyId)).set(author.auth);
    expect(state.status).toBe(200);
    expect(state.body.data).toMatchObject({
      uid: ARTICLE,
      documentId: storyId,
      locale: 'en',
      stage: 'draft',
      version: 1,
      live: false,
      allowedTransitions: [
        { id: 'submit', name: 'Submit for fact-check', to: 'fact_check', requireComment: false },
      ],
      history: [],
    });
  });

  it('the author submits it for fact-check', async () => {
    const res = await move(author, storyId, {
      transition: 'submit',
      comment: 'Ready',
      expectedVersion: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      stage: 'fact_check',
      version: 2,
      allowedTransitions: [],
    });
    expect(res.body.data.history).toEqual([
      {
        transition: 'submit',
        from: 'draft',
        to: 'fact_check',
        actor: { type: 'admin', id: author.user.id, name: 'Alex Author Tester' },
        comment: 'Ready',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('the fact-checker finds it in the queue', async () => {
    const res = await app.request
      .get('/editorial-workflow/queue?stage=fact_check')
      .set(factChecker.auth);
    expect(res.status).toBe(200);
    const item = res.body.data.find((i: any) => i.documentId === storyId);
    expect(item).toMatchObject({
      uid: ARTICLE,
      locale: 'en',
      title: 'UN rights chief calls for torture inquiry',
      stage: 'fact_check',
      submittedBy: { type: 'admin', id: author.user.id },
      lastActor: { type: 'admin', id: author.user.id },
    });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
  });

  it('approval is refused while the quote is unverified, naming the quote; nothing changes', async () => {
    const before = await snapshot(app, storyId);
    const state = await app.request.get(stateUrl(storyId)).set(factChecker.auth);
    expect(state.body.data.allowedTransitions.map((t: any) => t.id)).toEqual([
      'request_changes',
      'approve',
    ]);
    // What the panel's comment box asks for, in the config's words.
    expect(state.body.data.allowedTransitions[0]).toMatchObject({
      requireComment: true,
      commentPrompt: 'Say what needs to change: the author sees this comment.',
    });
    expect(state.body.data.allowedTransitions[1]).not.toHaveProperty('commentPrompt');
    const res = await move(factChecker, storyId, { transition: 'approve' });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.problems).toEqual([
      'The quote «All reports of torture must be documented and investigated.» is unverified: it must be verified.',
    ]);
    expect(await snapshot(app, storyId)).toEqual(before);
    expect(await publicStory(app, storyId)).toBeNull();
  });

  it('the fact-checker verifies the quote and approves: story and quote go live', async () => {
    const verify = await app.request
      .put(`/content-manager/collection-types/${QUOTE}/${quoteId}?locale=en`)
      .set(factChecker.auth)
      .send({ verification: 'verified', verificationNote: 'Checked against the UN transcript' });
    expect(verify.status).toBe(200);
    expect(verify.body.data.verifiedBy).toBe('Fiona Factchecker Tester');

    const res = await move(factChecker, storyId, {
      transition: 'approve',
      comment: 'Quotes check out',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'published', live: true, version: 3 });
    const live = await publicStory(app, storyId);
    expect(live.title).toBe('UN rights chief calls for torture inquiry');
    expect(live.quotes.map((q: any) => q.documentId)).toEqual([quoteId]);
    expect((await app.request.get(`/api/quotes/${quoteId}`)).status).toBe(200);
  });

  it('editing the live story sends the working copy back to draft; readers keep the approved version', async () => {
    const edit = await app.request
      .put(`/content-manager/collection-types/${ARTICLE}/${storyId}?locale=en`)
      .set(author.auth)
      .send({ title: 'UN rights chief calls for torture inquiry (updated)' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const state = await app.request.get(stateUrl(storyId)).set(author.auth);
    expect(state.body.data).toMatchObject({ stage: 'draft', live: true, version: 4 });
    expect(state.body.data.history[0]).toMatchObject({
      transition: 'edit',
      from: 'published',
      to: 'draft',
      actor: { id: author.user.id },
    });
    expect((await publicStory(app, storyId)).title).toBe(
      'UN rights chief calls for torture inquiry'
    );
  });

  it('retracting needs a comment, then takes the story and its quotes down', async () => {
    await move(author, storyId, { transition: 'submit' });
    expect((await move(factChecker, storyId, { transition: 'approve' })).status).toBe(200);
    expect((await publicStory(app, storyId)).title).toBe(
      'UN rights chief calls for torture inquiry (updated)'
    );

    const bare = await move(editor, storyId, { transition: 'retract' });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'Retracting takes the story down: say why.',
    });
    expect(bare.body.error.details.errors).toEqual([
      { path: ['comment'], message: 'Retracting takes the story down: say why.' },
    ]);

    const res = await move(editor, storyId, {
      transition: 'retract',
      comment: 'Legal asked us to hold it',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'draft', live: false });
    expect(await publicStory(app, storyId)).toBeNull();
    expect((await app.request.get(`/api/quotes/${quoteId}`)).status).toBe(404);
    expect(res.body.data.history.map((h: any) => h.transition)).toEqual([
      'retract',
      'approve',
      'submit',
      'edit',
      'approve',
      'submit',
    ]);
  });
});

describe('each default role × each transition', () => {
  const EXPECTED: Record<string, Record<string, boolean>> = {
    author: { submit: true, request_changes: false, approve: false, retract: false },
    editor: { submit: true, request_changes: true, approve: true, retract: true },
    factChecker: { submit: false, request_changes: true, approve: true, retract: false },
    chief: { submit: true, request_changes: true, approve: true, retract: true },
  };
  const START: Record<string, string[]> = {
    submit: [],
    request_changes: ['submit'],
    approve: ['submit'],
    retract: ['submit', 'approve'],
  };
  const cases = Object.entries(EXPECTED).flatMap(([role, moves]) =>
    Object.entries(moves).map(([t, ok]) => [role, t, ok] as const)
  );

  it.each(cases)('%s → %s allowed: %s', async (role, transition, ok) => {
    const who = { author, editor, factChecker, chief }[role]!;
    const { documentId } =
      role === 'author'
        ? await authorsStory(`${role} tries ${transition}`)
        : await createStory(app, `${role} tries ${transition}`);
    for (const step of START[transition]) {
      await workflowService(app).transition(
        { uid: ARTICLE, documentId, locale: 'en' },
        { transition: step },
        step === 'submit' ? WRITER : CHECKER,
        () => true
      );
    }
    const state = await app.request.get(stateUrl(documentId)).set(who.auth);
    expect(state.status).toBe(200);
    expect(state.body.data.allowedTransitions.map((t: any) => t.id).includes(transition)).toBe(ok);

    const before = await snapshot(app, documentId);
    const res = await move(who, documentId, { transition, comment: 'test' });
    if (ok) {
      expect(res.status).toBe(200);
      expect(res.body.data.history[0]).toMatchObject({
        transition,
        actor: { type: 'admin', id: who.user.id },
      });
    } else {
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect(res.body.error.message).toMatch(/^You may not make the transition/);
      expect(await snapshot(app, documentId)).toEqual(before);
    }
  });

  it('the plugin permissions are listed for Settings → Roles', async () => {
    const res = await app.request.get('/admin/permissions').set(chief.auth);
    expect(res.status).toBe(200);
    const plugin = res.body.data.sections.plugins
      .filter((p: any) => p.plugin === 'editorial-workflow')
      .map((p: any) => p.action);
    expect(plugin.sort()).toEqual(
      [
        'plugin::editorial-workflow.assign',
        'plugin::editorial-workflow.cache-purge',
        'plugin::editorial-workflow.cache-read',
        'plugin::editorial-workflow.import',
        'plugin::editorial-workflow.read',
        'plugin::editorial-workflow.transition.approve',
        'plugin::editorial-workflow.transition.publish-now',
        'plugin::editorial-workflow.transition.request-changes',
        'plugin::editorial-workflow.transition.retract',
        'plugin::editorial-workflow.transition.submit',
        'plugin::editorial-workflow.transition.unschedule',
      ].sort()
    );
  });
});

describe('separation of duties', () => {
  it('whoever submitted this round may not approve, nor may the creator; someone else may', async () => {
    const created = await app.request
      .post(`/content-manager/collection-types/${ARTICLE}?locale=en`)
      .set(editor.auth)
      .send({ title: 'Editor writes' });
    const documentId = created.body.data.documentId;
    expect((await move(secondEditor, documentId, { transition: 'submit' })).status).toBe(200);

    // Before it is pressed: approve is listed for each of them, blocked with the refusal's words.
    const approveFor = async (who: typeof editor) => {
      const state = await app.request.get(stateUrl(documentId)).set(who.auth);
      expect(state.status).toBe(200);
      expect(state.body.data.allowedTransitions.map((t: any) => t.id)).toEqual([
        'request_changes',
        'approve',
      ]);
      return state.body.data.allowedTransitions[1];
    };
    const bySubmitterWords =
      'Separation of duties: someone else must make "Approve and publish", because you submitted this story for this round';
    expect(await approveFor(secondEditor)).toMatchObject({
      id: 'approve',
      blockedBy: [bySubmitterWords],
    });
    expect((await approveFor(editor)).blockedBy).toEqual([
      'Separation of duties: someone else must make "Approve and publish", because you created this story',
    ]);
    expect((await approveFor(chief)).blockedBy).toBeUndefined();

    // The move itself is refused as before, and changes nothing.
    const before = await snapshot(app, documentId);
    const bySubmitter = await move(secondEditor, documentId, { transition: 'approve' });
    expect(bySubmitter.status).toBe(403);
    expect(bySubmitter.body.data).toBeNull();
    expect(bySubmitter.body.error.name).toBe('ForbiddenError');
    expect(bySubmitter.body.error.message).toBe(bySubmitterWords);
    const byCreator = await move(editor, documentId, { transition: 'approve' });
    expect(byCreator.status).toBe(403);
    expect(byCreator.body.error.name).toBe('ForbiddenError');
    expect(byCreator.body.error.message).toMatch(/because you created this story$/);
    expect(await snapshot(app, documentId)).toEqual(before);

    expect((await move(chief, documentId, { transition: 'approve' })).status).toBe(200);
  });

  it('a new round has a new submitter', async () => {
    const { documentId } = await createStory(app, 'Rounds');
    await move(editor, documentId, { transition: 'submit' });
    await move(factChecker, documentId, { transition: 'request_changes', comment: 'Source?' });
    await move(secondEditor, documentId, { transition: 'submit' });
    expect((await move(editor, documentId, { transition: 'approve' })).status).toBe(200);
  });
});

describe('guards', () => {
  it('every failing quote is listed: unverified, disputed, without speaker', async () => {
    const { documentId } = await authorsStory('Guarded', {
      quotes: [
        { text: '«One»', verification: 'verified' },
        { text: '«Two»', verification: 'disputed', verificationNote: 'The recording differs' },
        { text: '«Three»', verification: 'verified', speaker: false },
      ],
    });
    await move(author, documentId, { transition: 'submit' });
    const res = await move(factChecker, documentId, { transition: 'approve' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([
      'The quote «Two» is disputed: it must be verified.',
      'The quote «Three» has no speaker.',
    ]);
    expect(res.body.error.message).toBe(
      '"Approve and publish" is not possible yet: The quote «Two» is disputed: it must be verified. The quote «Three» has no speaker.'
    );
  });
});

describe('locales are independent', () => {
  it('en is live while ru waits in fact-check', async () => {
    const { documentId } = await createStory(app, 'Talks in Sochi');
    const ru = await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'ru', data: { title: 'Переговоры в Сочи' } });
    expect(ru.slug).toBe('peregovory-v-sochi');
    await giveToAuthor(documentId);
    await move(author, documentId, { transition: 'submit' });
    await move(factChecker, documentId, { transition: 'approve' });
    await move(author, documentId, { transition: 'submit' }, 'ru');

    const en = await app.request.get(stateUrl(documentId, 'en')).set(editor.auth);
    const ruState = await app.request.get(stateUrl(documentId, 'ru')).set(editor.auth);
    expect([en.body.data.stage, en.body.data.live]).toEqual(['published', true]);
    expect([ruState.body.data.stage, ruState.body.data.live]).toEqual(['fact_check', false]);
    expect((await publicStory(app, documentId, 'en')).title).toBe('Talks in Sochi');
    expect(await publicStory(app, documentId, 'ru')).toBeNull();

    const queue = await app.request
      .get('/editorial-workflow/queue?stage=fact_check&locale=ru')
      .set(editor.auth);
    expect(queue.body.data.map((i: any) => [i.documentId, i.locale, i.title])).toContainEqual([
      documentId,
      'ru',
      'Переговоры в Сочи',
    ]);
  });
});

describe('bad input is refused, and changes nothing', () => {
  let documentId: string;
  beforeAll(async () => {
    ({ documentId } = await authorsStory('Bad input target'));
    await move(author, documentId, { transition: 'submit' });
  });

  const CASES: [string, () => any, number, string, string | RegExp][] = [
    [
      'an array body',
      () => move(editor, documentId, []),
      400,
      'ValidationError',
      'The body must be a JSON object',
    ],
    [
      'no transition',
      () => move(editor, documentId, { comment: 'x' }),
      400,
      'ValidationError',
      'transition must be a transition id',
    ],
    [
      'an unknown key',
      () => move(editor, documentId, { transition: 'approve', stage: 'published' }),
      400,
      'ValidationError',
      /^Unknown key "stage"/,
    ],
    [
      'an unknown transition',
      () => move(editor, documentId, { transition: 'publish' }),
      400,
      'ValidationError',
      /^Unknown transition "publish"/,
    ],
    [
      'a missing comment',
      () => move(editor, documentId, { transition: 'request_changes' }),
      400,
      'ValidationError',
      'Say what needs to change: the author sees this comment.',
    ],
    [
      'a comment over 5,000 characters',
      () => move(editor, documentId, { transition: 'request_changes', comment: 'x'.repeat(5001) }),
      400,
      'ValidationError',
      /at most 5000 characters/,
    ],
    [
      'a bad expectedVersion',
      () => move(editor, documentId, { transition: 'approve', expectedVersion: -1 }),
      400,
      'ValidationError',
      /expectedVersion/,
    ],
    [
      'a stale expectedVersion',
      () =>
        move(editor, documentId, {
          transition: 'request_changes',
          comment: 'x',
          expectedVersion: 1,
        }),
      409,
      'ConflictError',
      /changed meanwhile/,
    ],
    [
      'a move from the wrong stage',
      () => move(editor, documentId, { transition: 'submit' }),
      409,
      'ConflictError',
      /starts from draft, but the document is in fact_check/,
    ],
    [
      'an unknown type',
      () =>
        app.request
          .post(`/editorial-workflow/state/api::quote.quote/${documentId}/transition`)
          .set(editor.auth)
          .send({ transition: 'submit' }),
      404,
      'NotFoundError',
      'api::quote.quote is not in the editorial workflow',
    ],
    [
      'an unknown document',
      () => move(editor, 'nosuchdocument0000000000', { transition: 'submit' }),
      404,
      'NotFoundError',
      /^No document nosuchdocument/,
    ],
    [
      'an unknown locale',
      () => move(editor, documentId, { transition: 'submit' }, 'xx'),
      404,
      'NotFoundError',
      'Unknown locale "xx"',
    ],
    [
      'a locale the document lacks',
      () => move(editor, documentId, { transition: 'submit' }, 'ru'),
      404,
      'NotFoundError',
      /has no ru version/,
    ],
    [
      'no token',
      () => app.request.post(transitionUrl(documentId)).send({ transition: 'approve' }),
      401,
      'UnauthorizedError',
      /.*/,
    ],
    [
      'a reader’s token',
      async () =>
        app.request
          .post(transitionUrl(documentId))
          .set((await createReader(app)).auth)
          .send({ transition: 'approve' }),
      401,
      'UnauthorizedError',
      /.*/,
    ],
  ];

  it.each(CASES)('%s', async (_name, send, status, name, message) => {
    const before = await snapshot(app, documentId);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe(name);
    if (typeof message === 'string') expect(res.body.error.message).toBe(message);
    else expect(res.body.error.message).toMatch(message);
    expect(await snapshot(app, documentId)).toEqual(before);
  });

  it.each([
    ['/editorial-workflow/queue?page=0', 'page must be a positive integer'],
    ['/editorial-workflow/queue?pageSize=101', 'pageSize must be at most 100'],
    [
      '/editorial-workflow/queue?stage=limbo',
      'Unknown stage "limbo" (known: draft, fact_check, scheduled, published)',
    ],
    [
      '/editorial-workflow/queue?uid=api::quote.quote',
      'api::quote.quote is not in the editorial workflow',
    ],
  ])('GET %s → 400', async (url, message) => {
    const res = await app.request.get(url).set(editor.auth);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
  });

  it('reading state or the queue without the read permission is 403, naming the permission', async () => {
    await app.strapi
      .service('admin::role')
      .create({ name: 'Outsider', description: 'no workflow rights' });
    const user = await createAdmin(app, 'Outsider');
    for (const url of [stateUrl(documentId), '/editorial-workflow/queue']) {
      const res = await app.request.get(url).set(user.auth);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'ForbiddenError',
        message:
          'You may not read the editorial workflow (permission plugin::editorial-workflow.read)',
      });
    }
  });
});

describe('the record is permanent', () => {
  it('no route edits or deletes history, and code cannot either', async () => {
    const { documentId } = await authorsStory('Permanent');
    await move(author, documentId, { transition: 'submit' });
    for (const [method, url] of [
      ['put', `/editorial-workflow/history/${documentId}`],
      ['delete', `/editorial-workflow/history/${documentId}`],
      ['delete', stateUrl(documentId)],
      ['put', stateUrl(documentId)],
    ] as const) {
      const res = await app.request[method](url).set(chief.auth).send({});
      expect([404, 405]).toContain(res.status);
    }
    const entry = await app.strapi.db
      .query('plugin::editorial-workflow.workflow-history')
      .findOne({ where: { targetDocumentId: documentId } });
    await expect(
      app.strapi
        .documents('plugin::editorial-workflow.workflow-history')
        .delete({ documentId: entry.documentId })
    ).rejects.toThrow('The editorial workflow history and states cannot be changed directly');
    await expect(
      app.strapi
        .documents('plugin::editorial-workflow.workflow-history')
        .update({ documentId: entry.documentId, data: { comment: 'rewritten' } })
    ).rejects.toThrow('cannot be changed directly');
    expect((await snapshot(app, documentId)).history).toBe(1);
  });

  it('deleting a document keeps its history', async () => {
    const { documentId } = await authorsStory('Spiked');
    await move(author, documentId, { transition: 'submit' });
    await move(factChecker, documentId, { transition: 'request_changes', comment: 'Not a story' });
    const res = await app.request
      .delete(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`)
      .set(chief.auth);
    expect(res.status).toBe(200);
    expect(await snapshot(app, documentId)).toEqual({ states: [], history: 2, published: 0 });
  });
});

describe('the content API, for API tokens', () => {
  const PERMISSIONS = [
    'plugin::editorial-workflow.state.findOne',
    'plugin::editorial-workflow.state.transition',
    'plugin::editorial-workflow.queue.find',
  ];

  it('a token with the permissions reads, moves (recorded as the token) and lists the queue', async () => {
    const { token, auth } = await createApiToken(app, 'custom', PERMISSIONS);
    const { documentId } = await createStory(app, 'By token');
    const res = await app.request
      .post(`/api/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=en`)
      .set(auth)
      .send({ transition: 'submit' });
    expect(res.status).toBe(200);
    expect(res.body.data.history[0].actor).toEqual({
      type: 'api-token',
      id: token.id,
      name: token.name,
    });
    const state = await app.request
      .get(`/api/editorial-workflow/state/${ARTICLE}/${documentId}?locale=en`)
      .set(auth);
    expect(state.body.data.stage).toBe('fact_check');
    const queue = await app.request
      .get('/api/editorial-workflow/queue?stage=fact_check&pageSize=100')
      .set(auth);
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((i: any) => i.documentId)).toContain(documentId);
  });

  it('a token without them, a reader and the public are refused', async () => {
    const { documentId } = await createStory(app, 'Not by token');
    const { auth } = await createApiToken(app, 'read-only');
    const url = `/api/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=en`;
    const readOnly = await app.request.post(url).set(auth).send({ transition: 'submit' });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.name).toBe('ForbiddenError');
    const reader = await app.request
      .post(url)
      .set((await createReader(app)).auth)
      .send({ transition: 'submit' });
    expect(reader.status).toBe(401);
    for (const path of [
      url,
      `/api/editorial-workflow/state/${ARTICLE}/${documentId}`,
      '/api/editorial-workflow/queue',
    ]) {
      const anonymous =
        path === url
          ? await app.request.post(path).send({ transition: 'submit' })
          : await app.request.get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.name).toBe('UnauthorizedError');
    }
    expect((await snapshot(app, documentId)).history).toBe(0);
  });
});
