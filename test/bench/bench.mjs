// npm run bench — what the editorial-workflow plugin costs, in figures and ratios (not a test).
//
//  1. seeds BENCH_STORIES (1,000) published stories of three quotes each (speaker + source) into a
//     fresh temp database, through the workflow service (plugin on);
//  2. public GET /api/articles (25 a page, quotes with speaker and source populated): req/s, p50/p99,
//     plugin off (a copy of the same database) vs on, 10 keep-alive connections, warm-up + fixed time;
//  3. workflow transitions over the admin API (submit / request_changes cycles by a super admin);
//  4. the fact-check queue page at 1,000 and 10,000 documents in fact_check;
//  5. the Content Manager's list view at BENCH_LIST_STORIES (100,000) stories, as an Editor: filtered by
//     stage and sorted by stage, without and with the stage copy's index.
// Each Strapi runs in a child process (test/bench/worker.cjs) on 127.0.0.1:<free port>; the load
// generator (this process) talks to it over loopback only. Temp files and children are removed at the end.
//
// Env: BENCH_DATABASE=sqlite|postgres, BENCH_STORIES, BENCH_DURATION (s), BENCH_WARMUP (s),
//      BENCH_CONNECTIONS, BENCH_CYCLES, BENCH_SKIP_BUILD=1 (reuse dist/), BENCH_LIST_STORIES,
//      BENCH_LIST_ONLY=1 (section 5 alone, on a fresh database).
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
const startServer = async (database, { workflow }) => {
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
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') })
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
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    elapsedMs,
  };
};

/** `connections` loops, each one request at a time, for `durationMs`. */
const load = async (base, pathname, { connections, durationMs, headers, check, keep = false }) => {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const start = performance.now();
  const deadline = start + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        const res = await request(base, 'GET', pathname, { headers });
        const ms = performance.now() - t;
        if (res.status !== 200 || (check && !check(res))) {
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
  const server = await startServer(database, { workflow });
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
  await server.stop();

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
  ];
  printTable(
    rows,
    `${CONNECTIONS} connections, ${DURATION_S}s after ${WARMUP_S}s warm-up; ${readOff.errors + readOn.errors} read errors`,
    ` Read segments off: ${readOff.segments.join(', ')} req/s.`
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
