// Public answers held in memory: an LRU bounded by bytes, indexed by tag for exact eviction.
//
// The race every invalidating cache must close: a read that began before a change committed can
// finish after the change was announced, holding the old answer, and store it. So each read takes
// a ticket when it begins (`begin`), every eviction is numbered, and an answer is stored only if
// none of its tags (nor a flush) was evicted after its ticket. Pure: no Strapi, no I/O.
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  body: Buffer;
  etag: string;
  /** Sorted, without repeats; also the `Cache-Tag` header. */
  tags: string[];
  status: number;
  type: string;
  /** `Cache-Tag` and `Surrogate-Key`, filled on first use. */
  headers?: Record<string, string>;
}

export interface StoreOptions {
  maxBytes: number;
  /** Longest an answer is kept even if nothing evicts it (defence in depth), in milliseconds. */
  ttlMs: number;
}

export interface StoreCounters {
  hits: number;
  misses: number;
  bypasses: number;
  stores: number;
  /** Answers not stored because something they depend on changed while they were read. */
  refused: number;
  /** Answers dropped: invalidated by a change, pushed out by the size limit, expired, purged. */
  evictions: number;
  invalidations: number;
}

export type Ticket = number;

const entryBytes = (key: string, answer: CachedAnswer) =>
  answer.body.length + key.length * 2 + answer.tags.reduce((n, t) => n + t.length * 2 + 16, 64);

export class ResponseStore {
  private readonly lru: LRUCache<string, CachedAnswer>;
  private readonly byTag = new Map<string, Set<string>>();
  /** The number of the last eviction of each tag, kept while a read that began before may finish. */
  private readonly evictedAt = new Map<string, number>();
  private readonly inFlight = new Map<Ticket, number>();
  private sequence = 0;
  private flushedAt = 0;
  private suspended = false;
  readonly counters: StoreCounters = {
    hits: 0,
    misses: 0,
    bypasses: 0,
    stores: 0,
    refused: 0,
    evictions: 0,
    invalidations: 0,
  };
  since = new Date();

  constructor(readonly options: StoreOptions) {
    this.lru = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      // An answer bigger than an eighth of the cache would push out too many others.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 8)),
      sizeCalculation: (answer, key) => entryBytes(key, answer),
      ttl: options.ttlMs,
      ttlAutopurge: false,
      dispose: (answer, key, reason) => {
        this.unindex(key, answer);
        // Pushed out by the size limit or expired; deletes are counted by invalidate and flush.
        if (reason === 'evict' || reason === 'expire') this.counters.evictions++;
      },
    });
  }

  get entries() {
    return this.lru.size;
  }

  get bytes() {
    return this.lru.calculatedSize;
  }

  /** Whether answers may be served and stored (off while invalidations from other processes may be lost). */
  get available() {
    return !this.suspended;
  }

  begin(): Ticket {
    const ticket = this.sequence;
    this.inFlight.set(ticket, (this.inFlight.get(ticket) ?? 0) + 1);
    return ticket;
  }

  end(ticket: Ticket) {
    const count = (this.inFlight.get(ticket) ?? 1) - 1;
    if (count > 0) this.inFlight.set(ticket, count);
    else this.inFlight.delete(ticket);
  }

  lookup(key: string): CachedAnswer | undefined {
    if (this.suspended) {
      this.counters.bypasses++;
      return undefined;
    }
    const answer = this.lru.get(key);
    if (answer) this.counters.hits++;
    else this.counters.misses++;
    return answer;
  }

  countBypass() {
    this.counters.bypasses++;
  }

  /** Stores the answer read under `ticket`, unless something it depends on was evicted since. */
  store(key: string, answer: CachedAnswer, ticket: Ticket): boolean {
    if (this.suspended || this.flushedAt > ticket) return this.refuse();
    for (const tag of answer.tags)
      if ((this.evictedAt.get(tag) ?? -1) > ticket) return this.refuse();
    this.lru.set(key, answer);
    if (!this.lru.has(key)) return false; // larger than maxEntrySize
    for (const tag of answer.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.counters.stores++;
    return true;
  }

  /** Evicts every answer holding one of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    const number = ++this.sequence;
    this.counters.invalidations++;
    let evicted = 0;
    for (const tag of tags) {
      this.evictedAt.set(tag, number);
      for (const key of [...(this.byTag.get(tag) ?? [])]) if (this.lru.delete(key)) evicted++;
    }
    this.counters.evictions += evicted;
    this.forgetOldEvictions();
    return evicted;
  }

  flush(): number {
    this.flushedAt = ++this.sequence;
    const evicted = this.lru.size;
    this.lru.clear();
    this.byTag.clear();
    this.evictedAt.clear();
    this.counters.evictions += evicted;
    return evicted;
  }

  /** Stops serving and storing (and empties) until `resume`: see the PostgreSQL listener. */
  suspend() {
    this.suspended = true;
    this.flush();
  }

  resume() {
    this.flush();
    this.suspended = false;
  }

  resetCounters() {
    for (const key of Object.keys(this.counters) as (keyof StoreCounters)[]) this.counters[key] = 0;
    this.since = new Date();
  }

  /** The tags an answer is indexed under (tests). */
  tagsOf(key: string): string[] | undefined {
    return this.lru.peek(key)?.tags;
  }

  private refuse() {
    this.counters.refused++;
    return false;
  }

  private unindex(key: string, answer: CachedAnswer) {
    for (const tag of answer.tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }

  // An eviction number matters only to reads that began before it: drop those older than every
  // read still in flight.
  private forgetOldEvictions() {
    if (this.evictedAt.size < 10_000) return;
    const oldest = this.inFlight.keys().next();
    const horizon = oldest.done ? this.sequence : oldest.value;
    for (const [tag, number] of this.evictedAt) if (number <= horizon) this.evictedAt.delete(tag);
  }
}
