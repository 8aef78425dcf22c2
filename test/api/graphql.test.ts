// GraphQL (/graphql) with the REST content API's guarantees: readers see published stories with
// their quotes, people and sources, and nothing unpublished at any depth or through any argument;
// token mutations write drafts only; the workflow's state and moves are open to API tokens with its
// permissions; a bad argument is a clear GraphQL error, never INTERNAL_SERVER_ERROR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import {
  createAdmin,
  createApiToken,
  createReader,
  publishThroughWorkflow,
} from '../helpers/identities';
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../../src/content/types';

const SECRET = 'EMBARGOED';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

type Auth = Record<string, string>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const ids: Record<string, string> = {};
let coverId: number;
const auths: Record<string, Auth> = {};

const docs = (uid: string) => app.strapi.documents(uid);
const gql = (query: string, variables: Record<string, unknown> = {}, auth: Auth = {}) =>
  app.request.post('/graphql').set(auth).send({ query, variables });

/** Every answer of this file: never an internal error, whatever it says. */
const body = (res: any) => {
  expect(JSON.stringify(res.body)).not.toContain('INTERNAL_SERVER_ERROR');
  return res.body;
};
/** A resolver refused the operation with a Strapi error (HTTP 200, GraphQL `errors`), nothing else. */
const expectRefused = (res: any, code: string, message: RegExp) => {
  const { errors, data } = body(res);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(errors?.length, JSON.stringify(res.body)).toBeGreaterThan(0);
  expect(errors[0].extensions.code).toBe(code);
  expect(errors[0].message).toMatch(message);
  expect(JSON.stringify(data ?? null)).not.toContain(SECRET);
  return errors[0];
};
/** Refused by GraphQL validation (HTTP 400) before any resolver ran. */
const expectInvalid = (res: any, message: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(body(res).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.body.errors[0].message).toMatch(message);
};
const expectData = (res: any) => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(body(res).errors, JSON.stringify(res.body)).toBeUndefined();
  return res.body.data;
};

/** Every published row of the newsroom's D&P types with its links, as stored: what readers are served. */
const publishedRows = async () => {
  const links: Record<string, string[]> = {
    [ARTICLE]: ['cover', 'quotes', 'people', 'sources'],
    [QUOTE]: ['speaker', 'source', 'article'],
  };
  const rows: Record<string, unknown[]> = {};
  for (const [uid, populate] of Object.entries(links)) {
    const found = await app.strapi.db.query(uid).findMany({
      where: { publishedAt: { $notNull: true } },
      orderBy: { id: 'asc' },
      populate,
    });
    // Link lists in id order: PostgreSQL returns them in no particular order.
    rows[uid] = found.map((row: any) => {
      for (const field of populate)
        if (Array.isArray(row[field])) row[field].sort((a: any, b: any) => a.id - b.id);
      return row;
    });
  }
  return rows;
};
const counts = () =>
  Promise.all([ARTICLE, QUOTE, PERSON, SOURCE].map((uid) => app.strapi.db.query(uid).count()));

