'use strict';
// Development secrets are generated on first run into a git-ignored .env, so a fresh clone needs no
// hand-made configuration. Keys already present are never changed. Production never comes here.
// Also the one place that names Strapi's secrets and makes them: the tests, the browser tests and
// the bench take theirs from `generateSecrets()` (a plain CommonJS module, so any of them can
// require it).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const ENV_FILE = path.resolve(__dirname, '..', '..', '.env');
const random = (bytes = 32) => crypto.randomBytes(bytes).toString('base64');

/** The secrets Strapi needs (production refuses to start without any of them). */
const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

const generateSecret = (name) =>
  name === 'APP_KEYS' ? [random(16), random(16), random(16), random(16)].join(',') : random();

/** A fresh value for each of SECRET_NAMES: `{ APP_KEYS: 'a,b,c,d', API_TOKEN_SALT: '…', … }`. */
const generateSecrets = () =>
  Object.fromEntries(SECRET_NAMES.map((name) => [name, generateSecret(name)]));

const GENERATED = {
  ...Object.fromEntries(SECRET_NAMES.map((name) => [name, () => generateSecret(name)])),
  // Signs editors' preview tokens (README, "Preview for editors"); used once PREVIEW_URL is set.
  PREVIEW_SECRET: () => random(),
  // Meets the admin password rules (length, upper, lower, digit).
  DEMO_PASSWORD: () => `Demo-${crypto.randomBytes(6).toString('hex')}-Aa1`,
};

const parse = (text) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=(.*)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]])
  );

function ensureDevEnv() {
  if (process.env.NODE_ENV === 'production') return { created: [] };
  const existing = fs.existsSync(ENV_FILE) ? fs.readFileSync(ENV_FILE, 'utf8') : '';
  const present = parse(existing);
  const created = Object.keys(GENERATED).filter((key) => !(key in present) && !process.env[key]);
  if (created.length > 0) {
    const lines = created.map((key) => `${key}=${GENERATED[key]()}`);
    const header = existing
      ? ''
      : '# Generated for development by src/cli/ensure-env.js. Never commit this file.\n';
    const separator = existing && !existing.endsWith('\n') ? '\n' : '';
    fs.writeFileSync(ENV_FILE, `${existing}${separator}${header}${lines.join('\n')}\n`, {
      mode: 0o600,
    });
  }
  return { created };
}

module.exports = { ensureDevEnv, ENV_FILE, SECRET_NAMES, generateSecrets };

if (require.main === module) {
  const { created } = ensureDevEnv();
  console.log(created.length ? `.env: generated ${created.join(', ')}` : '.env: complete');
}
