// A second Strapi process on the same database, as when several instances serve one newsroom.
import type { ChildProcess } from 'node:child_process';
import { APP_DIR, DIST_DIR } from './strapi';
import { startServer } from './test-env.cjs';

// Listens on the PORT startServer gives it; SIGTERM shuts Strapi down cleanly.
const SCRIPT = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)}, autoReload: false, serveAdminPanel: false })
  .load()
  .then(async (app) => {
    await app.listen();
    process.on('SIGTERM', () => app.destroy().then(() => process.exit(0)));
  })
  .catch((e) => { console.error(e); process.exit(1); });
`;

/** Inherits this process's environment (secrets, database) and adds `env`. */
export const startSecondProcess = async (
  env: Record<string, string | undefined>
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> => {
  const server = await startServer({
    args: ['-e', SCRIPT],
    env,
    timeoutMs: 90_000,
    label: 'second Strapi process',
  });
  return { url: server.url, child: server.child, stop: () => server.stop() };
};
