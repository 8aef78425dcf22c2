import { READ_ACTION } from '../../../shared/contracts';
import { forbidden } from '../services/errors';

// `admin::hasPermissions` answers a bare PolicyError; this names what is missing, as ForbiddenError.
export default {
  'can-read': (ctx: any) => {
    if (ctx.state.userAbility?.can(READ_ACTION)) return true;
    throw forbidden(
      'You may not read the editorial workflow (permission plugin::editorial-workflow.read)'
    );
  },
};
