import type { Core } from '@strapi/strapi';
import { isLocalized } from '../utils';
import { forbidden } from './errors';
import { localesOnly } from './locale-scope';
import type { Target } from './state-store';

// Who may see and move which document locale, decided by the Content Manager's own rights
// (`explorer.read` / `explorer.update` with their conditions, e.g. `isCreator`, and i18n's `locales`
// property, which i18n turns into a `locale $in` condition). The one place that relies on Strapi's
// permission internals; test/api/workflow-access.test.ts ("contract") pins what is relied on:
// - the CM permission checker's `can.read(entity)`, `cannot.update(entity)`, `requiresEntity.*()`;
// - the permissions manager's `getQuery(action)`: null when nothing is allowed, `{}` when a rule
//   without conditions allows everything, otherwise a Strapi `where` over the type's rows.

const CM_READ = 'plugin::content-manager.explorer.read';
const CM_UPDATE = 'plugin::content-manager.explorer.update';
const CM_CREATE = 'plugin::content-manager.explorer.create';

/** An admin user's CASL ability (`ctx.state.userAbility`). */
export type UserAbility = unknown;

/** The rows of one type a user may read: all, none, those in some locales, or those a `where` selects. */
export type Scope =
  { all: true } | { none: true } | { locales: string[] } | { where: Record<string, unknown> };