beforeAll(async () => {
  app = await startTestApp();
  const chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
  const uploaded = await app.request.post('/upload').set(chief.auth).attach('files', PNG, 'c.png');
  expect(uploaded.status).toBe(201);
  coverId = uploaded.body[0].id;

  const speaker = await docs(PERSON).create({ data: { name: 'Michelle Bachelet', country: 'CL' } });
  const other = await docs(PERSON).create({ data: { name: 'Svetlana Tikhanovskaya' } });
  const source = await docs(SOURCE).create({
    data: { name: 'UN Human Rights Council', type: 'official' },
  });
  const live = await docs(ARTICLE).create({
    data: {
      title: 'Lukashenko and Putin: negotiations amid protests',
      people: [speaker.documentId],
      sources: [source.documentId],
      cover: coverId,
    },
  });
  const quote = await docs(QUOTE).create({
    data: {
      text: '«All reports of torture must be documented.»',
      verification: 'verified',
      speaker: speaker.documentId,
      source: source.documentId,
      article: live.documentId,
    },
  });
  await publishThroughWorkflow(app, live.documentId);
  // Unpublished edits of the live story and its quote.
  await docs(ARTICLE).update({
    documentId: live.documentId,
    data: { standfirst: `${SECRET} standfirst edit` },
  });
  await docs(QUOTE).update({
    documentId: quote.documentId,
    data: { context: `${SECRET} context edit` },
  });
  // A story never published, with the same people, source and cover.
  const draft = await docs(ARTICLE).create({
    data: {
      title: `${SECRET} draft story`,
      people: [other.documentId, speaker.documentId],
      sources: [source.documentId],
      cover: coverId,
    },
  });
  const draftQuote = await docs(QUOTE).create({
    data: {
      text: `${SECRET} draft quote`,
      verification: 'verified',
      speaker: speaker.documentId,
      source: source.documentId,
      article: draft.documentId,
    },
  });
  Object.assign(ids, {
    speaker: speaker.documentId,
    other: other.documentId,
    source: source.documentId,
    live: live.documentId,
    liveQuote: quote.documentId,
    draft: draft.documentId,
    draftQuote: draftQuote.documentId,
  });

  // Logged-in end users may read the four types, as the public may.
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  for (const uid of [ARTICLE, QUOTE, PERSON, SOURCE]) {
    for (const action of ['find', 'findOne']) {
      await app.strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: `${uid}.${action}`, role: role.id } });
    }
  }
  auths.public = {};
  auths.reader = (await createReader(app)).auth;
  auths.readOnly = (await createApiToken(app, 'read-only')).auth;
  auths.full = (await createApiToken(app, 'full-access')).auth;
  auths.second = (await createApiToken(app, 'full-access')).auth;
  auths.stateOnly = (
    await createApiToken(app, 'custom', ['plugin::editorial-workflow.state.findOne'])
  ).auth;
  auths.writer = (
    await createApiToken(app, 'custom', [
      `${ARTICLE}.find`,
      `${ARTICLE}.create`,
      `${ARTICLE}.update`,
      `${QUOTE}.create`,
      `${QUOTE}.update`,
      `${PERSON}.update`,
      'plugin::upload.content-api.upload',
    ])
  ).auth;
});

afterAll(async () => {
  await app?.stop();
});

const STORY = `{
  articles(filters: { title: { startsWith: "Lukashenko" } }) {
    documentId title standfirst cover { url alternativeText }
    quotes { text context verification verifiedBy speaker { name } source { name } }
    people { name } sources { name reliability }
  }
}`;

describe('the public reads published stories', () => {
  it('with quotes, speakers, sources and people', async () => {
    const { articles } = expectData(await gql(STORY));
    expect(articles).toHaveLength(1);
    const [story] = articles;
    expect(story.title).toBe('Lukashenko and Putin: negotiations amid protests');
    expect(story.standfirst).toBeNull(); // the unpublished edit stays out
    expect(story.cover.url).toMatch(/\.png$/);
    expect(story.quotes).toEqual([
      {
        text: '«All reports of torture must be documented.»',
        context: null,
        verification: 'verified',
        verifiedBy: 'system',
        speaker: { name: 'Michelle Bachelet' },
        source: { name: 'UN Human Rights Council' },
      },
    ]);
    expect(story.people).toEqual([{ name: 'Michelle Bachelet' }]);
    expect(story.sources).toEqual([{ name: 'UN Human Rights Council', reliability: 'F' }]);
  });

  it('by documentId, and as a connection with its page info', async () => {
    const one = expectData(
      await gql('query($id: ID!) { article(documentId: $id) { title quotes { text } } }', {
        id: ids.live,
      })
    );
    expect(one.article.quotes).toHaveLength(1);
    const list = expectData(
      await gql('{ articles_connection { nodes { documentId } pageInfo { total pageSize } } }')
    );
    expect(list.articles_connection.nodes).toEqual([{ documentId: ids.live }]);
    expect(list.articles_connection.pageInfo).toEqual({ total: 1, pageSize: 25 });
  });

  it('people and sources list only published quotes and stories', async () => {
    const { people } = expectData(
      await gql('{ people(sort: "name") { name quotes { text } articles { title } } }')
    );
    expect(people).toEqual([
      {
        name: 'Michelle Bachelet',
        quotes: [{ text: '«All reports of torture must be documented.»' }],
        articles: [{ title: 'Lukashenko and Putin: negotiations amid protests' }],
      },
      { name: 'Svetlana Tikhanovskaya', quotes: [], articles: [] },
    ]);
  });
});

