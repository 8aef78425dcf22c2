// The response cache's part of the plugin config (`cache` in config/plugins.ts). Pure.
import { z } from 'zod';

const seconds = () =>
  z
    .number({ error: 'must be a whole number of seconds, 0 or more' })
    .int('must be a whole number of seconds, 0 or more')
    .min(0, 'must be a whole number of seconds, 0 or more');

const cacheSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
    /** Content types whose public `find` and `findOne` answers are cached. */
    contentTypes: z
      .array(z.string({ error: 'must be a list of content-type uids' }), {
        error: 'must be a list of content-type uids',
      })
      .optional(),
    maxBytes: z
      .number({ error: 'must be a number of bytes, at least 1 MiB' })
      .int('must be a number of bytes, at least 1 MiB')
      .min(1024 * 1024, 'must be a number of bytes, at least 1 MiB')
      .optional(),
    ttlSeconds: seconds().min(1, 'must be at least 1 second').optional(),
    maxAge: seconds().optional(),
    sMaxAge: seconds().optional(),
    staleWhileRevalidate: seconds().optional(),
  },
  { error: 'must be an object' }
);

export interface CacheConfig {
  enabled: boolean;
  contentTypes: string[];
  maxBytes: number;
  ttlSeconds: number;
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
}

export class CacheConfigError extends Error {
  constructor(
    readonly key: string,
    problem: string
  ) {
    super(`Invalid editorial-workflow config: cache${key ? `.${key}` : ''} ${problem}`);
    this.name = 'CacheConfigError';
  }
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** `fallbackTypes`: what is cached when the config names none (the workflow's types). */
export const parseCacheConfig = (raw: unknown, fallbackTypes: string[]): CacheConfig => {
  const parsed = cacheSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    // An unknown key is the likeliest typo (`maxMb`, `ttl`); zod gives it the object's own message
    // ('must be an object'), so it is named here.
    const { issues } = parsed.error;
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
    if (issue.code === 'unrecognized_keys')
      throw new CacheConfigError(
        issue.keys[0],
        `is not a known key (known: ${Object.keys(cacheSchema.shape).join(', ')})`
      );
    throw new CacheConfigError(issue.path.join('.'), issue.message);
  }
  const c = parsed.data;
  const maxAge = c.maxAge ?? 0;
  return {
    enabled: c.enabled ?? true,
    contentTypes: c.contentTypes ?? fallbackTypes,
    maxBytes: c.maxBytes ?? DEFAULT_MAX_BYTES,
    // Exact invalidation makes this a backstop, not the way answers go stale.
    ttlSeconds: c.ttlSeconds ?? 3600,
    maxAge,
    sMaxAge: c.sMaxAge ?? maxAge,
    staleWhileRevalidate: c.staleWhileRevalidate ?? 0,
  };
};
