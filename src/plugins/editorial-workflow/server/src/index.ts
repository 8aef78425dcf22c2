import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import { parseWorkflowConfig } from './domain/definition';
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
      parseWorkflowConfig(config);
    },
  },
  contentTypes,
  controllers,
  policies,
  routes,
  services,
};
