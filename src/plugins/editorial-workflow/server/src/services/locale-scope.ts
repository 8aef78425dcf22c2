// i18n turns a permission's `locales` property into a `locale $in [...]` condition. A scope that says
// nothing but that can be answered from the workflow state's own `targetLocale`, without listing the
// readable documents (a super admin's scope on 100,000 stories). Pure.

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The locales a permission `where` allows when it restricts nothing but `locale` (an `$or` of `$and`s
 * of `{ locale: { $in } }` / `{ locale: { $eq } }` / `{ locale: 'en' }`, as Strapi's permission
 * manager builds it); null when it says anything else.
 */
export const localesOnly = (where: unknown): string[] | null => {
  if (!isObject(where)) return null;
  const keys = Object.keys(where);
  if (keys.length !== 1) return null;
  const [key] = keys;
  const value = where[key];
  if (key === '$or') {
    if (!Array.isArray(value) || value.length === 0) return null;
    const branches = value.map(localesOnly);
    return branches.every((b): b is string[] => b !== null) ? [...new Set(branches.flat())] : null;
  }
  if (key === '$and') {
    if (!Array.isArray(value) || value.length === 0) return null;
    const parts = value.map(localesOnly);
    if (!parts.every((p): p is string[] => p !== null)) return null;
    return parts.reduce((acc, p) => acc.filter((l) => p.includes(l)));
  }
  if (key !== 'locale') return null;
  if (typeof value === 'string') return [value];
  if (!isObject(value) || Object.keys(value).length !== 1) return null;
  if (Array.isArray(value.$in) && value.$in.every((l) => typeof l === 'string'))
    return value.$in as string[];
  if (typeof value.$eq === 'string') return [value.$eq];
  return null;
};
