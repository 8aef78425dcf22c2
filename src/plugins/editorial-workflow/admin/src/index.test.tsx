import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { describe, expect, it, vi } from 'vitest';
import plugin from './index';
import { StageFilter } from './components/StageFilter';
import { WorkflowPanel } from './components/WorkflowPanel';
import { addStageColumn } from './components/StageColumn';

vi.mock('@strapi/strapi/admin', () => import('../tests/strapi-admin'));

/** An object whose every member must be named up front: touching anything else throws. */
const strict = <T extends object>(name: string, members: T): T =>
  new Proxy(members, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!(key in target))
        throw new Error(
          `${name}.${key} is not part of the test double: the plugin used something nobody set up`
        );
      return target[key as keyof T];
    },
  });

const fakeApp = () => {
  const contentManager = strict('content-manager plugin', {
    apis: strict('content-manager apis', {
      addEditViewSidePanel: vi.fn(),
      addDocumentAction: vi.fn(),
      addBulkAction: vi.fn(),
    }),
    injectComponent: vi.fn(),
  });
  const app = strict('app', {
    registerPlugin: vi.fn(),
    addMenuLink: vi.fn(),
    addSettingsLink: vi.fn(),
    registerHook: vi.fn(),
    getPlugin: vi.fn((id: string) => {
      if (id !== 'content-manager') throw new Error(`getPlugin(${id}) not set up`);
      return contentManager;
    }),
  });
  return { app, contentManager };
};

const action = (type: DocumentActionComponent['type']) => {
  const A: DocumentActionComponent = () => ({ label: String(type) });
  A.type = type;
  return A;
};

describe('admin entry (index.ts)', () => {
  it('registers the plugin, the queue in the menu for readers of the workflow, the webhook and cache settings and the list column hook', () => {
    const { app } = fakeApp();
    plugin.register(app);
    expect(app.registerPlugin).toHaveBeenCalledWith({
      id: 'editorial-workflow',
      name: 'editorial-workflow',
    });
    expect(app.addMenuLink).toHaveBeenCalledWith(
      expect.objectContaining({
        to: 'plugins/editorial-workflow',
        permissions: [{ action: 'plugin::editorial-workflow.read', subject: null }],
        intlLabel: { id: 'editorial-workflow.queue.menu', defaultMessage: 'Fact-check queue' },
      })
    );
    expect(app.addMenuLink).toHaveBeenCalledWith(
      expect.objectContaining({
        to: 'plugins/editorial-workflow/desk',
        permissions: [{ action: 'plugin::editorial-workflow.read', subject: null }],
        intlLabel: { id: 'editorial-workflow.desk.menu', defaultMessage: 'Newsroom desk' },
      })
    );
    expect(app.addMenuLink).toHaveBeenCalledWith(
      expect.objectContaining({
        to: 'plugins/editorial-workflow/import',
        permissions: [{ action: 'plugin::editorial-workflow.import', subject: null }],
        intlLabel: { id: 'editorial-workflow.import.menu', defaultMessage: 'Import wire copy' },
      })
    );
    expect(app.addMenuLink).toHaveBeenCalledTimes(3);
    expect(app.addSettingsLink).toHaveBeenCalledWith(
      'global',
      expect.objectContaining({
        to: 'editorial-workflow/webhooks',
        permissions: [{ action: 'admin::webhooks.read', subject: null }],
      })
    );
    expect(app.addSettingsLink).toHaveBeenCalledWith(
      'global',
      expect.objectContaining({
        id: 'editorial-workflow-cache',
        to: 'editorial-workflow/cache',
        intlLabel: { id: 'editorial-workflow.cache.menu', defaultMessage: 'Response cache' },
        permissions: [{ action: 'plugin::editorial-workflow.cache-read', subject: null }],
      })
    );
    // Every signed-in user's own email notifications: no permission.
    expect(app.addSettingsLink).toHaveBeenCalledWith(
      'global',
      expect.objectContaining({
        id: 'editorial-workflow-notifications',
        to: 'editorial-workflow/notifications',
        intlLabel: { id: 'editorial-workflow.notify.menu', defaultMessage: 'Email notifications' },
        permissions: [],
      })
    );
    expect(app.addSettingsLink).toHaveBeenCalledTimes(3);
    expect(app.registerHook).toHaveBeenCalledWith(
      'Admin/CM/pages/ListView/inject-column-in-table',
      addStageColumn
    );
  });

  it('adds the side panel and the stage filter, and wraps every document and bulk action exactly once', () => {
    const { app, contentManager } = fakeApp();
    plugin.bootstrap(app);
    expect(contentManager.apis.addEditViewSidePanel).toHaveBeenCalledWith([WorkflowPanel]);
    expect(contentManager.injectComponent).toHaveBeenCalledWith('listView', 'actions', {
      name: 'editorial-workflow-stage-filter',
      Component: StageFilter,
    });

    const [reduceDocumentActions] = vi.mocked(contentManager.apis.addDocumentAction).mock
      .calls[0] as [(a: DocumentActionComponent[]) => DocumentActionComponent[]];
    const core = [action('publish'), action('update'), action('unpublish')];
    const wrapped = reduceDocumentActions(core);
    expect(wrapped.map((a) => a.type)).toEqual(['publish', 'update', 'unpublish']);
    expect(wrapped.every((a, i) => a !== core[i])).toBe(true);
    // Another plugin's reducer may run ours again on the same list: no double wrapping.
    expect(reduceDocumentActions(wrapped)).toEqual(wrapped);

    const [reduceBulkActions] = vi.mocked(contentManager.apis.addBulkAction).mock.calls[0] as [
      (a: unknown[]) => unknown[],
    ];
    const bulk = reduceBulkActions([action('publish')]);
    expect(reduceBulkActions(bulk)).toEqual(bulk);
  });

  it('serves its English messages under the plugin prefix, and nothing for a locale it has no file for', async () => {
    const [en, fr] = await plugin.registerTrads({ locales: ['en', 'fr'] });
    expect(en.locale).toBe('en');
    expect(en.data['editorial-workflow.panel.title']).toBe('Editorial workflow');
    expect(Object.keys(en.data).every((key) => key.startsWith('editorial-workflow.'))).toBe(true);
    expect(fr).toEqual({ locale: 'fr', data: {} });
  });
});
