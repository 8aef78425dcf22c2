import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Paths below are from the project root.
  root: path.resolve(__dirname, '..'),
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          // Each local plugin runs its own tests, with its own config (below).
          exclude: [...configDefaults.exclude, 'src/plugins/**'],
          environment: 'node',
        },
      },
      // The editorial-workflow plugin's unit tests (project `editorial-workflow`) and its admin
      // panel's component tests in jsdom (project `editorial-workflow-admin`).
      'src/plugins/*/vitest.config.mts',
      'src/plugins/*/vitest.admin.config.mts',
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
    ],
  },
});
