import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestKey, stableStringify } from './request-key';

/** The same object with its keys inserted in another order, at every depth (arrays keep theirs). */
const reordered = (value: unknown, flip: boolean): unknown => {
  if (Array.isArray(value)) return value.map((v) => reordered(v, flip));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (flip) keys.reverse();
    else keys.sort();
    return Object.fromEntries(keys.map((k) => [k, reordered((value as any)[k], !flip)]));
  }
  return value;
};

// What `qs` (Strapi's `strapi::query`) makes of a query string: strings, nested objects, arrays.
const queryValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 8 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 })
  ),
})).value;
const query = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), queryValue, { maxKeys: 6 });
const RUNS = { numRuns: 500 };

describe('requestKey: properties', () => {
  it('does not depend on the order of query keys, at any depth', () => {
    fc.assert(
      fc.property(query, (q) => {
        const key = requestKey('/api/articles', q);
        return (
          requestKey('/api/articles', reordered(q, true) as any) === key &&
          requestKey('/api/articles', reordered(q, false) as any) === key
        );
      }),
      RUNS
    );
  });

  it('gives different queries different keys', () => {
    fc.assert(
      fc.property(query, query, (a, b) => {
        fc.pre(JSON.stringify(reordered(a, false)) !== JSON.stringify(reordered(b, false)));
        return requestKey('/api/articles', a) !== requestKey('/api/articles', b);
      }),
      RUNS
    );
  });

  it('is what stableStringify reads back as the same value', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(JSON.parse(stableStringify(q))).toEqual(q);
      }),
      RUNS
    );
  });
});

describe('requestKey', () => {
  const key = (query: Record<string, unknown> | undefined, path = '/api/articles') =>
    requestKey(path, query);

  it('is one answer for `?locale=ru&populate=*` and `?populate=*&locale=ru`', () => {
    expect(key({ locale: 'ru', populate: '*' })).toBe(key({ populate: '*', locale: 'ru' }));
    expect(key({ locale: 'ru', populate: '*' })).toBe(
      '/api/articles?{"locale":"ru","populate":"*"}'
    );
  });

  it('differs for different values, paths and locales', () => {
    const keys = [
      key({ locale: 'ru' }),
      key({ locale: 'en' }),
      key({}),
      key({ locale: 'ru' }, '/api/quotes'),
      key({ locale: 'ru' }, '/api/articles/abc'),
      key({ locale: 'ru' }, '/api/articles/ABC'),
      key({ pagination: { page: '1' } }),
      key({ pagination: { page: '2' } }),
      key({ pagination: { page: 1 } }),
      key({ pagination: { pageSize: '1' } }),
      key({ filters: { title: { $eq: 'null' } } }),
      key({ filters: { title: { $eq: null } } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps array order: `sort[0]`, `sort[1]` mean something', () => {
    expect(key({ sort: ['title:asc', 'publishedAt:desc'] })).not.toBe(
      key({ sort: ['publishedAt:desc', 'title:asc'] })
    );
    expect(key({ sort: ['title:asc', 'publishedAt:desc'] })).toBe(
      '/api/articles?{"sort":["title:asc","publishedAt:desc"]}'
    );
  });

  it('sorts nested objects, inside arrays too', () => {
    expect(
      key({
        populate: { quotes: { populate: { speaker: true, source: true } } },
        filters: { $or: [{ b: '1', a: '2' }] },
      })
    ).toBe(
      key({
        filters: { $or: [{ a: '2', b: '1' }] },
        populate: { quotes: { populate: { source: true, speaker: true } } },
      })
    );
    expect(stableStringify({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: 0 })).toBe(
      '{"a":0,"b":{"c":[{"e":2,"f":1}],"d":1}}'
    );
  });

  it('leaves out undefined values; no query is an empty one', () => {
    expect(key({ locale: undefined, populate: '*' })).toBe(key({ populate: '*' }));
    expect(key(undefined)).toBe(key({}));
    expect(key(undefined)).toBe('/api/articles?{}');
  });

  it('ignores trailing slashes of the path, keeps its case', () => {
    expect(key({}, '/api/articles/')).toBe(key({}, '/api/articles'));
    expect(key({}, '/api/articles//')).toBe(key({}, '/api/articles'));
    expect(key({}, '/')).toBe('/?{}');
    expect(key({}, '/api/articles/Abc')).not.toBe(key({}, '/api/articles/abc'));
  });

  it('cannot be confused by keys or values holding quotes, colons or commas', () => {
    expect(key({ 'a":"b': 'c' })).not.toBe(key({ a: 'b":"c' }));
    expect(key({ a: 'x,"b":"y' })).not.toBe(key({ a: 'x', b: 'y' }));
  });
});
