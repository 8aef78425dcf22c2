import type { Core } from '@strapi/strapi';
import { adminDisplayName } from './actor';

export interface DeskUser {
  id: number;
  name: string;
  email: string;
}

const SUPER_ADMIN = 'strapi-super-admin';

// Admin users as the desk sees them: who holds a permission (an assignee must hold the approve
// move; "all fact-checkers" are those who do), and who can be mentioned.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active admin users whose roles hold `action` (super admins hold every action). */
  async holding(action: string): Promise<DeskUser[]> {
    const grants = await strapi.db
      .query('admin::permission')
      .findMany({ where: { action }, select: ['id'], populate: { role: { select: ['id'] } } });
    const roleIds = new Set<number>(grants.map((g: any) => g.role?.id).filter(Boolean));
    const superAdmin = await strapi.db
      .query('admin::role')
      .findOne({ where: { code: SUPER_ADMIN }, select: ['id'] });
    if (superAdmin) roleIds.add(superAdmin.id);
    if (roleIds.size === 0) return [];
    const users = await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, roles: { id: { $in: [...roleIds] } } },
      select: ['id', 'firstname', 'lastname', 'username', 'email'],
      orderBy: [{ firstname: 'asc' }, { id: 'asc' }],
    });
    return users.map((u: any) => ({ id: u.id, name: adminDisplayName(u), email: u.email }));
  },

  /** Active admin users by id, in the order asked; unknown or inactive ids are left out. */
  async byIds(ids: number[]): Promise<DeskUser[]> {
    if (ids.length === 0) return [];
    const users = await strapi.db.query('admin::user').findMany({
      where: { id: { $in: ids }, isActive: true, blocked: false },
      select: ['id', 'firstname', 'lastname', 'username', 'email'],
    });
    const found = new Map(users.map((u: any) => [u.id, u]));
    return ids
      .filter((id) => found.has(id))
      .map((id) => {
        const u: any = found.get(id);
        return { id: u.id, name: adminDisplayName(u), email: u.email };
      });
  },
});
