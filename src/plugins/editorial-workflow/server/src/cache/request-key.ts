// The cache key of a public read: its path and its query, with object keys sorted at every depth so
// that `?locale=ru&populate=*` and `?populate=*&locale=ru` are one answer. Array order is kept: it
// means something (`sort[0]`, `sort[1]`). Pure.

export const stableStringify = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as any)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

/** `GET` and `HEAD` share an answer; the path is kept as sent (document ids are case-sensitive). */
export const requestKey = (path: string, query: Record<string, unknown> | undefined): string =>
  `${path.replace(/\/+$/, '') || '/'}?${stableStringify(query ?? {})}`;
