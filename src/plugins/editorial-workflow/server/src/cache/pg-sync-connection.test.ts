// PgSync's connection life (heartbeat, reconnect, stop) against a fake pg Client, and the NOTIFY
// payload codec. No database: the fake answers each query as the test says.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Client,
  decodeMessage,
  encodeMessages,
  MAX_PAYLOAD,
  PgSync,
  type PgSyncOptions,
  type SyncMessage,
} from './pg-sync';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}
const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** What the next fake connection does: open at once, or wait for the test to open it. */
let nextConnect: 'open' | Deferred<void> = 'open';
let nextPid = 100;

class FakeClient extends EventEmitter implements Client {
  static instances: FakeClient[] = [];
  readonly pid = nextPid++;
  readonly queries: string[] = [];
  /** `select 1` answers unless the backend froze: then it neither resolves nor rejects. */
  frozen = false;
  ended = false;
  endCalls = 0;
  /** Mid-handshake, end() takes effect only once connect() settles (the backstop's case). */
  static endWaitsForOpen = false;
  private open = false;
  private readonly opening = nextConnect;

  constructor(readonly config: Record<string, unknown>) {
    super();
    FakeClient.instances.push(this);
    nextConnect = 'open';
  }

  async connect() {
    if (this.opening !== 'open') await this.opening.promise;
    this.open = true;
  }

  query(sql: string): Promise<{ rows: any[] }> {
    if (this.ended) return Promise.reject(new Error('Client was closed and is not queryable'));
    this.queries.push(sql);
    if (sql.startsWith('LISTEN')) return Promise.resolve({ rows: [] });
    if (sql.includes('pg_backend_pid')) return Promise.resolve({ rows: [{ pid: this.pid }] });
    if (sql === 'select 1')
      return this.frozen ? new Promise(() => {}) : Promise.resolve({ rows: [{ '?column?': 1 }] });
    return Promise.reject(new Error(`fake client: no answer set up for ${sql}`));
  }

  end() {
    this.endCalls++;
    if (this.open || !FakeClient.endWaitsForOpen) this.ended = true;
    return Promise.resolve();
  }

  notify(payload: string, channel = CHANNEL) {
    this.emit('notification', { channel, payload });
  }

  get heartbeats() {
    return this.queries.filter((q) => q === 'select 1').length;
  }
}

const CHANNEL = 'editorial_workflow_cache';
const HEARTBEAT = 1_000;
const RETRY = 200;

