// A crash at any instant leaves either the old state or the new one (issue 7, class 9): Strapi runs in
// a child process that is SIGKILLed during bursts of concurrent edits and workflow moves; after every
// kill the workflow's invariants are read straight from the database, then the child restarts on it.
// While a burst runs, consistent reads of the database watch the same invariants: a broken one means
// a half-committed write is visible, so the kill comes at once (a crash then would keep it).
//
// CRASH_CYCLES (default 6) kills per database, CRASH_SEED replays the choice of operations and kill
// delays (not the server's timing), CRASH_STORIES (10) live stories at the start of each burst,
// CRASH_WORKERS (8) requests in flight, CRASH_DELAY_MS ("50-400") when the kill comes after the burst's
// first successful request, CRASH_WATCH=0 turns off killing at the sight of a broken invariant (random kills only).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootStrapi,
  createTestDatabase,
  usingPostgres,
  type TestDatabase,
} from '../helpers/strapi';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { ARTICLE, QUOTE, createStory } from '../helpers/workflow';
import {
  killAll,
  killHard,
  openDatabase,
  progress,
  readSnapshot,
  rng,
  schemaOf,
  startServer,
  stories,
  takeSnapshot,
  violations,
  type Schema,
  type Server,
  type Snapshot,
  type Violation,
} from '../helpers/crash';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 6);
const SEED = Number(process.env.CRASH_SEED ?? crypto.randomInt(2 ** 31));
const STORIES = Number(process.env.CRASH_STORIES ?? 10);
const WORKERS = Number(process.env.CRASH_WORKERS ?? 8);
const [MIN_DELAY, MAX_DELAY] = (process.env.CRASH_DELAY_MS ?? '50-400').split('-').map(Number);
const WATCH = process.env.CRASH_WATCH !== '0';
/** A burst whose every request fails is killed this long after it starts. */
const FIRST_SUCCESS_CAP = 20_000;
const PUBLISHING_STAGES = ['published'];

type Auth = Record<string, string>;
interface Story {
  documentId: string;
  speakerId: string;
  quoteIds: string[];
}

let database: TestDatabase;
let schema: Schema;
let token: Auth;
let editor: Auth;
let factChecker: Auth;
const seeded: Story[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Seed in-process, then stop: the child processes own the database from here on.
  const app = await bootStrapi(database);
  try {
    for (let i = 0; i < STORIES; i += 1) {
      const story = await createStory(app, `Crash story ${i}`, {
        quotes: [
          { text: `«First words of story ${i}»`, verification: 'verified' },
          { text: `«Second words of story ${i}»`, verification: 'verified' },
        ],
      });
      await publishThroughWorkflow(app, story.documentId);
      seeded.push(story);
    }
    token = (await createApiToken(app, 'full-access')).auth;
    editor = (await createAdmin(app, 'strapi-editor', 'Edna')).auth;
    factChecker = (await createAdmin(app, 'Fact-checker', 'Fritz')).auth;
    schema = schemaOf(app.strapi);
  } finally {
    await app.stop();
  }
});

afterAll(async () => {
  await killAll();
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------
// HTTP against the child

interface Reply {
  status: number;
  body: any;
}

const call = async (
  server: Server,
  method: string,
  path: string,
  auth: Auth,
  body?: unknown
): Promise<Reply> => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the report
  }
  return { status: res.status, body: parsed };
};

const move = (
  server: Server,
  auth: Auth,
  documentId: string,
  transition: string,
  comment?: string
) =>
  call(
    server,
    'POST',
    `/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=en`,
    auth,
    {
      transition,
      ...(comment ? { comment } : {}),
    }
  );

const tokenMove = (server: Server, documentId: string, transition: string) =>
  call(
    server,
    'POST',
    `/api/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=en`,
    token,
    { transition }
  );

const expectOk = (reply: Reply, what: string) => {
  if (reply.status !== 200)
    throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
};

/** Puts every story back live, approved as it stands, so each burst starts from published stories. */
const republishAll = async (server: Server, snapshot: Snapshot) => {
  for (const story of stories(snapshot)) {
    const id = story.documentId;
    if (story.stage === 'published' && story.same) continue;
    if (story.stage === 'published')
      expectOk(
        await move(server, editor, id, 'retract', 'crash test: re-approve'),
        `retract ${id}`
      );
    if (story.stage === 'fact_check')
      expectOk(
        await move(server, factChecker, id, 'request_changes', 'crash test: re-approve'),
        `request changes ${id}`
      );
    for (const quote of snapshot.quotes.filter(
      (q) => q.articleId === story.draft?.id && q.verification !== 'verified'
    )) {
      const res = await call(
        server,
        'PUT',
        `/content-manager/collection-types/${QUOTE}/${quote.documentId}?locale=en`,
        factChecker,
        {
          verification: 'verified',
        }
      );
      expectOk(res, `verify quote ${quote.documentId}`);
    }
    expectOk(await move(server, editor, id, 'submit'), `submit ${id}`);
    expectOk(await move(server, factChecker, id, 'approve'), `approve ${id}`);
  }
};

