// npm run bench — what the editorial-workflow plugin costs, in figures and ratios (not a test).
//
//  1. seeds BENCH_STORIES (1,000) published stories of three quotes each (speaker + source) into a
//     fresh temp database, through the workflow service (plugin on);
//  2. public GET /api/articles (25 a page, quotes with speaker and source populated): req/s, p50/p99,
//     plugin off (a copy of the same database) vs on, 10 keep-alive connections, warm-up + fixed time;
//  3. workflow transitions over the admin API (submit / request_changes cycles by a super admin);
//  4. the fact-check queue page at 1,000 and 10,000 documents in fact_check;
//  5. the Content Manager's list view at BENCH_LIST_STORIES (100,000) stories, as an Editor: filtered by
//     stage and sorted by stage, without and with the stage copy's index;
//  6. the response cache (issue 9), on a copy of the seeded database: (a) one server, cache on:
//     GET /_health (the floor), one story page (quotes, speakers, sources, people) and the 25-story page
//     from the cache, req/s, p50/p99, server CPU/request, ratios to the floor; (b) the uncached path:
//     cache off vs cache on where every request is a miss (the 25-story page, `pagination[page]` cycling
//     and a `filters[documentId][$ne]` never seen before, the same URLs for both); (c) freshness: readers
//     hammer moving stories while a driver retracts and re-approves them over the admin API, and every
//     read that started after a move's 200 must show the new state; on PostgreSQL also in a second
//     process on the same database, with the propagation delay; (d) memory: cache bytes, entries, RSS
//     before and after filling it with every story page and list page.
//  7. the Newsroom desk (issue 10): its figures over BENCH_DESK_HISTORY history rows (rounds of
//     submit, request changes, submit, approve over 40 days), 7 and 30 days, computed in the server
//     process and over the admin API: p50/p95 ms, and whether the figures equal the ones computed
//     from the rows as written.
// Sections 2-5 run with the cache as configured (section 2's workflow-on reads with it off, so that
// they still measure the workflow's cost, not the cache's).
// Each Strapi runs in a child process (test/bench/worker.cjs) on 127.0.0.1:<free port>; the load
// generator (this process) talks to it over loopback only. Temp files and children are removed at the end.
//
// Env: BENCH_DATABASE=sqlite|postgres, BENCH_STORIES, BENCH_DURATION (s), BENCH_WARMUP (s),
//      BENCH_CONNECTIONS, BENCH_CYCLES, BENCH_SKIP_BUILD=1 (reuse dist/), BENCH_LIST_STORIES,
//      BENCH_LIST_ONLY=1 (section 5 alone, on a fresh database), BENCH_CACHE_ONLY=1 (section 6 alone,
//      on a freshly seeded database), BENCH_CACHE_DURATION (s per cache measure, default 5),
//      BENCH_CACHE_READERS (freshness readers, default 8; split between the two processes on
//      PostgreSQL), BENCH_CACHE_MOVES (public moves, retract or approve, default 60),
//      BENCH_CACHE_STORIES (moving stories, default 3), BENCH_DESK_ONLY=1 (section 7 alone),
//      BENCH_DESK_HISTORY (history rows, default 100,000), BENCH_DESK_RUNS (default 20),
//      BENCH_DESK_VACUUM=0 (PostgreSQL: time the desk before the history is vacuumed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
  createDatabase,
  QUIET_ENV,
  startServer: startChildServer,
  testSecrets,
} = require('../helpers/test-env.cjs');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const APP_DIR = path.resolve(HERE, '..', '..');
const WORKER = path.join(HERE, 'worker.cjs');

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const DB_KIND = process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const STORIES = num('BENCH_STORIES', 1000);
const DURATION_S = num('BENCH_DURATION', 10);
const WARMUP_S = num('BENCH_WARMUP', 3);
const CONNECTIONS = num('BENCH_CONNECTIONS', 10);
const CYCLES = num('BENCH_CYCLES', 500);
const TRANSITION_DOCS = 10;
const TRANSITION_CLIENTS = 5;
const QUEUE_REQUESTS = num('BENCH_QUEUE_REQUESTS', 300);
const PG_ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ??
  process.env.TEST_PG_ADMIN_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const HARD_LIMIT_MS = num('BENCH_TIME_LIMIT', 900) * 1000;

const READ_PATH =
  '/api/articles?pagination[pageSize]=25&populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source';
const QUEUE_PATH = '/editorial-workflow/queue?stage=fact_check&pageSize=25';
const LIST_STORIES = num('BENCH_LIST_STORIES', 100000);
const LIST_ONLY = process.env.BENCH_LIST_ONLY === '1';
const CACHE_ONLY = process.env.BENCH_CACHE_ONLY === '1';
const DESK_ONLY = process.env.BENCH_DESK_ONLY === '1';
const DESK_HISTORY = num('BENCH_DESK_HISTORY', 100000);
const DESK_RUNS = num('BENCH_DESK_RUNS', 20);
const CACHE_DURATION_S = num('BENCH_CACHE_DURATION', 5);
const CACHE_READERS = num('BENCH_CACHE_READERS', 8);
const CACHE_MOVES = num('BENCH_CACHE_MOVES', 60);
const CACHE_MOVING = num('BENCH_CACHE_STORIES', 3);
// A public story page as a frontend asks for it: ~12 KB with the seeded quotes, people and sources.
const STORY_POPULATE =
  'populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source&populate[people]=true&populate[sources]=true';
const LIST_BASE = '/content-manager/collection-types/api::article.article?page=1&pageSize=10';
const LIST_PATHS = {
  plain: LIST_BASE,
  filter: `${LIST_BASE}&filters[$and][0][editorialStage][$eq]=fact_check`,
  sort: `${LIST_BASE}&sort=editorialStage:ASC`,
};

