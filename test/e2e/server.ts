// A production Strapi in a child process for browser tests: own port, own SQLite file, own secrets.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

const secret = () => crypto.randomBytes(24).toString('base64');

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/**
 * `NODE_ENV=production npm run build` (the plugin, then the app), unless E2E_REUSE_BUILD=1 and both
 * the admin bundle and the plugin's server build exist (CI builds once, right before the e2e step).
 */
export const ensureProductionBuild = () => {
  const outputs = [
    path.join(ROOT, 'dist', 'build', 'index.html'),
    path.join(ROOT, 'src', 'plugins', 'editorial-workflow', 'dist', 'server', 'index.js'),
  ];
  if (process.env.E2E_REUSE_BUILD === '1' && outputs.every((file) => fs.existsSync(file))) return { built: false, ms: 0 };
  const started = Date.now();
  const res = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (res.status !== 0) throw new Error(`production build failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  return { built: true, ms: Date.now() - started };
};

export interface RunningStrapi {
  url: string;
  child: ChildProcess;
  logs: string[];
  stop: () => Promise<void>;
}

export const startStrapi = async (): Promise<RunningStrapi> => {
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    BROWSER: 'none',
  };
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  const logs: string[] = [];
  const keep = (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const gone = await Promise.race([
        new Promise<boolean>((r) => child.once('exit', () => r(true))),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!gone && !exited) child.kill('SIGKILL');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`strapi start exited early:\n${logs.join('')}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204 || res.ok) return { url, child, logs, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`strapi start did not answer within 120 s:\n${logs.join('')}`);
};

/** JSON over fetch against the running server. */
export const api = async <T = any>(
  baseUrl: string,
  method: string,
  url: string,
  { token, body }: { token?: string; body?: unknown } = {}
): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
};

export const PASSWORD = 'E2e-password-1';
export const CHIEF_EMAIL = 'chief@e2e.example';

/** The first admin (register-admin), then invited users with a role, who set their password via /admin/register. */
export const createAdmins = async (url: string, roles: { email: string; firstname: string; role: string }[]) => {
  const first = await api(url, 'POST', '/admin/register-admin', {
    body: { email: CHIEF_EMAIL, firstname: 'Chief', lastname: 'Admin', password: PASSWORD },
  });
  if (first.status !== 200) throw new Error(`register-admin: ${first.status} ${JSON.stringify(first.body)}`);
  const token: string = first.body.data.token;
  const roleList = await api(url, 'GET', '/admin/roles', { token });
  const users: Record<string, { email: string }> = {};
  for (const r of roles) {
    const role = roleList.body.data.find((x: any) => x.name === r.role || x.code === r.role);
    if (!role) throw new Error(`no role ${r.role}: ${roleList.body.data.map((x: any) => x.name).join(', ')}`);
    const created = await api(url, 'POST', '/admin/users', {
      token,
      body: { email: r.email, firstname: r.firstname, lastname: 'E2e', roles: [role.id] },
    });
    if (created.status !== 201 && created.status !== 200) throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
    const reg = await api(url, 'POST', '/admin/register', {
      body: {
        registrationToken: created.body.data.registrationToken,
        userInfo: { firstname: r.firstname, lastname: 'E2e', password: PASSWORD },
      },
    });
    if (reg.status !== 200) throw new Error(`register ${r.email}: ${reg.status} ${JSON.stringify(reg.body)}`);
    users[r.email] = { email: r.email };
  }
  return { adminToken: token, users };
};
