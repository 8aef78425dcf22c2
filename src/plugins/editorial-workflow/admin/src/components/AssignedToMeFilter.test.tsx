import { screen } from '@testing-library/react';
import { parse } from 'qs';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowInfo } from '../../../shared/contracts';
import { ARTICLE, PERSON, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, setQueryCalls } from '../../tests/strapi-admin';
import { AssignedToMeFilter } from './AssignedToMeFilter';

// Strapi's admin is not loaded: useQueryParams is the double (core's behaviour over the memory
// router, every setQuery recorded); a request to anything else than the definition and the
// eligible reviewers fails the test.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// The assignee copy on each managed document (ASSIGNEE_FIELD in shared/assignment.ts): a plain
// Content Manager filter beside the others.
const ASSIGNEE = 'editorialAssignee';
const ASSIGNEES = '/editorial-workflow/assignees';
const OTHER = { title: { $contains: 'Belarus' } };
const LIST_PATH = '/content-manager/collection-types/:slug';
const listUrl = (uid: string, search = '') =>
  `/content-manager/collection-types/${uid}${search ? `?${search}` : ''}`;
const assigning: WorkflowInfo = {
  ...workflow,
  stages: workflow.stages.map((s) => (s.id === 'fact_check' ? { ...s, assignTo: 'approve' } : s)),
};
const ME = 4;

const showFilter = (
  uid: string,
  search = '',
  { me = ME as number | null, definition = assigning } = {}
) => {
  server.on('GET', '/editorial-workflow/workflow', ok(definition));
  server.on('GET', ASSIGNEES, ok([], { meta: { me, mayAssign: false } }));
  return renderInAdmin(<AssignedToMeFilter />, { url: listUrl(uid, search), path: LIST_PATH });
};
const button = () => screen.findByRole('button', { name: 'Assigned to me' });
const lastSetQuery = () => setQueryCalls.mock.calls.at(-1)?.[0];

describe('AssignedToMeFilter (list view)', () => {
  it('filters on the assignee copy with my id, beside the other conditions, from page 1', async () => {
    const { user, location } = showFilter(
      ARTICLE,
      'page=3&filters[$and][0][title][$contains]=Belarus'
    );
    const toggle = await button();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(lastSetQuery()).toEqual({
      page: 1,
      filters: { $and: [OTHER, { [ASSIGNEE]: { $eq: ME } }] },
    });
    // The URL is the state: the Content Manager's list request is built from it.
    expect(parse(location().search.slice(1))).toMatchObject({
      page: '1',
      filters: { $and: [OTHER, { [ASSIGNEE]: { $eq: String(ME) } }] },
    });
    expect(await button()).toHaveAttribute('aria-pressed', 'true');
    // "Me" is asked once, by the stage that takes assignees.
    expect(server.requestsTo('GET', ASSIGNEES).map((r) => r.params)).toEqual([
      { stage: 'fact_check' },
    ]);
  });

  it('pressed again, removes its condition and keeps the others', async () => {
    const { user, location } = showFilter(
      ARTICLE,
      `filters[$and][0][${ASSIGNEE}][$eq]=${ME}&filters[$and][1][title][$contains]=Belarus`
    );
    const toggle = await button();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(lastSetQuery()).toEqual({ page: 1, filters: { $and: [OTHER] } });
    expect(location().search).not.toContain(ASSIGNEE);
  });

  it('with no other condition, leaves no filter at all once removed', async () => {
    const { user } = showFilter(ARTICLE, `filters[$and][0][${ASSIGNEE}][$eq]=${ME}`);
    await user.click(await button());
    expect(lastSetQuery()).toEqual({ page: 1, filters: undefined });
  });

  it('is absent on an unmanaged type, in a workflow without assignees, or when "me" is unknown', async () => {
    for (const [uid, options] of [
      [PERSON, {}],
      [ARTICLE, { definition: workflow }],
      [ARTICLE, { me: null }],
    ] as const) {
      const { settled, unmount } = showFilter(uid, '', options);
      await settled();
      expect(screen.queryByRole('button')).not.toBeInTheDocument();
      unmount();
    }
    expect(setQueryCalls).not.toHaveBeenCalled();
    // A workflow whose stages take no assignee asks nobody who "me" is.
    expect(server.requestsTo('GET', ASSIGNEES)).toHaveLength(2);
  });
});
