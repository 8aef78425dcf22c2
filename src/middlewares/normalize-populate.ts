// `populate[quotes][populate][0]=speaker&populate[0]=people` is how frontends mix the two populate
// styles, but qs turns it into { quotes: {…}, 0: 'people' }, which Strapi silently ignores. Fold the
// numbered entries into named ones so both styles combine.

type Populate = unknown;

export const normalizePopulate = (populate: Populate): Populate => {
  if (!populate || typeof populate !== 'object' || Array.isArray(populate)) return populate;
  const result: Record<string, unknown> = {};
  const entries = Object.entries(populate as Record<string, unknown>);
  const hasNamed = entries.some(([key]) => !/^\d+$/.test(key));
  for (const [key, value] of entries) {
    if (hasNamed && /^\d+$/.test(key) && typeof value === 'string') {
      for (const name of value
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        if (!(name in result)) result[name] = true;
      }
      continue;
    }
    result[key] =
      value && typeof value === 'object' && !Array.isArray(value) && 'populate' in (value as object)
        ? { ...(value as object), populate: normalizePopulate((value as any).populate) }
        : value;
  }
  return result;
};

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.query?.populate && ctx.path.startsWith('/api/')) {
    ctx.query = { ...ctx.query, populate: normalizePopulate(ctx.query.populate) };
  }
  return next();
};