/** Reads that run the routes' code once, so the burst is not spent on a cold process. */
const warmUp = async (server: Server) => {
  const replies = await Promise.all([
    call(server, 'GET', '/api/articles?status=draft&populate=quotes', token),
    call(server, 'GET', '/api/quotes?status=draft', token),
    call(server, 'GET', `/content-manager/collection-types/${ARTICLE}?locale=en`, editor),
    call(
      server,
      'GET',
      `/editorial-workflow/state/${ARTICLE}/${seeded[0].documentId}?locale=en`,
      factChecker
    ),
    call(
      server,
      'GET',
      `/api/editorial-workflow/state/${ARTICLE}/${seeded[0].documentId}?locale=en`,
      token
    ),
  ]);
  replies.forEach((reply, i) => expectOk(reply, `warm-up ${i}`));
};

// ---------------------------------------------------------------------------------------------
// The burst

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

type Op = (server: Server, story: Story, n: number) => Promise<Reply>;

const OPS: [string, Op, number][] = [
  [
    'REST edit story',
    (s, story, n) =>
      call(s, 'PUT', `/api/articles/${story.documentId}?status=draft`, token, {
        data: {
          title: `Crash story edit ${n}`,
          standfirst: `Standfirst ${n}`,
          body: paragraph(`Body ${n}`),
        },
      }),
    3,
  ],
  [
    'CM edit story',
    (s, story, n) =>
      call(
        s,
        'PUT',
        `/content-manager/collection-types/${ARTICLE}/${story.documentId}?locale=en`,
        editor,
        {
          title: `Crash story CM edit ${n}`,
          standfirst: `CM standfirst ${n}`,
        }
      ),
    2,
  ],
  [
    'REST edit quote',
    (s, story, n) =>
      call(s, 'PUT', `/api/quotes/${rand.pick(story.quoteIds)}?status=draft`, token, {
        data: { text: `«Edited words ${n}»` },
      }),
    2,
  ],
  [
    'CM edit quote',
    (s, story, n) =>
      call(
        s,
        'PUT',
        `/content-manager/collection-types/${QUOTE}/${rand.pick(story.quoteIds)}?locale=en`,
        editor,
        { text: `«CM words ${n}»` }
      ),
    1,
  ],
  [
    'REST add quote',
    async (s, story, n) => {
      const res = await call(s, 'POST', '/api/quotes?status=draft', token, {
        data: { text: `«New words ${n}»`, speaker: story.speakerId, article: story.documentId },
      });
      if (res.status === 201) story.quoteIds.push(res.body.data.documentId);
      return res;
    },
    0.5,
  ],
  ['submit', (s, story) => move(s, editor, story.documentId, 'submit'), 1],
  ['submit (token)', (s, story) => tokenMove(s, story.documentId, 'submit'), 0.5],
  ['approve', (s, story) => move(s, factChecker, story.documentId, 'approve'), 1.5],
  ['retract', (s, story) => move(s, editor, story.documentId, 'retract', 'crash test'), 0.5],
  [
    'request changes',
    (s, story) => move(s, factChecker, story.documentId, 'request_changes', 'crash test'),
    0.5,
  ],
];

let rand = rng(SEED);
let counter = 0;

