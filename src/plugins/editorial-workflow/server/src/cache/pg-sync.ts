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
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopping = false;
  private delay: number;

  constructor(private readonly options: PgSyncOptions) {
    this.delay = options.retryMs ?? 200;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.state = 'stopped';
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
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
    const client = new this.options.Client({ ...this.options.connection, keepAlive: true });
    let failed = false;
    const lost = (error: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (!this.stopping) this.down(error);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', (n: Notification) => {
      if (n.channel !== this.options.channel) return;
      const message = decodeMessage(n.payload);
      if (message && message.origin !== this.options.origin) this.options.onMessage(message);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel.replace(/"/g, '""')}"`);
      const pid = await client.query('select pg_backend_pid() as pid');
      this.backendPid = Number(pid.rows[0].pid);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (failed || this.stopping) return;
    this.client = client;
    this.state = 'listening';
    this.delay = this.options.retryMs ?? 200;
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A connection cut without a FIN (a crashed proxy, a dropped NAT entry) is found by asking.
    this.heartbeat = setInterval(() => {
      client.query('select 1').catch((e: Error) => lost(e));
    }, this.options.heartbeatMs ?? 5000);
    this.heartbeat.unref();
    this.options.onUp();
  }

  private down(error: Error) {
    const wasListening = this.state === 'listening';
    this.state = 'reconnecting';
    this.backendPid = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.options.onDown(error);
    if (wasListening)
      this.options.log?.warn(
        `[editorial-workflow] cache: lost the PostgreSQL LISTEN connection (${error.message}); cache emptied and bypassed until it is back`
      );
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.reconnects++;
      void this.connect();
    }, this.delay);
    this.retry.unref();
    this.delay = Math.min(this.delay * 2, this.options.maxRetryMs ?? 5000);
  }
}
