// Browser tests: the editorial workflow in the admin panel of a production build, in Debian's
// Chromium. npm run test:e2e; one scenario: npx playwright test -c test/e2e/playwright.config.ts -g "<name>".
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, ROOT } from './server';

export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // Traces, failure screenshots and the named screenshots (test-results/screenshots); emptied at the start of a run.
  outputDir: path.join(ROOT, 'test-results'),
  // One server for the run and two cores: scenarios run one at a time (each seeds its own data).
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // The list reporter's closing "N passed" line is what .ci/run counts; no HTML report.
  reporter: [['list']],
  // The admin panel is slow to settle on a busy 2-core machine (its first load of an edit view,
  // bundle to side panel, took 16 s there while other test runs shared the CPU).
  timeout: 180_000,
  expect: { timeout: 30_000 },
  use: {
    // Set by global-setup.ts, which runs before the workers load this file.
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1440, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
