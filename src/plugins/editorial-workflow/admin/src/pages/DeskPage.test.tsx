import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError } from '../../tests/strapi-admin';
import type { DeskStats } from '../../../shared/desk';
import { DeskPage } from './DeskPage';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const DESK = '/editorial-workflow/desk';
const NOW = new Date('2026-12-02T12:00:00.000Z');

const desk = (s: Partial<DeskStats> = {}): DeskStats => ({
  days: 7,
  since: '2026-11-25T12:00:00.000Z',
  reviewStage: 'fact_check',
  waiting: [
    { stage: 'draft', count: 2, oldestEnteredAt: '2026-11-30T12:00:00.000Z' },
    { stage: 'fact_check', count: 3, oldestEnteredAt: '2026-12-02T07:00:00.000Z' },
  ],
  rounds: 4,
  medianSeconds: 7500,
  p90Seconds: 90000,
  series: [
    { day: '2026-11-30', rounds: 1, p50: 3600, p90: 3600 },
    { day: '2026-12-01', rounds: 0, p50: null, p90: null },
    { day: '2026-12-02', rounds: 3, p50: 7500, p90: 90000 },
  ],
  checkers: [
    { id: 4, name: 'Fiona Factchecker', approvals: 3, changesRequested: 1 },
    { id: null, name: 'A deleted user', approvals: 0, changesRequested: 2 },
  ],
  requestChangesRate: 0.5,
  funnel: { submitted: 6, changesRequested: 3, approved: 3 },
  ...s,
});

const show = () =>
  renderInAdmin(<DeskPage />, {
    url: '/plugins/editorial-workflow/desk',
    path: '/plugins/editorial-workflow/desk',
  });

const card = (name: string) => screen.getByRole('group', { name });
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('gridcell')
    .map((c) => c.textContent);

describe('DeskPage (Newsroom desk)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    server.on('GET', '/editorial-workflow/workflow', ok(workflow));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows what waits, the review times, the rate, the chart, the funnel and each fact-checker', async () => {
    server.on('GET', DESK, ok(desk()));
    show();
    expect(await screen.findByTestId('ew-desk')).toBeInTheDocument();
    await screen.findByTestId('ew-desk-waiting');
    expect(screen.getByRole('heading', { name: 'Newsroom desk' })).toBeInTheDocument();
    const waiting = card('Waiting now');
    expect(waiting).toHaveAttribute('data-testid', 'ew-desk-waiting');
    expect(waiting).toHaveTextContent('Draft: 2');
    expect(waiting).toHaveTextContent('oldest waiting 2 days');
    expect(waiting).toHaveTextContent('Fact-check: 3');
    expect(waiting).toHaveTextContent('oldest waiting 5 hours');
    expect(screen.getByTestId('ew-desk-median')).toHaveTextContent('2 h 5 min');
    expect(screen.getByTestId('ew-desk-median')).toHaveTextContent('4 rounds');
    expect(screen.getByTestId('ew-desk-p90')).toHaveTextContent('1 d 1 h');
    expect(screen.getByTestId('ew-desk-rate')).toHaveTextContent('50%');

    const chart = screen.getByTestId('ew-desk-chart');
    const svg = within(chart).getByRole('img', { name: /Time in review per day/ });
    expect(svg.querySelector('title')).toHaveTextContent('Time in review per day');
    expect(svg.querySelector('desc')).toHaveTextContent('the highest value is 1 d 1 h');
    // A day without rounds breaks both lines: two single points each, drawn as dots.
    expect(svg.querySelectorAll('circle')).toHaveLength(4);
    const fallback = within(chart).getByRole('table');
    expect(
      within(fallback)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))
    ).toEqual([
      ['2026-11-30', '1', '1 h', '1 h'],
      ['2026-12-01', '0', '—', '—'],
      ['2026-12-02', '3', '2 h 5 min', '1 d 1 h'],
    ]);

    const funnel = screen.getByTestId('ew-desk-funnel');
    expect(within(funnel).getByText('Submitted')).toBeVisible();
    expect(screen.getByTestId('ew-desk-funnel-submitted')).toHaveTextContent('Submitted6');
    expect(screen.getByTestId('ew-desk-funnel-changesRequested')).toHaveTextContent(
      'Changes requested3'
    );
    expect(screen.getByTestId('ew-desk-funnel-approved')).toHaveTextContent('Approved3');

    const rows = within(screen.getByTestId('ew-desk-checkers')).getAllByRole('row');
    expect(rows.slice(1).map(cells)).toEqual([
      ['Fiona Factchecker', '3', '1'],
      ['A deleted user', '0', '2'],
    ]);
    expect(server.requestsTo('GET', DESK).map((r) => r.params)).toEqual([{ days: 7 }]);
    expect(screen.getByTestId('ew-desk-days-7')).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks for 30 days when toggled, and shows that answer', async () => {
    server.on('GET', DESK, (req) =>
      Number((req.params as { days?: number }).days) === 30
        ? ok(desk({ days: 30, rounds: 12, medianSeconds: 60 }))
        : ok(desk())
    );
    const { user } = show();
    await screen.findByTestId('ew-desk-median');
    await user.click(screen.getByTestId('ew-desk-days-30'));
    await waitFor(() => expect(screen.getByTestId('ew-desk-median')).toHaveTextContent('1 min'));
    expect(screen.getByTestId('ew-desk-median')).toHaveTextContent('12 rounds');
    expect(screen.getByTestId('ew-desk-days-30')).toHaveAttribute('aria-pressed', 'true');
    expect(server.requestsTo('GET', DESK).map((r) => r.params)).toEqual([
      { days: 7 },
      { days: 30 },
    ]);
  });

  it('shows "—" when no round ended in the period', async () => {
    server.on(
      'GET',
      DESK,
      ok(
        desk({
          waiting: [],
          rounds: 0,
          medianSeconds: null,
          p90Seconds: null,
          series: [{ day: '2026-12-02', rounds: 0, p50: null, p90: null }],
          checkers: [],
          requestChangesRate: null,
          funnel: { submitted: 0, changesRequested: 0, approved: 0 },
        })
      )
    );
    show();
    expect(await screen.findByTestId('ew-desk-median')).toHaveTextContent('—');
    expect(screen.getByTestId('ew-desk-median')).toHaveTextContent('0 rounds');
    expect(screen.getByTestId('ew-desk-p90')).toHaveTextContent('—');
    expect(screen.getByTestId('ew-desk-rate')).toHaveTextContent('—');
    expect(screen.getByTestId('ew-desk-waiting')).toHaveTextContent('Nothing is waiting.');
    expect(screen.getByTestId('ew-desk-checkers')).toHaveTextContent('No reviews in this period.');
    expect(screen.getByTestId('ew-desk-funnel-approved')).toHaveTextContent('Approved0');
  });

  it('shows the server’s refusal', async () => {
    server.on('GET', DESK, strapiError(400, 'ValidationError', 'days must be 7 or 30'));
    show();
    expect(await screen.findByTestId('ew-desk-error')).toHaveTextContent(
      'The desk could not be loaded: days must be 7 or 30'
    );
  });
});
