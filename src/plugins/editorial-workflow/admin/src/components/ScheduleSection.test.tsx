import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ARTICLE,
  documentState,
  factChecker,
  historyEntry,
  queueItem,
  statePath,
  workflow,
} from '../../tests/fixtures';
import { PanelHost } from '../../tests/hosts';
import { renderInAdmin } from '../../tests/render';
import { emptyPanelSections, ok, server } from '../../tests/strapi-admin';
import type { AllowedTransition, DocumentState, WorkflowInfo } from '../../../shared/contracts';
import { formatCountdown, localInputToIso } from '../utils/time';
import { QueuePage } from '../pages/QueuePage';
import { WorkflowPanel } from './WorkflowPanel';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// The app's workflow with its Scheduled stage (config/plugins.ts).
const scheduling: WorkflowInfo = {
  ...workflow,
  stages: [
    ...workflow.stages.slice(0, 2),
    {
      id: 'scheduled',
      name: 'Scheduled',
      color: '#4945ff',
      initial: false,
      publishes: false,
      schedules: true,
    },
    workflow.stages[2],
  ],
  transitions: [
    ...workflow.transitions,
    {
      id: 'unschedule',
      name: 'Unschedule',
      from: ['scheduled'],
      to: 'fact_check',
      requireComment: true,
      guards: [],
      separationOfDuties: false,
      unpublishes: false,
    },
    {
      id: 'publish_now',
      name: 'Publish now',
      from: ['scheduled'],
      to: 'published',
      requireComment: false,
      guards: [],
      separationOfDuties: false,
      unpublishes: false,
    },
  ],
};
const move = (id: string): AllowedTransition => {
  const t = scheduling.transitions.find((x) => x.id === id)!;
  return { id, name: t.name, to: t.to, requireComment: t.requireComment };
};

const STATE = statePath(ARTICLE, 'doc-1');
const TRANSITION = `${STATE}/transition`;
const NOW = new Date('2026-12-02T12:00:00.000Z');
const PUBLISH_AT = '2026-12-02T12:05:00.000Z';

const showPanel = (state: DocumentState) => {
  server.on('GET', '/editorial-workflow/workflow', ok(scheduling));
  server.on('GET', STATE, ok(state));
  emptyPanelSections();
  return renderInAdmin(
    <PanelHost
      panel={WorkflowPanel}
      model={ARTICLE}
      documentId="doc-1"
      document={{ documentId: 'doc-1', locale: 'en' } as never}
    />,
    {
      url: '/content-manager/collection-types/api::article.article/doc-1',
      form: { modified: false },
    }
  );
};
const panel = () => screen.findByRole('region', { name: 'Editorial workflow' });

describe('formatCountdown and localInputToIso', () => {
  it('counts down as a clock, never below zero', () => {
    expect(formatCountdown(252_000)).toBe('04:12');
    expect(formatCountdown(7_384_000)).toBe('2:03:04');
    expect(formatCountdown(3 * 86_400_000 + 7_384_000)).toBe('3 d 02:03:04');
    expect(formatCountdown(-5_000)).toBe('00:00');
    // Part of a second left still counts as a second.
    expect(formatCountdown(400)).toBe('00:01');
  });
  it('turns the browser-local input into an instant with its zone', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('nonsense')).toBeNull();
    expect(localInputToIso('2026-12-02T13:05')).toBe(new Date('2026-12-02T13:05').toISOString());
  });
});

