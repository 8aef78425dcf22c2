// Crash testing: a Strapi child process we can SIGKILL, and the workflow's invariants read straight
// from the database (plain SQL through knex), while Strapi writes or after it died.
import { createRequire } from 'node:module';
import type { ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { startSecondProcess } from './second-process';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Child processes

export interface Server {
  url: string;
  child: ChildProcess;
}

const children = new Set<ChildProcess>();

/** A Strapi child process on the database named in `env`, listening on a free port. */
export const startServer = async (
  env: Record<string, string | undefined> = {}
): Promise<Server> => {
  const { url, child } = await startSecondProcess(env);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return { url, child };
};

/** SIGKILL: no shutdown hook runs, open transactions die with the process. */
export const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** Every child still running (afterAll, and after a failed cycle). */
export const killAll = () => Promise.all([...children].map(killHard));

// ---------------------------------------------------------------------------------------------
// Randomness: seeded, so a failing run can be replayed with CRASH_SEED.

export const rng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    weighted: <T>(entries: readonly (readonly [T, number])[]) => {
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
      return entries[entries.length - 1][0];
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The database, read without Strapi

interface Link {
  table: string;
  from: string;
  to: string;
}

/** Table and column names, taken from Strapi's metadata while it runs in the test process. */
export interface Schema {
  articles: string;
  quotes: string;
  people: string;
  sources: string;
  states: string;
  history: string;
  quoteArticle: Link;
  quoteSpeaker: Link;
  quoteSource: Link;
}

export const schemaOf = (strapi: any): Schema => {
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName as string;
  const link = (uid: string, field: string): Link => {
    const joinTable = strapi.db.metadata.get(uid).attributes[field].joinTable;
    return {
      table: joinTable.name,
      from: joinTable.joinColumn.name,
      to: joinTable.inverseJoinColumn.name,
    };
  };
  return {
    articles: table('api::article.article'),
    quotes: table('api::quote.quote'),
    people: table('api::person.person'),
    sources: table('api::source.source'),
    states: table('plugin::editorial-workflow.workflow-state'),
    history: table('plugin::editorial-workflow.workflow-history'),
    quoteArticle: link('api::quote.quote', 'article'),
    quoteSpeaker: link('api::quote.quote', 'speaker'),
    quoteSource: link('api::quote.quote', 'source'),
  };
};

export interface QuoteRow {
  id: number;
  documentId: string;
  locale: string;
  live: boolean;
  verification: string;
  articleId: number | null;
  content: Record<string, unknown>;
}

export interface ArticleRow {
  id: number;
  documentId: string;
  locale: string;
  live: boolean;
  /** The stage copy on the row (`editorialStage`). */
  stage: string | null;
  content: Record<string, unknown>;
}

export interface StateRow {
  uid: string;
  documentId: string;
  locale: string;
  stage: string;
  version: number;
}

export interface Snapshot {
  articles: ArticleRow[];
  quotes: QuoteRow[];
  states: StateRow[];
  /** History entries per `uid#documentId#locale`: how many, and the last one's transition. */
  history: Map<string, { count: number; last: string }>;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));
const day = (value: unknown) =>
  value == null
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);
export const targetKey = (t: { uid: string; documentId: string; locale: string }) =>
  `${t.uid}#${t.documentId}#${t.locale}`;

/** A plain knex connection to the database in `env` (one connection: snapshots are sequential). */
export const openDatabase = (env: Record<string, string>) =>
  require('knex')(
    env.DATABASE_CLIENT === 'postgres'
      ? { client: 'pg', connection: env.DATABASE_URL, pool: { min: 0, max: 1 } }
      : {
          client: 'better-sqlite3',
          connection: { filename: env.DATABASE_FILENAME },
          useNullAsDefault: true,
          pool: { min: 0, max: 1 },
        }
  );

/** Every row the invariants look at, read with plain SQL from the database in `env`. */
export const readSnapshot = async (
  env: Record<string, string>,
  schema: Schema
): Promise<Snapshot> => {
  const knex = openDatabase(env);
  try {
    return await takeSnapshot(knex, schema);
  } finally {
    await knex.destroy();
  }
};

/**
 * One consistent read of every row the invariants look at (one transaction; repeatable read on
 * PostgreSQL, a shared lock on SQLite), so it may run while Strapi writes.
 */