const log = (...args) =>
  console.log(`[bench ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...args);
const T0 = Date.now();

// ---------------------------------------------------------------- cleanup: children, temp files, databases
const children = new Set();
const cleanups = [];
let cleaned = false;
const cleanup = async () => {
  if (cleaned) return;
  cleaned = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error('cleanup:', error.message);
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}
const watchdog = setTimeout(() => {
  console.error(`bench: over the ${HARD_LIMIT_MS / 1000}s limit, giving up`);
  cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
watchdog.unref();

// ---------------------------------------------------------------- secrets, databases (test/helpers/test-env.cjs)
const SECRETS = testSecrets();

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
cleanups.push(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

/** A new empty database, dropped at the end; `copyDatabase(from)` makes a second one with the same rows. */
const newDatabase = async (label) => {
  const database = await createDatabase({
    kind: DB_KIND,
    prefix: `newsroom_bench_${label}`,
    dir: tmpDir,
    adminUrl: PG_ADMIN_URL,
  });
  cleanups.push(() => database.drop());
  return database;
};

const copyDatabase = async (from, label) => {
  const database = await from.copy(`newsroom_bench_${label}`);
  cleanups.push(() => database.drop());
  return database;
};

// ---------------------------------------------------------------- Strapi in a child process
/** test/bench/worker.cjs on a free port; commands go over IPC once /_health answers. */
const startServer = async (database, { workflow, cache, env = {} }) => {
  const pending = new Map();
  let nextId = 1;
  let ready;
  let failed;
  const readyMessage = new Promise((resolve, reject) => ([ready, failed] = [resolve, reject]));
  const server = await startChildServer({
    args: [WORKER],
    ipc: true,
    output: 'inherit',
    label: 'bench worker',
    env: {
      ...SECRETS,
      ...QUIET_ENV,
      ...database.env,
      NODE_ENV: 'test', // no demo content, no production-only cookie rules on plain-HTTP admin login
      EDITORIAL_WORKFLOW_ENABLED: workflow ? 'true' : 'false',
      // Unset: as configured (on by default); the cache section and section 2 say which they need.
      ...(cache === undefined ? {} : { RESPONSE_CACHE_ENABLED: cache ? 'true' : 'false' }),
      ...env,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
      BENCH_DIST_DIR: DIST_DIR,
      // The private dist copy lives in the temp dir: let it find the app's packages.
      NODE_PATH: [path.join(APP_DIR, 'node_modules'), process.env.NODE_PATH]
        .filter(Boolean)
        .join(path.delimiter),
    },
    onSpawn: (child) => {
      children.add(child);
      child.on('message', (message) => {
        if (message.ready) return ready(message);
        const waiter = pending.get(message.id);
        if (!waiter) return;
        pending.delete(message.id);
        if (message.ok) waiter.res(message.result);
        else waiter.rej(new Error(message.error));
      });
      child.once('exit', (code, signal) => {
        children.delete(child);
        const error = new Error(`Strapi worker exited (${code ?? signal})`);
        for (const waiter of pending.values()) waiter.rej(error);
        pending.clear();
        failed(error);
      });
    },
  });
  const { child } = server;
  const message = await readyMessage;
  return {
    url: server.url,
    port: server.port,
    bootMs: message.bootMs,
    workflow: message.workflow,
    pid: child.pid,
    call: (cmd, args) =>
      new Promise((res, rej) => {
        const id = nextId++;
        pending.set(id, { res, rej });
        child.send({ id, cmd, args });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      const id = nextId++;
      pending.set(id, { res: () => {}, rej: () => {} });
      child.send({ id, cmd: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      children.delete(child);
    },
  };
};

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux); NaN elsewhere. */
const cpuMs = (pid) => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return NaN;
  }
};
const load1 = () => os.loadavg()[0];

// ---------------------------------------------------------------- HTTP client and stats
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const request = (base, method, pathname, { headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const url = new URL(pathname, base);
    if (url.hostname !== '127.0.0.1') throw new Error('loopback only');
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': payload.length }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        );
        res.on('error', reject);
      }
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${pathname}`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });

const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;
const summarize = (latencies, elapsedMs, errors) => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    errors,
    rps: (sorted.length / elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    elapsedMs,
  };
};

/**
 * `connections` loops, each one request at a time, for `durationMs`. `pathname` is a path, or a
 * function of the request's number in the run (n counts every request). Counts X-Cache outcomes.
 */
