import { describe, expect, it } from 'vitest';
import { CacheConfigError, DEFAULT_MAX_BYTES, parseCacheConfig } from './cache-config';

const TYPES = ['api::article.article', 'api::quote.quote'];

/** The CacheConfigError the raw config is refused with. */
const refusal = (raw: unknown) => {
  try {
    parseCacheConfig(raw, TYPES);
  } catch (error) {
    expect(error).toBeInstanceOf(CacheConfigError);
    const { key, message, name } = error as CacheConfigError;
    return { key, message, name };
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
};

describe('parseCacheConfig: defaults', () => {
  it.each([undefined, null, {}])(
    '%j → on, the workflow’s types, 64 MiB, an hour, max-age 0',
    (raw) => {
      expect(parseCacheConfig(raw, TYPES)).toEqual({
        enabled: true,
        contentTypes: TYPES,
        maxBytes: 64 * 1024 * 1024,
        ttlSeconds: 3600,
        maxAge: 0,
        sMaxAge: 0,
        staleWhileRevalidate: 0,
      });
      expect(DEFAULT_MAX_BYTES).toBe(64 * 1024 * 1024);
    }
  );

  it('keeps what is given; s-maxage follows max-age unless given', () => {
    const config = {
      enabled: false,
      contentTypes: ['api::person.person'],
      maxBytes: 1024 * 1024,
      ttlSeconds: 1,
      maxAge: 30,
      staleWhileRevalidate: 60,
    };
    expect(parseCacheConfig(config, TYPES)).toEqual({ ...config, sMaxAge: 30 });
    expect(parseCacheConfig({ maxAge: 30, sMaxAge: 0 }, TYPES).sMaxAge).toBe(0);
    expect(parseCacheConfig({ contentTypes: [] }, TYPES).contentTypes).toEqual([]);
  });
});

describe('parseCacheConfig: refusals name the key', () => {
  it.each([
    [{ enabled: 'yes' }, 'enabled', 'must be true or false'],
    [
      { contentTypes: 'api::article.article' },
      'contentTypes',
      'must be a list of content-type uids',
    ],
    [{ contentTypes: [1] }, 'contentTypes.0', 'must be a list of content-type uids'],
    [{ maxBytes: 1024 * 1024 - 1 }, 'maxBytes', 'must be a number of bytes, at least 1 MiB'],
    [{ maxBytes: 2 * 1024 * 1024 + 0.5 }, 'maxBytes', 'must be a number of bytes, at least 1 MiB'],
    [{ maxBytes: '64MB' }, 'maxBytes', 'must be a number of bytes, at least 1 MiB'],
    [{ maxBytes: Number.NaN }, 'maxBytes', 'must be a number of bytes, at least 1 MiB'],
    [{ ttlSeconds: 0 }, 'ttlSeconds', 'must be at least 1 second'],
    [{ ttlSeconds: 1.5 }, 'ttlSeconds', 'must be a whole number of seconds, 0 or more'],
    [{ maxAge: -1 }, 'maxAge', 'must be a whole number of seconds, 0 or more'],
    [{ maxAge: '60' }, 'maxAge', 'must be a whole number of seconds, 0 or more'],
    [{ sMaxAge: Infinity }, 'sMaxAge', 'must be a whole number of seconds, 0 or more'],
    [
      { staleWhileRevalidate: 0.5 },
      'staleWhileRevalidate',
      'must be a whole number of seconds, 0 or more',
    ],
  ])('%j → cache.%s %s', (raw, key, problem) => {
    expect(refusal(raw)).toEqual({
      key,
      name: 'CacheConfigError',
      message: `Invalid editorial-workflow config: cache.${key} ${problem}`,
    });
  });

  it.each(['on', 5, [], true])('%j (not an object) → cache must be an object', (raw) => {
    expect(refusal(raw)).toEqual({
      key: '',
      name: 'CacheConfigError',
      message: 'Invalid editorial-workflow config: cache must be an object',
    });
  });

  it('names a key it does not know, and the keys it knows', () => {
    const known =
      '(known: enabled, contentTypes, maxBytes, ttlSeconds, maxAge, sMaxAge, staleWhileRevalidate)';
    expect(refusal({ maxMb: 64 })).toEqual({
      key: 'maxMb',
      name: 'CacheConfigError',
      message: `Invalid editorial-workflow config: cache.maxMb is not a known key ${known}`,
    });
    // Named first, before a bad value of a known key.
    expect(refusal({ maxAge: -1, ttl: 60 }).key).toBe('ttl');
  });
});
