// Setup of the component tests (vitest.admin.config.mts): jest-dom matchers, the browser APIs the
// design system's Radix primitives expect and jsdom lacks, and a test that fails on any console error
// or warning nobody expected (React's act() and key warnings, react-intl's missing messages, an
// error boundary catching a crash) or on a request to the fake server that no route answers.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetStrapiAdmin, server } from './strapi-admin';

// findBy*/waitFor give up after 1 s by default: too short when the machine runs the API tests too.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: Radix's Select and Popper measure, capture the pointer and scroll into view.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
// The design system's select watches its list's end (to load more options) with one.
class IntersectionObserverStub {
  readonly root = null;
  readonly rootMargin = '0px';
  readonly thresholds = [0];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
globalThis.IntersectionObserver ??=
  IntersectionObserverStub as unknown as typeof IntersectionObserver;
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.scrollIntoView ??= () => {};

// React Router 6 announces its v7 flags once per process; Strapi's admin runs without them, so do we.
const KNOWN_NOTICES = [/React Router Future Flag Warning/];

let consoleProblems: unknown[][] = [];
let expectedConsoleErrors = 0;

/** A test that provokes console errors on purpose (an error boundary catching a crash) says how many. */
export const expectConsoleErrors = (count: number) => {
  expectedConsoleErrors = count;
};

beforeEach(() => {
  consoleProblems = [];
  expectedConsoleErrors = 0;
  resetStrapiAdmin();
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      if (level === 'warn' && KNOWN_NOTICES.some((re) => re.test(String(args[0])))) return;
      consoleProblems.push([level, ...args]);
    });
  }
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  const unexpected = server.takeUnexpected();
  if (unexpected.length) throw new Error(`Requests no test set up:\n${unexpected.join('\n')}`);
  const problems = consoleProblems;
  if (problems.length !== expectedConsoleErrors) {
    const text = problems
      .map((args) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '))
      .join('\n---\n');
    throw new Error(
      `Expected ${expectedConsoleErrors} console error(s)/warning(s), got ${problems.length}:\n${text}`
    );
  }
});
