// Invalidations between Strapi processes on one PostgreSQL database, through PostgreSQL itself:
// each change sends NOTIFY inside the transaction that makes it (delivered on commit, never on
// rollback), and every process LISTENs on one dedicated connection. While that connection is down,
// notifications are lost, so the process's cache is emptied and bypassed until it listens again.
// No Strapi import: the caller passes the connection settings and what to do with a message.

// The little of `pg` used here (the app has pg without its type package).
export type ClientConfig = Record<string, unknown>;
interface Notification {
  channel: string;
  payload?: string;
}
export interface Client {
  connect(): Promise<unknown>;
  query(sql: string): Promise<{ rows: any[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'notification', listener: (n: Notification) => void): unknown;
  removeAllListeners(event: string): unknown;
}

export interface SyncMessage {
  /** The process that sent it (a process ignores its own: it applied the change at commit). */
  origin: string;
  tags?: string[];
  flush?: boolean;
}

export type SyncState = 'listening' | 'reconnecting' | 'stopped';

export interface PgSyncOptions {
  connection: ClientConfig;
  channel: string;
  origin: string;
  onMessage(message: SyncMessage): void;
  /** The connection was lost or never came up: notifications may be missed from now on. */
  onDown(error: Error): void;
  /** Listening again: anything missed meanwhile is unknown. */
  onUp(): void;
  log?: { info(msg: string): void; warn(msg: string): void };
  /** Between heartbeats; one unanswered when the next is due counts as a lost connection. */
  heartbeatMs?: number;
  /** First retry delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** pg's Client class (injected so that the module loads without pg on SQLite). */
  Client: new (config: ClientConfig) => Client;
}

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
export const MAX_PAYLOAD = 7900;

/** Messages of at most MAX_PAYLOAD bytes each carrying the tags (a flush is one message). Pure. */
export const encodeMessages = (message: SyncMessage): string[] => {
  if (message.flush || !message.tags?.length)
    return [JSON.stringify({ origin: message.origin, flush: Boolean(message.flush), tags: [] })];
  const payloads: string[] = [];
  let batch: string[] = [];
  const encode = (tags: string[]) => JSON.stringify({ origin: message.origin, tags });
  for (const tag of message.tags) {
    if (batch.length > 0 && Buffer.byteLength(encode([...batch, tag])) > MAX_PAYLOAD) {
      payloads.push(encode(batch));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) payloads.push(encode(batch));
  return payloads;
};

export const decodeMessage = (payload: string | undefined): SyncMessage | null => {
  try {
    const parsed = JSON.parse(payload ?? '');
    if (typeof parsed?.origin !== 'string') return null;
    const tags = Array.isArray(parsed.tags)
      ? parsed.tags.filter((t: unknown) => typeof t === 'string')
      : [];
    return { origin: parsed.origin, tags, flush: parsed.flush === true };
  } catch {
    return null;
  }
};

export class PgSync {
  state: SyncState = 'stopped';
  /** The listening connection's backend pid (tests terminate it to simulate a lost connection). */
  backendPid: number | null = null;
  reconnects = 0;
  private client: Client | null = null;
  /** A connection still opening (stop() must close it too). */
  private opening: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  /** Bumped by start() and stop(): a connection opened for an older one is closed, not kept. */
  private generation = 0;
  private delay: number;

  constructor(private readonly options: PgSyncOptions) {
    this.delay = options.retryMs ?? 200;
  }

  async start(): Promise<void> {
    this.generation++;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.generation++;
    this.state = 'stopped';
    this.backendPid = null;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.retry = this.heartbeat = null;
    const clients = [this.client, this.opening].filter((c): c is Client => c !== null);
    this.client = this.opening = null;
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }

  /** NOTIFY through `run` (a transaction's `raw`): sent when that transaction commits. */
  async notify(
    run: (sql: string, bindings: unknown[]) => Promise<unknown>,
    message: Omit<SyncMessage, 'origin'>
  ): Promise<void> {
    for (const payload of encodeMessages({ ...message, origin: this.options.origin }))
      await run('select pg_notify(?, ?)', [this.options.channel, payload]);
  }

  private async connect(): Promise<void> {
    const generation = this.generation;
    const current = () => generation === this.generation;
    // pg's own bounds, so that opening the connection or LISTEN cannot hang (the heartbeat covers
    // a connection once it is up).
    const client = new this.options.Client({
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
      ...this.options.connection,
      keepAlive: true,
    });
    let failed = false;
    const lost = (error: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      if (this.opening === client) this.opening = null;
      client.removeAllListeners('notification');
      // Not awaited: on a black-holed connection end() may never settle either.
      client.end().catch(() => {});
      if (current()) this.down(error);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', (n: Notification) => {
      if (n.channel !== this.options.channel || failed) return;
      const message = decodeMessage(n.payload);
      if (message && message.origin !== this.options.origin) this.options.onMessage(message);
    });
    this.opening = client;
    let pid: number;
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel.replace(/"/g, '""')}"`);
      const result = await client.query('select pg_backend_pid() as pid');
      pid = Number(result.rows[0].pid);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (this.opening === client) this.opening = null;
    if (failed) return;
    // stop() (or a new start()) came while this connection was opening: it is nobody's now.
    if (!current()) {
      failed = true;
      client.removeAllListeners('notification');
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.backendPid = pid;
    this.state = 'listening';
    this.delay = this.options.retryMs ?? 200;
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A connection cut without a FIN (a crashed proxy, a dropped NAT entry) or a frozen backend is
    // found by asking: a heartbeat still unanswered when the next one is due counts as lost, since
    // a query that never settles would otherwise leave the cache trusting a deaf listener.
    let pending = false;
    this.heartbeat = setInterval(() => {
      if (pending) {
        lost(new Error('heartbeat unanswered'));
        return;
      }
      pending = true;
      client.query('select 1').then(
        () => {
          pending = false;
        },
        (e: Error) => lost(e)
      );
    }, this.options.heartbeatMs ?? 5000);
    this.heartbeat.unref();
    this.options.onUp();
  }

  private down(error: Error) {
    const wasListening = this.state === 'listening';
    this.state = 'reconnecting';
    this.backendPid = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.options.onDown(error);
    if (wasListening)
      this.options.log?.warn(
        `[editorial-workflow] cache: lost the PostgreSQL LISTEN connection (${error.message}); cache emptied and bypassed until it is back`
      );
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.reconnects++;
      void this.connect();
    }, this.delay);
    this.retry.unref();
    this.delay = Math.min(this.delay * 2, this.options.maxRetryMs ?? 5000);
  }
}
