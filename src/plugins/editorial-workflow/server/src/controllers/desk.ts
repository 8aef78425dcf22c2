import type { Core } from '@strapi/strapi';
import { parseDeskQuery } from '../desk-validation';
import { invalid } from '../services/errors';
import { getService } from '../utils';

// The Newsroom desk: figures over the stories the user may read (Content Manager rights).
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stats(ctx: any) {
    const query = parseDeskQuery(getService(strapi, 'definition').get(), ctx.query);
    if (query.locale && !(await strapi.plugin('i18n').service('locales').findByCode(query.locale)))
      throw invalid('locale', `Unknown locale "${query.locale}"`);
    ctx.body = { data: await getService(strapi, 'desk').stats(query, ctx.state.userAbility) };
  },
});
