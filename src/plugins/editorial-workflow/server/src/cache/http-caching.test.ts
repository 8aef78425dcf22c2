import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRIVATE_CACHE_CONTROL,
  etagOf,
  matchesIfNoneMatch,
  publicCacheControl,
  tagHeaders,
} from './http-caching';

/** `Cache-Control` as a map of directive → value (`true` for a flag), refusing repeats. */
const directives = (header: string) => {
  const map = new Map<string, string | true>();
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=');
    expect(map.has(name), `${name} twice in ${header}`).toBe(false);
    map.set(name, value ?? true);
  }
  return map;
};

describe('publicCacheControl', () => {
  it.each([
    [{ maxAge: 0, sMaxAge: 0, staleWhileRevalidate: 0 }, 'public, max-age=0, must-revalidate'],
    [{ maxAge: 60, sMaxAge: 60, staleWhileRevalidate: 0 }, 'public, max-age=60'],
    [{ maxAge: 60, sMaxAge: 0, staleWhileRevalidate: 0 }, 'public, max-age=60, s-maxage=0'],
    [
      { maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 0 },
      'public, max-age=0, s-maxage=300, must-revalidate',
    ],
    [
      { maxAge: 0, sMaxAge: 0, staleWhileRevalidate: 30 },
      'public, max-age=0, stale-while-revalidate=30',
    ],
    [
      { maxAge: 60, sMaxAge: 600, staleWhileRevalidate: 30 },
      'public, max-age=60, s-maxage=600, stale-while-revalidate=30',
    ],
  ])('%o → %s', (options, expected) => {
    expect(publicCacheControl(options)).toBe(expected);
  });

  it('says what the options say, for any ages', () => {
    const age = fc.integer({ min: 0, max: 31_536_000 });
    fc.assert(
      fc.property(age, age, age, (maxAge, sMaxAge, staleWhileRevalidate) => {
        const d = directives(publicCacheControl({ maxAge, sMaxAge, staleWhileRevalidate }));
        expect(d.get('public')).toBe(true);
        expect(d.get('max-age')).toBe(String(maxAge));
        // A shared cache reads s-maxage, else max-age.
        expect(d.get('s-maxage') ?? d.get('max-age')).toBe(String(sMaxAge));
        expect(d.get('stale-while-revalidate')).toBe(
          staleWhileRevalidate > 0 ? String(staleWhileRevalidate) : undefined
        );
        // must-revalidate forbids serving stale: never together with stale-while-revalidate.
        expect(d.has('must-revalidate')).toBe(maxAge === 0 && staleWhileRevalidate === 0);
        expect(d.has('private') || d.has('no-store')).toBe(false);
      }),
      { numRuns: 300 }
    );
  });

  it('keeps answers read with credentials out of every cache', () => {
    expect(PRIVATE_CACHE_CONTROL).toBe('private, no-store');
  });
});

describe('etagOf', () => {
  it('is a quoted strong validator, the same for the same bytes', () => {
    const body = Buffer.from('{"data":{"documentId":"a1"}}');
    const etag = etagOf(body);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etagOf(Buffer.from('{"data":{"documentId":"a1"}}'))).toBe(etag);
    expect(etagOf(Buffer.from('{"data":{"documentId":"a2"}}'))).not.toBe(etag);
    expect(etagOf(Buffer.alloc(0))).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('differs for different bodies and is matched by itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (a, b) => {
        const [ea, eb] = [etagOf(Buffer.from(a)), etagOf(Buffer.from(b))];
        expect(ea === eb).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(matchesIfNoneMatch(ea, ea)).toBe(true);
        expect(matchesIfNoneMatch(`W/${ea}`, ea)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});

describe('matchesIfNoneMatch', () => {
  const etag = '"abc"';

  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    [' * ', true],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x","abc"', true],
    ['W/"x" , W/"abc"', true],
    ['"x", "y"', false],
    ['"ab"', false],
    ['"abcd"', false],
    ['abc', false],
    ['"ABC"', false],
  ])('If-None-Match %j → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });

  it('compares weakly: a weak etag of ours matches its strong form', () => {
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
  });
});

describe('tagHeaders', () => {
  it('lists the tags comma separated for Cache-Tag, space separated for Surrogate-Key', () => {
    expect(tagHeaders(['article:a1', 'articles', 'quote:q1'])).toEqual({
      'Cache-Tag': 'article:a1,articles,quote:q1',
      'Surrogate-Key': 'article:a1 articles quote:q1',
    });
  });

  it('sends nothing for an answer with no tags', () => {
    expect(tagHeaders([])).toEqual({});
  });

  // Tags of 9 characters: `n` of them joined by commas are 10n - 1 characters.
  const docTags = (n: number) =>
    [...Array(n).keys()].map((i) => `quote:${String(i).padStart(3, '0')}`);
  /** The list tag, document tags, and one last document tag that makes `length` in all. */
  const joinedLength = (length: number) => {
    const tags = ['articles', ...docTags(1000)];
    const rest = length - tags.join(',').length - 1 - 'source:'.length;
    return [...tags, `source:${'z'.repeat(rest)}`];
  };

  it('keeps every tag up to 16,000 characters', () => {
    const tags = joinedLength(16_000);
    expect(tags.join(',')).toHaveLength(16_000);
    expect(tagHeaders(tags)).toEqual({
      'Cache-Tag': tags.join(','),
      'Surrogate-Key': tags.join(' '),
    });
  });

  it('one character more, keeps only the list tags', () => {
    const tags = joinedLength(16_001);
    expect(tags.join(',')).toHaveLength(16_001);
    expect(tagHeaders(tags)).toEqual({ 'Cache-Tag': 'articles', 'Surrogate-Key': 'articles' });
    const many = [...docTags(1700), 'articles', 'people'];
    expect(tagHeaders(many)).toEqual({
      'Cache-Tag': 'articles,people',
      'Surrogate-Key': 'articles people',
    });
  });

  it('sends nothing when even the list tags do not fit, or there are none', () => {
    expect(tagHeaders(docTags(1700))).toEqual({});
    expect(tagHeaders(['x'.repeat(16_001)])).toEqual({});
    expect(tagHeaders(['x'.repeat(16_000)])['Cache-Tag']).toHaveLength(16_000);
  });
});