interface BurstStats {
  /** ms from the burst's start to its first successful write or move (or FIRST_SUCCESS_CAP). */
  firstSuccess: number;
  /** What ended the burst: the random delay after the first answer, or a watcher's sighting. */
  killedOn: 'timer' | 'sight';
  delay: number;
  answered: number;
  cut: number;
  statuses: Record<number, number>;
  serverErrors: string[];
  /** Violations a consistent read showed while the burst ran (a crash then would keep them). */
  seen: Violation[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * WORKERS loops of requests. SIGKILL comes `delay` ms after the first successful write or move (the
 * process is committing by then, however slow the machine), or as soon as a consistent read of the database
 * shows a broken invariant: a half-committed write is visible, and a crash at that instant keeps it.
 */
const burstThenKill = async (
  server: Server,
  delay: number,
  db: any,
  known: Set<string>
): Promise<BurstStats> => {
  const stats: BurstStats = {
    firstSuccess: -1,
    killedOn: 'timer',
    delay,
    answered: 0,
    cut: 0,
    statuses: {},
    serverErrors: [],
    seen: [],
  };
  const started = Date.now();
  let killed = false;
  let succeeded: () => void;
  const firstSuccess = new Promise<void>((resolve) => (succeeded = resolve));
  const worker = async () => {
    while (!killed) {
      const [name, op] = rand.weighted(OPS.map(([n, o, w]) => [[n, o] as const, w] as const));
      try {
        const reply = await op(server, rand.pick(seeded), (counter += 1));
        if (killed) break;
        if (reply.status < 300) succeeded();
        stats.answered += 1;
        stats.statuses[reply.status] = (stats.statuses[reply.status] ?? 0) + 1;
        if (reply.status >= 500)
          stats.serverErrors.push(
            `${name}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`
          );
      } catch (error) {
        if (!killed) throw error;
        stats.cut += 1;
      }
    }
  };
  let sighted: () => void;
  const sighting = new Promise<'sight'>((resolve) => (sighted = () => resolve('sight')));
  const watcher = async () => {
    while (WATCH && !killed) {
      const seen = violations(await takeSnapshot(db, schema), PUBLISHING_STAGES).filter(
        (v) => !known.has(v.id)
      );
      if (seen.length > 0 && !killed) {
        stats.seen = seen;
        return sighted();
      }
      await sleep(2);
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);
  const watching = watcher();
  const done = Promise.all(workers);
  try {
    await Promise.race([firstSuccess, done, sighting, sleep(FIRST_SUCCESS_CAP)]);
    stats.firstSuccess = Date.now() - started;
    stats.killedOn = await Promise.race([
      sleep(delay).then(() => 'timer' as const),
      sighting,
      done.then(() => 'timer' as const),
    ]);
  } finally {
    killed = true;
    await killHard(server.child);
    await Promise.allSettled([done, watching]);
  }
  await done;
  await watching;
  return stats;
};

// ---------------------------------------------------------------------------------------------

describe(`SIGKILL during bursts of edits and moves (${usingPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  it(
    `after each of ${CYCLES} kills the database holds the workflow's invariants`,
    async () => {
      rand = rng(SEED);
      const report: string[] = [
        `seed ${SEED} (CRASH_SEED), ${CYCLES} cycles, ${STORIES} stories, ${WORKERS} workers`,
      ];
      const found: { cycle: number; violation: Violation }[] = [];
      const serverErrors: string[] = [];
      const seen: string[] = [];

      let snapshot = await readSnapshot(database.env, schema);
      expect(violations(snapshot, PUBLISHING_STAGES)).toEqual([]);
      expect(stories(snapshot).filter((s) => s.stage === 'published' && s.same)).toHaveLength(
        STORIES
      );
      let known = new Set<string>();

      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        const server = await startServer();
        const db = openDatabase(database.env);
        let stats: BurstStats;
        let before: Snapshot;
        try {
          await republishAll(server, snapshot);
          await warmUp(server);
          before = await takeSnapshot(db, schema);
          stats = await burstThenKill(server, rand.int(MIN_DELAY, MAX_DELAY), db, known);
        } finally {
          await killHard(server.child);
          await db.destroy();
        }
        serverErrors.push(...stats.serverErrors.map((e) => `cycle ${cycle}: ${e}`));
        seen.push(...stats.seen.map((v) => `cycle ${cycle}: ${v.message}`));

        snapshot = await readSnapshot(database.env, schema);
        const now = violations(snapshot, PUBLISHING_STAGES);
        const fresh = now.filter((v) => !known.has(v.id));
        known = new Set(now.map((v) => v.id));
        found.push(...fresh.map((violation) => ({ cycle, violation })));
        const wrote = progress(before, snapshot);
        report.push(
          `cycle ${cycle}: first success after ${stats.firstSuccess} ms, killed ` +
            (stats.killedOn === 'sight'
              ? `on sight of ${stats.seen.length} violation(s)`
              : `${stats.delay} ms later`) +
            `, ${stats.answered} answered ${JSON.stringify(stats.statuses)}, ${stats.cut} cut; ${wrote.drafts} working copies changed, ` +
            `${wrote.history} history entries; ${fresh.length} new violation(s) after the kill`
        );
      }

      const failedCycles = new Set(found.map((f) => f.cycle)).size;
      report.push(
        `${failedCycles}/${CYCLES} kills left the database inconsistent; ${seen.length} violation(s) seen during bursts; ${serverErrors.length} 5xx answers`
      );
      console.log(report.join('\n'));

      expect(found.map(({ cycle, violation }) => `cycle ${cycle}: ${violation.message}`)).toEqual(
        []
      );
      expect(seen).toEqual([]);
      expect(serverErrors).toEqual([]);
    },
    Math.max(120_000, CYCLES * 60_000)
  );
});

// ---------------------------------------------------------------------------------------------
// The checker itself: each invariant fires on the breakage it describes, and only then.

