'use strict';
// What every test run needs besides the code under test: fresh secrets, a database of its own and
// Strapi child processes on free ports. One module for the API tests (test/helpers/*.ts), the
// browser tests (test/e2e) and the benchmark (test/bench/*.mjs), so it is plain CommonJS; its types
// are in test-env.d.cts.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const APP_DIR = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// Secrets

// The names config/ requires in production and their generator live in src/cli/ensure-env.js,
// which writes the development .env from the same set.
const { SECRET_NAMES, generateSecrets } = require('../../src/cli/ensure-env.js');

/** A fresh value for every secret; never written anywhere, so each run signs with its own keys. */
const testSecrets = () => generateSecrets();

/** Quiet, offline Strapi: no telemetry, no banner. */
const QUIET_ENV = { STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_STARTUP_BANNER: 'false' };

// ---------------------------------------------------------------------------------------------
// Databases

const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const pgAdminUrl = () => process.env.TEST_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;

/** TEST_DATABASE=postgres selects PostgreSQL; anything else SQLite. */
const databaseKind = (value = process.env.TEST_DATABASE) =>
  value === 'postgres' ? 'postgres' : 'sqlite';

/** One statement on the PostgreSQL server (CREATE/DROP DATABASE), on a connection of its own. */
const pgAdminQuery = async (sql, adminUrl = pgAdminUrl()) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
};

const uniqueName = (prefix) => `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/**
 * A database nobody else uses: a new PostgreSQL database (`kind: 'postgres'`) or a temp SQLite file.
 * `env` is what Strapi needs to use it; `drop()` removes it; `copy()` makes a second database with
 * the same rows (PostgreSQL `TEMPLATE`, or the SQLite files copied; nothing may be connected).
 */
const createDatabase = async ({
  kind = databaseKind(),
  prefix = 'newsroom_test',
  dir = os.tmpdir(),
  adminUrl = pgAdminUrl(),
} = {}) => {
  const name = uniqueName(prefix);
  if (kind === 'postgres') {
    const make = async (dbName, sql) => {
      await pgAdminQuery(sql, adminUrl);
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      return {
        kind,
        name: dbName,
        env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
        drop: () =>
          pgAdminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, adminUrl).then(
            () => undefined
          ),
        copy: async (copyPrefix = `${prefix}_copy`) => {
          const copyName = uniqueName(copyPrefix);
          return make(copyName, `CREATE DATABASE ${copyName} TEMPLATE ${dbName}`);
        },
      };
    };
    return make(name, `CREATE DATABASE ${name}`);
  }
  const make = (file) => ({
    kind,
    name: file,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const suffix of SQLITE_SUFFIXES) fs.rmSync(`${file}${suffix}`, { force: true });
    },
    copy: async (copyPrefix = `${prefix}_copy`) => {
      const target = path.join(path.dirname(file), `${uniqueName(copyPrefix)}.db`);
      for (const suffix of SQLITE_SUFFIXES) {
        if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, target + suffix);
      }
      return make(target);
    },
  });
  return make(path.join(dir, `${name}.db`));
};

// ---------------------------------------------------------------------------------------------
// Strapi child processes

/** A port nothing listens on right now (the kernel's choice). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every child still running, SIGKILLed if this process exits without stopping them.
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const exited = (child) => child.exitCode !== null || child.signalCode !== null;
const whenExited = (child) =>
  exited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Runs `command args` (by default `node args`) with HOST=127.0.0.1 and PORT=<a free port> added to
 * `env`, and resolves once GET /_health answers. `ipc` opens a message channel (command must be node),
 * `onSpawn(child)` attaches listeners before the server is up, `output: 'inherit'` shows the child's
 * output instead of keeping its last lines for the error message. A port taken between the probe
 * and the child's listen (EADDRINUSE) is retried on another one.
 */
const startServer = async ({
  command = process.execPath,
  args = [],
  env = {},
  cwd = APP_DIR,
  ipc = false,
  output = 'keep',
  onSpawn,
  timeoutMs = 120_000,
  label = 'strapi',
} = {}) => {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const pipe = output === 'inherit' ? 'inherit' : 'pipe';
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', pipe, pipe, ...(ipc ? ['ipc'] : [])],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const lines = [];
    const keep = (chunk) => {
      lines.push(chunk.toString());
      if (lines.length > 400) lines.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    onSpawn?.(child);

    const url = `http://127.0.0.1:${port}`;
    const kill = () => {
      if (!exited(child)) child.kill('SIGKILL');
      return whenExited(child);
    };
    const stop = async ({ graceMs = 10_000 } = {}) => {
      if (exited(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await whenExited(child);
      clearTimeout(timer);
    };
    const server = { url, port, child, output: () => lines.join(''), stop, kill };

    const deadline = Date.now() + timeoutMs;
    let healthy = false;
    while (!exited(child) && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/_health`);
        if (res.status === 204 || res.ok) {
          healthy = true;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(250);
    }
    // The child must still be ours and alive: a health answer from a process that took the port
    // while ours failed to bind would otherwise pass.
    if (healthy && !exited(child)) return server;
    await kill();
    if (/EADDRINUSE/.test(server.output()) && attempt < 3) continue;
    throw new Error(
      healthy || exited(child)
        ? `${label} exited before it was up (${child.exitCode ?? child.signalCode}):\n${server.output()}`
        : `${label} did not answer /_health within ${timeoutMs / 1000} s:\n${server.output()}`
    );
  }
};

module.exports = {
  APP_DIR,
  SECRET_NAMES,
  testSecrets,
  QUIET_ENV,
  databaseKind,
  pgAdminUrl,
  pgAdminQuery,
  createDatabase,
  freePort,
  startServer,
};