export const takeSnapshot = (knex: any, schema: Schema): Promise<Snapshot> =>
  knex.transaction(
    async (trx: any) => {
      const articles = await trx(schema.articles).select(
        'id',
        'document_id',
        'locale',
        'published_at',
        'editorial_stage',
        'title',
        'standfirst',
        'body'
      );
      const personDoc = trx.raw(
        `(select document_id from ${schema.people} p where p.id = sp.${schema.quoteSpeaker.to}) as speaker`
      );
      const sourceDoc = trx.raw(
        `(select document_id from ${schema.sources} s where s.id = so.${schema.quoteSource.to}) as source`
      );
      const quotes = await trx({ q: schema.quotes })
        .leftJoin({ qa: schema.quoteArticle.table }, `qa.${schema.quoteArticle.from}`, 'q.id')
        .leftJoin({ sp: schema.quoteSpeaker.table }, `sp.${schema.quoteSpeaker.from}`, 'q.id')
        .leftJoin({ so: schema.quoteSource.table }, `so.${schema.quoteSource.from}`, 'q.id')
        .select(
          'q.id',
          'q.document_id',
          'q.locale',
          'q.published_at',
          'q.text',
          'q.original_text',
          'q.context',
          'q.said_at',
          'q.url',
          'q.verification',
          `qa.${schema.quoteArticle.to} as article_id`,
          personDoc,
          sourceDoc
        );
      const states = await trx(schema.states).select(
        'target_uid',
        'target_document_id',
        'target_locale',
        'stage',
        'version'
      );
      const history = await trx(schema.history)
        .select('target_uid', 'target_document_id', 'target_locale', 'transition')
        .orderBy('id');
      return {
        articles: articles.map((r: any) => ({
          id: Number(r.id),
          documentId: r.document_id,
          locale: r.locale,
          live: r.published_at != null,
          stage: r.editorial_stage ?? null,
          content: { title: r.title, standfirst: r.standfirst ?? null, body: json(r.body) },
        })),
        quotes: quotes.map((r: any) => ({
          id: Number(r.id),
          documentId: r.document_id,
          locale: r.locale,
          live: r.published_at != null,
          verification: r.verification,
          articleId: r.article_id == null ? null : Number(r.article_id),
          content: {
            text: r.text,
            originalText: r.original_text ?? null,
            context: r.context ?? null,
            saidAt: day(r.said_at),
            url: r.url ?? null,
            speaker: r.speaker ?? null,
            source: r.source ?? null,
          },
        })),
        states: states.map((r: any) => ({
          uid: r.target_uid,
          documentId: r.target_document_id,
          locale: r.target_locale,
          stage: r.stage,
          version: Number(r.version),
        })),
        history: history.reduce((byTarget: Snapshot['history'], r: any) => {
          const key = targetKey({
            uid: r.target_uid,
            documentId: r.target_document_id,
            locale: r.target_locale,
          });
          return byTarget.set(key, {
            count: (byTarget.get(key)?.count ?? 0) + 1,
            last: r.transition,
          });
        }, new Map()),
      };
    },
    // SQLite transactions are serializable already (knex warns if told so).
    knex.client.config.client === 'pg' ? { isolationLevel: 'repeatable read' } : {}
  );

// ---------------------------------------------------------------------------------------------
// Invariants (pure)

export const ARTICLE_UID = 'api::article.article';

/** What readers would see of one article row: its fields and its quotes, as plain data. */
export const projection = (snapshot: Snapshot, article: ArticleRow) => ({
  ...article.content,
  quotes: snapshot.quotes
    .filter((q) => q.articleId === article.id)
    .map((q) => ({ documentId: q.documentId, ...q.content }))
    .sort((a, b) => a.documentId.localeCompare(b.documentId)),
});

export interface StoryView {
  documentId: string;
  locale: string;
  stage: string | null;
  draft: ArticleRow | null;
  published: ArticleRow | null;
  /** Draft and published rows show the same content (false when either is missing). */
  same: boolean;
}

export const stories = (snapshot: Snapshot): StoryView[] => {
  const byTarget = new Map<string, ArticleRow[]>();
  for (const row of snapshot.articles) {
    const key = `${row.documentId}#${row.locale}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), row]);
  }
  const stateOf = new Map(
    snapshot.states
      .filter((s) => s.uid === ARTICLE_UID)
      .map((s) => [`${s.documentId}#${s.locale}`, s])
  );
  return [...byTarget.values()].map((rows) => {
    const draft = rows.find((r) => !r.live) ?? null;
    const published = rows.find((r) => r.live) ?? null;
    return {
      documentId: rows[0].documentId,
      locale: rows[0].locale,
      stage: stateOf.get(`${rows[0].documentId}#${rows[0].locale}`)?.stage ?? null,
      draft,
      published,
      same: Boolean(
        draft &&
        published &&
        isDeepStrictEqual(projection(snapshot, draft), projection(snapshot, published))
      ),
    };
  });
};

/** Where the draft's projection differs from the published one, field by field (published → draft). */
export const differences = (
  published: ReturnType<typeof projection>,
  draft: ReturnType<typeof projection>
): string[] => {
  const show = (value: unknown) => JSON.stringify(value);
  const found: string[] = [];
  for (const key of Object.keys(published)) {
    if (key === 'quotes') continue;
    const [before, after] = [(published as any)[key], (draft as any)[key]];
    if (!isDeepStrictEqual(before, after)) found.push(`${key} ${show(before)} → ${show(after)}`);
  }
  const quotes = (p: typeof published) => new Map(p.quotes.map((q) => [q.documentId, q]));
  const [before, after] = [quotes(published), quotes(draft)];
  for (const [id, quote] of before) {
    const now = after.get(id);
    if (!now) found.push(`quote ${id} only in the published version`);
    else {
      for (const field of Object.keys(quote) as (keyof typeof quote)[]) {
        if (!isDeepStrictEqual(quote[field], now[field]))
          found.push(`quote ${id} ${field} ${show(quote[field])} → ${show(now[field])}`);
      }
    }
  }
  for (const id of after.keys()) if (!before.has(id)) found.push(`quote ${id} only in the draft`);
  return found;
};