describe('the invariants the crash test checks', () => {
  const key = `${ARTICLE}#a#en`;
  const consistent = (): Snapshot => ({
    articles: [
      {
        id: 1,
        documentId: 'a',
        locale: 'en',
        live: false,
        stage: 'published',
        content: { title: 'T', standfirst: null, body: null },
      },
      {
        id: 2,
        documentId: 'a',
        locale: 'en',
        live: true,
        stage: 'published',
        content: { title: 'T', standfirst: null, body: null },
      },
    ],
    quotes: [
      {
        id: 10,
        documentId: 'q',
        locale: 'en',
        live: false,
        verification: 'verified',
        articleId: 1,
        content: { text: '«x»', speaker: 'p' },
      },
      {
        id: 11,
        documentId: 'q',
        locale: 'en',
        live: true,
        verification: 'verified',
        articleId: 2,
        content: { text: '«x»', speaker: 'p' },
      },
    ],
    states: [{ uid: ARTICLE, documentId: 'a', locale: 'en', stage: 'published', version: 3 }],
    history: new Map([[key, { count: 2, last: 'approve' }]]),
  });
  const messages = (snapshot: Snapshot) =>
    violations(snapshot, PUBLISHING_STAGES).map((v) => v.message);

  it('a published story whose working copy is its live version holds them all', () => {
    expect(messages(consistent())).toEqual([]);
  });

  it('an edit recorded as a move back to draft holds them all', () => {
    const snapshot = consistent();
    snapshot.articles[0].content.title = 'T2';
    snapshot.quotes[0].content.text = '«y»';
    snapshot.states[0] = { ...snapshot.states[0], stage: 'draft', version: 4 };
    for (const row of snapshot.articles) row.stage = 'draft';
    snapshot.history.set(key, { count: 3, last: 'edit' });
    expect(messages(snapshot)).toEqual([]);
  });

  it('a stage copy that is not its state`s stage, on a draft or a published row', () => {
    const snapshot = consistent();
    snapshot.articles[1].stage = 'fact_check';
    expect(messages(snapshot)).toEqual([
      'article row 2 (a, en) says "fact_check", its state "published"',
    ]);
    snapshot.articles[1].stage = 'published';
    snapshot.states[0] = { ...snapshot.states[0], stage: 'draft', version: 4 };
    snapshot.history.set(key, { count: 3, last: 'retract' });
    snapshot.articles.pop();
    snapshot.quotes.pop();
    expect(messages(snapshot)).toEqual([
      'article row 1 (a, en) says "published", its state "draft"',
    ]);
  });

  it('an edit without its bookkeeping: published, with a working copy readers do not see', () => {
    const snapshot = consistent();
    snapshot.articles[0].content.title = 'T2';
    snapshot.quotes[0].content.text = '«y»';
    expect(messages(snapshot)).toEqual([
      'story a (en) is in "published" (last history entry: approve) but its draft differs from what readers see: ' +
        'title "T" → "T2"; quote q text "«x»" → "«y»"',
    ]);
  });

  it('a quote added to the working copy only', () => {
    const snapshot = consistent();
    snapshot.quotes.push({
      id: 12,
      documentId: 'n',
      locale: 'en',
      live: false,
      verification: 'unverified',
      articleId: 1,
      content: { text: '«n»' },
    });
    expect(messages(snapshot)).toEqual([
      'story a (en) is in "published" (last history entry: approve) but its draft differs from what readers see: quote n only in the draft',
    ]);
  });

  it('a version that moved without its history entry, or the reverse', () => {
    const snapshot = consistent();
    snapshot.states[0].version = 4;
    expect(messages(snapshot)).toEqual([
      `${key} is at version 4 with 2 history entries (expected version 3)`,
    ]);
    snapshot.history.set(key, { count: 4, last: 'edit' });
    expect(messages(snapshot)).toEqual([
      `${key} is at version 4 with 4 history entries (expected version 5)`,
    ]);
  });

  it('in a publishing stage without a published row', () => {
    const snapshot = consistent();
    snapshot.articles.pop();
    snapshot.quotes.pop();
    expect(messages(snapshot)).toEqual(['story a (en) is in "published" but has no published row']);
  });

  it('a published quote of no published story, and a published story linking a draft quote', () => {
    const orphan = consistent();
    orphan.quotes[1].articleId = 1;
    expect(messages(orphan)).toContain('published quote q (row 11) belongs to no published story');
    const draftLink = consistent();
    draftLink.quotes[0].articleId = 2;
    expect(messages(draftLink)).toContain('published story a links the draft quote row 10');
  });

  it('two published rows of one document locale', () => {
    const snapshot = consistent();
    snapshot.articles.push({ ...snapshot.articles[1], id: 3 });
    expect(messages(snapshot)).toContain('article a#en has 1 draft and 2 published rows');
  });
});