// Readers: the public and logged-in end users. API tokens may preview drafts, as in REST.
describe.each(['public', 'reader'])('nothing unpublished reaches %s', (who) => {
  const auth = () => auths[who];

  it.each([
    ['status: DRAFT', '{ articles(status: DRAFT) { title } }', /`status: DRAFT`.*API tokens/],
    [
      'status: DRAFT on a type without drafts (nested lists inherit it)',
      '{ people(status: DRAFT) { name quotes { text } articles { title } } }',
      /`status: DRAFT`/,
    ],
    [
      'status: DRAFT on a single document',
      `{ article(documentId: "DRAFT_ID", status: DRAFT) { title } }`,
      /`status: DRAFT`/,
    ],
    [
      'status: DRAFT on a connection',
      '{ sources_connection(status: DRAFT) { nodes { articles { title } } } }',
      /`status: DRAFT`/,
    ],
    [
      'publicationFilter',
      '{ people(publicationFilter: NEVER_PUBLISHED_DOCUMENT) { quotes { text } } }',
      /`publicationFilter`/,
    ],
    [
      'hasPublishedVersion',
      '{ articles(hasPublishedVersion: false) { title } }',
      /`hasPublishedVersion`/,
    ],
    [
      'a sort through a relation (joins draft rows)',
      '{ people(sort: ["quotes.text:desc"]) { name } }',
      /may name only this type's own fields \(quotes\.text/,
    ],
    [
      'a nested sort through a relation',
      '{ articles { quotes(sort: "speaker.name") { text } } }',
      /Article\.quotes: .*nested list may name only/,
    ],
    [
      'the media file`s polymorphic related',
      '{ articles { cover { related { ... on Article { title } } } } }',
      /UploadFile\.related.*unpublished/,
    ],
    [
      'related through the upload file query',
      '{ uploadFiles { related { ... on Article { title } } } }',
      /UploadFile\.related/,
    ],
  ])('refused: %s', async (_name, query, message) => {
    const res = await gql(query.replace('DRAFT_ID', ids.draft), {}, auth());
    const error = expectRefused(
      res,
      /uploadFiles/.test(query) ? 'FORBIDDEN' : 'BAD_USER_INPUT',
      /./
    );
    // The public role cannot list files at all; where it can reach a file, `related` is refused.
    if (error.extensions.code === 'BAD_USER_INPUT') {
      expect(error.message).toMatch(message);
      expect(error.extensions.error.name).toBe('ValidationError');
    }
  });

  it.each([
    ['a never-published story by documentId', `{ article(documentId: "DRAFT_ID") { title } }`],
    ['a never-published quote by documentId', `{ quote(documentId: "QUOTE_ID") { text } }`],
    [
      'filters on draft text',
      `{ articles(filters: { title: { contains: "${SECRET}" } }) { title } }`,
    ],
    [
      'filters through relations to draft rows',
      `{ people(filters: { quotes: { text: { contains: "${SECRET}" } } }) { name } }`,
    ],
    [
      'filters from a reference type to draft stories',
      `{ sources(filters: { articles: { title: { contains: "${SECRET}" } } }) { name } }`,
    ],
    [
      'nested filters through relations to draft rows',
      `{ articles { people(filters: { quotes: { text: { contains: "${SECRET}" } } }) { name } } }`,
    ],
    [
      'nested filters in or/not',
      `{ articles { people(filters: { or: [{ quotes: { context: { contains: "${SECRET}" } } }, { name: { eq: "nobody" } }] }) { name } } }`,
    ],
    [
      'a round trip through reference data',
      '{ people { quotes { text context article { title standfirst quotes { text } } } articles { title people { articles { title } } } } }',
    ],
    [
      'sources back to their stories',
      '{ sources { articles { title quotes { text speaker { quotes { text } } } } } }',
    ],
    [
      'quotes of every kind',
      '{ quotes(pagination: { limit: 100 }) { text context article { title } } }',
    ],
    ['localizations', '{ articles { localizations { title standfirst } } }'],
  ])('answered without a draft: %s', async (_name, query) => {
    const res = await gql(
      query.replace('DRAFT_ID', ids.draft).replace('QUOTE_ID', ids.draftQuote),
      {},
      auth()
    );
    const data = expectData(res);
    expect(JSON.stringify(data)).not.toContain(SECRET);
  });

  it('draft probes through filters find nothing', async () => {
    for (const query of [
      `{ people(filters: { quotes: { text: { contains: "${SECRET}" } } }) { name } }`,
      `{ articles { people(filters: { quotes: { text: { contains: "${SECRET}" } } }) { name } } }`,
    ]) {
      const data = expectData(await gql(query, {}, auth()));
      expect(JSON.stringify(data)).not.toContain('Bachelet');
    }
  });

  it.each([
    ['verifiedByActor', '{ quotes { verifiedByActor } }', /verifiedByActor/],
    ['the workflow stage copy', '{ articles { editorialStage } }', /editorialStage/],
    ['the workflow assignee copy', '{ articles { editorialAssignee } }', /editorialAssignee/],
    [
      'workflow records',
      '{ editorialWorkflowWorkflowNotes { body } }',
      /editorialWorkflowWorkflowNotes/,
    ],
    [
      'a private field in a filter',
      '{ quotes(filters: { verifiedByActor: { null: true } }) { text } }',
      /verifiedByActor/,
    ],
  ])('private: %s is not in the schema', async (_name, query, message) => {
    expectInvalid(await gql(query, {}, auth()), message);
  });

  it('writes nothing', async () => {
    const [before, rows] = [await counts(), await publishedRows()];
    for (const mutation of [
      'mutation { createArticle(status: DRAFT, data: { title: "x" }) { documentId } }',
      `mutation { updateArticle(documentId: "${ids.live}", status: DRAFT, data: { title: "x" }) { documentId } }`,
      `mutation { deleteArticle(documentId: "${ids.draft}") { documentId } }`,
      `mutation { updateQuote(documentId: "${ids.liveQuote}", status: DRAFT, data: { text: "x" }) { documentId } }`,
      `mutation { updatePerson(documentId: "${ids.speaker}", data: { name: "x" }) { documentId } }`,
      `mutation { createSource(data: { name: "x" }) { documentId } }`,
      `mutation { updateUploadFile(id: ${coverId}, info: { alternativeText: "x" }) { name } }`,
      `mutation { editorialTransition(uid: "${ARTICLE}", documentId: "${ids.draft}", transition: "submit") { stage } }`,
    ]) {
      expectRefused(await gql(mutation, {}, auth()), 'FORBIDDEN', /Forbidden/);
    }
    expect(await counts()).toEqual(before);
    expect(await publishedRows()).toEqual(rows);
  });

  it('cannot see the workflow state', async () => {
    expectRefused(
      await gql(
        `{ editorialState(uid: "${ARTICLE}", documentId: "${ids.live}") { stage } }`,
        {},
        auth()
      ),
      'FORBIDDEN',
      /Forbidden/
    );
  });
});

