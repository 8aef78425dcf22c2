'use strict';
// `npm run develop`: development secrets, then Strapi's dev server (which loads the demo content
// into an empty database and creates the demo accounts).
const { spawn } = require('child_process');
const { ensureDevEnv } = require('./ensure-env');

process.env.NODE_ENV = 'development';
const { created } = ensureDevEnv();
if (created.length) console.log(`Generated development secrets in .env: ${created.join(', ')}`);

const child = spawn('npx', ['strapi', 'develop', '--no-install-deps', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
