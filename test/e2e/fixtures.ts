// Fixtures of the browser tests. A test picks who is logged in with `test.use({ role: 'author' })`
// (the session global-setup.ts opened through the login API; no role: logged out), seeds its data
// with `api` and saves named screenshots with `capture`. Every browser context of every test
// gets the requestIdleCallback fix, answers for third-party calls, and fails its test on a console
// error from the plugin.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { AdminApi, ReaderApi, type Api } from './newsroom-api';
import { ROOT } from './server';
import { baseUrl, ROLES, storageStatePath, tokensPath, type Role } from './users';

export { expect };

/** Named screenshots (side panel, queue, list view), kept together for people to look at. */
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

interface Fixtures {
  /** Whose session the page has; null: logged out. */
  role: Role | null;
  /** Seeding and checks over HTTP, as each role and as a reader. */
  api: Api;
  /** A few characters unique to this test, to name what it seeds and to find it again in lists. */
  tag: string;
  /** Saves `test-results/screenshots/<name>` of the page and attaches it to the test. */
  capture: (name: string) => Promise<void>;
  /** Timer-based requestIdleCallback in every page of the context (see below). */
  idleCallbackFix: (context: BrowserContext) => Promise<void>;
}

/**
 * Console errors that come from the plugin: uncaught exceptions, console errors that name the plugin
 * or come from one of its requests, and its requests answered with a 5xx. A refused move is a 400
 * the panel shows on purpose; Chromium logs it too.
 */
const watchPluginErrors = (context: BrowserContext, all: string[], ours: string[]) => {
  context.on('weberror', (error) => {
    const text = `uncaught ${error.error().message}\n${error.error().stack ?? ''}`;
    all.push(text);
    ours.push(text);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    const text = message.text();
    all.push(`${text} @ ${where}`);
    const fromPlugin = /editorial-workflow/i.test(text) || /\/editorial-workflow\//.test(where);
    const refusal =
      /\/editorial-workflow\/state\/.*\/transition/.test(where) && /status of 400/.test(text);
    if (fromPlugin && !refusal) ours.push(`console.error ${text} @ ${where}`);
  });
  context.on('response', (res) => {
    if (/\/editorial-workflow\//.test(res.url()) && res.status() >= 500)
      ours.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
};

export const test = base.extend<Fixtures>({
  role: [null, { option: true }],

  baseURL: async ({}, use) => use(baseUrl()),

  storageState: async ({ role }, use) => use(role ? storageStatePath(role) : undefined),

  /**
   * The one workaround for headless Chromium. Core draws its bulk-action bar (and other action
   * lists) from requestIdleCallback. Once a list row is selected, headless Chromium stops granting
   * idle periods although the page is not busy (measured: 60 frames/s, timers on time, no
   * animations; the same without this plugin), so the bar never appears. A timer-based
   * requestIdleCallback gives the admin what a desktop browser does.
   */
  idleCallbackFix: async ({}, use) =>
    use(async (context) => {
      await context.addInitScript(() => {
        const w = globalThis as any;
        w.requestIdleCallback = (
          callback: (deadline: { didTimeout: boolean; timeRemaining: () => number }) => void
        ) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 15 }), 1);
        w.cancelIdleCallback = (id: number) => clearTimeout(id);
      });
    }),

  context: async ({ context, idleCallbackFix }, use, testInfo) => {
    await idleCallbackFix(context);
    // Third-party calls the admin makes (release check) go nowhere offline: answer them here. A
    // route also turns Chromium's HTTP cache off, so every page loads the admin's chunks afresh.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.fulfill({ status: 204, body: '' })
    );
    const all: string[] = [];
    const ours: string[] = [];
    watchPluginErrors(context, all, ours);
    await use(context);
    if (all.length)
      await testInfo.attach('console-errors.txt', {
        body: all.join('\n'),
        contentType: 'text/plain',
      });
    expect(ours, 'the plugin logged errors in the browser').toEqual([]);
  },

  api: async ({ playwright, baseURL }, use) => {
    const tokens: Record<Role, string> = JSON.parse(fs.readFileSync(tokensPath(), 'utf8'));
    const contexts = await Promise.all(
      ROLES.map((role) =>
        playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { Authorization: `Bearer ${tokens[role]}` },
        })
      )
    );
    const reader = await playwright.request.newContext({ baseURL });
    const [chief, author, checker, editor] = ROLES.map((role, i) => new AdminApi(contexts[i]));
    await use({ chief, author, checker, editor, reader: new ReaderApi(reader) });
    for (const context of [...contexts, reader]) await context.dispose();
  },

  tag: async ({}, use) => use(crypto.randomBytes(3).toString('hex')),

  capture: async ({ page }, use, testInfo) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      const file = path.join(SCREENSHOTS, name);
      // Transitions finished, so a dialog is captured once it has faded in.
      await page.screenshot({ path: file, animations: 'disabled' });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    });
  },
});

/** The Content Manager's edit view of a document, English locale. */
export const editViewUrl = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=en`;

/** The list view, narrowed to what this test seeded (its tag is in every title). */
export const listViewUrl = (uid: string, search?: string) =>
  `/admin/content-manager/collection-types/${uid}?plugins[i18n][locale]=en${search ? `&_q=${encodeURIComponent(search)}` : ''}`;

/** The editorial-workflow side panel and its parts (test ids set by the plugin's admin). */
export const workflowPanel = (page: Page) => {
  const panel = page.getByTestId('ew-panel');
  return {
    panel,
    stage: panel.getByTestId('ew-stage-badge'),
    live: panel.getByTestId('ew-live'),
    history: panel.getByTestId('ew-history'),
    refusal: panel.getByTestId('ew-refusal'),
    comment: panel.getByLabel('Comment'),
    button: (name: string) => panel.getByRole('button', { name }),
  };
};

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
