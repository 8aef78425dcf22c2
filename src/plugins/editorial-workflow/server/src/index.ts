import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import { parseCacheConfig } from './cache/cache-config';
import { parseWorkflowConfig } from './domain/definition';
import { parseNotificationsConfig } from './domain/notifications';
import { parseSchedulerConfig } from './domain/schedule';
import { SCHEDULER_JOB } from './services/scheduler';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  config: {
    default: {},
    // A bad definition stops the boot with the key that is wrong.
    validator: (config: unknown) => {
      const def = parseWorkflowConfig(config);
      parseCacheConfig((config as { cache?: unknown }).cache, def.contentTypes);
      parseNotificationsConfig((config as { notifications?: unknown }).notifications);
      parseSchedulerConfig((config as { scheduler?: unknown }).scheduler);
    },
  },
  // The response cache's listener closes with the app (a test boots and destroys many).
  async destroy({ strapi }: { strapi: any }) {
    await strapi.plugin('editorial-workflow').service('cache').stopSync();
    await strapi.plugin('editorial-workflow').service('notification-sender').stop();
    strapi.cron.remove('editorial-workflow-sla');
    strapi.cron.remove(SCHEDULER_JOB);
  },
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