const makeSync = (overrides: Partial<PgSyncOptions> = {}) => {
  const events = {
    messages: [] as SyncMessage[],
    downs: [] as string[],
    ups: 0,
  };
  const sync = new PgSync({
    connection: { connectionString: 'postgres://fake' },
    channel: CHANNEL,
    origin: 'process-a',
    Client: FakeClient,
    heartbeatMs: HEARTBEAT,
    retryMs: RETRY,
    maxRetryMs: 1_000,
    onMessage: (m) => events.messages.push(m),
    onDown: (e) => events.downs.push(e.message),
    onUp: () => events.ups++,
    ...overrides,
  });
  return { sync, events };
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeClient.instances = [];
  FakeClient.endWaitsForOpen = false;
  nextConnect = 'open';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PgSync: the LISTEN connection', () => {
  it('listens, reports its backend pid, and heartbeats while answers come', async () => {
    const { sync, events } = makeSync();
    await sync.start();
    const [client] = FakeClient.instances;
    expect(client.queries.slice(0, 2)).toEqual([
      `LISTEN "${CHANNEL}"`,
      'select pg_backend_pid() as pid',
    ]);
    expect(sync.state).toBe('listening');
    expect(sync.backendPid).toBe(client.pid);
    expect(events.ups).toBe(1);
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 5);
    expect(client.heartbeats).toBe(5);
    expect(events.downs).toEqual([]);
    expect(sync.state).toBe('listening');
    await sync.stop();
  });

  it('a heartbeat that never answers counts as lost: onDown, then a new connection', async () => {
    const { sync, events } = makeSync();
    await sync.start();
    const [frozen] = FakeClient.instances;
    frozen.frozen = true;
    await vi.advanceTimersByTimeAsync(HEARTBEAT); // sent, pending forever
    expect(events.downs).toEqual([]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT); // due again while the first is pending
    expect(events.downs).toEqual(['heartbeat unanswered']);
    expect(sync.state).toBe('reconnecting');
    expect(sync.backendPid).toBeNull();
    expect(frozen.ended).toBe(true);
    // The frozen connection delivers nothing any more, even if its socket wakes up.
    frozen.notify(JSON.stringify({ origin: 'process-b', tags: ['article:late'] }));
    expect(events.messages).toEqual([]);

    await vi.advanceTimersByTimeAsync(RETRY);
    expect(FakeClient.instances).toHaveLength(2);
    const fresh = FakeClient.instances[1];
    expect(sync.state).toBe('listening');
    expect(sync.backendPid).toBe(fresh.pid);
    expect(sync.reconnects).toBe(1);
    expect(events.ups).toBe(2);
    // The old connection's heartbeat is gone: only the new one asks.
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 3);
    expect(frozen.heartbeats).toBe(1);
    expect(fresh.heartbeats).toBe(3);
    expect(events.downs).toHaveLength(1);
    await sync.stop();
  });

  it('an error or an end on the connection is lost too, and retries back off', async () => {
    const { sync, events } = makeSync();
    await sync.start();
    FakeClient.instances[0].emit(
      'error',
      new Error('terminating connection due to administrator command')
    );
    expect(events.downs).toEqual(['terminating connection due to administrator command']);
    // The next connection cannot even open: retried after 200, 400, 800 ms.
    nextConnect = deferred<void>();
    const refused = nextConnect;
    await vi.advanceTimersByTimeAsync(RETRY);
    expect(FakeClient.instances).toHaveLength(2);
    refused.reject(new Error('ECONNREFUSED'));
    await vi.advanceTimersByTimeAsync(0);
    expect(events.downs.at(-1)).toBe('ECONNREFUSED');
    await vi.advanceTimersByTimeAsync(RETRY * 2 - 1);
    expect(FakeClient.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeClient.instances).toHaveLength(3);
    expect(sync.state).toBe('listening');
    FakeClient.instances[2].emit('end');
    expect(events.downs.at(-1)).toBe('connection ended');
    await sync.stop();
  });

  it('a connection that finishes opening after stop() is closed, not kept', async () => {
    nextConnect = deferred<void>();
    const opening = nextConnect;
    const { sync, events } = makeSync();
    const started = sync.start();
    const [client] = FakeClient.instances;
    await sync.stop();
    opening.resolve();
    await started;
    expect(client.ended).toBe(true);
    expect(sync.state).toBe('stopped');
    expect(sync.backendPid).toBeNull();
    expect(events.ups).toBe(0);
    expect(events.downs).toEqual([]);
    // Nothing heartbeats or reconnects afterwards.
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 5);
    expect(client.heartbeats).toBe(0);
    expect(FakeClient.instances).toHaveLength(1);
  });

  it('a connection that opens after stop() and a new start() is closed; the new one is kept', async () => {
    nextConnect = deferred<void>();
    const slow = nextConnect;
    const { sync, events } = makeSync();
    const first = sync.start();
    await sync.stop();
    await sync.start();
    slow.resolve();
    await first;
    const [old, kept] = FakeClient.instances;
    expect(old.ended).toBe(true);
    expect(kept.ended).toBe(false);
    expect(sync.backendPid).toBe(kept.pid);
    expect(events.ups).toBe(1);
    await sync.stop();
    expect(kept.ended).toBe(true);
  });

  it('the same when end() cannot interrupt the handshake: closed once it is open', async () => {
    FakeClient.endWaitsForOpen = true;
    nextConnect = deferred<void>();
    const opening = nextConnect;
    const { sync, events } = makeSync();
    const started = sync.start();
    const [client] = FakeClient.instances;
    await sync.stop();
    expect(client.ended).toBe(false);
    opening.resolve();
    await started;
    expect(client.ended).toBe(true);
    expect(client.endCalls).toBe(2);
    expect(sync.state).toBe('stopped');
    expect(sync.backendPid).toBeNull();
    expect(events.ups).toBe(0);
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 3);
    expect(client.heartbeats).toBe(0);
  });

  it('stop() during a retry wait: no new connection later', async () => {
    const { sync } = makeSync();
    await sync.start();
    FakeClient.instances[0].emit('end');
    await sync.stop();
    await vi.advanceTimersByTimeAsync(RETRY * 10);
    expect(FakeClient.instances).toHaveLength(1);
    expect(sync.state).toBe('stopped');
  });

  it('delivers other processes’ messages; ignores its own, other channels and bad payloads', async () => {
    const { sync, events } = makeSync();
    await sync.start();
    const [client] = FakeClient.instances;
    const bad = [
      'not json',
      '',
      'null',
      '42',
      JSON.stringify({ tags: ['article:x'] }), // no origin
      JSON.stringify({ origin: 7, tags: ['article:x'] }),
    ];
    for (const payload of bad) client.notify(payload);
    client.emit('notification', { channel: CHANNEL }); // no payload at all
    client.notify(JSON.stringify({ origin: 'process-a', tags: ['article:own'] }));
    client.notify(JSON.stringify({ origin: 'process-b', tags: ['article:x'] }), 'other_channel');
    expect(events.messages).toEqual([]);
    client.notify(JSON.stringify({ origin: 'process-b', tags: ['article:x', 3, 'quote:y'] }));
    client.notify(JSON.stringify({ origin: 'process-b', flush: true, tags: [] }));
    expect(events.messages).toEqual([
      { origin: 'process-b', tags: ['article:x', 'quote:y'], flush: false },
      { origin: 'process-b', tags: [], flush: true },
    ]);
    await sync.stop();
  });
});

describe('the NOTIFY payloads', () => {
  it('1,000 long tags: chunked under the limit, every tag arrives once, in order', () => {
    const tags = Array.from(
      { length: 1_000 },
      (_, i) => `article:${String(i).padStart(4, '0')}-${'x'.repeat(40)}-«é»`
    );
    const payloads = encodeMessages({ origin: 'process-a', tags });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(MAX_PAYLOAD);
    const decoded = payloads.map(decodeMessage);
    expect(decoded.every((m) => m?.origin === 'process-a' && m.flush === false)).toBe(true);
    expect(decoded.flatMap((m) => m!.tags)).toEqual(tags);
  });

  it('a flush is one message whatever the tags', () => {
    const payloads = encodeMessages({ origin: 'p', flush: true, tags: ['article:a'] });
    expect(payloads.map(decodeMessage)).toEqual([{ origin: 'p', flush: true, tags: [] }]);
  });

  it('notify() sends each chunk through the transaction’s raw, on the channel', async () => {
    const { sync } = makeSync();
    const sent: unknown[][] = [];
    const tags = Array.from({ length: 1_000 }, (_, i) => `quote:${i}-${'y'.repeat(60)}`);
    await sync.notify(
      async (sql, bindings) => {
        expect(sql).toBe('select pg_notify(?, ?)');
        sent.push(bindings);
      },
      { tags }
    );
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every(([channel]) => channel === CHANNEL)).toBe(true);
    expect(sent.flatMap(([, payload]) => decodeMessage(payload as string)!.tags)).toEqual(tags);
  });
});