/** How much a burst wrote: working copies that changed, history entries added. */
export const progress = (before: Snapshot, after: Snapshot) => {
  const drafts = (snapshot: Snapshot) =>
    new Map(
      stories(snapshot).map((s) => [
        `${s.documentId}#${s.locale}`,
        s.draft && JSON.stringify(projection(snapshot, s.draft)),
      ])
    );
  const [then, now] = [drafts(before), drafts(after)];
  const entries = (snapshot: Snapshot) =>
    [...snapshot.history.values()].reduce((sum, h) => sum + h.count, 0);
  return {
    drafts: [...now].filter(([key, draft]) => then.get(key) !== draft).length,
    history: entries(after) - entries(before),
  };
};

export interface Violation {
  /** Stable across checks while the same breakage persists, so each cycle can report only new ones. */
  id: string;
  message: string;
}

/**
 * Every broken invariant, one sentence each. `publishingStages` are the stages that put a document
 * live (`published` in this newsroom).
 */
export const violations = (
  snapshot: Snapshot,
  publishingStages: readonly string[]
): Violation[] => {
  const found: Violation[] = [];
  const add = (id: string, message: string) => found.push({ id, message });

  // Each move and each `edit` bumps the version by one and appends one history entry, together.
  for (const state of snapshot.states) {
    const entries = snapshot.history.get(targetKey(state))?.count ?? 0;
    if (state.version !== 1 + entries) {
      add(
        `version:${targetKey(state)}:${state.version - 1 - entries}`,
        `${targetKey(state)} is at version ${state.version} with ${entries} history entries (expected version ${1 + entries})`
      );
    }
  }

  // Strapi's own shape: one draft row, at most one published row per document locale.
  for (const [kind, rows] of [
    ['article', snapshot.articles],
    ['quote', snapshot.quotes],
  ] as const) {
    const counts = new Map<string, { draft: number; live: number }>();
    for (const row of rows) {
      const key = `${row.documentId}#${row.locale}`;
      const c = counts.get(key) ?? { draft: 0, live: 0 };
      c[row.live ? 'live' : 'draft'] += 1;
      counts.set(key, c);
    }
    for (const [key, c] of counts) {
      if (c.draft !== 1 || c.live > 1)
        add(
          `rows:${kind}:${key}:${c.draft}:${c.live}`,
          `${kind} ${key} has ${c.draft} draft and ${c.live} published rows`
        );
    }
  }

  // What readers see is what was approved: in a publishing stage, the working copy is the live one.
  for (const story of stories(snapshot)) {
    const where = `story ${story.documentId} (${story.locale})`;
    if (story.stage === null) {
      if (story.published) add(`stateless:${where}`, `${where} is live but has no workflow state`);
      continue;
    }
    if (!publishingStages.includes(story.stage)) continue;
    if (!story.published)
      add(`unpublished:${where}`, `${where} is in "${story.stage}" but has no published row`);
    else if (!story.same) {
      add(
        `stale:${where}`,
        `${where} is in "${story.stage}" (last history entry: ${
          snapshot.history.get(targetKey({ uid: ARTICLE_UID, ...story }))?.last ?? 'none'
        }) but its draft differs from what readers see: ${differences(
          projection(snapshot, story.published),
          projection(snapshot, story.draft!)
        ).join('; ')}`
      );
    }
  }

  // The stage copy on every row of a story locale is its state's stage, committed together.
  const stageOf = new Map(
    snapshot.states
      .filter((s) => s.uid === ARTICLE_UID)
      .map((s) => [`${s.documentId}#${s.locale}`, s.stage])
  );
  for (const article of snapshot.articles) {
    const stage = stageOf.get(`${article.documentId}#${article.locale}`) ?? null;
    if (article.stage !== stage) {
      add(
        `stage-copy:${article.id}`,
        `article row ${article.id} (${article.documentId}, ${article.locale}) says "${article.stage}", its state "${stage}"`
      );
    }
  }

  // No orphan live quotes; a live story links only live quotes.
  const articleById = new Map(snapshot.articles.map((a) => [a.id, a]));
  for (const quote of snapshot.quotes) {
    const article = quote.articleId == null ? null : articleById.get(quote.articleId);
    if (quote.live && !article?.live)
      add(
        `orphan:${quote.id}`,
        `published quote ${quote.documentId} (row ${quote.id}) belongs to no published story`
      );
    if (!quote.live && article?.live)
      add(
        `draft-link:${quote.id}`,
        `published story ${article.documentId} links the draft quote row ${quote.id}`
      );
  }
  return found;
};
