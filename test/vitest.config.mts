import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Paths below are from the project root.
  root: path.resolve(__dirname, '..'),
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          // Strapi's destroy() removes every process listener; threads keep vitest's own channel safe.
          pool: 'threads',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
