'use strict';
// `npm run develop`: development secrets; the editorial-workflow plugin built and then rebuilt on
// every change (`strapi-plugin watch`); then Strapi's dev server (which loads the demo content
// into an empty database and creates the demo accounts).
const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');
const { ensureDevEnv } = require('./ensure-env');

const PLUGIN_DIR = path.resolve(__dirname, '..', 'plugins', 'editorial-workflow');
// Both CLIs run as direct children (no npx in between), so a signal reaches them. Neither package
// exports its bin path: it sits beside the package.json.
const binOf = (pkg, bin) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', bin);
const SDK_CLI = binOf('@strapi/sdk-plugin', 'strapi-plugin.js');
const STRAPI_CLI = binOf('@strapi/strapi', 'strapi.js');
// One bundle per object entry of the plugin's package.json exports, named as the SDK logs them.
const BUNDLES = ['admin', 'server'];
const FIRST_BUILD_TIMEOUT_MS = 120_000;

/**
 * Starts `strapi-plugin watch` and resolves once its first build of every bundle has ended. Strapi
 * must not start before: the watcher's first build empties dist/ and a boot that finds no server
 * build stops (src/newsroom/plugin-builds.ts).
 */
const watchPlugin = () =>
  new Promise((resolve, reject) => {
    const watcher = spawn(process.execPath, [SDK_CLI, 'watch'], {
      cwd: PLUGIN_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pending = new Set(BUNDLES);
    const failed = [];
    let settled = false;
    const settle = (problem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!problem) return resolve(watcher);
      watcher.kill('SIGTERM');
      reject(
        new Error(
          `The editorial-workflow plugin does not build (${problem}): see the output above.`
        )
      );
    };
    const timer = setTimeout(
      () => settle(`no first build within ${FIRST_BUILD_TIMEOUT_MS / 1000} s`),
      FIRST_BUILD_TIMEOUT_MS
    );
    const onLine = (line) => {
      console.log(`[editorial-workflow] ${line}`);
      const done = /\b(admin|server) rebuilt in \d+/.exec(line);
      const error = /Error building (admin|server)\b/.exec(line);
      if (settled || (!done && !error)) return;
      pending.delete((done ?? error)[1]);
      if (error) failed.push(error[1]);
      if (pending.size === 0) settle(failed.length > 0 ? `${failed.join(' and ')} bundle` : null);
    };
    readline.createInterface({ input: watcher.stdout }).on('line', onLine);
    readline.createInterface({ input: watcher.stderr }).on('line', onLine);
    watcher.on('exit', (code, signal) => {
      if (!settled) settle(`the watcher exited with ${signal ?? code}`);
      else if (!watcher.killed)
        console.error(
          `[editorial-workflow] the watcher stopped (${code}): plugin changes are no longer rebuilt.`
        );
    });
  });

const main = async () => {
  process.env.NODE_ENV = 'development';
  const { created } = ensureDevEnv();
  if (created.length) console.log(`Generated development secrets in .env: ${created.join(', ')}`);

  const watcher = await watchPlugin();
  const strapi = spawn(
    process.execPath,
    [STRAPI_CLI, 'develop', '--no-install-deps', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: process.env,
    }
  );
  strapi.on('exit', (code, signal) => {
    watcher.kill('SIGTERM');
    process.exit(signal ? 1 : (code ?? 0));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      watcher.kill(signal);
      strapi.kill(signal);
    });
  }
};

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
