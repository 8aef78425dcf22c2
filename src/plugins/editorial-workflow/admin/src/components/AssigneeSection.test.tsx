import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, documentState, historyEntry, statePath, workflow } from '../../tests/fixtures';
import { PanelHost } from '../../tests/hosts';
import { renderInAdmin } from '../../tests/render';
import {
  emptyPanelSections,
  notifications,
  ok,
  server,
  strapiError,
} from '../../tests/strapi-admin';
import type { DocumentState, WorkflowInfo } from '../../../shared/contracts';
import { WorkflowPanel } from './WorkflowPanel';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const STATE = statePath(ARTICLE, 'doc-1');
const ASSIGN = `${STATE}/assign`;
const ASSIGNEES = '/editorial-workflow/assignees';
// The newsroom's fact-check stage takes assignees who hold the approve move.
const assigning: WorkflowInfo = {
  ...workflow,
  stages: workflow.stages.map((s) => (s.id === 'fact_check' ? { ...s, assignTo: 'approve' } : s)),
};
const FIONA = { id: 4, name: 'Fiona Factchecker' };
const GUS = { id: 5, name: 'Gus Checker' };

const show = (
  state: DocumentState,
  { me = FIONA.id, mayAssign = false }: { me?: number; mayAssign?: boolean } = {}
) => {
  server.on('GET', '/editorial-workflow/workflow', ok(assigning));
  server.on('GET', STATE, ok(state));
  server.on('GET', ASSIGNEES, ok([FIONA, GUS], { meta: { me, mayAssign } }));
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

const inFactCheck = (over: Partial<DocumentState> = {}) =>
  documentState({ stage: 'fact_check', version: 3, ...over });

describe('AssigneeSection', () => {
  it('offers Take to an eligible reviewer and sends their own id', async () => {
    show(inFactCheck());
    expect(await screen.findByTestId('ew-assignee')).toHaveTextContent('Nobody yet');
    server.on('POST', ASSIGN, (req) =>
      ok(inFactCheck({ version: 4, assignee: FIONA, history: [] }), { echo: req.data })
    );
    fireEvent.click(await screen.findByTestId('ew-take'));
    await waitFor(() => expect(server.requestsTo('POST', ASSIGN)).toHaveLength(1));
    expect(server.requestsTo('POST', ASSIGN)[0]).toMatchObject({
      data: { assignee: FIONA.id, expectedVersion: 3 },
      params: { locale: 'en' },
    });
    expect(screen.queryByTestId('ew-assign-select')).toBeNull();
  });

  it('offers Release to the assignee, not Take', async () => {
    show(inFactCheck({ assignee: FIONA }));
    expect(await screen.findByTestId('ew-assignee')).toHaveTextContent(FIONA.name);
    server.on('POST', ASSIGN, ok(inFactCheck({ version: 4 })));
    fireEvent.click(await screen.findByTestId('ew-release'));
    await waitFor(() =>
      expect(server.requestsTo('POST', ASSIGN)[0]?.data).toEqual({
        assignee: null,
        expectedVersion: 3,
      })
    );
    expect(screen.queryByTestId('ew-take')).toBeNull();
  });

  it('offers holders of assign a picker of eligible reviewers; Assign sends the one picked', async () => {
    const { user } = show(inFactCheck(), { me: 1, mayAssign: true });
    const picker = await screen.findByRole('combobox', { name: 'Assign to' });
    const assign = screen.getByTestId('ew-assign');
    // Nothing picked yet: nothing to send. An editor who is not a reviewer gets no Take.
    expect(assign).toBeDisabled();
    expect(screen.queryByTestId('ew-take')).toBeNull();
    await user.click(picker);
    // Without an assignee, "Nobody" is not offered.
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      FIONA.name,
      GUS.name,
    ]);
    await user.click(screen.getByRole('option', { name: GUS.name }));
    server.on('POST', ASSIGN, ok(inFactCheck({ version: 4, assignee: GUS })));
    await user.click(assign);
    await waitFor(() => expect(server.requestsTo('POST', ASSIGN)).toHaveLength(1));
    expect(server.requestsTo('POST', ASSIGN)[0]).toMatchObject({
      data: { assignee: GUS.id, expectedVersion: 3 },
      params: { locale: 'en' },
    });
    await waitFor(() =>
      expect(notifications).toEqual([{ type: 'success', message: `Assigned to ${GUS.name}.` }])
    );
  });

  it('"Nobody" in the picker unassigns the story', async () => {
    const { user } = show(inFactCheck({ assignee: GUS }), { me: 1, mayAssign: true });
    await user.click(await screen.findByRole('combobox', { name: 'Assign to' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Nobody',
      FIONA.name,
      GUS.name,
    ]);
    await user.click(screen.getByRole('option', { name: 'Nobody' }));
    server.on('POST', ASSIGN, ok(inFactCheck({ version: 4 })));
    await user.click(screen.getByTestId('ew-assign'));
    await waitFor(() =>
      expect(server.requestsTo('POST', ASSIGN)[0]?.data).toEqual({
        assignee: null,
        expectedVersion: 3,
      })
    );
    await waitFor(() =>
      expect(notifications).toEqual([{ type: 'success', message: 'Unassigned.' }])
    );
  });

  it('shows the server’s refusal under the picker', async () => {
    const { user } = show(inFactCheck(), { me: 1, mayAssign: true });
    await user.click(await screen.findByRole('combobox', { name: 'Assign to' }));
    await user.click(await screen.findByRole('option', { name: FIONA.name }));
    const refusal = 'The document changed meanwhile (version 4, expected 3): reload and try again';
    server.on('POST', ASSIGN, strapiError(409, 'ConflictError', refusal));
    await user.click(screen.getByTestId('ew-assign'));
    expect(await screen.findByTestId('ew-assign-error')).toHaveTextContent(refusal);
    expect(notifications).toEqual([]);
  });

  it('offers no picker to those without assign', async () => {
    show(inFactCheck());
    await screen.findByTestId('ew-take');
    expect(screen.queryByRole('combobox', { name: 'Assign to' })).toBeNull();
    expect(screen.queryByTestId('ew-assign')).toBeNull();
  });

  it('is absent in a stage without assignTo, and asks nothing', async () => {
    show(documentState({ stage: 'draft' }));
    await screen.findByTestId('ew-panel');
    expect(screen.queryByTestId('ew-assignee')).toBeNull();
    expect(server.requestsTo('GET', ASSIGNEES)).toHaveLength(0);
  });

  it('shows assignments in the history', async () => {
    show(
      inFactCheck({
        history: [
          historyEntry({
            transition: 'assign',
            from: 'fact_check',
            to: 'fact_check',
            createdAt: '2026-12-01T10:00:00.000Z',
            assignee: GUS,
          }),
          historyEntry({
            transition: 'assign',
            from: 'fact_check',
            to: 'fact_check',
            createdAt: '2026-12-01T09:00:00.000Z',
            assignee: null,
          }),
        ],
      })
    );
    const history = await screen.findByTestId('ew-history');
    const notes = within(history).getAllByTestId('ew-history-assignee');
    expect(notes.map((n) => n.textContent)).toEqual([`Assigned to ${GUS.name}`, 'Unassigned']);
  });
});
