import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseStore, type CachedAnswer } from './response-store';

const answer = (tags: string[], bodyBytes = 100): CachedAnswer => ({
  body: Buffer.alloc(bodyBytes, 'x'),
  etag: `"e${bodyBytes}"`,
  tags: [...new Set(tags)].sort(),
  status: 200,
  type: 'application/json; charset=utf-8',
});

const HOUR = 3_600_000;
const newStore = (maxBytes = 1024 * 1024, ttlMs = HOUR) => new ResponseStore({ maxBytes, ttlMs });

/** The tag index, checked against the entries: every entry is found by each of its tags, only. */
const expectIndexConsistent = (store: ResponseStore, keys: Iterable<string>) => {
  const byTag: Map<string, Set<string>> = (store as any).byTag;
  for (const [tag, indexed] of byTag) {
    expect(indexed.size, `empty set left for ${tag}`).toBeGreaterThan(0);
    for (const key of indexed) expect(store.tagsOf(key)).toContain(tag);
  }
  for (const key of keys)
    for (const tag of store.tagsOf(key) ?? []) expect(byTag.get(tag)?.has(key)).toBe(true);
};

describe('ResponseStore: store and lookup', () => {
  it('serves what it stored, and counts hits, misses and stores', () => {
    const store = newStore();
    const a = answer(['article:a1', 'articles']);
    expect(store.lookup('k')).toBeUndefined();
    expect(store.store('k', a, store.begin())).toBe(true);
    expect(store.lookup('k')).toBe(a);
    expect(store.lookup('k')).toBe(a);
    expect(store.entries).toBe(1);
    expect(store.bytes).toBeGreaterThanOrEqual(a.body.length);
    expect(store.counters).toEqual({
      hits: 2,
      misses: 1,
      bypasses: 0,
      stores: 1,
      refused: 0,
      evictions: 0,
      invalidations: 0,
    });
  });

  it('replaces an answer under the same key, and re-indexes it by its new tags', () => {
    const store = newStore();
    store.store('k', answer(['article:a1', 'quote:q1']), store.begin());
    const b = answer(['article:a1', 'quote:q2']);
    store.store('k', b, store.begin());
    expect(store.entries).toBe(1);
    expect(store.invalidate(['quote:q1'])).toBe(0);
    expect(store.lookup('k')).toBe(b);
    expect(store.invalidate(['quote:q2'])).toBe(1);
    expect(store.lookup('k')).toBeUndefined();
    expectIndexConsistent(store, ['k']);
  });

  it('refuses an answer over an eighth of maxBytes, and keeps a smaller one', () => {
    const store = newStore(8000);
    expect(store.store('big', answer(['t'], 1001), store.begin())).toBe(false);
    expect(store.lookup('big')).toBeUndefined();
    expect(store.store('small', answer(['t'], 800), store.begin())).toBe(true);
    expect(store.entries).toBe(1);
    expect(store.counters.stores).toBe(1);
    expectIndexConsistent(store, ['big', 'small']);
  });

  it('evicts the least recently used answer first, and drops it from the tag index', () => {
    // 8000 bytes, answers of 900–1000 bytes: eight fit, a ninth pushes one out.
    const store = newStore(8000);
    for (let i = 0; i < 8; i++)
      expect(store.store(`k${i}`, answer([`a${i}`], 900), store.begin())).toBe(true);
    expect(store.entries).toBe(8);
    store.lookup('k0'); // k1 is now the least recently used
    expect(store.store('k8', answer(['a8'], 900), store.begin())).toBe(true);
    expect(store.tagsOf('k1')).toBeUndefined();
    expect(store.tagsOf('k0')).toBeDefined();
    expect(store.tagsOf('k8')).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(8000);
    expect(store.invalidate(['a1'])).toBe(0);
    expect(store.store('k9', answer(['a9'], 900), store.begin())).toBe(true);
    expect(store.tagsOf('k2')).toBeUndefined();
    // Both answers pushed out by the size limit count as evictions (the operator's sign of a small cache).
    expect(store.counters.evictions).toBe(2);
    expectIndexConsistent(
      store,
      [...Array(10).keys()].map((i) => `k${i}`)
    );
  });
});

