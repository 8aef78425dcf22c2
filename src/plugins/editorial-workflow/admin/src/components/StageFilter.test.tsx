import { screen } from '@testing-library/react';
import { parse } from 'qs';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, PERSON, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, setQueryCalls } from '../../tests/strapi-admin';
import { StageFilter } from './StageFilter';

// Strapi's admin is not loaded: useQueryParams is the double (core's behaviour over the memory
// router, every setQuery recorded); a request to anything but the workflow definition fails the test.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// The stage copy on each managed document (STAGE_FIELD in shared/contracts.ts): a plain Content
// Manager filter, no list of ids fetched from the queue.
const STAGE = 'editorialStage';
const OTHER = { title: { $contains: 'Belarus' } };
const LIST_PATH = '/content-manager/collection-types/:slug';
const listUrl = (uid: string, search = '') =>
  `/content-manager/collection-types/${uid}${search ? `?${search}` : ''}`;

const showFilter = (uid: string, search = '') => {
  server.on('GET', '/editorial-workflow/workflow', ok(workflow));
  return renderInAdmin(<StageFilter />, { url: listUrl(uid, search), path: LIST_PATH });
};

const choose = async (user: ReturnType<typeof showFilter>['user'], option: string) => {
  await user.click(await screen.findByRole('combobox', { name: 'Filter by workflow stage' }));
  await user.click(await screen.findByRole('option', { name: option }));
};

const lastSetQuery = () => setQueryCalls.mock.calls.at(-1)?.[0];

describe('StageFilter (list view)', () => {
  it('offers every stage of the workflow, and "all"', async () => {
    const { user } = showFilter(ARTICLE);
    await user.click(await screen.findByRole('combobox', { name: 'Filter by workflow stage' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Stage: all',
      'Stage: Draft',
      'Stage: Fact-check',
      'Stage: Published',
    ]);
  });

  it('choosing a stage filters on the stage copy, beside the other conditions, from page 1', async () => {
    const { user, location } = showFilter(
      ARTICLE,
      'page=3&filters[$and][0][title][$contains]=Belarus'
    );
    await choose(user, 'Stage: Fact-check');
    expect(setQueryCalls).toHaveBeenCalledTimes(1);
    expect(lastSetQuery()).toEqual({
      page: 1,
      filters: { $and: [OTHER, { [STAGE]: { $eq: 'fact_check' } }] },
    });
    // The URL is the state: the Content Manager's list request is built from it.
    expect(parse(location().search.slice(1))).toMatchObject({
      page: '1',
      filters: { $and: [OTHER, { [STAGE]: { $eq: 'fact_check' } }] },
    });
    expect(screen.getByRole('combobox', { name: 'Filter by workflow stage' })).toHaveTextContent(
      'Stage: Fact-check'
    );
    // Nothing but the definition was asked for.
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /editorial-workflow/workflow',
    ]);
  });

  it('shows the stage the URL filters on, and choosing another replaces that condition', async () => {
    const { user } = showFilter(
      ARTICLE,
      `filters[$and][0][${STAGE}][$eq]=draft&filters[$and][1][title][$contains]=Belarus`
    );
    const select = await screen.findByRole('combobox', { name: 'Filter by workflow stage' });
    expect(select).toHaveTextContent('Stage: Draft');
    await choose(user, 'Stage: Published');
    expect(lastSetQuery()).toEqual({
      page: 1,
      filters: { $and: [OTHER, { [STAGE]: { $eq: 'published' } }] },
    });
  });

  it('"Stage: all" removes the stage condition and keeps the others', async () => {
    const { user, location } = showFilter(
      ARTICLE,
      `page=2&filters[$and][0][${STAGE}][$eq]=fact_check&filters[$and][1][title][$contains]=Belarus`
    );
    await choose(user, 'Stage: all');
    const sent = lastSetQuery() as { page: number; filters?: { $and?: unknown[] } };
    expect(sent.page).toBe(1);
    expect(sent.filters?.$and).toEqual([OTHER]);
    expect(parse(location().search.slice(1))).toMatchObject({
      page: '1',
      filters: { $and: [OTHER] },
    });
  });

  it('"Stage: all" with no other condition leaves no stage filter in the URL', async () => {
    const { user, location } = showFilter(ARTICLE, `filters[$and][0][${STAGE}][$eq]=fact_check`);
    await choose(user, 'Stage: all');
    expect(lastSetQuery()).toMatchObject({ page: 1 });
    expect(location().search).not.toContain(STAGE);
  });

  it('does not render on a type the workflow does not manage', async () => {
    const { settled } = showFilter(PERSON);
    await settled();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(setQueryCalls).not.toHaveBeenCalled();
  });
});
