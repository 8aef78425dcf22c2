import * as React from 'react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowInfo } from '../../../shared/contracts';
import { ARTICLE, PERSON, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError } from '../../tests/strapi-admin';
import { rememberManaged } from '../utils/managed';
import { addAssigneeColumn as addAssigneeColumnRendered } from './AssigneeColumn';

// Strapi's admin is not loaded: a request to anything but the definition and the stage's eligible
// reviewers fails the test.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// The copies the plugin keeps on each managed document (shared/assignment.ts, shared/contracts.ts),
// which the list view's own request brings with every row.
const ASSIGNEE = 'editorialAssignee';
const STAGE = 'editorialStage';
const ASSIGNEES = '/editorial-workflow/assignees';

type Header = {
  name: string;
  label?: { defaultMessage: string };
  sortable?: boolean;
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
};

/** The column hook with a fresh memory of managed types, as StageColumn.test.tsx does. */
const loadColumn = async ({ at, managed }: { at: string; managed: string[] | null }) => {
  vi.resetModules();
  window.localStorage.clear();
  window.history.pushState({}, '', `/admin/content-manager/collection-types/${at}`);
  const { rememberManaged } = await import('../utils/managed');
  if (managed) rememberManaged(managed);
  return import('./AssigneeColumn');
};

const layout = { settings: { mainField: 'title' } };
const WITH_STAGE: Header[] = [{ name: 'id' }, { name: 'title' }, { name: STAGE }, { name: 'slug' }];
const WITHOUT_STAGE: Header[] = [{ name: 'id' }, { name: 'title' }, { name: 'slug' }];
const names = (result: unknown) =>
  (result as { displayedHeaders: Header[] }).displayedHeaders.map((h) => h.name);

// The newsroom's fact-check stage takes assignees who hold the approve move.
const assigning: WorkflowInfo = {
  ...workflow,
  stages: workflow.stages.map((s) => (s.id === 'fact_check' ? { ...s, assignTo: 'approve' } : s)),
};
const FIONA = { id: 4, name: 'Fiona Factchecker' };
const GUS = { id: 5, name: 'Gus Checker' };

describe('Assignee column (list view)', () => {
  it('on a managed type comes right after the Stage column, once, not sortable', async () => {
    const { addAssigneeColumn } = await loadColumn({ at: ARTICLE, managed: [ARTICLE] });
    const result = addAssigneeColumn({ displayedHeaders: WITH_STAGE, layout });
    expect(names(result)).toEqual(['id', 'title', STAGE, ASSIGNEE, 'slug']);
    const column = (result as { displayedHeaders: Header[] }).displayedHeaders[3];
    expect(column.label?.defaultMessage).toBe('Assignee');
    expect(column.sortable).toBe(false);
    // Run twice (another plugin's hook, a re-render): still one column.
    const again = addAssigneeColumn({
      displayedHeaders: (result as { displayedHeaders: Header[] }).displayedHeaders,
      layout,
    });
    expect(names(again)).toEqual(['id', 'title', STAGE, ASSIGNEE, 'slug']);
  });

  it('without a Stage column comes after the main field', async () => {
    const { addAssigneeColumn } = await loadColumn({ at: ARTICLE, managed: [ARTICLE] });
    expect(names(addAssigneeColumn({ displayedHeaders: WITHOUT_STAGE, layout }))).toEqual([
      'id',
      'title',
      ASSIGNEE,
      'slug',
    ]);
  });

  it('is not added on a type the workflow does not manage', async () => {
    const { addAssigneeColumn } = await loadColumn({ at: PERSON, managed: [ARTICLE] });
    expect(addAssigneeColumn({ displayedHeaders: WITHOUT_STAGE, layout })).toEqual({
      displayedHeaders: WITHOUT_STAGE,
      layout,
    });
  });

  it('names each row’s assignee from one request per stage, none per row; "-" for nobody', async () => {
    window.history.pushState({}, '', `/admin/content-manager/collection-types/${ARTICLE}`);
    rememberManaged([ARTICLE]);
    const { displayedHeaders } = addAssigneeColumnRendered({
      displayedHeaders: WITH_STAGE,
      layout,
    }) as { displayedHeaders: Header[] };
    const column = displayedHeaders.find((h) => h.name === ASSIGNEE)!;
    server.on('GET', '/editorial-workflow/workflow', ok(assigning));
    server.on('GET', ASSIGNEES, (req) =>
      req.params.stage === 'fact_check'
        ? ok([FIONA, GUS], { meta: { me: FIONA.id, mayAssign: false } })
        : strapiError(400, 'ValidationError', `not asked for stage ${String(req.params.stage)}`)
    );
    const rows = [
      { documentId: 'a', title: 'Fiona’s', [STAGE]: 'fact_check', [ASSIGNEE]: FIONA.id },
      { documentId: 'b', title: 'Gus’s', [STAGE]: 'fact_check', [ASSIGNEE]: GUS.id },
      { documentId: 'c', title: 'Nobody’s', [STAGE]: 'fact_check', [ASSIGNEE]: null },
      { documentId: 'd', title: 'A drafted one', [STAGE]: 'draft', [ASSIGNEE]: null },
      // Someone no longer eligible (their role changed): still shown, by id.
      { documentId: 'e', title: 'Left the desk', [STAGE]: 'fact_check', [ASSIGNEE]: 9 },
    ];
    const { settled } = renderInAdmin(
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.documentId}>
              <th scope="row">{row.title}</th>
              <td>{column.cellFormatter!(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    await settled();
    await screen.findByText(GUS.name);
    const cell = (title: string) =>
      within(screen.getByRole('row', { name: new RegExp(`^${title}`) })).getByRole('cell');
    expect(cell('Fiona’s')).toHaveTextContent(FIONA.name);
    expect(cell('Gus’s')).toHaveTextContent(GUS.name);
    expect(cell('Nobody’s')).toHaveTextContent(/^-$/);
    expect(cell('A drafted one')).toHaveTextContent(/^-$/);
    expect(cell('Left the desk')).toHaveTextContent('#9');
    expect(server.requestsTo('GET', ASSIGNEES)).toHaveLength(1);
    expect(server.requestsTo('GET', ASSIGNEES)[0].params).toEqual({ stage: 'fact_check' });
  });
});
