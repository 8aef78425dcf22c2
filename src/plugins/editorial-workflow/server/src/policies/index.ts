import { READ_ACTION } from '../../../shared/contracts';
import { forbidden } from '../services/errors';

// `admin::hasPermissions` answers a bare PolicyError; these name what is missing, as ForbiddenError.

export interface MissingPermissionConfig {
  /** The admin action the route needs, e.g. `plugin::editorial-workflow.cache-purge`. */
  action: string;
  /** What it allows, completing "You may not …": `purge the response cache`. */
  to: string;
}

const requirePermission = (ctx: any, { action, to }: MissingPermissionConfig) => {
  if (ctx.state.userAbility?.can(action)) return true;
  throw forbidden(`You may not ${to} (permission ${action})`, { action });
};

export default {
  'can-read': (ctx: any) =>
    requirePermission(ctx, { action: READ_ACTION, to: 'read the editorial workflow' }),

  /** `{ name: 'plugin::editorial-workflow.explain-missing-permission', config: { action, to } }` */
  'explain-missing-permission': {
    name: 'explain-missing-permission',
    // Checked when the routes load: a typo in a route's config stops the boot, not a request.
    validator(config: unknown) {
      const { action, to } = (config ?? {}) as Partial<MissingPermissionConfig>;
      if (typeof action !== 'string' || !action || typeof to !== 'string' || !to)
        throw new Error('explain-missing-permission needs config { action, to } (two strings)');
    },
    handler: (ctx: any, config: MissingPermissionConfig) => requirePermission(ctx, config),
  },
};
