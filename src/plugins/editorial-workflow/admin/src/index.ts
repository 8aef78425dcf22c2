import { ChartPie, Check, Feather } from '@strapi/icons';
import { CACHE_READ_ACTION, IMPORT_ACTION, PLUGIN_ID, READ_ACTION } from '../../shared/contracts';
import { gateBulkAction, gateDocumentAction } from './components/actions';
import { addAssigneeColumn } from './components/AssigneeColumn';
import { AssignedToMeFilter } from './components/AssignedToMeFilter';
import { addStageColumn } from './components/StageColumn';
import { StageFilter } from './components/StageFilter';
import { WorkflowPanel } from './components/WorkflowPanel';
import { getTrad, prefixPluginTranslations } from './utils/translations';

type AnyApp = any;

export default {
  register(app: AnyApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Check,
      intlLabel: { id: getTrad('queue.menu'), defaultMessage: 'Fact-check queue' },
      permissions: [{ action: READ_ACTION, subject: null }],
      Component: () => import('./pages/QueuePage'),
    });
    // Its own menu entry: core mounts each link at `${to}/*`, and React Router ranks this longer
    // path above the queue's `plugins/editorial-workflow/*`, so the two never clash.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/desk`,
      icon: ChartPie,
      intlLabel: { id: getTrad('desk.menu'), defaultMessage: 'Newsroom desk' },
      permissions: [{ action: READ_ACTION, subject: null }],
      Component: () => import('./pages/DeskPage'),
    });
    // Wire copy in, a draft story out (the import permission: Editors and Authors).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/import`,
      icon: Feather,
      intlLabel: { id: getTrad('import.menu'), defaultMessage: 'Import wire copy' },
      permissions: [{ action: IMPORT_ACTION, subject: null }],
      Component: () => import('./pages/ImportPage'),
    });

    // Core's webhook form lists only core events: the workflow's event is chosen here instead.
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-webhooks`,
      to: `${PLUGIN_ID}/webhooks`,
      intlLabel: { id: getTrad('webhooks.menu'), defaultMessage: 'Editorial workflow events' },
      permissions: [{ action: 'admin::webhooks.read', subject: null }],
      Component: () => import('./pages/WebhooksSettings'),
    });
    // The cache's figures and its Purge button (which needs cache-purge as well).
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-cache`,
      to: `${PLUGIN_ID}/cache`,
      intlLabel: { id: getTrad('cache.menu'), defaultMessage: 'Response cache' },
      permissions: [{ action: CACHE_READ_ACTION, subject: null }],
      Component: () => import('./pages/CacheSettings'),
    });
    // Each signed-in user's own email notifications: no permission, it changes only their inbox.
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-notifications`,
      to: `${PLUGIN_ID}/notifications`,
      intlLabel: { id: getTrad('notify.menu'), defaultMessage: 'Email notifications' },
      permissions: [],
      Component: () => import('./pages/NotificationSettings'),
    });

    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addStageColumn);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addAssigneeColumn);
  },

  bootstrap(app: AnyApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis;
    apis.addEditViewSidePanel([WorkflowPanel]);
    // Every document action is wrapped: Publish / Unpublish (and i18n's multi-locale publishing)
    // disappear on workflow-owned documents; everything else renders as before.
    apis.addDocumentAction((actions: any[]) =>
      actions.map((action) =>
        action.__editorialWorkflowGated ? action : gateDocumentAction(action)
      )
    );
    apis.addBulkAction((actions: any[]) =>
      actions.map((action) => (action.__editorialWorkflowGated ? action : gateBulkAction(action)))
    );
    contentManager.injectComponent('listView', 'actions', {
      name: `${PLUGIN_ID}-stage-filter`,
      Component: StageFilter,
    });
    contentManager.injectComponent('listView', 'actions', {
      name: `${PLUGIN_ID}-assigned-to-me`,
      Component: AssignedToMeFilter,
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