describe('a read-only token', () => {
  it('previews drafts, as in REST (status: DRAFT)', async () => {
    const data = expectData(
      await gql('{ articles(status: DRAFT) { title quotes { text } } }', {}, auths.readOnly)
    );
    expect(data.articles.map((a: any) => a.title)).toContain(`${SECRET} draft story`);
  });

  it('reads published rows by default, nested lists included', async () => {
    const data = expectData(
      await gql('{ people { quotes { text context } articles { title } } }', {}, auths.readOnly)
    );
    expect(JSON.stringify(data)).not.toContain(SECRET);
  });

  it('has no private fields either', async () => {
    expectInvalid(
      await gql('{ quotes { verifiedByActor } }', {}, auths.readOnly),
      /verifiedByActor/
    );
    expectInvalid(
      await gql('{ editorialWorkflowWorkflowStates { stage } }', {}, auths.readOnly),
      /editorialWorkflowWorkflowStates/
    );
  });

  it('writes nothing', async () => {
    const [before, rows] = [await counts(), await publishedRows()];
    expectRefused(
      await gql(
        'mutation { createArticle(status: DRAFT, data: { title: "x" }) { documentId } }',
        {},
        auths.readOnly
      ),
      'FORBIDDEN',
      /Forbidden/
    );
    expectRefused(
      await gql(
        `mutation { editorialTransition(uid: "${ARTICLE}", documentId: "${ids.draft}", transition: "submit") { stage } }`,
        {},
        auths.readOnly
      ),
      'FORBIDDEN',
      /Forbidden/
    );
    expect(await counts()).toEqual(before);
    expect(await publishedRows()).toEqual(rows);
  });
});