const load = async (
  base,
  pathname,
  { connections, durationMs, headers, check, status = 200, keep = false }
) => {
  const pathOf = typeof pathname === 'function' ? pathname : () => pathname;
  const latencies = [];
  const outcomes = {};
  let errors = 0;
  let firstError = null;
  let n = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const path = pathOf(n++);
      const t = performance.now();
      try {
        const res = await request(base, 'GET', path, { headers });
        const ms = performance.now() - t;
        const outcome = res.headers['x-cache'] ?? 'none';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (res.status !== status || (check && !check(res))) {
          errors += 1;
          firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
        } else latencies.push(ms);
      } catch (error) {
        errors += 1;
        firstError ??= error.message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const stats = summarize(latencies, performance.now() - start, errors);
  stats.outcomes = outcomes;
  if (firstError) stats.firstError = firstError;
  if (keep) stats.latencies = latencies;
  return stats;
};

const checkReadPage = (res) => {
  const body = JSON.parse(res.text);
  return (
    body.data.length === 25 &&
    body.data.every(
      (a) => a.quotes?.length === 3 && a.quotes.every((q) => q.speaker?.name && q.source?.name)
    )
  );
};

/** One read segment on a fresh server: check the page, warm up, measure `seconds`. */
const readSegment = async (database, { workflow, seconds, label }) => {
  // Cache off: this section measures what the workflow costs a read (section 6 measures the cache).
  const server = await startServer(database, { workflow, cache: false });
  try {
    if (server.workflow !== workflow)
      throw new Error(
        `${label}: the editorial-workflow plugin is ${server.workflow ? 'on' : 'off'}`
      );
    const first = await request(server.url, 'GET', READ_PATH);
    if (first.status !== 200 || !checkReadPage(first)) {
      throw new Error(
        `${label}: unexpected first page: ${first.status} ${first.text.slice(0, 500)}`
      );
    }
    const total = JSON.parse(first.text).meta.pagination.total;
    await load(server.url, READ_PATH, { connections: CONNECTIONS, durationMs: WARMUP_S * 1000 });
    const cpu0 = cpuMs(server.pid);
    const loadBefore = load1();
    const stats = await load(server.url, READ_PATH, {
      connections: CONNECTIONS,
      durationMs: seconds * 1000,
      check: checkReadPage,
      keep: true,
    });
    stats.serverCpuMs = cpuMs(server.pid) - cpu0;
    stats.load = [loadBefore, load1()];
    log(
      `${label}: ${total} published, page ${first.text.length} B, booted in ${server.bootMs} ms; ` +
        `${fmt(stats.rps)} req/s, p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms, ` +
        `server CPU ${fmt(stats.serverCpuMs / stats.count, 2)} ms/req, ${stats.errors} errors, load ${fmt(stats.load[0], 2)}->${fmt(stats.load[1], 2)}`
    );
    if (stats.firstError) log(`${label}: first error: ${stats.firstError}`);
    return stats;
  } finally {
    await server.stop();
  }
};

/** Merges segments: requests over total measured time, percentiles over all latencies. */
const mergeSegments = (segments) => {
  const latencies = segments.flatMap((s) => s.latencies);
  const elapsed = segments.reduce((t, s) => t + s.elapsedMs, 0);
  const stats = summarize(
    latencies,
    elapsed,
    segments.reduce((t, s) => t + s.errors, 0)
  );
  stats.serverCpuPerReq = segments.reduce((t, s) => t + s.serverCpuMs, 0) / stats.count;
  stats.segments = segments.map((s) => fmt(s.rps));
  return stats;
};

const adminLogin = async (server) => {
  const { email, password } = await server.call('admin');
  const res = await request(server.url, 'POST', '/admin/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  return { Authorization: `Bearer ${JSON.parse(res.text).data.token}` };
};

/** submit / request_changes cycles on `draftIds`, TRANSITION_CLIENTS clients, each on its own documents. */
const transitionBench = async (server, auth, draftIds, prefix = '') => {
  const move = async (documentId, transition, comment) => {
    const t = performance.now();
    const res = await request(
      server.url,
      'POST',
      `${prefix}/editorial-workflow/state/api::article.article/${documentId}/transition?locale=en`,
      {
        headers: auth,
        body: comment ? { transition, comment } : { transition },
      }
    );
    const ms = performance.now() - t;
    if (res.status !== 200)
      throw new Error(`${transition} ${documentId}: ${res.status} ${res.text.slice(0, 300)}`);
    return ms;
  };
  const cycleOn = async (ids, cycles, latencies) => {
    for (let c = 0; c < cycles; c += 1) {
      const id = ids[c % ids.length];
      latencies.push(await move(id, 'submit'));
      latencies.push(
        await move(id, 'request_changes', `bench cycle ${c}: please check the second quote`)
      );
    }
  };
  const perClient = (client) => draftIds.filter((_, i) => i % TRANSITION_CLIENTS === client);
  // Warm-up: a few cycles (their history counts towards the documents' history, as in a newsroom).
  const warm = [];
  await Promise.all(
    Array.from({ length: TRANSITION_CLIENTS }, (_, c) => cycleOn(perClient(c), 2, warm))
  );
  const latencies = [];
  const cpu0 = cpuMs(server.pid);
  const start = performance.now();
  const cyclesPerClient = Math.ceil(CYCLES / TRANSITION_CLIENTS);
  await Promise.all(
    Array.from({ length: TRANSITION_CLIENTS }, (_, c) =>
      cycleOn(perClient(c), cyclesPerClient, latencies)
    )
  );
  const stats = summarize(latencies, performance.now() - start, 0);
  stats.cycles = cyclesPerClient * TRANSITION_CLIENTS;
  stats.serverCpuPerReq = (cpuMs(server.pid) - cpu0) / stats.count;
  return stats;
};

/** Queue page latency: one request at a time (latency, not throughput). */
const queueBench = async (server, auth, label) => {
  const first = await request(server.url, 'GET', QUEUE_PATH, { headers: auth });
  if (first.status !== 200) throw new Error(`queue: ${first.status} ${first.text.slice(0, 300)}`);
  const body = JSON.parse(first.text);
  const titled = body.data.filter((d) => d.title).length;
  if (body.data.length !== 25 || titled !== 25)
    throw new Error(`queue page: ${body.data.length} rows, ${titled} with a title`);
  for (let i = 0; i < 30; i += 1) await request(server.url, 'GET', QUEUE_PATH, { headers: auth });
  const latencies = [];
  const cpu0 = cpuMs(server.pid);
  const start = performance.now();
  for (let i = 0; i < QUEUE_REQUESTS; i += 1) {
    const t = performance.now();
    const res = await request(server.url, 'GET', QUEUE_PATH, { headers: auth });
    if (res.status !== 200) throw new Error(`queue: ${res.status}`);
    latencies.push(performance.now() - t);
  }
  const stats = summarize(latencies, performance.now() - start, 0);
  stats.total = body.meta.pagination.total;
  stats.serverCpuPerReq = (cpuMs(server.pid) - cpu0) / stats.count;
  log(
    `${label}: total ${stats.total} in fact_check, p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms over ${stats.count} requests, server CPU ${fmt(stats.serverCpuPerReq, 2)} ms/req`
  );
  return stats;
};

/** One list-view page at a time (latency): checks the first answer, then QUEUE_REQUESTS timed ones. */
const listBench = async (server, auth, kind, label, expected) => {
  const pathname = LIST_PATHS[kind];
  const first = await request(server.url, 'GET', pathname, { headers: auth });
  if (first.status !== 200)
    throw new Error(`list ${kind}: ${first.status} ${first.text.slice(0, 300)}`);
  const body = JSON.parse(first.text);
  const stages = body.results.map((r) => r.editorialStage);
  if (body.results.length !== 10) throw new Error(`list ${kind}: ${body.results.length} rows`);
  if (
    kind === 'filter' &&
    (body.pagination.total !== expected.factCheck || stages.some((s) => s !== 'fact_check'))
  ) {
    throw new Error(
      `list filter: total ${body.pagination.total}, expected ${expected.factCheck}; stages ${stages}`
    );
  }
  if (kind === 'plain' && body.pagination.total !== expected.stories)
    throw new Error(`list: total ${body.pagination.total}, expected ${expected.stories}`);
  if (
    kind === 'sort' &&
    (body.pagination.total !== expected.stories || stages.some((s) => s !== 'draft'))
  ) {
    throw new Error(
      `list sort: total ${body.pagination.total}, expected ${expected.stories}; stages ${stages}`
    );
  }
  for (let i = 0; i < 20; i += 1) await request(server.url, 'GET', pathname, { headers: auth });
  const latencies = [];
  const cpu0 = cpuMs(server.pid);
  const start = performance.now();
  for (let i = 0; i < QUEUE_REQUESTS; i += 1) {
    const t = performance.now();
    const res = await request(server.url, 'GET', pathname, { headers: auth });
    if (res.status !== 200) throw new Error(`list ${kind}: ${res.status}`);
    latencies.push(performance.now() - t);
  }
  const stats = summarize(latencies, performance.now() - start, 0);
  stats.total = body.pagination.total;
  stats.serverCpuPerReq = (cpuMs(server.pid) - cpu0) / stats.count;
  log(
    `${label}: total ${stats.total}, p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms over ${stats.count} requests, server CPU ${fmt(stats.serverCpuPerReq, 2)} ms/req`
  );
  return stats;
};

/** Section 5: the list view at LIST_STORIES stories, as an Editor, without and with the index. */
const listSection = async (server) => {
  const { email, password } = await server.call('admin', { role: 'strapi-editor' });
  const login = await request(server.url, 'POST', '/admin/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`editor login failed: ${login.status} ${login.text}`);
  const auth = { Authorization: `Bearer ${JSON.parse(login.text).data.token}` };
  const filled = await server.call('list-stories', { total: LIST_STORIES });
  log(
    `list view: ${filled.stories} stories (${filled.inserted} inserted in ${fmt(filled.ms / 1000)}s), ${filled.rows} article rows, ${filled.factCheck} in fact_check`
  );
  const results = {};
  for (const present of [false, true]) {
    await server.call('stage-index', { present });
    const tag = present ? 'indexed' : 'no index';
    results[tag] = {
      filter: await listBench(
        server,
        auth,
        'filter',
        `list view @${filled.stories}, stage filter, ${tag}`,
        filled
      ),
      sort: await listBench(
        server,
        auth,
        'sort',
        `list view @${filled.stories}, sorted by stage, ${tag}`,
        filled
      ),
    };
  }
  // What any list view of that size costs (a page and Strapi's count of every draft): the baseline.
  const plain = await listBench(
    server,
    auth,
    'plain',
    `list view @${filled.stories}, no filter, no sort`,
    filled
  );
  return { stories: filled.stories, results, plain };
};

const listRows = (list) => {
  const n = list.stories.toLocaleString('en');
  const plain = [
    `List @${n}, no filter (baseline)`,
    'p50 / p99 ms',
    `${fmt(list.plain.p50)} / ${fmt(list.plain.p99)}`,
    '-',
    '-',
  ];
  return [
    plain,
    ...Object.entries(list.results).flatMap(([tag, r]) => [
      [
        `List @${n}, stage filter, ${tag}`,
        'p50 / p99 ms',
        `${fmt(r.filter.p50)} / ${fmt(r.filter.p99)}`,
        tag === 'indexed' ? 'p99 < 100' : '-',
        tag === 'indexed' ? (r.filter.p99 < 100 ? 'PASS' : 'MISS') : '-',
      ],
      [
        `List @${n}, sort by stage, ${tag}`,
        'p50 / p99 ms',
        `${fmt(r.sort.p50)} / ${fmt(r.sort.p99)}`,
        tag === 'indexed' ? 'p99 < 100' : '-',
        tag === 'indexed' ? (r.sort.p99 < 100 ? 'PASS' : 'MISS') : '-',
      ],
    ]),
  ];
};

// ---------------------------------------------------------------- 7. the Newsroom desk
const deskSection = async (server) => {
  const filled = await server.call('desk-history', { total: DESK_HISTORY });
  log(
    `desk: ${filled.inserted} history rows inserted in ${fmt(filled.ms / 1000)}s (${filled.rows} in all)`
  );
  const auth = await adminLogin(server);
  const timed = async (pathname) => {
    // Connections kept alive across a long in-process measure have timed out on the server's side.
    agent.destroy();
    const samples = [];
    for (let i = 0; i < DESK_RUNS; i += 1) {
      const t = performance.now();
      const res = await request(server.url, 'GET', pathname, { headers: auth });
      if (res.status !== 200) throw new Error(`${pathname}: ${res.status} ${res.text}`);
      samples.push(performance.now() - t);
    }
    return summarize(samples, 1, 0);
  };
  // What any admin API answer costs (authentication, permissions): the floor under the desk's.
  const floor = await timed('/editorial-workflow/workflow');
  const results = {};
  for (const days of [7, 30]) {
    const inProcess = await server.call('desk-stats', { days, runs: DESK_RUNS });
    results[days] = {
      service: summarize(inProcess.samples, 1, 0),
      http: await timed(`/editorial-workflow/desk?days=${days}`),
      ...inProcess,
    };
    log(
      `desk ${days} days: service p50 ${fmt(results[days].service.p50)} ms, HTTP p50 ${fmt(results[days].http.p50)} ms, ` +
        `rounds ${inProcess.got.rounds} (expected ${inProcess.expected.rounds}), median ${inProcess.got.median} s, p90 ${inProcess.got.p90} s, correct: ${inProcess.correct}`
    );
  }
  return { rows: filled.rows, floor, results };
};

const deskRows = (desk) => {
  const n = desk.rows.toLocaleString('en');
  return [
    [
      'Admin API floor (workflow)',
      'p50 / p95 ms',
      `${fmt(desk.floor.p50)} / ${fmt(desk.floor.p95)}`,
      '-',
      '-',
    ],
    ...Object.entries(desk.results).flatMap(([days, r]) => [
      [
        `Desk @${n} history, ${days} days, in process`,
        'p50 / p95 ms',
        `${fmt(r.service.p50)} / ${fmt(r.service.p95)}`,
        'p95 < 200',
        r.service.p95 < 200 ? 'PASS' : 'MISS',
      ],
      [
        `Desk @${n} history, ${days} days, HTTP`,
        'p50 / p95 ms',
        `${fmt(r.http.p50)} / ${fmt(r.http.p95)}`,
        'p95 < 200',
        r.http.p95 < 200 ? 'PASS' : 'MISS',
      ],
      [
        `Desk ${days} days / floor`,
        'HTTP p50 ratio',
        fmt(r.http.p50 / desk.floor.p50, 2),
        '-',
        '-',
      ],
      [
        `Desk ${days} days, figures`,
        'rounds, median s, p90 s',
        `${r.got.rounds}, ${fmt(r.got.median)}, ${fmt(r.got.p90)}`,
        'as written',
        r.correct ? 'PASS' : 'MISS',
      ],
    ]),
  ];
};

// ---------------------------------------------------------------- 6. the response cache
const storyPath = (documentId) => `/api/articles/${documentId}?${STORY_POPULATE}`;
const PAGE_COUNT = Math.max(1, Math.floor(STORIES / 25)); // full pages only: checkReadPage wants 25
const pagePath = (page) => `${READ_PATH}&pagination[page]=${page}`;
/** A query no one asked before: another page each time, and a filter that excludes nothing. */
const missPath = (n) =>
  `${pagePath(1 + (n % PAGE_COUNT))}&filters[documentId][$ne]=bench-miss-${n}`;

const checkStory = (res) => {
  const a = JSON.parse(res.text).data;
  return a?.quotes?.length === 3 && a.quotes.every((q) => q.speaker?.name && q.source?.name);
};

/** Warm-up, then a measured run with the server's own CPU (process.cpuUsage over IPC) per request. */
const measure = async (server, label, { seconds = CACHE_DURATION_S, pathOf, ...options }) => {
  let n = 0;
  const next = () => n++; // one sequence over warm-up and run: a miss path is never repeated
  const opts = { connections: CONNECTIONS, keep: true, ...options };
  const path = () => pathOf(next());
  await load(server.url, path, { ...opts, durationMs: WARMUP_S * 1000 });
  const before = await server.call('stats');
  const loadBefore = load1();
  const stats = await load(server.url, path, { ...opts, durationMs: seconds * 1000 });
  const after = await server.call('stats');
  stats.serverCpuPerReq = (after.cpuMs - before.cpuMs) / (stats.count + stats.errors);
  stats.label = label;
  const outcomes = Object.entries(stats.outcomes)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  log(
    `${label}: ${fmt(stats.rps)} req/s, p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms, ` +
      `server CPU ${fmt(stats.serverCpuPerReq, 3)} ms/req, ${stats.errors} errors (X-Cache: ${outcomes}), ` +
      `load ${fmt(loadBefore, 2)}->${fmt(load1(), 2)}`
  );
  if (stats.firstError) log(`${label}: first error: ${stats.firstError}`);
  return stats;
};

/** Two halves of one measure: requests over their total time, percentiles over all latencies. */
const mergeMeasures = (a, b) => {
  const stats = summarize(
    [...a.latencies, ...b.latencies],
    a.elapsedMs + b.elapsedMs,
    a.errors + b.errors
  );
  stats.serverCpuPerReq =
    (a.serverCpuPerReq * (a.count + a.errors) + b.serverCpuPerReq * (b.count + b.errors)) /
    (a.count + a.errors + b.count + b.errors);
  stats.halves = [a.rps, b.rps];
  return stats;
};

const mib = (bytes) => `${fmt(bytes / 1024 / 1024)} MiB`;

/** What a story page shows: `down` (404, not public) or its title and number of live quotes. */
const publicState = (res) => {
  if (res.status === 404) return 'down';
  if (res.status !== 200) return null;
  const a = JSON.parse(res.text).data;
  return `up:${a.title}:${a.quotes?.length ?? 0} quotes`;
};

/**
 * Reads `readers` loops of story pages on `server` until `until()` says stop; each read keeps when
 * it started and ended (this process's clock, like the moves') and what it showed.
 */
const hammer = (server, ids, readers, done, reads) =>
  Promise.all(
    Array.from({ length: readers }, async (_, r) => {
      for (let i = r; !done(); i += 1) {
        const documentId = ids[i % ids.length];
        const started = performance.now();
        let state;
        let cache = 'none';
        try {
          const res = await request(server.url, 'GET', storyPath(documentId));
          state = publicState(res);
          cache = res.headers['x-cache'] ?? 'none';
        } catch {
          state = null;
        }
        reads.push({ documentId, started, ended: performance.now(), state, cache });
      }
    })
  );

/**
 * Reads that show a state other than the one the last move before they started (less `graceMs`)
 * produced, or one a move still in flight when they ended may have produced.
 */
const staleReads = (reads, movesOf, graceMs) => {
  let stale = 0;
  let example = null;
  for (const read of reads) {
    if (read.state === null) continue;
    const moves = movesOf.get(read.documentId);
    let k = 0;
    while (k + 1 < moves.length && moves[k + 1].done + graceMs <= read.started) k += 1;
    const allowed = new Set([moves[k].state]);
    for (let j = k + 1; j < moves.length && moves[j].sent < read.ended; j += 1)
      allowed.add(moves[j].state);
    if (!allowed.has(read.state)) {
      stale += 1;
      example ??= `${read.documentId} showed "${read.state}", expected "${moves[k].state}" (${fmt(read.started - moves[k].done)} ms after the move)`;
    }
  }
  return { stale, example };
};

const hitRatio = (before, after) => {
  const hits = after.cache.hits - before.cache.hits;
  const misses = after.cache.misses - before.cache.misses;
  return hits + misses ? hits / (hits + misses) : NaN;
};

/** (c) Freshness: readers on A (and B, PostgreSQL) while a driver retracts and re-approves stories. */
const freshness = async (serverA, db, storyIds) => {
  const serverB =
    DB_KIND === 'postgres' ? await startServer(db, { workflow: true, cache: true }) : null;
  try {
    if (serverB) log(`freshness: second process up in ${serverB.bootMs} ms on ${serverB.url}`);
    const [auth1, auth2] = [await adminLogin(serverA), await adminLogin(serverA)]; // submit ≠ approve
    const ids = storyIds.slice(0, CACHE_MOVING);
    const movesOf = new Map();
    for (const documentId of ids) {
      const state = publicState(await request(serverA.url, 'GET', storyPath(documentId)));
      movesOf.set(documentId, [{ sent: -Infinity, done: -Infinity, state }]);
    }
    const transition = async (auth, documentId, transition, comment) => {
      const sent = performance.now();
      const res = await request(
        serverA.url,
        'POST',
        `/editorial-workflow/state/api::article.article/${documentId}/transition?locale=en`,
        { headers: auth, body: comment ? { transition, comment } : { transition } }
      );
      if (res.status !== 200)
        throw new Error(`${transition} ${documentId}: ${res.status} ${res.text.slice(0, 300)}`);
      return { sent, done: performance.now() };
    };
    // B: GET back to back until the page shows `state`. The propagation delay is when the first
    // fresh read began (0 when the first read after the 200 was already fresh): B had dropped the
    // old answer by then, to within one read. `delays` runs to that read's end instead, and so
    // includes B rebuilding the page from the database (the first fresh read is a miss).
    const delays = [];
    const starts = [];
    let unpropagated = 0;
    const propagation = async (documentId, move) => {
      for (let tries = 0; ; tries += 1) {
        const started = performance.now();
        const res = await request(serverB.url, 'GET', storyPath(documentId));
        const now = performance.now();
        if (publicState(res) === move.state) {
          starts.push(tries === 0 ? 0 : started - move.done);
          return delays.push(now - move.done);
        }
        if (now - move.done > 5000) return (unpropagated += 1);
      }
    };

    const readers = serverB ? Math.max(1, Math.floor(CACHE_READERS / 2)) : CACHE_READERS;
    const readsA = [];
    const readsB = [];
    let finished = false;
    const statsA0 = await serverA.call('stats');
    const statsB0 = serverB ? await serverB.call('stats') : null;
    const loads = [load1()];
    const start = performance.now();
    const driver = (async () => {
      try {
        for (let m = 0; m < Math.ceil(CACHE_MOVES / 2); m += 1) {
          const documentId = ids[m % ids.length];
          const moves = movesOf.get(documentId);
          const down = await transition(auth1, documentId, 'retract', `bench: retract ${m}`);
          moves.push({ ...down, state: 'down' });
          if (serverB) await propagation(documentId, moves.at(-1));
          const title = `Bench story ${documentId}: revision ${m}`;
          await serverA.call('retitle', { documentId, title });
          await transition(auth1, documentId, 'submit');
          const up = await transition(auth2, documentId, 'approve');
          moves.push({ ...up, state: `up:${title}:3 quotes` });
          if (serverB) await propagation(documentId, moves.at(-1));
        }
      } finally {
        finished = true;
      }
    })();
    await Promise.all([
      driver,
      hammer(serverA, ids, readers, () => finished, readsA),
      serverB ? hammer(serverB, ids, readers, () => finished, readsB) : null,
    ]);
    const elapsed = performance.now() - start;
    loads.push(load1());
    const statsA1 = await serverA.call('stats');
    const result = {
      moves: [...movesOf.values()].reduce((t, m) => t + m.length - 1, 0),
      elapsed,
      loads,
      a: {
        reads: readsA.length,
        errors: readsA.filter((r) => r.state === null).length,
        ...staleReads(readsA, movesOf, 0),
        hitRatio: hitRatio(statsA0, statsA1),
      },
    };
    log(
      `freshness, same process: ${result.moves} moves over ${ids.length} stories in ${fmt(elapsed / 1000)}s, ` +
        `${result.a.reads} reads by ${readers} readers, ${result.a.stale} stale, ${result.a.errors} errors, ` +
        `hit ratio ${fmt(result.a.hitRatio, 3)}, load ${fmt(loads[0], 2)}->${fmt(loads[1], 2)}`
    );
    if (result.a.example) log(`freshness: first stale read: ${result.a.example}`);
    if (serverB) {
      const statsB1 = await serverB.call('stats');
      const sorted = Float64Array.from(delays).sort();
      const sortedStarts = Float64Array.from(starts).sort();
      const afterBound = staleReads(readsB, movesOf, 100);
      const readLatencies = Float64Array.from(readsB, (r) => r.ended - r.started).sort();
      result.b = {
        reads: readsB.length,
        errors: readsB.filter((r) => r.state === null).length,
        withinBound: staleReads(readsB, movesOf, 0).stale - afterBound.stale,
        ...afterBound,
        readP50: percentile(readLatencies, 50),
        startP50: percentile(sortedStarts, 50),
        startP99: percentile(sortedStarts, 99),
        freshAtOnce: starts.filter((t) => t === 0).length,
        hitRatio: hitRatio(statsB0, statsB1),
        delays: delays.length,
        unpropagated,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1],
        sync: statsB1.cache.sync,
      };
      log(
        `freshness, second process (sync ${result.b.sync}): propagation (first fresh read began) ` +
          `p50 ${fmt(result.b.startP50)} ms, p99 ${fmt(result.b.startP99)} ms over ${delays.length} moves ` +
          `(fresh at the first read ${result.b.freshAtOnce} times, ${unpropagated} not seen within 5 s); ` +
          `to the end of that read (a rebuild) p50 ${fmt(result.b.p50)} ms, p99 ${fmt(result.b.p99)} ms, ` +
          `max ${fmt(result.b.max)} ms; a read on B takes p50 ${fmt(result.b.readP50)} ms; ${result.b.reads} reads, ${result.b.stale} stale after 100 ms ` +
          `(${result.b.withinBound} within it), ${result.b.errors} errors, hit ratio ${fmt(result.b.hitRatio, 3)}`
      );
      if (result.b.example)
        log(`freshness B: first stale read after the bound: ${result.b.example}`);
    }
    return result;
  } finally {
    if (serverB) await serverB.stop();
  }
};

/** Section 6 on `db` (seeded, nothing else done to it); `section2` is section 2's figure, if it ran. */
const cacheSection = async (db, storyIds, section2) => {
  const dbOff = await copyDatabase(db, 'cache_off');
  const on = await startServer(db, { workflow: true, cache: true });
  const off = await startServer(dbOff, { workflow: true, cache: false });
  log(`cache: servers up (on ${on.bootMs} ms, off ${off.bootMs} ms)`);
  try {
    const boot = await on.call('stats', { gc: true });
    if (!boot.cache) throw new Error('cache: the response cache is off in the cache-on server');
    const story = await request(on.url, 'GET', storyPath(storyIds[0]));
    if (story.status !== 200 || !checkStory(story))
      throw new Error(`cache: story page ${story.status} ${story.text.slice(0, 300)}`);
    const page = await request(on.url, 'GET', READ_PATH);
    if (page.status !== 200 || !checkReadPage(page))
      throw new Error(`cache: page ${page.status} ${page.text.slice(0, 300)}`);
    log(
      `cache: story page ${fmt(story.text.length / 1024)} KB, 25-story page ${fmt(page.text.length / 1024)} KB, ` +
        `limit ${mib(boot.cache.maxBytes)}, sync ${boot.cache.sync}`
    );

    // (b) the uncached path, off / on / off back to back (a drifting load weighs on both alike), and
    //     section 2's own path, for comparison with its figure.
    const offFixed = await measure(off, 'uncached: cache off, section 2 page', {
      pathOf: () => READ_PATH,
      check: checkReadPage,
    });
    const off1 = await measure(off, 'uncached: cache off, distinct pages (1/2)', {
      seconds: CACHE_DURATION_S / 2,
      pathOf: missPath,
      check: checkReadPage,
    });

    // Cache on, every request a miss (checked by X-Cache), on a cache that holds little yet.
    const miss = await measure(on, 'uncached: cache on, every request a miss', {
      seconds: CACHE_DURATION_S,
      pathOf: (n) => missPath(1_000_000 + n),
      check: (res) => checkReadPage(res) && res.headers['x-cache'] === 'MISS',
    });
    const off2 = await measure(off, 'uncached: cache off, distinct pages (2/2)', {
      seconds: CACHE_DURATION_S / 2,
      pathOf: (n) => missPath(2_000_000 + n),
      check: checkReadPage,
    });
    await off.stop();
    const offDistinct = mergeMeasures(off1, off2);

    // (a) one server, cache on.
    const health = await measure(on, 'cache on: GET /_health', {
      pathOf: () => '/_health',
      status: 204,
    });
    // A hit is the stored bytes: checked by X-Cache and length, not parsed again here (parsing 120 KB
    // a request would make this process, not the server, the bottleneck).
    const sameAnswer = (first) => (res) =>
      res.headers['x-cache'] === 'HIT' && res.text.length === first.text.length;
    const storyHit = await measure(on, 'cache on: story page (hits)', {
      pathOf: () => storyPath(storyIds[0]),
      check: sameAnswer(story),
    });
    const pageHit = await measure(on, 'cache on: 25-story page (hits)', {
      pathOf: () => READ_PATH,
      check: sameAnswer(page),
    });

    // (d) memory: every story page and every list page, once each.
    const beforeFill = await on.call('stats', { gc: true });
    const fillPaths = [
      ...storyIds.map(storyPath),
      ...Array.from({ length: PAGE_COUNT }, (_, p) => pagePath(p + 1)),
    ];
    const t = performance.now();
    let nextFill = 0;
    let fillErrors = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (nextFill < fillPaths.length) {
          const res = await request(on.url, 'GET', fillPaths[nextFill++]);
          if (res.status !== 200) fillErrors += 1;
        }
      })
    );
    if (fillErrors) log(`memory: ${fillErrors} fill requests did not answer 200`);
    const afterFill = await on.call('stats', { gc: true });
    log(
      `memory: filled ${fillPaths.length} answers in ${fmt((performance.now() - t) / 1000)}s: ` +
        `${afterFill.cache.entries} entries, ${mib(afterFill.cache.bytes)} of ${mib(afterFill.cache.maxBytes)}, ` +
        `${afterFill.cache.evictions} evictions; RSS ${mib(boot.rss)} at boot, ${mib(beforeFill.rss)} before, ` +
        `${mib(afterFill.rss)} after; heap ${mib(beforeFill.heapUsed)} -> ${mib(afterFill.heapUsed)}`
    );

    // The same misses once the cache holds every page: a larger heap, more for the GC to walk.
    const missFull = await measure(on, 'uncached: cache on, every request a miss, cache filled', {
      seconds: CACHE_DURATION_S,
      pathOf: (n) => missPath(3_000_000 + n),
      check: (res) => checkReadPage(res) && res.headers['x-cache'] === 'MISS',
    });

    // (c) freshness, on the cache-on server (its cache full from the fill).
    const fresh = await freshness(on, db, storyIds);
    return {
      story,
      page,
      health,
      storyHit,
      pageHit,
      boot,
      beforeFill,
      afterFill,
      fillPaths,
      offFixed,
      offDistinct,
      miss,
      missFull,
      fresh,
      section2,
    };
  } finally {
    await off.stop();
    await on.stop();
  }
};

