import path from 'path';
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

// The SQLite file is relative to the project, not to dist/, so `develop`, `start` and `seed` share it.
const projectRoot = path.resolve(__dirname, '..', '..');

const postgresConnection = (env: Env): any => {
  const connectionString = env('DATABASE_URL');
  const ssl = env.bool('DATABASE_SSL', false) && {
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };
  if (connectionString) return { connectionString, ssl, schema: env('DATABASE_SCHEMA', 'public') };
  return {
    host: env('DATABASE_HOST', '127.0.0.1'),
    port: env.int('DATABASE_PORT', 5432),
    database: env('DATABASE_NAME', 'newsroom'),
    user: env('DATABASE_USERNAME', 'postgres'),
    password: env('DATABASE_PASSWORD', ''),
    ssl,
    schema: env('DATABASE_SCHEMA', 'public'),
  };
};

// Migrations are TypeScript in database/migrations/, compiled with the app: Strapi then runs them
// from dist/database/migrations (its default is .js files at the project root).
const settings = { useTypescriptMigrations: true };

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: postgresConnection(env),
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
      settings,
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(projectRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: {
        // WAL lets readers run while a transition commits, and NORMAL syncing drops the fsyncs of
        // every commit that DELETE journaling costs; a crash can lose the last commits, not corrupt.
        afterCreate: (connection: any, done: (error?: Error, connection?: unknown) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          connection.pragma('busy_timeout = 5000');
          done(undefined, connection);
        },
      },
    },
    settings,
  };
};

export default config;
