import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../tests/render';
import { notifications, ok, server, setPermissions, strapiError } from '../../tests/strapi-admin';
import type { CacheStats } from '../../../shared/contracts';
import { CacheSettings } from './CacheSettings';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const STATS = '/editorial-workflow/cache';
const PURGE = '/editorial-workflow/cache/purge';
const READ = 'plugin::editorial-workflow.cache-read';
const PURGE_ACTION = 'plugin::editorial-workflow.cache-purge';

const stats = (s: Partial<CacheStats> = {}): CacheStats => ({
  enabled: true,
  entries: 42,
  bytes: 1.5 * 1024 * 1024,
  maxBytes: 64 * 1024 * 1024,
  hits: 700,
  misses: 100,
  bypasses: 12,
  hitRatio: 0.875,
  stores: 100,
  refused: 1,
  evictions: 58,
  invalidations: 9,
  sync: 'local',
  since: '2026-12-02T08:30:00.000Z',
  ...s,
});

const show = () =>
  renderInAdmin(<CacheSettings />, {
    url: '/settings/editorial-workflow/cache',
    path: '/settings/editorial-workflow/cache',
  });

const figure = (name: string) => screen.getByRole('group', { name });
const counter = (label: string) => {
  const row = within(screen.getByTestId('ew-cache-counters'))
    .getAllByRole('row')
    .find((r) => within(r).queryByText(label));
  if (!row) throw new Error(`no counter row "${label}"`);
  return within(row).getAllByRole('gridcell')[1].textContent;
};

describe('CacheSettings (Settings → Response cache)', () => {
  it('shows entries, size against the limit, the hit ratio, every counter, the sync state and since when', async () => {
    setPermissions([READ, PURGE_ACTION]);
    server.on('GET', STATS, ok(stats()));
    show();
    expect(await screen.findByRole('group', { name: 'Cached answers' })).toHaveTextContent('42');
    expect(screen.getByRole('heading', { name: 'Response cache' })).toBeInTheDocument();
    expect(figure('Size')).toHaveTextContent('1.5 MB of 64 MB');
    expect(figure('Size')).toHaveTextContent('2% of the limit in use');
    expect(figure('Hit ratio')).toHaveTextContent('87.5%');
    expect(figure('Other server processes')).toHaveTextContent('This process only (SQLite)');
    expect(counter('Hits (served from memory)')).toBe('700');
    expect(counter('Misses (read from the database, then kept)')).toBe('100');
    expect(counter('Bypasses (requests with credentials: never cached)')).toBe('12');
    expect(counter('Answers stored')).toBe('100');
    expect(counter('Stores refused (the content changed while it was read)')).toBe('1');
    expect(counter('Evictions (changes, the size limit, purges)')).toBe('58');
    expect(counter('Invalidations announced by changes')).toBe('9');
    expect(within(screen.getByTestId('ew-cache-counters')).getByText(/^Since /)).toHaveTextContent(
      /^Since Dec 2, 2026, \d/
    );
    expect(screen.getByRole('button', { name: 'Purge the cache' })).toBeEnabled();
    expect(screen.queryByTestId('ew-cache-off')).not.toBeInTheDocument();
  });

  it.each([
    [null, 'listening', 'No reads yet', 'PostgreSQL LISTEN: listening'],
    [
      0,
      'reconnecting',
      '0%',
      'PostgreSQL LISTEN: reconnecting (nothing is served from the cache meanwhile)',
    ],
    [2 / 3, 'local', '66.7%', 'This process only (SQLite)'],
  ] as const)(
    'hit ratio %s, sync %s: reads "%s" and the sync state in words',
    async (hitRatio, sync, ratioText, syncText) => {
      setPermissions([READ]);
      server.on('GET', STATS, ok(stats({ hitRatio, sync })));
      show();
      expect(await screen.findByRole('group', { name: 'Hit ratio' })).toHaveTextContent(ratioText);
      expect(figure('Other server processes')).toHaveTextContent(syncText);
    }
  );

  it('purges after confirming: one POST, a success notification, the figures read again', async () => {
    setPermissions([READ, PURGE_ACTION]);
    let current = stats();
    server.on('GET', STATS, () => ok(current));
    server.on('POST', PURGE, () => {
      // A read stored one more answer after the page loaded: the server's count is the one shown.
      current = stats({ entries: 0, bytes: 0, evictions: 101 });
      return ok(current, { meta: { removed: 43 } });
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Purge the cache' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Purge the response cache?' });
    expect(dialog).toHaveTextContent('Every server process drops every cached answer');

    // Cancel sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(server.requestsTo('POST', PURGE)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Purge the cache' }));
    const again = await screen.findByRole('alertdialog');
    await user.click(within(again).getByRole('button', { name: 'Purge' }));
    await waitFor(() => expect(figure('Cached answers')).toHaveTextContent('0'));
    expect(server.requestsTo('POST', PURGE)).toHaveLength(1);
    expect(notifications).toEqual([
      {
        type: 'success',
        message: 'Cache purged on every server process (43 answers removed here).',
      },
    ]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(figure('Size')).toHaveTextContent('0 B of 64 MB');
    expect(server.requestsTo('GET', STATS)).toHaveLength(2);
  });

  it('shows the server’s refusal when a purge fails', async () => {
    setPermissions([READ, PURGE_ACTION]);
    server.on('GET', STATS, ok(stats()));
    const message = `You may not purge the response cache (permission ${PURGE_ACTION})`;
    server.on('POST', PURGE, strapiError(403, 'ForbiddenError', message));
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Purge the cache' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Purge' })
    );
    await waitFor(() => expect(notifications).toEqual([{ type: 'danger', message }]));
    expect(figure('Cached answers')).toHaveTextContent('42');
  });

  it('has no Purge button without cache-purge', async () => {
    setPermissions([READ]);
    server.on('GET', STATS, ok(stats()));
    show();
    expect(await screen.findByRole('group', { name: 'Cached answers' })).toHaveTextContent('42');
    expect(screen.queryByRole('button', { name: 'Purge the cache' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });

  it('without cache-read says so and asks the server nothing', async () => {
    setPermissions([PURGE_ACTION]);
    show();
    expect(
      screen.getByText("You don't have the permissions to access that content")
    ).toBeInTheDocument();
    expect(server.requests).toEqual([]);
  });

  it('shows the error when the statistics cannot be loaded', async () => {
    setPermissions([READ, PURGE_ACTION]);
    server.on(
      'GET',
      STATS,
      strapiError(403, 'ForbiddenError', `You may not read the response cache statistics`)
    );
    show();
    expect(await screen.findByTestId('ew-cache-error')).toHaveAttribute('role', 'alert');
    expect(screen.getByTestId('ew-cache-error')).toHaveTextContent(
      'The cache statistics could not be loaded: You may not read the response cache statistics'
    );
    expect(screen.queryByRole('button', { name: 'Purge the cache' })).not.toBeInTheDocument();
  });

  it('says when the cache is off, and offers no purge of nothing', async () => {
    setPermissions([READ, PURGE_ACTION]);
    server.on('GET', STATS, ok(stats({ enabled: false, entries: 0, bytes: 0, hitRatio: null })));
    show();
    expect(await screen.findByTestId('ew-cache-off')).toHaveTextContent(
      'The response cache is off (RESPONSE_CACHE_ENABLED=false)'
    );
    expect(screen.getByRole('button', { name: 'Purge the cache' })).toBeDisabled();
  });
});