const cacheRows = (c) => {
  const row = (measure, unit, value, target = '-', result = '-') => [
    measure,
    unit,
    value,
    target,
    result,
  ];
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const timing = (name, s) => [
    row(name, 'req/s', fmt(s.rps)),
    row(name, 'p50 / p99 ms', `${fmt(s.p50)} / ${fmt(s.p99)}`),
    row(name, 'server CPU ms/req', fmt(s.serverCpuPerReq, 3)),
  ];
  const storyRatio = c.storyHit.rps / c.health.rps;
  const pageRatio = c.pageHit.rps / c.health.rps;
  const missRatio = c.miss.rps / c.offDistinct.rps;
  const f = c.fresh;
  const rows = [
    ...timing('Cache on, GET /_health (floor)', c.health),
    ...timing(`Cache on, story page ${fmt(c.story.text.length / 1024)} KB`, c.storyHit),
    ...timing(`Cache on, 25-story page ${fmt(c.page.text.length / 1024)} KB`, c.pageHit),
    row(
      'Story page / health',
      'req/s ratio',
      fmt(storyRatio, 3),
      '>= 0.5',
      verdict(storyRatio >= 0.5)
    ),
    row(
      '25-story page / health',
      'req/s ratio',
      fmt(pageRatio, 3),
      '>= 0.5',
      verdict(pageRatio >= 0.5)
    ),
    // Server CPU per request is steadier on a shared machine than req/s (the load generator shares
    // the two cores with the server).
    row(
      'Health / story page',
      'server CPU/req ratio',
      fmt(c.health.serverCpuPerReq / c.storyHit.serverCpuPerReq, 3)
    ),
    row(
      'Health / 25-story page',
      'server CPU/req ratio',
      fmt(c.health.serverCpuPerReq / c.pageHit.serverCpuPerReq, 3)
    ),
    row(
      'Uncached, cache off, section 2 page',
      'req/s',
      fmt(c.offFixed.rps),
      c.section2 ? `section 2: ${fmt(c.section2.rps)}` : '-'
    ),
    ...timing('Uncached, cache off, distinct pages', c.offDistinct),
    ...timing('Uncached, cache on, all misses', c.miss),
    ...timing('Uncached, all misses, cache filled', c.missFull),
    row(
      'Uncached on-miss / off',
      'req/s ratio',
      fmt(missRatio, 3),
      '>= 0.95',
      verdict(missRatio >= 0.95)
    ),
    row(
      'Uncached off / on-miss',
      'CPU/req ratio',
      fmt(c.offDistinct.serverCpuPerReq / c.miss.serverCpuPerReq, 3)
    ),
    row('Freshness, same process', 'moves / reads', `${f.moves} / ${f.a.reads}`),
    row('Freshness, same process', 'stale reads', String(f.a.stale), '0', verdict(f.a.stale === 0)),
    row('Freshness, same process', 'errors', String(f.a.errors), '0', verdict(f.a.errors === 0)),
    row('Freshness, same process', 'hit ratio', fmt(f.a.hitRatio, 3)),
  ];
  if (f.b)
    rows.push(
      row(
        'Freshness, 2nd process',
        'propagation p50 / p99 ms',
        `${fmt(f.b.startP50)} / ${fmt(f.b.startP99)}`,
        'p99 < 100',
        verdict(f.b.startP99 < 100 && f.b.unpropagated === 0)
      ),
      row(
        'Freshness, 2nd process',
        'to fresh answer (rebuilt) p50/p99',
        `${fmt(f.b.p50)} / ${fmt(f.b.p99)}`
      ),
      row('Freshness, 2nd process', 'fresh at first read', `${f.b.freshAtOnce} of ${f.b.delays}`),
      row('Freshness, 2nd process', 'read p50 ms', fmt(f.b.readP50)),
      row('Freshness, 2nd process', 'moves timed / reads', `${f.b.delays} / ${f.b.reads}`),
      row(
        'Freshness, 2nd process',
        'stale after 100 ms',
        String(f.b.stale),
        '0',
        verdict(f.b.stale === 0)
      ),
      row('Freshness, 2nd process', 'stale within 100 ms', String(f.b.withinBound)),
      row('Freshness, 2nd process', 'errors', String(f.b.errors), '0', verdict(f.b.errors === 0)),
      row('Freshness, 2nd process', 'hit ratio', fmt(f.b.hitRatio, 3))
    );
  rows.push(
    row(
      'Memory, cache filled',
      'bytes / limit',
      `${mib(c.afterFill.cache.bytes)} / ${mib(c.afterFill.cache.maxBytes)}`
    ),
    row(
      'Memory, cache filled',
      'entries / evictions',
      `${c.afterFill.cache.entries} / ${c.afterFill.cache.evictions}`
    ),
    row(
      'Memory, RSS',
      'boot / before / after fill',
      `${mib(c.boot.rss)} / ${mib(c.beforeFill.rss)} / ${mib(c.afterFill.rss)}`
    ),
    row(
      'Memory, heap + external',
      'boot / before / after fill',
      [c.boot, c.beforeFill, c.afterFill].map((m) => mib(m.heapUsed + m.external)).join(' / ')
    )
  );
  return rows;
};

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

