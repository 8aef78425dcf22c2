import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE, author, factChecker, queueItem, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError, type FakeRequest } from '../../tests/strapi-admin';
import type { QueueItem } from '../../../shared/contracts';
import { QueuePage } from './QueuePage';

// Strapi's admin is not loaded: Page/Layouts are plain landmarks, useQueryParams works over the
// memory router as core's does, and every request goes to the strict fake server.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const QUEUE = '/editorial-workflow/queue';
const LOCALES = [
  { code: 'en', name: 'English (en)', isDefault: true },
  { code: 'ru', name: 'Russian (ru)', isDefault: false },
];

/** The queue served page by page and per locale, as the server paginates it. */
const serveQueue = (items: QueueItem[]) => {
  server.on('GET', '/editorial-workflow/workflow', ok(workflow));
  // Core's i18n answers a bare list, not `{ data }`.
  server.on('GET', '/i18n/locales', { status: 200, body: LOCALES });
  server.on('GET', QUEUE, (req: FakeRequest) => {
    const {
      page = 1,
      pageSize = 25,
      locale,
    } = req.params as { page?: number; pageSize?: number; locale?: string };
    const matching = items.filter((i) => !locale || i.locale === locale);
    const start = (Number(page) - 1) * Number(pageSize);
    return ok(matching.slice(start, start + Number(pageSize)), {
      meta: {
        pagination: {
          page: Number(page),
          pageSize: Number(pageSize),
          pageCount: Math.ceil(matching.length / Number(pageSize)),
          total: matching.length,
        },
      },
    });
  });
};

const queueRequests = () => server.requestsTo('GET', QUEUE).map((r) => r.params);
const rows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

const showQueue = (search = '') =>
  renderInAdmin(<QueuePage />, {
    url: `/plugins/editorial-workflow${search ? `?${search}` : ''}`,
    path: '/plugins/editorial-workflow',
  });

const NOW = new Date('2026-12-02T12:00:00.000Z');

