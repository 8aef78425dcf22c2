// Compiles the app (and the plugin) once for every API test file.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(__dirname, '..', '..');

export default async function setup() {
  execFileSync(process.execPath, [path.join(APP_DIR, 'src', 'cli', 'build-plugins.js')], { stdio: 'inherit' });
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
}