describe('a scheduled story in the panel', () => {
  beforeEach(() => {
    // Only the clock: user-event and the design system keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the time in the stage badge and a countdown that ticks', async () => {
    showPanel(
      documentState({
        stage: 'scheduled',
        publishAt: PUBLISH_AT,
        unpublishAt: '2026-12-03T12:00:00.000Z',
        allowedTransitions: [move('unschedule'), move('publish_now')],
      })
    );
    const root = await panel();
    const badge = within(root).getByTestId('ew-stage-badge');
    expect(badge).toHaveTextContent('Scheduled');
    expect(within(badge).getByTestId('ew-stage-time')).toHaveTextContent('Dec 2, 2026');
    expect(within(root).getByTestId('ew-publish-at')).toHaveTextContent('Goes live Dec 2, 2026');
    const timer = within(root).getByRole('timer');
    expect(timer).toHaveTextContent('in 05:00');
    expect(within(root).getByTestId('ew-unpublish-at')).toHaveTextContent('Comes down Dec 3, 2026');
    vi.setSystemTime(new Date(NOW.getTime() + 61_000));
    await waitFor(() => expect(timer).toHaveTextContent('in 03:59'), { timeout: 2500 });
    expect(within(root).getByRole('button', { name: 'Publish now' })).toBeEnabled();
    expect(within(root).getByRole('button', { name: 'Unschedule' })).toBeEnabled();
    // No embargo fields on a story that is already scheduled.
    expect(within(root).queryByTestId('ew-embargo')).not.toBeInTheDocument();
  });

  it('once due, says so and asks for the state again until the scheduler has published it', async () => {
    showPanel(
      documentState({
        stage: 'scheduled',
        publishAt: new Date(NOW.getTime() + 1000).toISOString(),
        allowedTransitions: [move('publish_now')],
      })
    );
    const root = await panel();
    vi.setSystemTime(new Date(NOW.getTime() + 2000));
    await waitFor(() => expect(within(root).getByRole('timer')).toHaveTextContent('Due now'), {
      timeout: 2500,
    });
    await waitFor(() => expect(server.requestsTo('GET', STATE).length).toBeGreaterThan(1));
  });

  it('approve with a "Publish at" time sends publishAt with its zone; history names the scheduler’s move', async () => {
    server.on('POST', TRANSITION, () =>
      ok(documentState({ stage: 'scheduled', version: 3, publishAt: PUBLISH_AT }))
    );
    const { user } = showPanel(
      documentState({
        stage: 'fact_check',
        version: 2,
        allowedTransitions: [move('approve'), move('request_changes')],
        history: [
          historyEntry({
            transition: 'scheduled-publish',
            from: 'scheduled',
            to: 'published',
            createdAt: '2026-12-01T10:00:00.000Z',
            actor: { type: 'system', id: null, name: 'Scheduler' },
            comment: 'Published late: the server was down at 2026-12-01T09:00:00.000Z',
          }),
        ],
      })
    );
    const root = await panel();
    expect(within(root).getByTestId('ew-history')).toHaveTextContent(
      'Published at its scheduled time'
    );
    const input = within(root).getByLabelText('Publish at');
    fireEvent.change(input, { target: { value: '2026-12-02T13:05' } });
    await user.click(within(root).getByRole('button', { name: 'Approve and publish' }));
    await waitFor(() => expect(server.requestsTo('POST', TRANSITION)).toHaveLength(1));
    expect(server.requestsTo('POST', TRANSITION)[0].data).toEqual({
      transition: 'approve',
      expectedVersion: 2,
      publishAt: new Date('2026-12-02T13:05').toISOString(),
    });
  });

  it('without a time, approve sends no publishAt (publishes now)', async () => {
    server.on('POST', TRANSITION, () => ok(documentState({ stage: 'published', live: true })));
    const { user } = showPanel(
      documentState({ stage: 'fact_check', version: 2, allowedTransitions: [move('approve')] })
    );
    const root = await panel();
    await user.click(within(root).getByRole('button', { name: 'Approve and publish' }));
    await waitFor(() => expect(server.requestsTo('POST', TRANSITION)).toHaveLength(1));
    expect(server.requestsTo('POST', TRANSITION)[0].data).toEqual({
      transition: 'approve',
      expectedVersion: 2,
    });
  });
});

describe('the queue', () => {
  it('shows a scheduled story with its time in the stage badge', async () => {
    server.on('GET', '/editorial-workflow/workflow', ok(scheduling));
    server.on('GET', '/i18n/locales', {
      status: 200,
      body: [{ code: 'en', name: 'English (en)', isDefault: true }],
    });
    server.on(
      'GET',
      '/editorial-workflow/queue',
      ok(
        [
          queueItem({
            documentId: 'd1',
            title: 'Embargoed budget',
            stage: 'scheduled',
            publishAt: PUBLISH_AT,
            lastActor: factChecker,
          }),
        ],
        {
          meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
        }
      )
    );
    renderInAdmin(<QueuePage />, {
      url: '/plugins/editorial-workflow?stage=scheduled',
      path: '/plugins/editorial-workflow',
    });
    const row = (await screen.findByText('Embargoed budget')).closest('tr')!;
    const badge = within(row).getByTestId('ew-stage-badge');
    expect(badge).toHaveTextContent('Scheduled');
    expect(within(badge).getByTestId('ew-stage-time')).toHaveTextContent('Dec 2, 2026');
  });
});
