import { defineConfig } from 'vitest/config';

// The plugin's own unit tests (node), beside the code they test. Runs alone (`npm test` here) and as the
// `editorial-workflow` project of the app's test/vitest.config.mts. Component tests (*.test.tsx, in
// jsdom) are the `editorial-workflow-admin` project: vitest.admin.config.mts.
export default defineConfig({
  test: {
    name: 'editorial-workflow',
    root: __dirname,
    include: ['*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts', 'admin/**/*.test.ts'],
    environment: 'node',
  },
});