describe('bad arguments are clear errors for everybody', () => {
  it.each(['public', 'reader', 'readOnly', 'full'])('%s', async (who) => {
    for (const [query, message] of [
      [
        '{ articles(filters: { title: { between: ["a"] } }) { title } }',
        /takes exactly two values/,
      ],
      ['{ people(filters: { aliases: { contains: "x" } }) { name } }', /json field can only/],
      [
        '{ quotes(filters: { saidAt: { contains: "2020-01-01" } }) { text } }',
        /applies to text fields only/,
      ],
      [
        '{ articles(pagination: { page: 0 }) { title } }',
        /`pagination\.page` must be a whole number/,
      ],
      [
        '{ articles { quotes(pagination: { pageSize: 0 }) { text } } }',
        /Article\.quotes: `pagination\.pageSize`/,
      ],
      ['{ articles(sort: "title:sideways") { title } }', /Invalid order/],
      ['{ articles(sort: "nope") { title } }', /Invalid key nope/],
      [
        '{ articles { people(filters: { articles: { title: { between: ["a"] } } }) { name } } }',
        /Article\.people: .*takes exactly two values/,
      ],
    ] as const) {
      const error = expectRefused(await gql(query, {}, auths[who]), 'BAD_USER_INPUT', message);
      expect(error.extensions.error.name).toBe('ValidationError');
    }
  });

  it('an unknown locale or field is a validation failure (400)', async () => {
    expectInvalid(await gql('{ articles(locale: "xx") { title } }'), /Unknown locale/);
    expectInvalid(await gql('{ articles { nope } }'), /Cannot query field "nope"/);
  });

  it('limits: depth 7, at most 100 rows a list', async () => {
    expectInvalid(
      await gql(
        '{ articles { quotes { speaker { quotes { article { quotes { speaker { quotes { text } } } } } } } } }'
      ),
      /exceeds maximum operation depth of 7/
    );
    const data = expectData(
      await gql('{ articles_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }')
    );
    expect(data.articles_connection.pageInfo.pageSize).toBe(100);
  });
});