// ---------------------------------------------------------------- main
let DIST_DIR = path.join(APP_DIR, 'dist');

const build = () => {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    log('BENCH_SKIP_BUILD=1: using dist/ as it is');
  } else {
    const t = Date.now();
    execFileSync('npm', ['run', 'build:plugins'], { cwd: APP_DIR, stdio: 'inherit' });
    execFileSync(
      process.execPath,
      [
        '-e',
        `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(APP_DIR)} }).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })`,
      ],
      { cwd: APP_DIR, stdio: 'inherit' }
    );
    log(`compiled app and plugin in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  }
  // A private copy of dist/: other runs (tests) may recompile the shared one meanwhile.
  const copy = path.join(tmpDir, 'dist');
  fs.cpSync(path.join(APP_DIR, 'dist'), copy, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(APP_DIR, 'dist', 'build')),
  });
  DIST_DIR = copy;
};

let LOAD_AT_START = NaN;
const main = async () => {
  LOAD_AT_START = load1();
  log(
    `database ${DB_KIND}, ${STORIES} stories, node ${process.version}, ${os.cpus().length} cores`
  );
  build();

  if (CACHE_ONLY) {
    const db = await newDatabase('cache');
    const server = await startServer(db, { workflow: true });
    const seeded = await server.call('seed', { stories: STORIES, drafts: 0 });
    log(`seeded ${seeded.published} published stories x 3 quotes in ${fmt(seeded.ms / 1000)}s`);
    await server.stop();
    const t = Date.now();
    const cache = await cacheSection(db, seeded.publishedIds, null);
    printTable(
      cacheRows(cache),
      `cache only, ${CACHE_DURATION_S}s a measure after ${WARMUP_S}s warm-up, section took ${fmt((Date.now() - t) / 1000)}s`
    );
    return 0;
  }

  if (DESK_ONLY) {
    const db = await newDatabase('desk');
    const server = await startServer(db, { workflow: true });
    log(`Strapi (workflow on) up in ${server.bootMs} ms on ${server.url}`);
    const desk = await deskSection(server);
    await server.stop();
    printTable(deskRows(desk), `desk only, ${DESK_RUNS} runs a measure`);
    return 0;
  }

  if (LIST_ONLY) {
    const db = await newDatabase('list');
    const server = await startServer(db, { workflow: true });
    log(`Strapi (workflow on) up in ${server.bootMs} ms on ${server.url}`);
    const list = await listSection(server);
    await server.stop();
    printTable(listRows(list), 'list view only');
    return 0;
  }

  // 1. Seed once, plugin on; the plugin-off run reads a copy with the same rows.
  const dbOn = await newDatabase('on');
  let server = await startServer(dbOn, { workflow: true });
  log(`Strapi (workflow on) up in ${server.bootMs} ms on ${server.url}`);
  const seeded = await server.call('seed', { stories: STORIES, drafts: TRANSITION_DOCS });
  log(
    `seeded ${seeded.published} published stories x 3 quotes in ${fmt(seeded.ms / 1000)}s ` +
      `(create ${fmt(seeded.createMs / 1000)}s, submit+approve ${fmt(seeded.publishMs / 1000)}s) + ${seeded.draftIds.length} drafts`
  );
  await server.stop();
  const dbOff = await copyDatabase(dbOn, 'off');
  const dbCache = await copyDatabase(dbOn, 'cache'); // section 6: as seeded

  // 2. Public reads, off / on / off (same rows, one server at a time): the plugin-off time is split
  //    around the plugin-on run, so a load that drifts during the run weighs on both alike.
  const half = DURATION_S / 2;
  const off1 = await readSegment(dbOff, {
    workflow: false,
    seconds: half,
    label: 'reads, workflow off (1/2)',
  });
  const on1 = await readSegment(dbOn, {
    workflow: true,
    seconds: DURATION_S,
    label: 'reads, workflow on',
  });
  const off2 = await readSegment(dbOff, {
    workflow: false,
    seconds: half,
    label: 'reads, workflow off (2/2)',
  });
  const readOff = mergeSegments([off1, off2]);
  const readOn = mergeSegments([on1]);

  server = await startServer(dbOn, { workflow: true });
  log(`Strapi (workflow on) up in ${server.bootMs} ms on ${server.url}`);

  // 3. Transitions over the admin API.
  const auth = await adminLogin(server);
  log(
    `transitions: ${CYCLES} submit/request_changes cycles, ${TRANSITION_CLIENTS} clients over ${seeded.draftIds.length} documents`
  );
  const moves = await transitionBench(server, auth, seeded.draftIds);
  log(
    `transitions: ${fmt(moves.rps)}/s, p50 ${fmt(moves.p50)} ms, p99 ${fmt(moves.p99)} ms (${moves.count} moves), ` +
      `server CPU ${fmt(moves.serverCpuPerReq, 2)} ms/move, load ${fmt(load1(), 2)}`
  );

  // 3b. The same moves through the content API with an API token: what the workflow itself costs
  //     once Strapi's per-request admin permission build (~7 ms, core) is out of the way.
  const { accessKey } = await server.call('token');
  const tokenMoves = await transitionBench(
    server,
    { Authorization: `Bearer ${accessKey}` },
    seeded.draftIds,
    '/api'
  );
  log(
    `transitions (API token): ${fmt(tokenMoves.rps)}/s, p50 ${fmt(tokenMoves.p50)} ms, p99 ${fmt(tokenMoves.p99)} ms ` +
      `(${tokenMoves.count} moves), server CPU ${fmt(tokenMoves.serverCpuPerReq, 2)} ms/move`
  );

  // 4. The fact-check queue at 1,000 and 10,000 documents.
  const queue = {};
  for (const total of [1000, 10000]) {
    const filled = await server.call('queue-states', { total });
    log(
      `queue: ${filled.factCheck} in fact_check (${filled.inserted} inserted in ${filled.ms} ms), ` +
        `${filled.states} workflow states, ${filled.articleRows} article rows`
    );
    queue[total] = await queueBench(server, auth, `queue @${total}`);
  }

  // 5. The Content Manager's list view at newsroom size, filtered and sorted by stage.
  const list = await listSection(server);

  // 7. The Newsroom desk over 100,000 history entries.
  const desk = await deskSection(server);
  await server.stop();

  // 6. The response cache.
  const cacheStarted = Date.now();
  const cache = await cacheSection(dbCache, seeded.publishedIds, readOn);
  const cacheSeconds = (Date.now() - cacheStarted) / 1000;

  // ---------------------------------------------------------------- report
  const ratio = readOn.rps / readOff.rps;
  const rows = [
    ['Seeding', `${seeded.published} stories x 3 quotes`, `${fmt(seeded.ms / 1000)} s`, '-', '-'],
    ['Reads, workflow off', 'req/s', fmt(readOff.rps), '-', '-'],
    ['Reads, workflow off', 'p50 / p99 ms', `${fmt(readOff.p50)} / ${fmt(readOff.p99)}`, '-', '-'],
    ['Reads, workflow on', 'req/s', fmt(readOn.rps), '-', '-'],
    ['Reads, workflow on', 'p50 / p99 ms', `${fmt(readOn.p50)} / ${fmt(readOn.p99)}`, '-', '-'],
    ['Reads on/off', 'req/s ratio', fmt(ratio, 3), '>= 0.95', ratio >= 0.95 ? 'PASS' : 'MISS'],
    ['Reads on/off', 'p50 ratio', fmt(readOn.p50 / readOff.p50, 3), '-', '-'],
    ['Reads on/off', 'p99 ratio', fmt(readOn.p99 / readOff.p99, 3), '-', '-'],
    [
      'Reads on/off',
      'server CPU ms/req',
      `${fmt(readOn.serverCpuPerReq, 2)} / ${fmt(readOff.serverCpuPerReq, 2)}`,
      '-',
      '-',
    ],
    // CPU the server spends per request hardly depends on what else runs on the machine: the steadier figure.
    [
      'Reads off/on',
      'CPU/req ratio',
      fmt(readOff.serverCpuPerReq / readOn.serverCpuPerReq, 3),
      '-',
      '-',
    ],
    [
      'Transitions, admin JWT',
      'per second',
      fmt(moves.rps),
      '>= 100',
      moves.rps >= 100 ? 'PASS' : 'MISS',
    ],
    ['Transitions, admin JWT', 'p50 / p99 ms', `${fmt(moves.p50)} / ${fmt(moves.p99)}`, '-', '-'],
    ['Transitions, admin JWT', 'server CPU ms/move', fmt(moves.serverCpuPerReq, 2), '-', '-'],
    [
      'Transitions, API token',
      'per second',
      fmt(tokenMoves.rps),
      '>= 100',
      tokenMoves.rps >= 100 ? 'PASS' : 'MISS',
    ],
    [
      'Transitions, API token',
      'p50 / p99 ms',
      `${fmt(tokenMoves.p50)} / ${fmt(tokenMoves.p99)}`,
      '-',
      '-',
    ],
    ['Transitions, API token', 'server CPU ms/move', fmt(tokenMoves.serverCpuPerReq, 2), '-', '-'],
    ['Queue @1,000', 'p50 / p99 ms', `${fmt(queue[1000].p50)} / ${fmt(queue[1000].p99)}`, '-', '-'],
    [
      'Queue @10,000',
      'p50 / p99 ms',
      `${fmt(queue[10000].p50)} / ${fmt(queue[10000].p99)}`,
      'p99 < 50',
      queue[10000].p99 < 50 ? 'PASS' : 'MISS',
    ],
    ['Queue @10,000', 'server CPU ms/req', fmt(queue[10000].serverCpuPerReq, 2), '-', '-'],
    ['Queue 10k/1k', 'p99 ratio', fmt(queue[10000].p99 / queue[1000].p99, 3), '-', '-'],
    ...listRows(list),
    ...deskRows(desk),
  ];
  printTable(
    rows,
    `${CONNECTIONS} connections, ${DURATION_S}s after ${WARMUP_S}s warm-up; ${readOff.errors + readOn.errors} read errors`,
    ` Read segments off: ${readOff.segments.join(', ')} req/s.`
  );
  printTable(
    cacheRows(cache),
    `response cache, ${CACHE_DURATION_S}s a measure after ${WARMUP_S}s warm-up, section took ${fmt(cacheSeconds)}s`
  );
  log('done');
  return rows.some((r) => r[4] === 'MISS') ? 1 : 0;
};

const printTable = (rows, what, extra = '') => {
  const widths = [0, 1, 2, 3, 4].map((i) =>
    Math.max(
      ...rows.map((r) => r[i].length),
      ['Measure', 'Unit', 'Value', 'Target', 'Result'][i].length
    )
  );
  const line = (r) =>
    r.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log('');
  console.log(
    `Benchmark (${DB_KIND}, node ${process.version}, ${os.cpus().length} cores, ${what})`
  );
  console.log(
    `Load average (1 min) at start ${fmt(LOAD_AT_START, 2)}, at end ${fmt(load1(), 2)}: anything above ~2 on 2 cores means other ` +
      `processes shared the CPU and the figures are pessimistic.${extra}`
  );
  console.log(line(['Measure', 'Unit', 'Value', 'Target', 'Result']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log('');
};

main()
  .then(async (code) => {
    await cleanup();
    agent.destroy();
    process.exitCode = 0; // a benchmark: a MISS is a figure, not a failure
    void code;
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    agent.destroy();
    process.exitCode = 1;
  });
