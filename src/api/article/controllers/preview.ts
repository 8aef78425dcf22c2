import type { Core } from '@strapi/strapi';
import { readPreview } from '../../../newsroom/preview';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: any) {
    ctx.body = await readPreview(strapi, ctx);
  },
});