describe('token mutations obey the publish gate', () => {
  it('write drafts only; nothing published changes', async () => {
    const rows = await publishedRows();
    const publicStory = JSON.stringify(expectData(await gql(STORY)));

    // Publishing on create or update is refused (the default status is PUBLISHED).
    for (const mutation of [
      'mutation { createArticle(data: { title: "Published at once?" }) { documentId } }',
      `mutation { updateArticle(documentId: "${ids.live}", data: { title: "Rewritten live" }) { documentId } }`,
      `mutation { updateArticle(documentId: "${ids.live}", status: PUBLISHED, data: { title: "Rewritten live" }) { documentId } }`,
      `mutation { updateQuote(documentId: "${ids.liveQuote}", data: { text: "Rewritten quote" }) { documentId } }`,
      `mutation { createQuote(data: { text: "New live quote", article: "${ids.live}" }) { documentId } }`,
    ]) {
      expectRefused(
        await gql(mutation, {}, auths.writer),
        'STRAPI_FORBIDDEN_ERROR',
        /published and unpublished only through the editorial workflow/
      );
    }
    // A live story is not deleted past the workflow.
    expectRefused(
      await gql(
        `mutation { deleteArticle(documentId: "${ids.live}") { documentId } }`,
        {},
        auths.full
      ),
      'STRAPI_FORBIDDEN_ERROR',
      /live: retract it through the editorial workflow/
    );
    // Links are made from the story and the quote, never from reference data.
    expectRefused(
      await gql(
        `mutation { updatePerson(documentId: "${ids.other}", data: { quotes: ["${ids.liveQuote}"] }) { documentId } }`,
        {},
        auths.full
      ),
      'BAD_USER_INPUT',
      /quotes cannot be changed from here/
    );

    // Drafts are written.
    const created = expectData(
      await gql(
        'mutation($data: ArticleInput!) { createArticle(status: DRAFT, data: $data) { documentId title publishedAt } }',
        { data: { title: 'A new draft from GraphQL', people: [ids.speaker] } },
        auths.writer
      )
    ).createArticle;
    expect(created).toMatchObject({ title: 'A new draft from GraphQL', publishedAt: null });
    const edited = expectData(
      await gql(
        `mutation { updateArticle(documentId: "${ids.live}", status: DRAFT, data: { title: "Draft title of the live story" }) { title publishedAt } }`,
        {},
        auths.writer
      )
    ).updateArticle;
    expect(edited).toEqual({ title: 'Draft title of the live story', publishedAt: null });
    const quote = expectData(
      await gql(
        `mutation { createQuote(status: DRAFT, data: { text: "A new draft quote", article: "${ids.live}", speaker: "${ids.speaker}" }) { documentId publishedAt } }`,
        {},
        auths.writer
      )
    ).createQuote;
    expect(quote.publishedAt).toBeNull();

    // Readers see exactly what they saw; the published rows are untouched.
    expect(JSON.stringify(expectData(await gql(STORY)))).toBe(publicStory);
    expect(await publishedRows()).toEqual(rows);
    const rest = await app.request.get(`/api/articles/${ids.live}`);
    expect(rest.body.data.title).toBe('Lukashenko and Putin: negotiations amid protests');
    // The working copy went back to draft: the edit must be checked again.
    const state = expectData(
      await gql(
        `{ editorialState(uid: "${ARTICLE}", documentId: "${ids.live}", locale: "en") { stage live } }`,
        {},
        auths.full
      )
    ).editorialState;
    expect(state).toEqual({ stage: 'draft', live: true });
  });

  it('a file a live story shows is changed only by those who may approve, deleted by nobody', async () => {
    const file = () =>
      app.strapi.db.query('plugin::upload.file').findOne({ where: { id: coverId } });
    const before = await file();
    expectRefused(
      await gql(
        `mutation { updateUploadFile(id: ${coverId}, info: { alternativeText: "changed" }) { name } }`,
        {},
        auths.writer
      ),
      'STRAPI_FORBIDDEN_ERROR',
      /shown by live stories .*only those who may approve/
    );
    expectRefused(
      await gql(`mutation { deleteUploadFile(id: ${coverId}) { name } }`, {}, auths.full),
      'STRAPI_CONFLICT_ERROR',
      /shown by live stories/
    );
    expect(await file()).toEqual(before);
  });
});

