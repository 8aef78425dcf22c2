'use strict';
// Benchmark worker: one Strapi in its own process (forked by bench.mjs), so the load generator never
// shares its event loop. Configured by env (database, EDITORIAL_WORKFLOW_ENABLED, secrets), listens on
// 127.0.0.1:<free port>, then answers commands from the parent over IPC: seed, admin, queue-states,
// stats (CPU, memory, response-cache counters), retitle, stop.
const crypto = require('node:crypto');
const path = require('node:path');

const APP_DIR = path.resolve(__dirname, '..', '..');
const DIST_DIR = process.env.BENCH_DIST_DIR || path.join(APP_DIR, 'dist');

const ARTICLE = 'api::article.article';
const QUOTE = 'api::quote.quote';
const PERSON = 'api::person.person';
const SOURCE = 'api::source.source';
const STATE_TABLE = 'editorial_workflow_states';
const WRITER = { type: 'system', id: null, name: 'bench writer' };
const CHECKER = { type: 'system', id: null, name: 'bench checker' };
const LOCALE = 'en';

let strapi;
const workflowEnabled = () => Boolean(strapi.plugin('editorial-workflow'));

const paragraph = (i, n) => ({
  type: 'paragraph',
  children: [
    {
      type: 'text',
      text:
        `Paragraph ${n} of bench story ${i}. ` +
        'Officials met on Tuesday to discuss the terms of the agreement, according to people familiar with the talks, ' +
        'who spoke on condition of anonymity because the negotiations were not public.',
    },
  ],
});

/** People, sources, then `stories` articles of three verified quotes each, all published. */
const seed = async ({ stories, drafts }) => {
  const started = Date.now();
  // Setup only: no fsync per commit while seeding SQLite (this connection closes before the reads).
  if (strapi.db.dialect.client === 'sqlite' && process.env.BENCH_SEED_SYNC !== '1') {
    await strapi.db.connection.raw('PRAGMA synchronous = OFF');
  }
  const people = [];
  for (let i = 0; i < 30; i += 1) {
    people.push(
      (
        await strapi
          .documents(PERSON)
          .create({ data: { name: `Bench Person ${i}`, role: 'Official', country: 'BY' } })
      ).documentId
    );
  }
  const sources = [];
  for (let i = 0; i < 10; i += 1) {
    sources.push(
      (
        await strapi
          .documents(SOURCE)
          .create({ data: { name: `Bench Source ${i}`, type: 'news_agency', reliability: 'B' } })
      ).documentId
    );
  }
  const workflow = workflowEnabled()
    ? strapi.plugin('editorial-workflow').service('workflow')
    : null;
  const anyMove = () => true;

  const createStory = async (i, title) => {
    const article = await strapi.documents(ARTICLE).create({
      locale: LOCALE,
      data: {
        title,
        standfirst: `Standfirst of bench story ${i}: what happened, in one sentence a reader can take in at a glance.`,
        dateline: 'MINSK',
        byline: 'Bench Reporter',
        section: 'World',
        body: [paragraph(i, 1), paragraph(i, 2), paragraph(i, 3), paragraph(i, 4)],
        people: [people[i % people.length], people[(i + 1) % people.length]],
        sources: [sources[i % sources.length]],
      },
    });
    const quoteIds = [];
    for (let q = 0; q < 3; q += 1) {
      const quote = await strapi.documents(QUOTE).create({
        locale: LOCALE,
        data: {
          text: `Quote ${q + 1} of bench story ${i}: "We have agreed on the main points and will keep talking."`,
          context: 'Press conference',
          originalLanguage: 'en',
          verification: 'verified',
          speaker: people[(i + q) % people.length],
          source: sources[(i + q) % sources.length],
          article: { connect: [{ documentId: article.documentId, locale: LOCALE }] },
        },
      });
      quoteIds.push(quote.documentId);
    }
    return { documentId: article.documentId, quoteIds };
  };

  const published = [];
  const times = { create: 0, publish: 0 };
  for (let i = 0; i < stories; i += 1) {
    const t0 = Date.now();
    const story = await createStory(i, `Bench story ${i}: talks resume after a week of silence`);
    const t1 = Date.now();
    if (workflow) {
      const target = { uid: ARTICLE, documentId: story.documentId, locale: LOCALE };
      await workflow.transition(target, { transition: 'submit' }, WRITER, anyMove);
      await workflow.transition(target, { transition: 'approve' }, CHECKER, anyMove);
    } else {
      for (const q of story.quoteIds)
        await strapi.documents(QUOTE).publish({ documentId: q, locale: LOCALE });
      await strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: LOCALE });
    }
    times.create += t1 - t0;
    times.publish += Date.now() - t1;
    published.push(story.documentId);
  }
  // Drafts (in the initial stage) for the transition benchmark.
  const draftIds = [];
  for (let i = 0; i < drafts; i += 1) {
    draftIds.push(
      (await createStory(stories + i, `Bench draft ${i}: waiting for the desk`)).documentId
    );
  }
  return {
    ms: Date.now() - started,
    createMs: times.create,
    publishMs: times.publish,
    published: published.length,
    publishedIds: published,
    draftIds,
  };
};