describe('QueuePage (fact-check queue)', () => {
  beforeEach(() => {
    // Only the clock: user-event and the design system keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says when nothing is waiting, and shows no pagination', async () => {
    serveQueue([]);
    showQueue();
    expect(await screen.findByText('Nothing is waiting here.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Fact-check queue' })).toBeInTheDocument();
    expect(
      screen.getByText('Stories waiting in Fact-check, the longest-waiting first')
    ).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Queue pages' })).not.toBeInTheDocument();
    // The default stage is the one between the first and the publishing one.
    expect(queueRequests()).toEqual([{ stage: 'fact_check', page: 1, pageSize: 25 }]);
  });

  it('lists each story with a link to its edit view, time in stage, who submitted and who moved it last', async () => {
    serveQueue([
      queueItem({
        documentId: 'doc-1',
        title: 'Lukashenko and Putin talk amid protests',
        enteredStageAt: '2026-11-29T11:00:00.000Z',
        submittedBy: author,
        lastActor: author,
      }),
      queueItem({
        documentId: 'doc-2',
        title: null,
        locale: 'ru',
        enteredStageAt: '2026-12-02T07:00:00.000Z',
        submittedBy: author,
        lastActor: factChecker,
      }),
    ]);
    showQueue();
    await screen.findByRole('grid');
    const [first, second] = rows();
    const link = within(first).getByRole('link', {
      name: 'Lukashenko and Putin talk amid protests',
    });
    expect(link).toHaveAttribute(
      'href',
      `/content-manager/collection-types/${ARTICLE}/doc-1?plugins[i18n][locale]=en`
    );
    expect(within(first).getByTestId('ew-stage-badge')).toHaveTextContent('Fact-check');
    expect(first).toHaveTextContent('3 days');
    expect(
      within(first)
        .getAllByRole('gridcell')
        .map((c) => c.textContent)
        .slice(3)
    ).toEqual([author.name, author.name, '—', 'en']);

    expect(within(second).getByRole('link', { name: 'Untitled (doc-2)' })).toHaveAttribute(
      'href',
      `/content-manager/collection-types/${ARTICLE}/doc-2?plugins[i18n][locale]=ru`
    );
    expect(second).toHaveTextContent('5 hours');
    expect(
      within(second)
        .getAllByRole('gridcell')
        .map((c) => c.textContent)
        .slice(3)
    ).toEqual([author.name, factChecker.name, '—', 'ru']);
  });

  it('flags an overdue story with its SLA hours, and only that one', async () => {
    serveQueue([
      queueItem({
        documentId: 'doc-late',
        title: 'Late story',
        enteredStageAt: '2026-11-30T12:00:00.000Z',
        overdue: true,
        slaHours: 24,
      }),
      queueItem({ documentId: 'doc-fresh', title: 'Fresh story', overdue: false, slaHours: 24 }),
    ]);
    showQueue();
    await screen.findByRole('grid');
    const [late, fresh] = rows();
    const badge = within(late).getByTestId('ew-overdue');
    expect(badge).toHaveTextContent('Overdue');
    expect(badge).toHaveAttribute('title', "Waiting longer than the stage's 24 hours SLA");
    expect(within(fresh).queryByTestId('ew-overdue')).not.toBeInTheDocument();
  });

  it('pages through the queue, the page in the URL and in each request', async () => {
    const items = Array.from({ length: 12 }, (_, i) =>
      queueItem({ documentId: `doc-${i + 1}`, title: `Story ${i + 1}` })
    );
    serveQueue(items);
    const { user, location } = showQueue('pageSize=10');
    await screen.findByRole('grid');
    const pages = screen.getByRole('navigation', { name: 'Queue pages' });
    expect(pages).toHaveTextContent('Page 1 of 2');
    expect(screen.getByText('12 stories')).toBeInTheDocument();
    expect(rows()).toHaveLength(10);
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pages).toHaveTextContent('Page 2 of 2'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(rows()[0]).getByRole('link')).toHaveTextContent('Story 11');
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(new URLSearchParams(location().search).get('page')).toBe('2');
    expect(queueRequests().at(-1)).toEqual({ stage: 'fact_check', page: 2, pageSize: 10 });

    await user.click(within(pages).getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(pages).toHaveTextContent('Page 1 of 2'));
  });

  it('opens at the page, size, stage and locale the URL names', async () => {
    serveQueue([
      queueItem({ documentId: 'doc-1', title: 'Live story', stage: 'published', locale: 'ru' }),
    ]);
    showQueue('stage=published&locale=ru&page=1&pageSize=50');
    await screen.findByRole('grid');
    expect(queueRequests()).toEqual([{ stage: 'published', locale: 'ru', page: 1, pageSize: 50 }]);
    expect(
      screen.getByText('Stories waiting in Published, the longest-waiting first')
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Locale' })).toHaveTextContent('Russian (ru)');
    expect(screen.getByText('1 story')).toBeInTheDocument();
  });

  it('filters by locale from page 1, and back to all locales', async () => {
    const items = [
      ...Array.from({ length: 11 }, (_, i) =>
        queueItem({ documentId: `en-${i}`, title: `English ${i}`, locale: 'en' })
      ),
      queueItem({ documentId: 'ru-1', title: 'Русская история', locale: 'ru' }),
    ];
    serveQueue(items);
    const { user, location } = showQueue('page=2&pageSize=10');
    await screen.findByRole('grid');
    expect(rows()).toHaveLength(2);

    await user.click(screen.getByRole('combobox', { name: 'Locale' }));
    await user.click(await screen.findByRole('option', { name: 'Russian (ru)' }));
    await waitFor(() =>
      expect(queueRequests().at(-1)).toEqual({
        stage: 'fact_check',
        locale: 'ru',
        page: 1,
        pageSize: 10,
      })
    );
    await waitFor(() =>
      expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual([
        'Русская история',
      ])
    );
    expect(new URLSearchParams(location().search).get('locale')).toBe('ru');

    await user.click(screen.getByRole('combobox', { name: 'Locale' }));
    await user.click(await screen.findByRole('option', { name: 'All locales' }));
    await waitFor(() =>
      expect(queueRequests().at(-1)).toEqual({ stage: 'fact_check', page: 1, pageSize: 10 })
    );
    await waitFor(() => expect(screen.getByText('12 stories')).toBeInTheDocument());
  });

  it('shows the server’s refusal instead of the table', async () => {
    serveQueue([]);
    server.on(
      'GET',
      QUEUE,
      strapiError(
        403,
        'ForbiddenError',
        'You may not read the queue: you lack plugin::editorial-workflow.read.'
      )
    );
    showQueue();
    const message = await screen.findByText(
      'You may not read the queue: you lack plugin::editorial-workflow.read.'
    );
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByText('Nothing is waiting here.')).not.toBeInTheDocument();
  });
});