describe('the workflow for API tokens', () => {
  const STATE = `query($id: ID!, $locale: String) {
    editorialState(uid: "${ARTICLE}", documentId: $id, locale: $locale) {
      uid documentId locale stage version live
      allowedTransitions { id name to requireComment blockedBy }
      history { transition from to actor { type name } comment }
    }
  }`;
  const MOVE = `mutation($id: ID!, $transition: String!, $comment: String, $publishAt: String) {
    editorialTransition(uid: "${ARTICLE}", documentId: $id, locale: "en", transition: $transition, comment: $comment, publishAt: $publishAt) {
      stage version live history { transition actor { type name } comment }
    }
  }`;

  it('state: stage and the moves this token may make', async () => {
    for (const who of ['stateOnly', 'readOnly', 'full']) {
      const { editorialState } = expectData(
        await gql(STATE, { id: ids.draft, locale: 'en' }, auths[who])
      );
      expect(editorialState).toMatchObject({
        uid: ARTICLE,
        documentId: ids.draft,
        locale: 'en',
        stage: 'draft',
        live: false,
      });
      expect(editorialState.allowedTransitions.map((t: any) => t.id)).toEqual(['submit']);
    }
  });

  it('a move without the transition permission is refused and changes nothing', async () => {
    for (const who of ['stateOnly', 'readOnly', 'writer']) {
      expectRefused(
        await gql(MOVE, { id: ids.draft, transition: 'submit' }, auths[who]),
        'FORBIDDEN',
        /Forbidden/
      );
    }
    const { editorialState } = expectData(await gql(STATE, { id: ids.draft }, auths.full));
    expect(editorialState.stage).toBe('draft');
  });

  it('bad moves are clear errors', async () => {
    expectRefused(
      await gql(MOVE, { id: ids.draft, transition: 'teleport' }, auths.full),
      'BAD_USER_INPUT',
      /Unknown transition "teleport"/
    );
    expectRefused(
      await gql(MOVE, { id: ids.draft, transition: 'approve' }, auths.full),
      'STRAPI_CONFLICT_ERROR',
      /./
    );
    expectRefused(
      await gql(MOVE, { id: 'no-such-document', transition: 'submit' }, auths.full),
      'STRAPI_NOT_FOUND_ERROR',
      /No document no-such-document/
    );
    expectRefused(
      await gql(
        `mutation { editorialTransition(uid: "${PERSON}", documentId: "${ids.speaker}", transition: "submit") { stage } }`,
        {},
        auths.full
      ),
      'STRAPI_NOT_FOUND_ERROR',
      /not in the editorial workflow/
    );
    expectRefused(
      await gql(STATE, { id: ids.draft, locale: 'zz' }, auths.full),
      'STRAPI_NOT_FOUND_ERROR',
      /Unknown locale "zz"/
    );
    expectRefused(
      await gql(MOVE, { id: ids.draft, transition: 'submit', publishAt: 'tomorrow' }, auths.full),
      'BAD_USER_INPUT',
      /publishAt/
    );
    const missing = await gql(MOVE, { id: ids.draft }, auths.full);
    expect(missing.status).toBe(400);
    expect(body(missing).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.body.errors[0].message).toMatch(/\$transition/);
  });

  it('submit, request changes (comment required), submit, approve with an embargo by another token: readers see it at its time', async () => {
    const move = (who: string, transition: string, comment?: string, publishAt?: string) =>
      gql(MOVE, { id: ids.draft, transition, comment, publishAt }, auths[who]);
    expect(expectData(await move('full', 'submit')).editorialTransition.stage).toBe('fact_check');
    expectRefused(await move('second', 'request_changes'), 'BAD_USER_INPUT', /./);
    const back = expectData(await move('second', 'request_changes', 'Source the second claim'));
    expect(back.editorialTransition.history[0]).toMatchObject({
      transition: 'request_changes',
      actor: { type: 'api-token' },
      comment: 'Source the second claim',
    });
    expectData(await move('full', 'submit'));
    // Separation of duties holds between tokens: the one that submitted does not approve.
    expectRefused(await move('full', 'approve'), 'STRAPI_FORBIDDEN_ERROR', /./);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = expectData(
      await move('second', 'approve', undefined, inAnHour)
    ).editorialTransition;
    expect(scheduled).toMatchObject({ stage: 'scheduled', live: false });
    expect(
      expectData(await gql(`{ article(documentId: "${ids.draft}") { title } }`)).article
    ).toBeNull();

    const ran = await app.strapi
      .plugin('editorial-workflow')
      .service('scheduler')
      .run(new Date(Date.now() + 2 * 3_600_000));
    expect(ran.published).toBe(1);
    const { editorialState } = expectData(await gql(STATE, { id: ids.draft }, auths.full));
    expect(editorialState).toMatchObject({ stage: 'published', live: true });

    const { article } = expectData(
      await gql(`{ article(documentId: "${ids.draft}") { title quotes { text } } }`)
    );
    expect(article).toEqual({
      title: `${SECRET} draft story`,
      quotes: [{ text: `${SECRET} draft quote` }],
    });
  });
});

describe('the response cache', () => {
  it('does not store GraphQL answers, and REST answers still follow GraphQL writes', async () => {
    const person = await docs(PERSON).create({ data: { name: 'Ales Bialiatski' } });
    const first = await app.request.get('/api/people?sort=name');
    const second = await app.request.get('/api/people?sort=name');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(first.body.data.map((p: any) => p.name)).toContain('Ales Bialiatski');

    for (const res of [
      await gql('{ people { name } }'),
      await app.request
        .get('/graphql')
        .set('apollo-require-preflight', 'true')
        .query({ query: '{ people { name } }' }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    }

    // A person no live story shows: a token may rename them, and the REST answer changes at once.
    expectData(
      await gql(
        `mutation { updatePerson(documentId: "${person.documentId}", data: { name: "Ales Bialiatsky" }) { name } }`,
        {},
        auths.full
      )
    );
    const after = await app.request.get('/api/people?sort=name');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.map((p: any) => p.name)).toContain('Ales Bialiatsky');
  });
});
