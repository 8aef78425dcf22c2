'use strict';
// Local plugins are TypeScript; Strapi's loader reads only JavaScript, so each plugin's server is
// compiled before Strapi starts. Runs from `npm run develop`, `npm run build`, `npm install` and tests.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const pluginsDir = path.resolve(__dirname, '..', 'plugins');
const tsc = require.resolve('typescript/bin/tsc');

for (const name of fs.existsSync(pluginsDir) ? fs.readdirSync(pluginsDir) : []) {
  const tsconfig = path.join(pluginsDir, name, 'server', 'tsconfig.build.json');
  if (!fs.existsSync(tsconfig)) continue;
  execFileSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
}