describe('ResponseStore: invalidate', () => {
  const filled = () => {
    const store = newStore();
    store.store('story-a1', answer(['article:a1', 'person:p1', 'quote:q1']), store.begin());
    store.store('story-a2', answer(['article:a2', 'person:p1', 'source:s1']), store.begin());
    store.store('list', answer(['article:a1', 'article:a2', 'articles']), store.begin());
    store.store('person-p2', answer(['person:p2']), store.begin());
    return store;
  };
  const present = (store: ResponseStore) =>
    ['story-a1', 'story-a2', 'list', 'person-p2'].filter((k) => store.tagsOf(k));

  it('removes exactly the answers that carry the tag', () => {
    const store = filled();
    expect(store.invalidate(['person:p1'])).toBe(2);
    expect(present(store)).toEqual(['list', 'person-p2']);
    expect(store.lookup('story-a1')).toBeUndefined();
    expectIndexConsistent(store, ['story-a1', 'story-a2', 'list', 'person-p2']);
  });

  it('removes answers carrying any of several tags, each once', () => {
    const store = filled();
    expect(store.invalidate(['articles', 'article:a1', 'quote:q1'])).toBe(2);
    expect(present(store)).toEqual(['story-a2', 'person-p2']);
    expect(store.counters.evictions).toBe(2);
    expect(store.counters.invalidations).toBe(1);
  });

  it('cleans the tag index: no tag is left pointing at nothing', () => {
    const store = filled();
    store.invalidate(['article:a1', 'article:a2', 'person:p2']);
    expect(store.entries).toBe(0);
    expect((store as any).byTag.size).toBe(0);
  });

  it('removes nothing for a tag no answer carries', () => {
    const store = filled();
    expect(store.invalidate(['article:zzz', 'people'])).toBe(0);
    expect(present(store)).toHaveLength(4);
  });

  it('flush empties the store and the index', () => {
    const store = filled();
    expect(store.flush()).toBe(4);
    expect(store.entries).toBe(0);
    expect(store.bytes).toBe(0);
    expect((store as any).byTag.size).toBe(0);
    expect(store.counters.evictions).toBe(4);
  });
});

describe('ResponseStore: tickets (a read that began before an eviction)', () => {
  it('refuses an answer one of whose tags was invalidated after its ticket', () => {
    const store = newStore();
    const ticket = store.begin();
    store.invalidate(['quote:q1']);
    expect(store.store('k', answer(['article:a1', 'quote:q1']), ticket)).toBe(false);
    expect(store.lookup('k')).toBeUndefined();
    expect(store.counters.refused).toBe(1);
    expect(store.counters.stores).toBe(0);
    store.end(ticket);
  });

  it('stores it when the invalidation was of other tags, or came before the ticket', () => {
    const store = newStore();
    const early = store.begin();
    store.invalidate(['quote:q9']);
    const late = store.begin();
    store.invalidate(['article:a2']);
    expect(store.store('k1', answer(['article:a1', 'quote:q1']), early)).toBe(true);
    expect(store.store('k2', answer(['quote:q9']), late)).toBe(true);
    expect(store.counters.refused).toBe(0);
  });

  it('refuses every answer whose read began before a flush', () => {
    const store = newStore();
    const ticket = store.begin();
    store.flush();
    expect(store.store('k', answer(['article:a1']), ticket)).toBe(false);
    expect(store.store('k', answer(['article:a1']), store.begin())).toBe(true);
  });

  it('still refuses after ten thousand later evictions, while the read is in flight', () => {
    const store = newStore();
    const ticket = store.begin();
    store.invalidate(['article:a1']);
    for (let i = 0; i < 10_050; i++) store.invalidate([`person:p${i}`]);
    expect(store.store('k', answer(['article:a1']), ticket)).toBe(false);
    store.end(ticket);
    // Nothing in flight: the eviction numbers are forgotten at the next invalidation.
    store.invalidate(['x']);
    expect((store as any).evictedAt.size).toBeLessThan(10_000);
    expect(store.store('k', answer(['article:a1']), store.begin())).toBe(true);
  });

  it('keeps a shared ticket in flight until every read holding it ended', () => {
    const store = newStore();
    const first = store.begin();
    const second = store.begin();
    expect(second).toBe(first);
    store.end(first);
    store.invalidate(['article:a1']);
    for (let i = 0; i < 10_050; i++) store.invalidate([`person:p${i}`]);
    expect(store.store('k', answer(['article:a1']), second)).toBe(false);
    store.end(second);
  });
});

describe('ResponseStore: suspend and resume', () => {
  it('misses every lookup and refuses every store until resumed, and starts empty', () => {
    const store = newStore();
    store.store('k', answer(['article:a1']), store.begin());
    const before = store.begin();
    store.suspend();
    expect(store.available).toBe(false);
    expect(store.entries).toBe(0);
    expect(store.lookup('k')).toBeUndefined();
    expect(store.store('k', answer(['article:a1']), store.begin())).toBe(false);
    const during = store.begin();
    expect(store.counters).toMatchObject({ hits: 0, misses: 0, bypasses: 1, refused: 1 });

    store.resume();
    expect(store.available).toBe(true);
    // Reads that began before the resume may hold answers from before a lost invalidation.
    expect(store.store('k', answer(['article:a1']), before)).toBe(false);
    expect(store.store('k', answer(['article:a1']), during)).toBe(false);
    expect(store.store('k', answer(['article:a1']), store.begin())).toBe(true);
    expect(store.lookup('k')).toBeDefined();
    expect(store.counters).toMatchObject({ hits: 1, bypasses: 1, refused: 3, stores: 2 });
  });
});

