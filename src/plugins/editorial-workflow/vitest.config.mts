import { defineConfig } from 'vitest/config';

// The plugin's own unit tests, beside the code they test. Runs alone (`npm test` here) and as the
// `editorial-workflow` project of the app's test/vitest.config.mts.
export default defineConfig({
  test: {
    name: 'editorial-workflow',
    root: __dirname,
    include: ['*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts', 'admin/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
