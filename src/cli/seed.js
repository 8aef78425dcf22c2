'use strict';
// `npm run seed`: load the demo content into the configured database (SQLite by default,
// PostgreSQL with DATABASE_CLIENT=postgres). Running it again creates nothing twice.
const { execFileSync } = require('child_process');
const path = require('path');
const { ensureDevEnv } = require('./ensure-env');

async function main() {
  ensureDevEnv();
  require('dotenv').config({ path: path.resolve(__dirname, '..', '..', '.env') });
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..');
  // Strapi loads the editorial-workflow plugin from its build (@strapi/sdk-plugin).
  execFileSync('npm', ['run', 'build:plugins'], { cwd: appDir, stdio: 'inherit' });
  const { distDir } = await compileStrapi({ appDir });
  const app = await createStrapi({ appDir, distDir }).load();
  try {
    const { loadDemoContent } = require(path.join(distDir, 'src', 'demo'));
    const content = await loadDemoContent(app);
    const articles = await app.db.query('api::article.article').count();
    app.log.info(
      `Demo content loaded: ${Object.keys(content.people).length} people, ${Object.keys(content.sources).length} sources, ${articles} article rows.`
    );
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
