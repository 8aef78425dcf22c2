import * as React from 'react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, PERSON, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server } from '../../tests/strapi-admin';
import { rememberManaged } from '../utils/managed';
import { addStageColumn as addStageColumnRendered } from './StageColumn';

// Strapi's admin is not loaded: a request to anything but the workflow definition fails the test.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// The stage copy on each managed document (STAGE_FIELD in shared/contracts.ts), which the list
// view's own request brings with every row.
const STAGE = 'editorialStage';

type Header = {
  name: string;
  label?: { defaultMessage: string };
  sortable?: boolean;
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
};

/**
 * The column hook with a fresh memory of managed types (it keeps the last definition it saw). Only for
 * the hook's decisions: cells are rendered from the static import, whose design system is the one
 * render.tsx provides (a reset module graph would bring a second one, without its theme).
 */
const loadColumn = async ({ at, managed }: { at: string; managed: string[] | null }) => {
  vi.resetModules();
  window.localStorage.clear();
  window.history.pushState({}, '', `/admin/content-manager/collection-types/${at}`);
  const { rememberManaged } = await import('../utils/managed');
  if (managed) rememberManaged(managed);
  return import('./StageColumn');
};

const HEADERS: Header[] = [
  { name: 'id' },
  { name: 'title' },
  { name: 'slug' },
  { name: 'updatedAt' },
];
const layout = { settings: { mainField: 'title' } };

describe('Stage column (list view)', () => {
  it('on a managed type comes right after the main field, sortable by the stage copy', async () => {
    const { addStageColumn } = await loadColumn({ at: ARTICLE, managed: [ARTICLE] });
    const { displayedHeaders } = addStageColumn({ displayedHeaders: HEADERS, layout }) as {
      displayedHeaders: Header[];
    };
    expect(displayedHeaders.map((h) => h.name)).toEqual([
      'id',
      'title',
      STAGE,
      'slug',
      'updatedAt',
    ]);
    const column = displayedHeaders[2];
    expect(column.label?.defaultMessage).toBe('Stage');
    expect(column.sortable).toBe(true);
    // Run twice (another plugin's hook, a re-render): still one column.
    const again = addStageColumn({ displayedHeaders, layout }) as { displayedHeaders: Header[] };
    expect(again.displayedHeaders.map((h) => h.name)).toEqual([
      'id',
      'title',
      STAGE,
      'slug',
      'updatedAt',
    ]);
  });

  it('is not added on a type the workflow does not manage', async () => {
    const { addStageColumn } = await loadColumn({ at: PERSON, managed: [ARTICLE] });
    expect(addStageColumn({ displayedHeaders: HEADERS, layout })).toEqual({
      displayedHeaders: HEADERS,
      layout,
    });
  });

  it('is added while the definition was never seen (first visit)', async () => {
    const { addStageColumn } = await loadColumn({ at: PERSON, managed: null });
    const { displayedHeaders } = addStageColumn({ displayedHeaders: HEADERS, layout }) as {
      displayedHeaders: Header[];
    };
    expect(displayedHeaders.map((h) => h.name)).toContain(STAGE);
  });

  it('shows each row’s stage as a badge from the row itself: one request for the definition, none per row', async () => {
    window.history.pushState({}, '', `/admin/content-manager/collection-types/${ARTICLE}`);
    rememberManaged([ARTICLE]);
    const { displayedHeaders } = addStageColumnRendered({ displayedHeaders: HEADERS, layout }) as {
      displayedHeaders: Header[];
    };
    const column = displayedHeaders.find((h) => h.name === STAGE)!;
    server.on('GET', '/editorial-workflow/workflow', ok(workflow));
    const rows = [
      { documentId: 'a', title: 'Drafted', [STAGE]: 'draft' },
      { documentId: 'b', title: 'Waiting', [STAGE]: 'fact_check' },
      { documentId: 'c', title: 'Live', [STAGE]: 'published' },
      { documentId: 'd', title: 'Older than the workflow', [STAGE]: null },
      { documentId: 'e', title: 'Stage since removed from the config', [STAGE]: 'legal_review' },
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
    const cell = (title: string) =>
      within(screen.getByRole('row', { name: new RegExp(`^${title}`) })).getByRole('cell');
    expect(cell('Drafted')).toHaveTextContent('Draft');
    expect(cell('Waiting')).toHaveTextContent('Fact-check');
    expect(cell('Live')).toHaveTextContent('Published');
    expect(within(cell('Live')).getByTestId('ew-stage-badge')).toHaveAttribute(
      'data-stage',
      'published'
    );
    expect(cell('Older than the workflow')).toHaveTextContent(/^-$/);
    expect(cell('Stage since removed from the config')).toHaveTextContent('legal_review');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /editorial-workflow/workflow',
    ]);
  });
});