describe('ResponseStore: ttl', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('drops an answer older than ttlMs, and its tags', () => {
    // lru-cache reads the clock from the `performance` object it found when loaded, and keeps a
    // reading for 1 ms (a timer): both are faked here.
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const elapse = (ms: number) => {
      now += ms;
      vi.advanceTimersByTime(ms);
    };
    const store = newStore(1024 * 1024, 1000);
    store.store('k', answer(['article:a1']), store.begin());
    elapse(999);
    expect(store.lookup('k')).toBeDefined();
    elapse(2);
    expect(store.lookup('k')).toBeUndefined();
    expect(store.entries).toBe(0);
    expect((store as any).byTag.size).toBe(0);
    expect(store.counters).toMatchObject({ hits: 1, misses: 1 });
  });
});

describe('ResponseStore: counters', () => {
  it('counts bypasses, and resets every counter', () => {
    const store = newStore();
    store.countBypass();
    store.lookup('k');
    store.invalidate(['t']);
    expect(store.counters).toMatchObject({ bypasses: 1, misses: 1, invalidations: 1 });
    const since = store.since;
    store.resetCounters();
    expect(Object.values(store.counters).every((n) => n === 0)).toBe(true);
    expect(store.since.getTime()).toBeGreaterThanOrEqual(since.getTime());
  });
});

describe('ResponseStore: properties', () => {
  const MAX = 4096; // entries up to 512 bytes
  const key = fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7');
  const tag = fc.constantFrom<string>(
    'article:a1',
    'article:a2',
    'quote:q1',
    'person:p1',
    'articles'
  );
  const tags = fc.uniqueArray(tag, { minLength: 1, maxLength: 3 });
  const op = fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('begin' as const) }) },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('store' as const),
        key,
        tags,
        body: fc.oneof(fc.integer({ min: 0, max: 256 }), fc.integer({ min: 0, max: 700 })),
        // Which open read stores (an index into those begun), or a read begun just now.
        read: fc.option(fc.nat(), { nil: undefined }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('end' as const), read: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('invalidate' as const), tags }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('lookup' as const), key }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constantFrom('flush' as const, 'suspend' as const, 'resume' as const),
      }),
    }
  );

  it('never exceeds maxBytes, never serves an evicted or stale-read answer, keeps its index', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const store = newStore(MAX);
        // The model: the answer last stored per key (until evicted), each open read and the tags
        // evicted since it began, and the counters.
        const current = new Map<string, CachedAnswer>();
        const reads: { ticket: number; evicted: Set<string>; flushed: boolean }[] = [];
        let suspended = false;
        const counts = { hits: 0, misses: 0, bypasses: 0, stores: 0, refused: 0 };
        const evictAll = () => {
          current.clear();
          for (const r of reads) r.flushed = true;
        };
        for (const o of ops) {
          switch (o.op) {
            case 'begin':
              reads.push({ ticket: store.begin(), evicted: new Set(), flushed: false });
              break;
            case 'end': {
              if (reads.length === 0) break;
              const [r] = reads.splice(o.read % reads.length, 1);
              store.end(r.ticket);
              break;
            }
            case 'store': {
              const read =
                o.read === undefined || reads.length === 0
                  ? { ticket: store.begin(), evicted: new Set<string>(), flushed: false }
                  : reads[o.read % reads.length];
              const a = answer(o.tags, o.body);
              const raced = read.flushed || o.tags.some((t) => read.evicted.has(t));
              const stored = store.store(o.key, a, read.ticket);
              if (suspended || raced) {
                expect(stored).toBe(false);
                counts.refused++;
              } else if (o.body <= 256) expect(stored).toBe(true);
              else if (o.body > MAX / 8) expect(stored).toBe(false);
              if (stored) {
                counts.stores++;
                current.set(o.key, a);
              } else if (!suspended && !raced) current.delete(o.key); // lru-cache drops the old one
              if (o.read === undefined || reads.length === 0) store.end(read.ticket);
              break;
            }
            case 'invalidate':
              store.invalidate(o.tags);
              for (const [k, a] of current)
                if (a.tags.some((t) => o.tags.includes(t))) current.delete(k);
              for (const r of reads) for (const t of o.tags) r.evicted.add(t);
              for (const k of ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'])
                expect(store.tagsOf(k)?.some((t) => o.tags.includes(t)) ?? false).toBe(false);
              break;
            case 'lookup': {
              const got = store.lookup(o.key);
              if (suspended) counts.bypasses++;
              else if (got) counts.hits++;
              else counts.misses++;
              // Absent (pushed out by the LRU) or exactly the answer stored last, never an older one.
              if (got) expect(got).toBe(current.get(o.key));
              if (suspended || !current.has(o.key)) expect(got).toBeUndefined();
              break;
            }
            case 'flush':
              store.flush();
              evictAll();
              break;
            case 'suspend':
              store.suspend();
              suspended = true;
              evictAll();
              break;
            case 'resume':
              store.resume();
              suspended = false;
              evictAll();
              break;
          }
          expect(store.bytes).toBeLessThanOrEqual(MAX);
          // An answer the LRU pushed out may still be in the model; the store may hold no more.
          expect(store.entries).toBeLessThanOrEqual(current.size);
          expectIndexConsistent(store, ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
        }
        expect(store.counters).toMatchObject(counts);
      }),
      { numRuns: 400 }
    );
  });
});