/** An admin (super admin unless `role` names another) to log in with (POST /admin/login is done by the parent, over HTTP). */
const createAdmin = async ({ role: code = 'strapi-super-admin' } = {}) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `bench-${crypto.randomBytes(3).toString('hex')}@bench.example`;
  const password = 'Bench-password-1';
  await strapi.service('admin::user').create({
    email,
    firstname: 'Bench',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return { email, password };
};

const newDocumentId = () =>
  crypto
    .randomBytes(12)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 24);

/**
 * Brings the number of fact_check states up to `total` cheaply: draft article rows and their states,
 * inserted with knex (each queued document exists, so the page's titles resolve).
 */
const queueStates = async ({ total }) => {
  const knex = strapi.db.connection;
  const [{ n }] = await knex(STATE_TABLE).where({ stage: 'fact_check' }).count({ n: '*' });
  const missing = total - Number(n);
  const started = Date.now();
  const articleTable = strapi.db.metadata.get(ARTICLE).tableName;
  const actor = JSON.stringify(WRITER);
  const base = Date.now() - 30 * 24 * 3600 * 1000;
  const chunk = 200;
  for (let done = 0; done < missing; done += chunk) {
    const size = Math.min(chunk, missing - done);
    const now = new Date();
    const articles = [];
    const states = [];
    for (let k = 0; k < size; k += 1) {
      const i = Number(n) + done + k;
      const documentId = newDocumentId();
      articles.push({
        document_id: documentId,
        title: `Queued story ${i}`,
        slug: `queued-story-${i}`,
        standfirst: `Standfirst of queued story ${i}.`,
        locale: LOCALE,
        created_at: now,
        updated_at: now,
        published_at: null,
        ...(workflowEnabled() ? { editorial_stage: 'fact_check' } : {}),
      });
      states.push({
        document_id: newDocumentId(),
        target_uid: ARTICLE,
        target_document_id: documentId,
        target_locale: LOCALE,
        stage: 'fact_check',
        version: 2,
        entered_stage_at: new Date(base + i * 1000),
        author: actor,
        submitter: actor,
        last_actor: actor,
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
    await knex.transaction(async (trx) => {
      await trx(articleTable).insert(articles);
      await trx(STATE_TABLE).insert(states);
    });
  }
  const [{ c }] = await knex(STATE_TABLE).where({ stage: 'fact_check' }).count({ c: '*' });
  const [{ all }] = await knex(STATE_TABLE).count({ all: '*' });
  const [{ arts }] = await knex(articleTable).count({ arts: '*' });
  return {
    inserted: Math.max(0, missing),
    factCheck: Number(c),
    states: Number(all),
    articleRows: Number(arts),
    ms: Date.now() - started,
  };
};

/**
 * Brings the English stories (draft rows) up to `total` with knex bulk inserts, the stage copy and a
 * state row each: one in 20 in fact_check, one in 20 in draft, the rest published (a draft and a
 * published row). What the Content Manager's list view filters and sorts at newsroom size.
 */
const listStories = async ({ total }) => {
  const knex = strapi.db.connection;
  const articleTable = strapi.db.metadata.get(ARTICLE).tableName;
  const [{ n }] = await knex(articleTable)
    .where({ locale: LOCALE })
    .whereNull('published_at')
    .count({ n: '*' });
  const missing = total - Number(n);
  const started = Date.now();
  const actor = JSON.stringify(WRITER);
  const chunk = 250;
  for (let done = 0; done < missing; done += chunk) {
    const size = Math.min(chunk, missing - done);
    const now = new Date();
    const articles = [];
    const states = [];
    for (let k = 0; k < size; k += 1) {
      const i = Number(n) + done + k;
      const stage = i % 20 === 0 ? 'fact_check' : i % 20 === 1 ? 'draft' : 'published';
      const documentId = newDocumentId();
      const row = {
        document_id: documentId,
        title: `Listed story ${i}`,
        slug: `listed-story-${i}`,
        standfirst: `Standfirst of listed story ${i}.`,
        locale: LOCALE,
        created_at: now,
        updated_at: now,
        editorial_stage: stage,
      };
      articles.push({ ...row, published_at: null });
      if (stage === 'published') articles.push({ ...row, published_at: now });
      states.push({
        document_id: newDocumentId(),
        target_uid: ARTICLE,
        target_document_id: documentId,
        target_locale: LOCALE,
        stage,
        version: 1,
        entered_stage_at: now,
        author: actor,
        submitter: null,
        last_actor: actor,
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
    await knex.transaction(async (trx) => {
      await trx(articleTable).insert(articles);
      await trx(STATE_TABLE).insert(states);
    });
  }
  if (strapi.db.dialect.client === 'postgres') await knex.raw(`ANALYZE ${articleTable}`);
  else await knex.raw('ANALYZE');
  const [{ drafts }] = await knex(articleTable)
    .where({ locale: LOCALE })
    .whereNull('published_at')
    .count({ drafts: '*' });
  const [{ rows }] = await knex(articleTable).count({ rows: '*' });
  const [{ fc }] = await knex(articleTable)
    .where({ editorial_stage: 'fact_check' })
    .whereNull('published_at')
    .count({ fc: '*' });
  return {
    inserted: Math.max(0, missing),
    stories: Number(drafts),
    rows: Number(rows),
    factCheck: Number(fc),
    ms: Date.now() - started,
  };
};

/** Drops or recreates the stage copy's index (declared by the plugin; schema sync makes it at boot). */
const stageIndex = async ({ present }) => {
  const knex = strapi.db.connection;
  const model = strapi.getModel(ARTICLE);
  const table = model.collectionName;
  const index = model.indexes.find((i) => i.columns.includes('editorial_stage'));
  if (!index) throw new Error('no editorial_stage index declared on articles');
  await knex.schema.alterTable(table, (t) =>
    present ? t.index(index.columns, index.name) : t.dropIndex(index.columns, index.name)
  );
  return { index: index.name, columns: index.columns, present };
};

/** A full-access API token: the content-API route automations use for the same moves. */
const createToken = async () => {
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null });
  return { accessKey: token.accessKey };
};

/** A full collection, without starting the process with --expose-gc (which every section would get). */
let collect;
const fullGc = () => {
  if (!collect) {
    require('node:v8').setFlagsFromString('--expose-gc');
    collect = require('node:vm').runInNewContext('gc');
  }
  collect();
};

/**
 * What the cache section reads from the process itself: CPU used so far (process.cpuUsage, µs
 * resolution, unlike /proc's 10 ms ticks), memory (after a full GC with `gc`, so that two readings
 * compare what is kept, not when the collector last ran), and the response cache's counters (null
 * when off).
 */
const processStats = ({ gc = false } = {}) => {
  if (gc) fullGc();
  const { user, system } = process.cpuUsage();
  const { rss, heapUsed, external } = process.memoryUsage();
  const plugin = strapi.plugin('editorial-workflow');
  const cache = plugin ? plugin.service('cache') : null;
  return {
    cpuMs: (user + system) / 1000,
    rss,
    heapUsed,
    external, // Buffers: the cached bodies
    cache: cache && cache.enabled ? cache.stats() : null,
  };
};

/** A new title on a story's draft (not public: only the next approve shows it). */
const retitle = async ({ documentId, title }) => {
  await strapi.documents(ARTICLE).update({ documentId, locale: LOCALE, data: { title } });
  return { title };
};

const HISTORY_UID = 'plugin::editorial-workflow.workflow-history';
const DAY_MS = 86_400_000;

/** [exit time ms, ms in fact-check] of every round deskHistory wrote: the expected answers. */
let deskRounds = [];

/**
 * Section 7: `total` history rows through the query engine (Strapi's own column and date handling),
 * as rounds of four moves per story over the last 40 days: submit, request_changes, submit, approve,
 * the checks by ten fact-checkers; minutes to days in fact-check.
 */
const deskHistory = async ({ total }) => {
  const started = Date.now();
  const now = Date.now();
  const checkers = Array.from({ length: 10 }, (_, k) => ({
    type: 'admin',
    id: 9000 + k,
    name: `Checker ${k}`,
  }));
  // As the workflow writes them (state-store appendHistory): a move out of a stage carries when
  // that stage was entered, and the actor's columns beside its JSON.
  const move = (documentId, transition, fromStage, toStage, actor, at, enteredAt = null) => ({
    targetUid: ARTICLE,
    targetDocumentId: documentId,
    targetLocale: LOCALE,
    transition,
    fromStage,
    toStage,
    actor,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    comment: transition === 'request_changes' ? 'Source the second quote.' : null,
    createdAt: new Date(at),
    stageEnteredAt: enteredAt === null ? null : new Date(enteredAt),
  });
  const stories = Math.ceil(total / 4);
  let inserted = 0;
  deskRounds = [];
  for (let i = 0; i < stories && inserted < total; i += 250) {
    const rows = [];
    for (let k = i; k < Math.min(stories, i + 250); k += 1) {
      const documentId = `deskbench${String(k).padStart(15, '0')}`;
      const checker = checkers[k % checkers.length];
      // Deterministic spread over days 41 to 3 ago (every move in the past): 5 min to ~2 days in
      // fact-check the first time, up to a day the second.
      const t0 = now - 41 * DAY_MS + ((k * 2_654_435_761) % (38 * DAY_MS));
      const first = 300_000 + ((k * 104_729) % (2 * DAY_MS));
      const second = 300_000 + ((k * 15_485_863) % DAY_MS);
      const t1 = t0 + first;
      const t2 = t1 + 3_600_000;
      const t3 = t2 + second;
      deskRounds.push([t1, first], [t3, t3 - t2]);
      rows.push(
        move(documentId, 'submit', 'draft', 'fact_check', WRITER, t0),
        move(documentId, 'request_changes', 'fact_check', 'draft', checker, t1, t0),
        move(documentId, 'submit', 'draft', 'fact_check', WRITER, t2),
        move(documentId, 'approve', 'fact_check', 'published', checker, t3, t2)
      );
    }
    const batch = rows.slice(0, total - inserted);
    await strapi.db.query(HISTORY_UID).createMany({ data: batch });
    inserted += batch.length;
  }
  const knex = strapi.db.connection;
  // PostgreSQL: what autovacuum does soon after a bulk insert (insert-triggered since PG 13). The
  // desk's index-only scans need its visibility map; BENCH_DESK_VACUUM=0 measures before it has run.
  if (strapi.db.dialect.client === 'postgres')
    await knex.raw(
      process.env.BENCH_DESK_VACUUM === '0'
        ? 'ANALYZE editorial_workflow_history'
        : 'VACUUM ANALYZE editorial_workflow_history'
    );
  else await knex.raw('ANALYZE');
  const [{ n }] = await knex('editorial_workflow_history').count({ n: '*' });
  return { inserted, rows: Number(n), ms: Date.now() - started };
};

/** Section 7: the desk's figures computed in the server process, `runs` times (no HTTP, no auth). */
const deskStats = async ({ days, runs }) => {
  const desk = strapi.plugin('editorial-workflow').service('desk');
  const samples = [];
  let last = null;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    last = await desk.stats({ days });
    samples.push(performance.now() - t);
  }
  // What the figures must be, from the rounds as written (nearest rank, whole seconds compared).
  const since = Date.parse(last.since);
  const inWindow = deskRounds
    .filter(([exit]) => exit >= since)
    .map(([, ms]) => ms / 1000)
    .sort((a, b) => a - b);
  const rank = (p) => inWindow[Math.max(0, Math.ceil((p / 100) * inWindow.length) - 1)] ?? null;
  const expected = { rounds: inWindow.length, median: rank(50), p90: rank(90) };
  const got = { rounds: last.rounds, median: last.medianSeconds, p90: last.p90Seconds };
  const close = (a, b) => (a === null ? b === null : Math.abs(a - b) < 1);
  return {
    samples,
    got,
    expected,
    correct:
      got.rounds === expected.rounds &&
      close(got.median, expected.median) &&
      close(got.p90, expected.p90),
  };
};

const handlers = {
  seed,
  stats: processStats,
  retitle,
  admin: createAdmin,
  token: createToken,
  'queue-states': queueStates,
  'list-stories': listStories,
  'stage-index': stageIndex,
  'desk-history': deskHistory,
  'desk-stats': deskStats,
  async stop() {
    await strapi.destroy();
    return { stopped: true };
  },
};

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const t0 = Date.now();
  strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  const onMessage = async (message) => {
    const handler = handlers[message.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      const result = await handler(message.args ?? {});
      if (message.cmd === 'stop')
        process.send({ id: message.id, ok: true, result }, () => process.exit(0));
      else process.send({ id: message.id, ok: true, result });
    } catch (error) {
      process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
    }
  };
  process.on('message', onMessage);
  process.on('disconnect', () => process.exit(0)); // parent gone: never linger
  process.send({ ready: true, port, bootMs: Date.now() - t0, workflow: workflowEnabled() });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
