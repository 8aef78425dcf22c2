// The response cache across processes (issue 9): two Strapi processes on one PostgreSQL database,
// A (this one) and B (a child). A change committed in A reaches B's cache through LISTEN/NOTIFY;
// a rolled-back one sends nothing; B's listener cut by PostgreSQL empties and bypasses B's cache
// until it listens again; a change of 1,000 tags arrives whole. The test also LISTENs on the
// channel itself, to see exactly what was sent and in which order.
// On SQLite there is one process: the cache stays local and no PostgreSQL connection is made.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughWorkflow } from '../helpers/identities';
import { startSecondProcess } from '../helpers/second-process';
import { startTestApp, usingPostgres } from '../helpers/strapi';
import { ARTICLE, createStory, workflowService } from '../helpers/workflow';

const require = createRequire(import.meta.url);
const CHANNEL = 'editorial_workflow_cache';
const LISTENER_NAME = 'editorial-workflow cache listener';
const MAX_PAYLOAD = 7900;

let app: Awaited<ReturnType<typeof startTestApp>>;
const cache = () => app.strapi.plugin('editorial-workflow').service('cache');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const EDITOR = { type: 'system' as const, id: null, name: 'editor' };
const anyMove = () => true;
const retract = (documentId: string) =>
  workflowService(app).transition(
    { uid: ARTICLE, documentId, locale: 'en' },
    { transition: 'retract', comment: 'Taken down' },
    EDITOR,
    anyMove
  );

const storyPath = (documentId: string) =>
  `/api/articles/${documentId}?locale=en&populate[quotes][populate]=speaker`;
const LIST_PATH = '/api/articles?locale=en&sort=id:desc';

/**
 * Polls `read` until `done` holds, at most `timeoutMs`: the answer, how long until it came (`ms`)
 * and when the read that brought it was sent (`sentMs`: the delay without that read's own cost).
 */