/** A document locale as the workflow keys it (`locale` is '' on types without i18n). */
export interface DocumentKey {
  documentId: string;
  locale: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const checker = (userAbility: UserAbility, uid: string) =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility, model: uid });

  /** The working copy with what CM conditions look at (creator, updater, locale, fields). */
  const draftOf = (target: Target) => {
    const where: Record<string, unknown> = { documentId: target.documentId, publishedAt: null };
    if (isLocalized(strapi, target.uid)) where.locale = target.locale;
    return strapi.db
      .query(target.uid as any)
      .findOne({ where, populate: ['createdBy', 'updatedBy'] });
  };

  const right = (action: string, target: Target) =>
    `permission ${action} on ${target.uid}${target.locale ? `, locale ${target.locale}` : ''}`;

  const access = {
    /** Which rows of `uid` the user may read in the Content Manager, as a query (no per-row checks). */
    readScope(userAbility: UserAbility, uid: string, action: string = CM_READ): Scope {
      const manager = (strapi.service('admin::permission') as any).createPermissionsManager({
        ability: userAbility,
        model: uid,
      });
      const query = manager.getQuery(action);
      if (query === null || query === undefined) return { none: true };
      if (Object.keys(query).length === 0) return { all: true };
      // Locale-only scopes (every role that lists its locales) need no row at all.
      const locales = isLocalized(strapi, uid) ? localesOnly(query) : null;
      if (locales) return { locales };
      return { where: query };
    },

    /** Decided from the scope alone when it can be (no condition, or locales only); null otherwise. */
    decidedByScope(userAbility: UserAbility, target: Target, action: string): boolean | null {
      const scope = access.readScope(userAbility, target.uid, action);
      if ('all' in scope) return true;
      if ('none' in scope) return false;
      if ('locales' in scope) return scope.locales.includes(target.locale);
      return null;
    },

    /** Draft rows of `uid` matching `where` that the user may read: one query. */
    async readableKeys(
      userAbility: UserAbility,
      uid: string,
      where: Record<string, unknown> = {}
    ): Promise<DocumentKey[]> {
      const scope = access.readScope(userAbility, uid);
      if ('none' in scope) return [];
      const localized = isLocalized(strapi, uid);
      const scoped =
        'where' in scope
          ? [scope.where]
          : 'locales' in scope
            ? [{ locale: { $in: scope.locales } }]
            : [];
      const conditions = [where, { publishedAt: null }, ...scoped];
      const rows = await strapi.db.query(uid as any).findMany({
        where: { $and: conditions },
        select: localized ? ['documentId', 'locale'] : ['documentId'],
      });
      return rows.map((r: any) => ({
        documentId: r.documentId,
        locale: localized ? r.locale : '',
      }));
    },

    /**
     * A `where` on workflow states selecting the document locales the user may read, or null for
     * none. A type read unconditionally adds no work (the fast path); a conditional one costs one
     * query listing its readable documents, grouped by locale.
     */
    async stateScope(userAbility: UserAbility, uids: string[], locale?: string) {
      const branches: Record<string, unknown>[] = [];
      for (const uid of uids) {
        const scope = access.readScope(userAbility, uid);
        if ('none' in scope) continue;
        if ('all' in scope) {
          branches.push({ targetUid: uid });
          continue;
        }
        if ('locales' in scope) {
          branches.push({ targetUid: uid, targetLocale: { $in: scope.locales } });
          continue;
        }
        const keys = await access.readableKeys(
          userAbility,
          uid,
          isLocalized(strapi, uid) && locale ? { locale } : {}
        );
        const byLocale = new Map<string, string[]>();
        for (const k of keys)
          byLocale.set(k.locale, [...(byLocale.get(k.locale) ?? []), k.documentId]);
        for (const [loc, ids] of byLocale)
          branches.push({ targetUid: uid, targetLocale: loc, targetDocumentId: { $in: ids } });
      }
      return branches.length ? { $or: branches } : null;
    },

    /** The Content Manager would show this document locale to the user. */
    async mayRead(userAbility: UserAbility, target: Target) {
      const decided = access.decidedByScope(userAbility, target, CM_READ);
      if (decided !== null) return decided;
      const cm = checker(userAbility, target.uid);
      if (cm.cannot.read()) return false;
      if (!cm.requiresEntity.read()) return true;
      const draft = await draftOf(target);
      return Boolean(draft) && cm.can.read(draft);
    },

    /** The Content Manager would let the user edit this document locale. */
    async mayUpdate(userAbility: UserAbility, target: Target) {
      const decided = access.decidedByScope(userAbility, target, CM_UPDATE);
      if (decided !== null) return decided;
      const cm = checker(userAbility, target.uid);
      if (cm.cannot.update()) return false;
      if (!cm.requiresEntity.update()) return true;
      const draft = await draftOf(target);
      return Boolean(draft) && !cm.cannot.update(draft);
    },

    /**
     * The Content Manager would let the user create a document of `uid` in `locale` (Strapi's own
     * `cannot.create({ locale })`), shaped as `draft` (its creator, for an `isCreator` condition).
     */
    mayCreate(
      userAbility: UserAbility,
      uid: string,
      locale: string,
      draft: Record<string, unknown> = {}
    ): boolean {
      const target = { uid, documentId: '', locale: isLocalized(strapi, uid) ? locale : '' };
      const decided = access.decidedByScope(userAbility, target, CM_CREATE);
      if (decided !== null) return decided;
      const cm = checker(userAbility, uid);
      if (cm.cannot.create()) return false;
      if (!cm.requiresEntity.create()) return true;
      // A fresh object each time: CASL marks an object with the first subject type it is checked as.
      return !cm.cannot.create(target.locale ? { ...draft, locale: target.locale } : { ...draft });
    },

    /** The workflow shows a document locale only to who may read it in the Content Manager. */
    async assertMayRead(userAbility: UserAbility, target: Target) {
      if (await access.mayRead(userAbility, target)) return;
      throw forbidden(`You may not read this document (${right(CM_READ, target)})`, {
        permission: CM_READ,
        uid: target.uid,
        locale: target.locale,
      });
    },

    /** A move changes the document's state: it needs the right to edit it, besides the transition's. */
    async assertMayUpdate(userAbility: UserAbility, target: Target) {
      if (await access.mayUpdate(userAbility, target)) return;
      throw forbidden(
        `You may not edit this document, so you may not move it (${right(CM_UPDATE, target)})`,
        {
          permission: CM_UPDATE,
          uid: target.uid,
          locale: target.locale,
        }
      );
    },
  };
  return access;
};
