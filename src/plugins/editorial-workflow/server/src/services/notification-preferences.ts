import type { Core } from '@strapi/strapi';
import { notificationKinds } from '../domain/notifications';
import { getService, PREFERENCE_UID } from '../utils';

// Which notification kinds each admin user turned off (Settings → Email notifications). A user
// with no row gets every kind.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(PREFERENCE_UID as any);
  const asList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

  return {
    kinds() {
      return notificationKinds(getService(strapi, 'definition').get());
    },

    async get(userId: number): Promise<string[]> {
      const row = await query().findOne({ where: { userId }, select: ['disabled'] });
      return asList(row?.disabled);
    },

    async set(userId: number, disabled: string[]): Promise<string[]> {
      await strapi.db.transaction(async () => {
        const row = await query().findOne({ where: { userId }, select: ['id'] });
        if (row) await query().update({ where: { id: row.id }, data: { disabled } });
        else await query().create({ data: { userId, disabled } });
      });
      return disabled;
    },

    /** Each of these users' turned-off kinds (one query). */
    async disabledFor(userIds: number[]): Promise<Map<number, string[]>> {
      if (userIds.length === 0) return new Map();
      const rows = await query().findMany({
        where: { userId: { $in: userIds } },
        select: ['userId', 'disabled'],
      });
      return new Map(rows.map((r: any) => [r.userId, asList(r.disabled)]));
    },
  };
};
