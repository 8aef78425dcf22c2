import type { Core } from '@strapi/strapi';
import type { NotificationPreferences } from '../../../shared/notifications';
import { preferencesBodySchema } from '../domain/notifications';
import { getService } from '../utils';
import { parse } from '../validation';

// The caller's own notification preferences (admin JWT).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const preferences = () => getService(strapi, 'notification-preferences');
  const answer = (disabled: string[]): NotificationPreferences => ({
    kinds: preferences().kinds(),
    disabled,
  });

  return {
    async getPreferences(ctx: any) {
      ctx.body = { data: answer(await preferences().get(ctx.state.user.id)) };
    },

    async setPreferences(ctx: any) {
      const kinds = preferences()
        .kinds()
        .map((k) => k.id);
      const { disabled } = parse(preferencesBodySchema(kinds), ctx.request.body, 'body');
      ctx.body = { data: answer(await preferences().set(ctx.state.user.id, disabled)) };
    },
  };
};