const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 5_000
): Promise<{ value: T; ms: number; sentMs: number }> => {
  const started = performance.now();
  for (;;) {
    const sentMs = performance.now() - started;
    const value = await read();
    const ms = performance.now() - started;
    if (done(value)) return { value, ms, sentMs };
    if (ms > timeoutMs)
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

if (!usingPostgres())
  describe('on SQLite (one process)', () => {
    it('the cache is local: no listener, no PostgreSQL connection', () => {
      expect(cache().enabled).toBe(true);
      expect(cache().stats().sync).toBe('local');
      expect(cache().sync()).toBeNull();
    });
  });

if (usingPostgres())
  describe('two Strapi processes on one PostgreSQL database', () => {
    let second: Awaited<ReturnType<typeof startSecondProcess>>;
    let pg: any;
    /** Every payload sent on the channel, as the test's own listener heard it. */
    const heard: { payload: string; tags: string[]; flush: boolean }[] = [];

    beforeAll(async () => {
      second = await startSecondProcess({});
      const { Client } = require('pg');
      pg = new Client({ connectionString: app.database.env.DATABASE_URL });
      await pg.connect();
      pg.on('notification', (n: { channel: string; payload?: string }) => {
        if (n.channel !== CHANNEL) return;
        const parsed = JSON.parse(n.payload ?? '{}');
        heard.push({ payload: n.payload ?? '', tags: parsed.tags ?? [], flush: !!parsed.flush });
      });
      await pg.query(`LISTEN ${CHANNEL}`);
    });
    afterAll(async () => {
      await pg?.end();
      await second?.stop();
    });

    const readB = async (path: string) => {
      const res = await fetch(`${second.url}${path}`);
      const text = await res.text();
      return {
        status: res.status,
        cache: res.headers.get('x-cache'),
        text,
        body: text ? JSON.parse(text) : null,
      };
    };
    /** B's answer to `path`, read until B serves it from its cache. */
    const cachedInB = async (path: string) => {
      await readB(path);
      const { value } = await until(
        () => readB(path),
        (r) => r.cache === 'HIT',
        `HIT in B ${path}`
      );
      return value;
    };
    const listenerName = () => `${LISTENER_NAME} ${second.child.pid}`;
    const listenerPids = async (): Promise<number[]> => {
      const { rows } = await pg.query(
        'select pid from pg_stat_activity where application_name = $1 and datname = current_database()',
        [listenerName()]
      );
      return rows.map((r: { pid: number }) => r.pid);
    };

    it('both processes listen; B’s listener is named in pg_stat_activity', async () => {
      expect(cache().stats().sync).toBe('listening');
      expect(await listenerPids()).toHaveLength(1);
    });

    it('approve and retract in A: B’s cached answers give way to the new truth', async () => {
      const delays = { approve: [] as number[], retract: [] as number[] };
      let staleAfterReturn = 0;
      let reads = 0;
      /**
       * Reads B without pause while A makes the move: when B first answered the new truth, in ms
       * after the move returned to its caller (negative: before), and the reads sent after that
       * return which still got the old answer (there must be none after B turned fresh).
       */
      const duringMove = async (
        move: () => Promise<unknown>,
        path: string,
        fresh: (r: Awaited<ReturnType<typeof readB>>) => boolean
      ) => {
        let returnedAt = Infinity;
        let freshAt: number | null = null;
        const watching = (async () => {
          const deadline = performance.now() + 5_000;
          while (performance.now() < deadline) {
            const sentAt = performance.now();
            const r = await readB(path);
            reads++;
            if (fresh(r)) {
              freshAt ??= sentAt;
              if (returnedAt !== Infinity) return r;
            } else {
              expect(freshAt, 'B answered the old truth after it had the new one').toBeNull();
              if (sentAt > returnedAt) staleAfterReturn++;
            }
          }
          throw new Error(`B did not answer the new truth for ${path} within 5 s`);
        })();
        await move();
        returnedAt = performance.now();
        const answer = await watching;
        return { answer, delay: freshAt! - returnedAt };
      };
      const story = await createStory(app, 'Across processes', {
        quotes: [{ text: 'Both heard it.', verification: 'verified' }],
      });
      for (let round = 0; round < 5; round++) {
        // Approve: B's cached list gains the story.
        const list = await cachedInB(LIST_PATH);
        expect(list.body.data.map((a: any) => a.documentId)).not.toContain(story.documentId);
        const approved = await duringMove(
          () => publishThroughWorkflow(app, story.documentId),
          LIST_PATH,
          (r) => r.body.data[0]?.documentId === story.documentId
        );
        expect(approved.answer.status).toBe(200);
        delays.approve.push(approved.delay);

        // Retract: B's cached page turns into a 404.
        const page = await cachedInB(storyPath(story.documentId));
        expect(page.body.data.quotes[0].text).toBe('Both heard it.');
        const retracted = await duringMove(
          () => retract(story.documentId),
          storyPath(story.documentId),
          (r) => r.status === 404
        );
        expect(retracted.answer.body.error.name).toBe('NotFoundError');
        expect(retracted.answer.cache).toBeNull(); // a 404 is read through, never stored
        delays.retract.push(retracted.delay);
      }
      const all = [...delays.approve, ...delays.retract];
      const ms = (values: number[]) => values.map((d) => d.toFixed(1)).join(', ');
      console.log(
        `cache across processes: B first answered the new truth, ms after A's move returned (negative: before): approve [${ms(delays.approve)}], retract [${ms(delays.retract)}]; p50 ${percentile(all, 50).toFixed(1)}, max ${Math.max(...all).toFixed(1)}; ${reads} reads of B during the moves, ${staleAfterReturn} sent after the return still old`
      );
      expect(Math.max(...all)).toBeLessThan(1_000);
    });

    it('a rolled-back retract sends nothing: B keeps serving its cached page', async () => {
      const kept = await createStory(app, 'Rolled back');
      const sentinel = await createStory(app, 'Sentinel');
      await publishThroughWorkflow(app, kept.documentId);
      await publishThroughWorkflow(app, sentinel.documentId);
      const before = await cachedInB(storyPath(kept.documentId));
      await cachedInB(storyPath(sentinel.documentId));
      const mark = heard.length;

      await expect(
        app.strapi.db.transaction(async () => {
          await retract(kept.documentId);
          throw new Error('roll back');
        })
      ).rejects.toThrow('roll back');
      // A later committed move: NOTIFYs arrive in commit order, so once B and the test's listener
      // have the sentinel's, anything the rolled-back move had sent would have arrived before it.
      await retract(sentinel.documentId);
      await until(
        () => readB(storyPath(sentinel.documentId)),
        (r) => r.status === 404,
        'B hears the sentinel'
      );
      await until(
        async () => heard.slice(mark).flatMap((m) => m.tags),
        (tags) => tags.includes(`article:${sentinel.documentId}`),
        'the test hears the sentinel'
      );
      expect(heard.slice(mark).flatMap((m) => m.tags)).not.toContain(`article:${kept.documentId}`);
      expect(heard.slice(mark).some((m) => m.flush)).toBe(false);
      const after = await readB(storyPath(kept.documentId));
      expect(after.cache).toBe('HIT');
      expect(after.text).toBe(before.text);
      // And it was right to: the story is still published.
      const published = await app.strapi
        .documents(ARTICLE)
        .findOne({ documentId: kept.documentId, locale: 'en', status: 'published' });
      expect(published?.title).toBe('Rolled back');
    });

    it('B’s listener cut by PostgreSQL: B empties and bypasses its cache until it listens again; nothing changed meanwhile is served stale', async () => {
      const changed = await createStory(app, 'Retracted during the outage');
      const untouched = await createStory(app, 'Untouched during the outage');
      await publishThroughWorkflow(app, changed.documentId);
      await publishThroughWorkflow(app, untouched.documentId);
      await cachedInB(storyPath(changed.documentId));
      await cachedInB(storyPath(untouched.documentId));
      const [pid] = await listenerPids();
      expect(pid).toEqual(expect.any(Number));

      // Every listener B opens is cut again until the change below has committed: B hears nothing.
      let cutting = true;
      let cuts = 0;
      const cutter = (async () => {
        while (cutting) {
          const { rows } = await pg.query(
            'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
            [listenerName()]
          );
          cuts += rows.filter((r: { done: boolean }) => r.done).length;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      try {
        const noticed = await until(
          () => readB(storyPath(untouched.documentId)),
          (r) => r.cache === 'BYPASS',
          'B bypasses its cache'
        );
        console.log(`cache across processes: B bypassed ${noticed.ms.toFixed(0)} ms after the cut`);
        expect(noticed.value.status).toBe(200);
        await retract(changed.documentId);
        const during = await readB(storyPath(changed.documentId));
        expect(during.status).toBe(404);
        expect(during.cache).toBe('BYPASS');
        expect((await readB(storyPath(untouched.documentId))).cache).toBe('BYPASS');
      } finally {
        cutting = false;
        await cutter;
      }
      expect(cuts).toBeGreaterThanOrEqual(1);

      const back = await until(
        listenerPids,
        (pids) => pids.length === 1,
        'B listens again',
        15_000
      );
      expect(back.value[0]).not.toBe(pid);
      // Listening again, B starts from nothing: the page it had is read afresh, then cached.
      const after = await until(
        () => readB(storyPath(untouched.documentId)),
        (r) => r.cache !== 'BYPASS',
        'B serves from its cache again'
      );
      expect(after.value.cache).toBe('MISS');
      expect((await readB(storyPath(untouched.documentId))).cache).toBe('HIT');
      const retracted = await readB(storyPath(changed.documentId));
      expect(retracted.status).toBe(404);
      expect(retracted.body.error.name).toBe('NotFoundError');
    });

    it('a change of 1,000 tags arrives whole, in payloads under the NOTIFY limit', async () => {
      const first = await createStory(app, 'First tag');
      const last = await createStory(app, 'Last tag');
      await publishThroughWorkflow(app, first.documentId);
      await publishThroughWorkflow(app, last.documentId);
      await cachedInB(storyPath(first.documentId));
      await cachedInB(storyPath(last.documentId));
      const tags = [
        `article:${first.documentId}`,
        ...Array.from({ length: 998 }, (_, i) => `quote:bulk-${i}-${'x'.repeat(40)}`),
        `article:${last.documentId}`,
      ];
      const mark = heard.length;
      await app.strapi.db.transaction(() => cache().announce({ tags }));

      const got = await until(
        async () => heard.slice(mark),
        (messages) => messages.flatMap((m) => m.tags).length >= tags.length,
        'the test hears every tag'
      );
      expect(got.value.length).toBeGreaterThan(1);
      for (const message of got.value)
        expect(Buffer.byteLength(message.payload)).toBeLessThan(MAX_PAYLOAD);
      expect(got.value.flatMap((m) => m.tags)).toEqual(tags);
      // Both ends of the change reach B: the first payload's tag and the last's.
      for (const story of [first, last])
        await until(
          () => readB(storyPath(story.documentId)),
          (r) => r.cache === 'MISS',
          `B evicts ${story.documentId}`
        );
    });
  });
