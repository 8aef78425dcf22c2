// Once per run: the production build, one server for every test (one worker), its admin users, and
// each role's session, logged in once through the admin login API. The login API allows 5 logins
// per email in 5 minutes, so tests share these sessions instead of logging in each time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import {
  CHROMIUM,
  createAdmins,
  ensureProductionBuild,
  ROOT,
  startProductionServer,
} from './server';
import { startMailbox } from './mailbox';
import { PASSWORD, ROLES, USERS } from './users';

export default async function globalSetup() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`
    );
  const build = ensureProductionBuild();
  console.log(
    build.built
      ? `production build: ${Math.round(build.ms / 1000)} s`
      : 'production build: reused dist/build'
  );

  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-state-'));
  // The server's notification emails land here, one JSON file each, for the tests to read.
  const mailDir = path.join(stateDir, 'mail');
  const mailbox = await startMailbox(mailDir);
  const server = await startProductionServer({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
  }).catch(async (error) => {
    await mailbox.stop();
    throw error;
  });
  const teardown = async () => {
    // The server's own log, for whoever looks at a failure.
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results', 'e2e-server.log'), server.output());
    await server.stop();
    await mailbox.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await createAdmins(
      server.url,
      ROLES.map((role) => USERS[role]),
      PASSWORD
    );
    const tokens: Record<string, string> = {};
    for (const role of ROLES) {
      const context = await request.newContext({ baseURL: server.url });
      const res = await context.post('/admin/login', {
        data: { email: USERS[role].email, password: PASSWORD, rememberMe: true },
      });
      if (!res.ok()) throw new Error(`login as ${role}: ${res.status()} ${await res.text()}`);
      const token: string = (await res.json()).data.token;
      tokens[role] = token;
      // The refresh cookie comes from the response; the admin app reads the access token from
      // localStorage, where its own login form puts it when "Remember me" is ticked.
      const state = await context.storageState();
      state.origins = [
        {
          origin: server.url,
          localStorage: [
            { name: 'jwtToken', value: JSON.stringify(token) },
            { name: 'isLoggedIn', value: 'true' },
          ],
        },
      ];
      fs.writeFileSync(path.join(stateDir, `${role}.json`), JSON.stringify(state, null, 2));
      await context.dispose();
    }
    fs.writeFileSync(path.join(stateDir, 'tokens.json'), JSON.stringify(tokens));
  } catch (error) {
    await teardown();
    throw error;
  }
  // Inherited by the test workers, which start after this.
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_STATE_DIR = stateDir;
  process.env.E2E_MAIL_DIR = mailDir;
  return teardown;
}
