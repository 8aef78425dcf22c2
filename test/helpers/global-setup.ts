// Builds the editorial-workflow plugin (@strapi/sdk-plugin) and compiles the app once for every
// API test file: Strapi loads a plugin's server from its built dist/ only.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(__dirname, '..', '..');

export default async function setup() {
  execFileSync('npm', ['run', 'build:plugins'], { cwd: APP_DIR, stdio: 'inherit' });
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
}
