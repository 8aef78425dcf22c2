// A second Strapi process on the same database, as when several instances serve one newsroom.
import { spawn, type ChildProcess } from 'node:child_process';
import { APP_DIR, DIST_DIR } from './strapi';

const SCRIPT = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)}, autoReload: false, serveAdminPanel: false })
  .load()
  .then(async (app) => {
    await app.listen();
    process.stdout.write('LISTENING ' + app.server.httpServer.address().port + '\\n');
    process.on('SIGTERM', () => app.destroy().then(() => process.exit(0)));
  })
  .catch((e) => { console.error(e); process.exit(1); });
`;

export const startSecondProcess = (env: Record<string, string | undefined>) =>
  new Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], {
      cwd: APP_DIR,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`second process did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/LISTENING (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          child,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`second process exited with ${code}:\n${output}`));
    });
  });
