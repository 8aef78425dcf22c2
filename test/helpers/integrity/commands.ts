// Commands of the model-based integrity test: each is one or a few real HTTP requests as some
// identity, over the Content Manager, REST, the reference-data side, clone, discard, upload and the
// workflow routes. Targets and payloads are drawn as abstract picks (indexes, forms, flags) and
// resolved at run time against what the run created, so shrinking keeps commands meaningful.
import fc from 'fast-check';
import { ADMINS, APPROVERS, READERS, TOKENS, type Actor, type ActorName } from './actors';
import { signPreviewToken } from '../../../src/content/preview-token';
import {
  ARTICLE,
  PERSON,
  QUOTE,
  SOURCE,
  markersIn,
  publicStoryUrl,
  readStored,
  storyContent,
  toStoryView,
} from './projection';
import { World, type MoveBody, type Response } from './world';

const CM = '/content-manager/collection-types';
const REST: Record<string, string> = {
  [ARTICLE]: 'articles',
  [QUOTE]: 'quotes',
  [PERSON]: 'people',
  [SOURCE]: 'sources',
};
const LOCALIZED = new Set([ARTICLE, QUOTE]);
const loc = (uid: string) => (LOCALIZED.has(uid) ? '?locale=en' : '');

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

export type Form = 'connect' | 'disconnect' | 'set' | 'plain' | 'empty';
const FORMS: Form[] = ['connect', 'disconnect', 'set', 'plain', 'empty'];

/** A relation value in one of the forms Strapi accepts. */
const relation = (form: Form, ids: string[], targetUid: string, toOne: boolean): unknown => {
  const items = ids.map((documentId) =>
    LOCALIZED.has(targetUid) ? { documentId, locale: 'en' } : { documentId }
  );
  switch (form) {
    case 'connect':
      return { connect: items };
    case 'disconnect':
      return { disconnect: items };
    case 'set':
      return { set: items };
    case 'plain':
      return toOne ? (ids[0] ?? null) : ids;
    case 'empty':
      return toOne ? null : { connect: [], disconnect: [] };
  }
};

/** A drawn relation write: which field, which form, which targets (by index into the run's lists). */
interface RelSpec {
  field: string;
  form: Form;
  picks: number[];
}
const relArb = (fields: string[]) =>
  fc.record({
    field: fc.constantFrom(...fields),
    form: fc.constantFrom(...FORMS),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  });

const TARGET_OF: Record<string, string> = {
  'article.quotes': QUOTE,
  'article.people': PERSON,
  'article.sources': SOURCE,
  'quote.speaker': PERSON,
  'quote.source': SOURCE,
  'quote.article': ARTICLE,
  'person.quotes': QUOTE,
  'person.articles': ARTICLE,
  'source.quotes': QUOTE,
  'source.articles': ARTICLE,
};
const TO_ONE = new Set(['quote.speaker', 'quote.source', 'quote.article']);

const docIds = (w: World, uid: string) =>
  uid === ARTICLE
    ? w.stories.map((s) => s.documentId)
    : uid === QUOTE
      ? w.quotes.map((q) => q.documentId)
      : uid === PERSON
        ? w.people
        : w.sources;

const resolveRel = (w: World, owner: string, spec: RelSpec): [string, unknown] | null => {
  const key = `${owner}.${spec.field}`;
  const target = TARGET_OF[key];
  const ids = [
    ...new Set(
      spec.picks.map((n) => pick(docIds(w, target), n)).filter((d): d is string => Boolean(d))
    ),
  ];
  if (ids.length === 0 && spec.form !== 'empty') return null;
  return [spec.field, relation(spec.form, ids, target, TO_ONE.has(key))];
};

const VERIFICATIONS = ['verified', 'unverified', 'disputed', 'misattributed'] as const;

/** Runs one request, learns its effects and checks the model; every command goes through here. */
const step = async (
  w: World,
  actor: Actor,
  key: string,
  label: string,
  request: () => Promise<Response>,
  how: 'write' | 'clone' | 'discard' = 'write'
) => {
  const stagesBefore = await w.stages();
  const res = await request();
  w.count(key, res.status);
  const what = `${actor.name}: ${label} → ${res.status}${res.status >= 400 ? ` ${res.body?.error?.name ?? ''} ${String(res.body?.error?.message ?? '').slice(0, 120)}` : ''}`;
  w.log.push(what);
  const changed = await w.observe(actor, res.status < 400, what, how);
  await w.checkRoundsReopened(changed, stagesBefore, what);
  w.checkStored(what);
  return { res, what };
};

abstract class Command implements fc.AsyncCommand<World, World> {
  check(_w: Readonly<World>) {
    return true;
  }
  abstract run(w: World): Promise<void>;
  abstract toString(): string;
}

/** Checks after every command: (a) projections, and one rotating (b) probe. */
export const afterCommand = async (w: World) => {
  w.commandsRun += 1;
  const what = w.log[w.log.length - 1] ?? 'start';
  await w.checkProjections(what);
  await w.checkStageCopies(what);
  const all = probes(w);
  const probe = all[w.log.length % all.length];
  await runProbe(w, w.actors.public, probe, what);
  // The same promise over GraphQL: one probe and one story's projection, rotating.
  const graph = graphqlProbes(w);
  await runGraphQLProbe(w, w.actors.public, graph[w.log.length % graph.length], what);
  const story = pick(w.stories, w.log.length);
  if (story) await w.checkGraphQLProjection(story, w.actors.public, what);
};

const actorArb = (names: readonly ActorName[]) => fc.constantFrom(...names);

// ---------------------------------------------------------------- the stage copy

const STAGE_FIELD = 'editorialStage';
const STAGES = ['draft', 'fact_check', 'published'] as const;
type StagePath = 'cm-update' | 'cm-create' | 'cm-clone' | 'rest-put' | 'rest-post';

/**
 * Tries to set a story's stage copy (`editorialStage`) to another stage than its own, by a write
 * body, through the Content Manager or REST: refused for everybody (4xx), and nothing changes (the
 * observation after the step and the stage-copy invariant say so).
 */
class StageWrite extends Command {
  constructor(
    readonly actor: ActorName,
    readonly path: StagePath,
    readonly target: number,
    readonly offset: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return this.path.endsWith('create') || this.path === 'rest-post' || w.stories.length > 0;
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const creating = this.path === 'cm-create' || this.path === 'rest-post';
    const id = creating ? null : pick(w.stories, this.target)?.documentId;
    if (!creating && !id) return;
    const current = id ? await w.stage(id) : null;
    const others = STAGES.filter((s) => s !== current);
    const stage = others[this.offset % others.length];
    const stagesBefore = await w.stages();
    const body = {
      [STAGE_FIELD]: stage,
      ...(creating ? { title: `Stage forced to ${stage}` } : {}),
    };
    const url = {
      'cm-update': `${CM}/${ARTICLE}/${id}?locale=en`,
      'cm-create': `${CM}/${ARTICLE}?locale=en`,
      'cm-clone': `${CM}/${ARTICLE}/clone/${id}?locale=en`,
      'rest-put': `/api/articles/${id}?locale=en&status=draft`,
      'rest-post': '/api/articles?locale=en&status=draft',
    }[this.path];
    const method = this.path === 'cm-update' || this.path === 'rest-put' ? 'put' : 'post';
    const { res, what } = await step(
      w,
      actor,
      `stage-write ${this.path}`,
      `stage-write ${this.path} ${url} ${JSON.stringify(body)}`,
      () => w.send(actor, method, url, this.path.startsWith('rest') ? { data: body } : body)
    );
    if (res.status < 400)
      w.fail(
        's: stage copy written',
        `${what}: a write body set ${STAGE_FIELD} to ${stage} and was accepted`
      );
    const after = await w.stages();
    for (const [documentId, was] of stagesBefore) {
      if (after.get(documentId) !== was)
        w.fail(
          's: stage moved by a write body',
          `${what}: story ${documentId} went ${was} → ${after.get(documentId)}`
        );
    }
    await afterCommand(w);
  }
  toString() {
    return `StageWrite(${this.actor}, ${this.path}, ${this.target}, ${this.offset})`;
  }
}

// ---------------------------------------------------------------- the legitimate path

/** A story made live the way the newsroom does it, so the attacks below have live stories to hit. */
class LiveStory extends Command {
  constructor(
    readonly author: ActorName,
    readonly checker: ActorName,
    readonly approver: ActorName,
    readonly cover: number | null,
    /** Approved with publishAt an hour ahead: live only once time passes. */
    readonly embargo = false
  ) {
    super();
  }
  async run(w: World) {
    const author = w.actors[this.author];
    const checker = w.actors[this.checker];
    const approver = w.actors[this.approver];
    const person = await step(w, author, 'cm-create person', 'cm-create person', () =>
      w.send(author, 'post', `${CM}/${PERSON}`, { name: w.refName('Speaker') })
    );
    const article = await step(w, author, 'cm-create article', 'cm-create article', () =>
      w.send(author, 'post', `${CM}/${ARTICLE}?locale=en`, {
        title: `Story ${w.marker()}`,
        standfirst: `Standfirst ${w.marker()}`,
      })
    );
    const storyId = article.res.body?.data?.documentId;
    if (!storyId) return afterCommand(w);
    const quote = await step(w, author, 'cm-create quote', 'cm-create quote', () =>
      w.send(author, 'post', `${CM}/${QUOTE}?locale=en`, {
        text: `«Quote ${w.marker()}»`,
        speaker: person.res.body?.data?.documentId ?? null,
        article: { connect: [{ documentId: storyId, locale: 'en' }] },
      })
    );
    const quoteId = quote.res.body?.data?.documentId;
    if (quoteId)
      await step(w, checker, 'cm-update quote', 'cm-update quote verification=verified', () =>
        w.send(checker, 'put', `${CM}/${QUOTE}/${quoteId}?locale=en`, { verification: 'verified' })
      );
    if (this.cover !== null) await setCover(w, author, storyId, this.cover);
    await move(w, author, storyId, 'submit');
    await move(
      w,
      approver,
      storyId,
      'approve',
      this.embargo ? { publishAt: new Date(Date.now() + 3_600_000).toISOString() } : {}
    );
    await afterCommand(w);
  }
  toString() {
    return `LiveStory(${this.author} writes${this.cover === null ? '' : `, covers with file #${this.cover}`}, ${this.checker} verifies, ${this.approver} ${this.embargo ? 'schedules it' : 'approves'})`;
  }
}

/** What a move carries besides its comment: an embargo (publishAt), a correction, a public note. */
type MoveExtras = MoveBody & { publishAt?: string };

/** The workflow routes, or (`api: 'graphql'`) the `editorialTransition` mutation (API tokens only). */
const move = async (
  w: World,
  actor: Actor,
  documentId: string,
  transition: string,
  { api = 'rest', ...extras }: MoveExtras & { api?: 'rest' | 'graphql' } = {}
) => {
  const base = actor.kind === 'admin' ? '/editorial-workflow' : '/api/editorial-workflow';
  const body = {
    transition,
    comment: ['request_changes', 'retract', 'withdraw', 'unschedule'].includes(transition)
      ? `why ${w.marker()}`
      : undefined,
    // A withdrawal always says why in public; the internal comment above must never show.
    ...(transition === 'withdraw' ? { publicNote: `Withdrawn ${w.marker()}` } : {}),
    ...extras,
  };
  const graphql = api === 'graphql';
  const { res } = await step(
    w,
    actor,
    `${graphql ? 'gql-' : ''}move ${transition}${extras.publishAt ? '+publishAt' : ''}`,
    `${graphql ? 'GraphQL ' : ''}move ${transition}${extras.publishAt ? ' with publishAt' : ''} ${documentId}`,
    () =>
      graphql
        ? w.gql(
            actor,
            `mutation($id: ID!, $transition: String!, $comment: String) {
              editorialTransition(uid: "${ARTICLE}", documentId: $id, locale: "en", transition: $transition, comment: $comment) { stage }
            }`,
            { id: documentId, transition: body.transition, comment: body.comment }
          )
        : w.send(actor, 'post', `${base}/state/${ARTICLE}/${documentId}/transition?locale=en`, body)
  );
  const story = w.story(documentId);
  if (res.status !== 200 || !story) return;
  if (res.body?.data?.stage === 'scheduled' && transition === 'approve')
    await w.scheduledBy(story, actor, body);
  else await w.moved(story, transition, actor, body);
  await w.checkJsonLd(`${actor.name}: move ${transition} ${documentId}`);
};

/** Approve with an embargo an hour ahead: readers must see nothing of it until time passes. */
class Schedule extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    await move(w, w.actors[this.actor], id, 'approve', {
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await afterCommand(w);
  }
  toString() {
    return `Schedule(${this.actor} approves story #${this.target} for an hour ahead)`;
  }
}

/**
 * Time passes: the scheduler runs two hours ahead, as its job would. Every story it publishes must
 * show readers exactly the working copy approved with publishAt; the rest stays as it was.
 */
class TimePasses extends Command {
  async run(w: World) {
    const before = await w.stages();
    const counts = await w.app.strapi
      .plugin('editorial-workflow')
      .service('scheduler')
      .run(new Date(Date.now() + 2 * 3_600_000));
    w.count('scheduler run', counts.published > 0 ? 'published' : 'nothing');
    w.log.push(`scheduler: run two hours ahead → ${JSON.stringify(counts)}`);
    const after = await w.stages();
    const system: Actor = { ...w.actors.public, name: 'scheduler' };
    for (const story of w.stories) {
      if (before.get(story.documentId) !== 'scheduled') continue;
      if (after.get(story.documentId) === 'published')
        await w.moved(story, 'scheduled-publish', system);
      else story.scheduled = null;
    }
    await afterCommand(w);
  }
  toString() {
    return 'TimePasses(the scheduler runs two hours ahead)';
  }
}

// ---------------------------------------------------------------- Content Manager writes

interface WriteSpec {
  type: 'article' | 'quote';
  create: boolean;
  target: number;
  text: boolean;
  second: boolean;
  verification: (typeof VERIFICATIONS)[number] | null;
  /** Whether the verdict comes with a note (disputed and misattributed need one). */
  note: boolean;
  rels: RelSpec[];
}
const writeSpecArb = fc.oneof(
  fc.record({
    type: fc.constant('article' as const),
    create: fc.boolean(),
    target: fc.nat(),
    text: fc.boolean(),
    second: fc.boolean(),
    verification: fc.constant(null),
    note: fc.constant(false),
    rels: fc.array(relArb(['quotes', 'people', 'sources']), { maxLength: 2 }),
  }),
  fc.record({
    type: fc.constant('quote' as const),
    create: fc.boolean(),
    target: fc.nat(),
    text: fc.boolean(),
    second: fc.boolean(),
    verification: fc.option(fc.constantFrom(...VERIFICATIONS), { nil: null }),
    note: fc.boolean(),
    rels: fc.array(relArb(['speaker', 'source', 'article']), { maxLength: 2 }),
  })
);

/** The body of a write: fresh marked text, a verdict, relations in the drawn forms. */
const writeBody = (w: World, spec: WriteSpec) => {
  const data: Record<string, unknown> = {};
  if (spec.type === 'article') {
    if (spec.text || spec.create) data.title = `Title ${w.marker()}`;
    if (spec.second) data.standfirst = `Standfirst ${w.marker()}`;
  } else {
    if (spec.text || spec.create) data.text = `«Said ${w.marker()}»`;
    if (spec.second) data.originalText = `Original ${w.marker()}`;
    if (spec.verification) data.verification = spec.verification;
    if (spec.verification && spec.note) data.verificationNote = `Note ${w.marker()}`;
  }
  for (const rel of spec.rels) {
    const resolved = resolveRel(w, spec.type, rel);
    if (resolved) data[resolved[0]] = resolved[1];
  }
  return data;
};

const targetOf = (w: World, type: 'article' | 'quote', n: number) =>
  type === 'article' ? pick(w.stories, n)?.documentId : pick(w.quotes, n)?.documentId;

const hasTarget = (w: Readonly<World>, type: string) =>
  (
    ({ article: w.stories, quote: w.quotes, person: w.people, source: w.sources }) as Record<
      string,
      readonly unknown[]
    >
  )[type].length > 0;

class CmWrite extends Command {
  constructor(
    readonly actor: ActorName,
    readonly spec: WriteSpec
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return this.spec.create || hasTarget(w, this.spec.type);
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const uid = this.spec.type === 'article' ? ARTICLE : QUOTE;
    const id = this.spec.create ? null : targetOf(w, this.spec.type, this.spec.target);
    if (!this.spec.create && !id) return;
    const body = writeBody(w, this.spec);
    const label = `cm-${id ? 'update' : 'create'} ${this.spec.type} ${id ?? ''} ${JSON.stringify(body)}`;
    await step(w, actor, `cm-${id ? 'update' : 'create'} ${this.spec.type}`, label, () =>
      id
        ? w.send(actor, 'put', `${CM}/${uid}/${id}?locale=en`, body)
        : w.send(actor, 'post', `${CM}/${uid}?locale=en`, body)
    );
    await afterCommand(w);
  }
  toString() {
    return `CmWrite(${this.actor}, ${JSON.stringify(this.spec)})`;
  }
}

/** A content-API write drawn from a WriteSpec, as a draft or not (REST and GraphQL below). */
abstract class ApiWrite extends Command {
  constructor(
    readonly actor: ActorName,
    readonly spec: WriteSpec,
    readonly draft: boolean
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return this.spec.create || hasTarget(w, this.spec.type);
  }
  /** The document to update, null to create one, undefined when there is nothing to update. */
  target(w: World): string | null | undefined {
    return this.spec.create ? null : targetOf(w, this.spec.type, this.spec.target);
  }
}

/** REST writes (tokens; readers too, who must be refused), with and without ?status=draft. */
class RestWrite extends ApiWrite {
  async run(w: World) {
    const actor = w.actors[this.actor];
    const uid = this.spec.type === 'article' ? ARTICLE : QUOTE;
    const id = this.target(w);
    if (id === undefined) return;
    const data = writeBody(w, this.spec);
    const query = `?locale=en${this.draft ? '&status=draft' : ''}`;
    const url = id ? `/api/${REST[uid]}/${id}${query}` : `/api/${REST[uid]}${query}`;
    await step(
      w,
      actor,
      `rest-${id ? 'put' : 'post'} ${this.spec.type}${this.draft ? ' draft' : ''}`,
      `rest-${id ? 'put' : 'post'} ${url} ${JSON.stringify(data)}`,
      () => w.send(actor, id ? 'put' : 'post', url, { data })
    );
    await afterCommand(w);
  }
  toString() {
    return `RestWrite(${this.actor}, draft=${this.draft}, ${JSON.stringify(this.spec)})`;
  }
}

/** Person and Source: create, rename, and write their inverse relations (class 1). */
class RefWrite extends Command {
  constructor(
    readonly actor: ActorName,
    readonly type: 'person' | 'source',
    readonly create: boolean,
    readonly target: number,
    readonly rename: boolean,
    readonly rel: RelSpec | null
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return this.create || hasTarget(w, this.type);
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const uid = this.type === 'person' ? PERSON : SOURCE;
    const id = this.create
      ? null
      : pick(this.type === 'person' ? w.people : w.sources, this.target);
    if (!this.create && !id) return;
    const data: Record<string, unknown> = {};
    if (this.create || this.rename)
      data.name = w.refName(this.type === 'person' ? 'Person' : 'Source');
    if (this.rel) {
      const resolved = resolveRel(w, this.type, this.rel);
      if (resolved) data[resolved[0]] = resolved[1];
    }
    const label = `ref-${id ? 'update' : 'create'} ${this.type} ${id ?? ''} ${JSON.stringify(data)}`;
    await step(
      w,
      actor,
      `ref-${id ? 'update' : 'create'} ${this.type}${this.rel ? ` ${this.rel.field}` : ''}`,
      label,
      () => {
        if (actor.kind === 'admin')
          return id
            ? w.send(actor, 'put', `${CM}/${uid}/${id}`, data)
            : w.send(actor, 'post', `${CM}/${uid}`, data);
        return id
          ? w.send(actor, 'put', `/api/${REST[uid]}/${id}`, { data })
          : w.send(actor, 'post', `/api/${REST[uid]}`, { data });
      }
    );
    await afterCommand(w);
  }
  toString() {
    return `RefWrite(${this.actor}, ${this.create ? 'create' : 'update'} ${this.type} #${this.target}, rename=${this.rename}, ${JSON.stringify(this.rel)})`;
  }
}

/** Content Manager clone, with the body the edit view sends plus forged server fields (class 4). */
class Clone extends Command {
  constructor(
    readonly actor: ActorName,
    readonly type: 'article' | 'quote',
    readonly target: number,
    readonly forge: boolean
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, this.type);
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const id = targetOf(w, this.type, this.target);
    if (!id) return;
    const uid = this.type === 'article' ? ARTICLE : QUOTE;
    const row: any = await w.app.strapi.db
      .query(uid)
      .findOne({ where: { documentId: id, locale: 'en', publishedAt: null } });
    const body: Record<string, unknown> = { locale: 'en' };
    if (this.type === 'article')
      Object.assign(body, { title: row?.title, slug: row?.slug, standfirst: row?.standfirst });
    else Object.assign(body, { text: row?.text, verification: row?.verification });
    if (this.forge && this.type === 'quote')
      Object.assign(body, {
        verifiedBy: `forged ${w.marker()}`,
        verifiedAt: '2020-01-01T00:00:00.000Z',
        url: 'javascript:alert(1)',
      });
    await step(
      w,
      actor,
      `cm-clone ${this.type}`,
      `cm-clone ${this.type} ${id} ${JSON.stringify(body)}`,
      () => w.send(actor, 'post', `${CM}/${uid}/clone/${id}?locale=en`, body),
      'clone'
    );
    await afterCommand(w);
  }
  toString() {
    return `Clone(${this.actor}, ${this.type} #${this.target}, forge=${this.forge})`;
  }
}

/** Content Manager: discard the draft, publish, unpublish (the last two must be refused). */
class CmAction extends Command {
  constructor(
    readonly actor: ActorName,
    readonly type: 'article' | 'quote',
    readonly target: number,
    readonly action: 'discard' | 'publish' | 'unpublish'
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, this.type);
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const id = targetOf(w, this.type, this.target);
    if (!id) return;
    const uid = this.type === 'article' ? ARTICLE : QUOTE;
    await step(
      w,
      actor,
      `cm-${this.action} ${this.type}`,
      `cm-${this.action} ${this.type} ${id}`,
      () => w.send(actor, 'post', `${CM}/${uid}/${id}/actions/${this.action}?locale=en`, {}),
      this.action === 'discard' ? 'discard' : 'write'
    );
    await afterCommand(w);
  }
  toString() {
    return `CmAction(${this.actor}, ${this.action} ${this.type} #${this.target})`;
  }
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/** Upload a small image (or reuse one) and make it a story's cover (class 7 needs shared media). */
/** Reuses one of the run's files (or uploads one) and makes it the story's cover. */
const setCover = async (w: World, actor: Actor, storyId: string, reuse: number) => {
  let fileId = w.files.length > 0 && reuse % 2 === 0 ? pick(w.files, reuse / 2) : undefined;
  if (fileId === undefined) {
    const upload = await step(w, actor, 'upload', 'upload image', () =>
      w.send(actor, 'post', actor.kind === 'admin' ? '/upload' : '/api/upload', undefined, {
        field: 'files',
        buffer: PNG,
        name: `cover-${w.marker()}.png`,
      })
    );
    fileId = Array.isArray(upload.res.body)
      ? upload.res.body[0]?.id
      : upload.res.body?.data?.[0]?.id;
    if (!fileId) return;
  }
  await step(w, actor, 'set-cover', `set-cover ${storyId} file ${fileId}`, () =>
    actor.kind === 'admin'
      ? w.send(actor, 'put', `${CM}/${ARTICLE}/${storyId}?locale=en`, { cover: fileId })
      : w.send(actor, 'put', `/api/articles/${storyId}?locale=en&status=draft`, {
          data: { cover: fileId },
        })
  );
};

/** Makes a story's cover an uploaded image, often one another story uses too (class 7). */
class Cover extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly reuse: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    await setCover(w, w.actors[this.actor], id, this.reuse);
    await afterCommand(w);
  }
  toString() {
    return `Cover(${this.actor}, story #${this.target}, ${this.reuse % 2 === 0 ? `file #${this.reuse / 2} or a new upload` : 'new upload'})`;
  }
}

/** Live stories (published rows) whose cover is this file: straight from the database. */
const liveCovers = async (w: World, fileId: number) =>
  w.app.strapi.db
    .query(ARTICLE)
    .count({ where: { publishedAt: { $notNull: true }, cover: { id: fileId } } });

/**
 * Changes a file in the media library (its alternative text, or deletes it). A file has no drafts, so
 * a change to one a live story shows reaches readers at once: only approvers may change it, nobody may
 * delete it (the live-media policy).
 */
class MediaChange extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly change: 'info' | 'delete'
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return w.files.length > 0;
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const fileId = pick(w.files, this.target);
    if (fileId === undefined) return;
    const live = await liveCovers(w, fileId);
    const admin = actor.kind === 'admin';
    const marker = w.marker();
    const res = await step(
      w,
      actor,
      `media-${this.change}`,
      `media-${this.change} file ${fileId} (live covers: ${live})`,
      () =>
        this.change === 'delete'
          ? w.send(
              actor,
              'delete',
              admin ? `/upload/files/${fileId}` : `/api/upload/files/${fileId}`
            )
          : admin
            ? w.send(actor, 'put', `/upload/files/${fileId}`, {
                fileInfo: { alternativeText: `alt ${marker}` },
              })
            : w.send(actor, 'post', `/api/upload?id=${fileId}`, {
                fileInfo: { alternativeText: `alt ${marker}` },
              })
    );
    const ok = res.res.status < 300;
    if (ok && live > 0 && this.change === 'delete')
      w.fail(
        '7: media',
        `${actor.name} deleted file ${fileId}, the cover of ${live} live story row(s)`
      );
    if (ok && live > 0 && !(APPROVERS as readonly string[]).includes(this.actor)) {
      w.fail(
        '7: media',
        `${actor.name}, who may not approve, changed file ${fileId}, the cover of ${live} live story row(s)`
      );
    }
    if (ok && this.change === 'delete') w.files = w.files.filter((f) => f !== fileId);
    // A file has no drafts: an approver's change to a live story's file is approved by that act.
    if (
      ok &&
      live > 0 &&
      this.change === 'info' &&
      (APPROVERS as readonly string[]).includes(this.actor)
    ) {
      for (const story of w.stories) if (story.approved) story.approvedMarkers.add(marker);
    }
    await afterCommand(w);
  }
  toString() {
    return `MediaChange(${this.actor}, file #${this.target}, ${this.change})`;
  }
}

/** A fact-checker's (or anyone's) verdict on a quote, through the Content Manager or REST. */
class Verify extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly verdict: string,
    readonly note: boolean
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'quote');
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const id = targetOf(w, 'quote', this.target);
    if (!id) return;
    // Without a note, a verdict against the quote is refused (400) and changes nothing.
    const body = {
      verification: this.verdict,
      verificationNote: this.note ? `note ${w.marker()}` : null,
    };
    await step(w, actor, `verify ${actor.kind}`, `verify quote ${id} ${this.verdict}`, () =>
      actor.kind === 'admin'
        ? w.send(actor, 'put', `${CM}/${QUOTE}/${id}?locale=en`, body)
        : w.send(actor, 'put', `/api/quotes/${id}?locale=en&status=draft`, { data: body })
    );
    await afterCommand(w);
  }
  toString() {
    return `Verify(${this.actor}, quote #${this.target}, ${this.verdict}, note=${this.note})`;
  }
}

/** The next move a story's stage allows toward publication: submit a draft, approve in fact-check. */
class Advance extends Command {
  constructor(
    readonly submitter: ActorName,
    readonly approver: ActorName,
    readonly target: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    const stage = (await w.stage(id)) ?? 'draft';
    if (stage === 'draft') await move(w, w.actors[this.submitter], id, 'submit');
    else if (stage === 'fact_check') await move(w, w.actors[this.approver], id, 'approve');
    else return;
    await afterCommand(w);
  }
  toString() {
    return `Advance(story #${this.target}: ${this.submitter} submits or ${this.approver} approves)`;
  }
}

/**
 * A correction of a live story the newsroom's way (issue 11): a writer edits its title, submits,
 * an approver approves with a correction note, or with a blank one (refused, nothing changes).
 * On a story that is not live, the correction must be refused too.
 */
class Correct extends Command {
  constructor(
    readonly writer: ActorName,
    readonly approver: ActorName,
    readonly target: number,
    readonly blank: boolean,
    /** Approve with publishAt an hour ahead: the correction is logged when time passes. */
    readonly embargo: boolean
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    const writer = w.actors[this.writer];
    if ((await w.stage(id)) === 'published')
      await step(w, writer, 'cm-update article', `cm-update article ${id} title`, () =>
        w.send(writer, 'put', `${CM}/${ARTICLE}/${id}?locale=en`, {
          title: `Corrected ${w.marker()}`,
        })
      );
    if ((await w.stage(id)) === 'draft') await move(w, writer, id, 'submit');
    if ((await w.stage(id)) === 'fact_check')
      await move(w, w.actors[this.approver], id, 'approve', {
        correction: { note: this.blank ? '  ' : `Correction ${w.marker()}` },
        ...(this.embargo ? { publishAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
      });
    await afterCommand(w);
  }
  toString() {
    return `Correct(story #${this.target}: ${this.writer} edits and submits, ${this.approver} approves with ${this.blank ? 'a blank' : 'a'} correction${this.embargo ? ', for an hour ahead' : ''})`;
  }
}

/** Workflow reads follow Content Manager read rights: an Author sees only their own stories (class 10). */
class WorkflowRead extends Command {
  constructor(
    readonly actor: 'author1' | 'author2',
    readonly target: number
  ) {
    super();
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const queue = await w.send(
      actor,
      'get',
      '/editorial-workflow/queue?stage=fact_check&pageSize=100'
    );
    w.count('workflow-read queue', queue.status);
    w.log.push(`${actor.name}: GET queue → ${queue.status}`);
    if (queue.status === 200) {
      for (const item of queue.body?.data ?? []) {
        const story = w.story(item.documentId);
        if (story && story.creator !== actor.name)
          w.fail(
            '10: workflow read',
            `${actor.name} reads ${story.creator}'s story ${story.documentId} in the queue: ${JSON.stringify(item).slice(0, 300)}`
          );
      }
    }
    const story = pick(w.stories, this.target);
    if (!story) return;
    const state = await w.send(
      actor,
      'get',
      `/editorial-workflow/state/${ARTICLE}/${story.documentId}?locale=en`
    );
    w.count('workflow-read state', state.status);
    w.log.push(`${actor.name}: GET state of ${story.documentId} → ${state.status}`);
    if (state.status === 200 && story.creator !== actor.name) {
      w.fail(
        '10: workflow read',
        `${actor.name} reads the state and history of ${story.creator}'s story ${story.documentId}`
      );
    }
  }
  toString() {
    return `WorkflowRead(${this.actor}, queue and story #${this.target})`;
  }
}

class Delete extends Command {
  constructor(
    readonly actor: ActorName,
    readonly type: 'article' | 'quote' | 'person' | 'source',
    readonly target: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, this.type);
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const uid = { article: ARTICLE, quote: QUOTE, person: PERSON, source: SOURCE }[this.type];
    const id = pick(docIds(w, uid), this.target);
    if (!id) return;
    const url =
      actor.kind === 'admin'
        ? `${CM}/${uid}/${id}${loc(uid)}`
        : `/api/${REST[uid]}/${id}${loc(uid)}`;
    await step(w, actor, `delete ${this.type}`, `delete ${this.type} ${id}`, () =>
      w.send(actor, 'delete', url)
    );
    await afterCommand(w);
  }
  toString() {
    return `Delete(${this.actor}, ${this.type} #${this.target})`;
  }
}

/**
 * The discussion thread (issue 10, part 3): post a note on a story, or resolve/reopen one. Notes are
 * for the desk only: neither changes what readers see (the projections after the step), and no
 * public answer ever carries a note's text.
 */
class Note extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly op: 'post' | 'resolve'
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    const actor = w.actors[this.actor];
    const base = `/editorial-workflow/notes/${ARTICLE}/${id}`;
    const text = `desk-only note ${w.commandsRun}-${this.target}`;
    if (this.op === 'post') {
      await step(w, actor, 'note post', `POST note on ${id}`, () =>
        w.send(actor, 'post', `${base}?locale=en`, { body: text })
      );
    } else {
      const thread = await w.send(actor, 'get', `${base}?locale=en`);
      const note = pick(thread.body?.data ?? [], this.target) as any;
      if (!note) return;
      const what = note.resolvedAt ? 'reopen' : 'resolve';
      await step(w, actor, `note ${what}`, `${what} note ${note.id} on ${id}`, () =>
        w.send(actor, 'post', `/editorial-workflow/notes/${note.id}/${what}`, {})
      );
    }
    const story = await w.send(w.actors.public, 'get', publicStoryUrl(id));
    if (JSON.stringify(story.body ?? null).includes('desk-only note'))
      w.fail('notes: never public', `the public answer for ${id} carries a note`);
    await afterCommand(w);
  }
  toString() {
    return `Note(${this.actor} ${this.op}s on story #${this.target})`;
  }
}

/**
 * Assignment (issue 10, part 2): take a story, assign it to an eligible reviewer, or release it.
 * It writes the state and the hidden `editorialAssignee` copy on every row of the story, the
 * published one too: neither may change what readers see, and no public answer names an assignee.
 */
class Assign extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly op: 'take' | 'assign' | 'release'
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    const actor = w.actors[this.actor];
    const query = `uid=${ARTICLE}&documentId=${id}&locale=en`;
    const eligible = await w.send(actor, 'get', `/editorial-workflow/assignees?${query}`);
    const assignee =
      this.op === 'release'
        ? null
        : this.op === 'take'
          ? (eligible.body?.meta?.me ?? null)
          : ((pick(eligible.body?.data ?? [], this.target) as any)?.id ?? null);
    if (this.op !== 'release' && assignee === null) return;
    await step(w, actor, `assign ${this.op}`, `${this.op} ${id} (${assignee})`, () =>
      w.send(actor, 'post', `/editorial-workflow/state/${ARTICLE}/${id}/assign?locale=en`, {
        assignee,
      })
    );
    const story = await w.send(w.actors.public, 'get', publicStoryUrl(id));
    if (/editorialAssignee|"assignee"/.test(JSON.stringify(story.body ?? null)))
      w.fail('assignment: never public', `the public answer for ${id} names an assignee`);
    await afterCommand(w);
  }
  toString() {
    return `Assign(${this.actor} ${this.op}s story #${this.target})`;
  }
}

class Move extends Command {
  constructor(
    readonly actor: ActorName,
    readonly target: number,
    readonly transition: string,
    readonly api: 'rest' | 'graphql' = 'rest'
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const id = targetOf(w, 'article', this.target);
    if (!id) return;
    await move(w, w.actors[this.actor], id, this.transition, { api: this.api });
    await afterCommand(w);
  }
  toString() {
    return `Move(${this.actor}, ${this.transition} story #${this.target}${this.api === 'graphql' ? ', over GraphQL' : ''})`;
  }
}

/**
 * Puts a quote into a story (or takes it out) by one of the paths a link can take: the quote's
 * `article`, the story's `quotes`, in the Content Manager or over REST (with or without
 * ?status=draft), in any relation form. Moving live quotes between stories is classes 2 and 3.
 */
class Link extends Command {
  constructor(
    readonly actor: ActorName,
    readonly quote: number,
    readonly story: number,
    readonly path: 'cm-quote' | 'cm-article' | 'rest-quote' | 'rest-article',
    readonly form: Form,
    readonly draft: boolean
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'quote') && hasTarget(w, 'article');
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const quoteId = targetOf(w, 'quote', this.quote);
    const storyId = targetOf(w, 'article', this.story);
    if (!quoteId || !storyId) return;
    const onQuote = this.path.endsWith('quote');
    const field = onQuote ? 'article' : 'quotes';
    const value = relation(
      this.form,
      [onQuote ? storyId : quoteId],
      onQuote ? ARTICLE : QUOTE,
      onQuote
    );
    const uid = onQuote ? QUOTE : ARTICLE;
    const id = onQuote ? quoteId : storyId;
    const rest = this.path.startsWith('rest');
    const url = rest
      ? `/api/${REST[uid]}/${id}?locale=en${this.draft ? '&status=draft' : ''}`
      : `${CM}/${uid}/${id}?locale=en`;
    const body = rest ? { data: { [field]: value } } : { [field]: value };
    await step(
      w,
      actor,
      `link ${this.path}${rest && this.draft ? ' draft' : ''}`,
      `link PUT ${url} ${JSON.stringify(body)}`,
      () => w.send(actor, 'put', url, body)
    );
    await afterCommand(w);
  }
  toString() {
    return `Link(${this.actor}, quote #${this.quote} ↔ story #${this.story} via ${this.path}, ${this.form}${this.draft ? ', draft' : ''})`;
  }
}

// ---------------------------------------------------------------- reader probes (b)

export interface Probe {
  url: string;
  /** An oracle: the query names only unapproved rows or text, so any hit is a leak. */
  mustFindNothing?: boolean;
}

const LIST = 'pagination[pageSize]=100';

export const probes = (w: World): Probe[] => {
  const list: Probe[] = [];
  for (const type of ['articles', 'quotes', 'people', 'sources']) {
    list.push(
      { url: `/api/${type}?populate=*&${LIST}` },
      { url: `/api/${type}?populate=*&status=draft&${LIST}` }
    );
  }
  list.push(
    {
      url: `/api/articles?populate[quotes][populate]=*&populate[people][populate]=*&populate[sources][populate]=*&populate[cover][populate]=*&${LIST}`,
    },
    { url: `/api/articles?populate[cover][populate][related]=true&${LIST}` },
    {
      url: `/api/articles?status=draft&populate[quotes][populate][speaker]=true&populate[cover][populate]=*&${LIST}`,
    },
    { url: `/api/people?populate[quotes][populate]=*&populate[articles][populate]=*&${LIST}` },
    {
      url: `/api/sources?populate[quotes][populate][article]=true&populate[articles][populate]=*&${LIST}`,
    },
    {
      url: `/api/quotes?populate[article][populate]=*&populate[speaker][populate]=*&status=draft&${LIST}`,
    },
    { url: `/api/people?sort=quotes.text:desc&populate=quotes&${LIST}` },
    { url: `/api/sources?sort=articles.title:asc&populate=articles&${LIST}` },
    { url: '/api/articles?filters[$or]=x' },
    { url: '/api/articles?filters[title][$between]=a' },
    { url: '/api/people?filters[quotes][$eq]=1' },
    { url: '/api/people?filters[quotes][$in][0]=1' },
    { url: '/api/people?filters[quotes][$null]=true' },
    { url: '/api/sources?filters[articles][$notNull]=true' }
  );
  for (const story of w.stories.slice(-3)) {
    list.push(
      { url: `/api/articles/${story.documentId}?populate=*&status=draft&locale=en` },
      { url: `/api/articles/${story.documentId}?populate[cover][populate][related]=true&locale=en` }
    );
  }
  for (const quote of w.quotes.slice(-3))
    list.push({ url: `/api/quotes/${quote.documentId}?populate=*&locale=en` });
  for (const marker of w.unapprovedMarkers().slice(-2)) {
    list.push(
      { url: `/api/people?filters[quotes][text][$contains]=${marker}`, mustFindNothing: true },
      { url: `/api/sources?filters[articles][title][$contains]=${marker}`, mustFindNothing: true },
      {
        url: `/api/people?filters[articles][standfirst][$contains]=${marker}`,
        mustFindNothing: true,
      },
      { url: `/api/articles?filters[quotes][text][$contains]=${marker}`, mustFindNothing: true }
    );
  }
  return list;
};

/** Row ids of draft rows that have no published twin: scalar filters on them must find nothing. */
export const draftOnlyRowProbes = async (w: World): Promise<Probe[]> => {
  const rows: any[] = await w.app.strapi.db
    .query(ARTICLE)
    .findMany({ where: { publishedAt: null }, select: ['id', 'documentId'] });
  const live = new Set(
    (
      await w.app.strapi.db
        .query(ARTICLE)
        .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] })
    ).map((r: any) => r.documentId)
  );
  return rows
    .filter((r) => !live.has(r.documentId))
    .slice(-2)
    .flatMap((r) => [
      { url: `/api/people?filters[articles]=${r.id}`, mustFindNothing: true },
      { url: `/api/people?filters[articles][id][$eq]=${r.id}`, mustFindNothing: true },
      { url: `/api/sources?filters[articles][$in][0]=${r.id}`, mustFindNothing: true },
    ]);
};

export const runProbe = async (w: World, reader: Actor, probe: Probe, what: string) => {
  const res = await w.send(reader, 'get', probe.url);
  w.count(`probe(${reader.name})`, res.status);
  // A refusal (400, or 403 for a reader role that may not read yet) is fine; a 200 must be clean.
  if (res.status !== 200) return;
  w.checkMarkers(w.approvedMarkers(), res.body, `${reader.name} GET ${probe.url}`, what);
  if (probe.mustFindNothing) {
    const data = res.body?.data;
    if (Array.isArray(data) ? data.length > 0 : Boolean(data)) {
      w.fail(
        '8: oracle',
        `after ${what}, ${reader.name} GET ${probe.url} names unapproved rows: ${JSON.stringify(data).slice(0, 300)}`
      );
    }
  }
};

/** Every probe as every reader: after each run. */
export const sweep = async (w: World) => {
  const all = [...probes(w), ...(await draftOnlyRowProbes(w))];
  for (const readerName of READERS) {
    const reader = w.actors[readerName];
    // A reader role refused every read (403) sees nothing: one answer says so.
    if ((await w.send(reader, 'get', '/api/articles')).status === 403) continue;
    for (const probe of all) await runProbe(w, reader, probe, 'the end-of-run sweep');
    for (const probe of graphqlProbes(w))
      await runGraphQLProbe(w, reader, probe, 'the end-of-run sweep');
    for (const story of w.stories)
      await w.checkGraphQLProjection(story, reader, 'the end-of-run sweep');
  }
  await readPublic(w, 0, 'the end-of-run sweep');
  await w.checkJsonLd('the end-of-run sweep');
};

class ProbeCmd extends Command {
  constructor(
    readonly reader: ActorName,
    readonly n: number
  ) {
    super();
  }
  async run(w: World) {
    const all = [...probes(w), ...(await draftOnlyRowProbes(w))];
    const probe = pick(all, this.n)!;
    w.log.push(`${this.reader}: probe GET ${probe.url}`);
    await runProbe(w, w.actors[this.reader], probe, `probe ${probe.url}`);
  }
  toString() {
    return `Probe(${this.reader}, #${this.n})`;
  }
}

// ---------------------------------------------------------------- GraphQL (issue 11)

export interface GraphQLProbe {
  query: string;
  /** An oracle: the rows this returns (from the answer's data) name only unapproved text, so any is a leak. */
  found?: (data: any) => unknown[];
}

const ALL = 'pagination: { limit: 100 }';
const listed = (field: string) => (data: any) => data?.[field] ?? [];

/**
 * What a reader may try over GraphQL: drafts by argument (refused), every nested path back and
 * forth between stories, quotes and reference data, filters through relations with unapproved
 * text (oracles), sorts through relations, the cover's polymorphic `related`, malformed filters.
 */
export const graphqlProbes = (w: World): GraphQLProbe[] => {
  const list: GraphQLProbe[] = [
    { query: `{ articles(status: DRAFT, ${ALL}) { title standfirst quotes { text } } }` },
    {
      query: `{ people(status: DRAFT, ${ALL}) { quotes { text article { title standfirst } } articles { title standfirst } } }`,
    },
    {
      query: `{ sources(publicationFilter: NEVER_PUBLISHED_DOCUMENT) { quotes { text } articles { title } } }`,
    },
    { query: `{ quotes(hasPublishedVersion: false) { text } }` },
    {
      query: `{ articles(${ALL}) { title standfirst quotes(${ALL}) { text speaker { quotes(${ALL}) { text article { title standfirst } } } } people { articles { title standfirst } } } }`,
    },
    {
      query: `{ people(${ALL}) { name quotes(${ALL}) { text article { title standfirst quotes { text } } } articles(${ALL}) { title standfirst } } }`,
    },
    {
      query: `{ sources(${ALL}) { quotes(${ALL}) { text article { title } } articles(${ALL}) { title standfirst quotes { text } } } }`,
    },
    { query: `{ quotes(${ALL}) { text originalText article { title standfirst } } }` },
    { query: `{ articles(${ALL}) { cover { related { ... on Article { title standfirst } } } } }` },
    { query: `{ people(sort: ["quotes.text:desc"]) { name } }` },
    { query: `{ articles { quotes(sort: ["speaker.name:asc"]) { text } } }` },
    { query: `{ articles(filters: { title: { between: ["a"] } }) { title } }` },
    { query: `{ people(filters: { aliases: { contains: "x" } }) { name } }` },
  ];
  for (const story of w.stories.slice(-3)) {
    list.push(
      {
        query: `{ article(documentId: "${story.documentId}") { title standfirst quotes { text } } }`,
      },
      {
        query: `{ article(documentId: "${story.documentId}", status: DRAFT) { title standfirst } }`,
      }
    );
  }
  for (const marker of w.unapprovedMarkers().slice(-2)) {
    list.push(
      {
        query: `{ people(filters: { quotes: { text: { contains: "${marker}" } } }) { documentId } }`,
        found: listed('people'),
      },
      {
        query: `{ sources(filters: { articles: { title: { contains: "${marker}" } } }) { documentId } }`,
        found: listed('sources'),
      },
      {
        query: `{ articles(${ALL}) { people(filters: { or: [{ quotes: { text: { contains: "${marker}" } } }, { articles: { standfirst: { contains: "${marker}" } } }] }) { documentId } } }`,
        found: (data) => (data?.articles ?? []).flatMap((a: any) => a.people ?? []),
      },
      {
        query: `{ articles(filters: { quotes: { text: { contains: "${marker}" } } }) { documentId } }`,
        found: listed('articles'),
      }
    );
  }
  return list;
};

export const runGraphQLProbe = async (
  w: World,
  reader: Actor,
  probe: GraphQLProbe,
  what: string
) => {
  const res = await w.gql(reader, probe.query);
  w.count(`gql-probe(${reader.name})`, res.status);
  // A refusal is fine (w.gql already failed on an internal error); whatever is answered must be clean.
  w.checkMarkers(w.approvedMarkers(), res.body, `${reader.name} GraphQL ${probe.query}`, what);
  const found = probe.found && res.status === 200 ? probe.found(res.body.data) : [];
  if (found.length > 0) {
    w.fail(
      '8: oracle',
      `after ${what}, ${reader.name} GraphQL ${probe.query} names unapproved rows: ${JSON.stringify(found).slice(0, 300)}`
    );
  }
};

class GraphQLProbeCmd extends Command {
  constructor(
    readonly reader: ActorName,
    readonly n: number
  ) {
    super();
  }
  async run(w: World) {
    const probe = pick(graphqlProbes(w), this.n)!;
    w.log.push(`${this.reader}: GraphQL probe ${probe.query}`);
    await runGraphQLProbe(w, w.actors[this.reader], probe, `GraphQL probe ${probe.query}`);
  }
  toString() {
    return `GraphQLProbe(${this.reader}, #${this.n})`;
  }
}

/** A reader's GraphQL read of one story: the model's expected public view (a), no unapproved text (b). */
class GraphQLRead extends Command {
  constructor(
    readonly reader: ActorName,
    readonly n: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return w.stories.length > 0;
  }
  async run(w: World) {
    const story = pick(w.stories, this.n);
    if (!story) return;
    w.count('GraphQLRead', 'commands');
    await w.checkGraphQLProjection(
      story,
      w.actors[this.reader],
      w.log[w.log.length - 1] ?? 'start'
    );
  }
  toString() {
    return `GraphQLRead(${this.reader}, story #${this.n})`;
  }
}

const GQL_INPUT: Record<string, string> = { article: 'ArticleInput', quote: 'QuoteInput' };

/**
 * GraphQL writes (createArticle, updateQuote, ...): tokens may write drafts (`status: DRAFT`);
 * without it the write would publish and must be refused; readers and the read-only token are
 * refused everything. Relations are plain documentId lists, the only form GraphQL inputs take.
 */
class GraphQLWrite extends ApiWrite {
  async run(w: World) {
    const actor = w.actors[this.actor];
    const id = this.target(w);
    if (id === undefined) return;
    const data = writeBody(w, {
      ...this.spec,
      rels: this.spec.rels.map((rel) => ({ ...rel, form: 'plain' as const })),
    });
    const Type = this.spec.type === 'article' ? 'Article' : 'Quote';
    const status = this.draft ? ', status: DRAFT' : '';
    const query = id
      ? `mutation($id: ID!, $data: ${GQL_INPUT[this.spec.type]}!) { update${Type}(documentId: $id, locale: "en"${status}, data: $data) { documentId } }`
      : `mutation($data: ${GQL_INPUT[this.spec.type]}!) { create${Type}(locale: "en"${status}, data: $data) { documentId } }`;
    await step(
      w,
      actor,
      `gql-${id ? 'update' : 'create'} ${this.spec.type}${this.draft ? ' draft' : ''}`,
      `GraphQL ${id ? 'update' : 'create'}${Type}${id ? ` ${id}` : ''}${status} ${JSON.stringify(data)}`,
      () => w.gql(actor, query, { ...(id ? { id } : {}), data })
    );
    await afterCommand(w);
  }
  toString() {
    return `GraphQLWrite(${this.actor}, draft=${this.draft}, ${JSON.stringify(this.spec)})`;
  }
}

// ---------------------------------------------------------------- public reads through the cache

const FRONT_POPULATE =
  'populate[quotes][populate][speaker]=true&populate[quotes][populate][source]=true&populate[cover]=true';

/**
 * What frontends ask for, anonymously: the front page, a list of titles, the latest quotes, a story
 * by documentId and by slug, a person's and a source's page (`n` picks which).
 */
export const publicReads = (w: World, n: number): string[] => {
  const urls = [
    `/api/articles?locale=en&sort[0]=publishedAt:desc&pagination[page]=1&pagination[pageSize]=25&${FRONT_POPULATE}`,
    '/api/articles?locale=en&fields[0]=title&fields[1]=slug&sort[0]=title:asc&pagination[pageSize]=10',
    '/api/quotes?locale=en&populate[speaker]=true&populate[article][fields][0]=title&sort[0]=id:desc&pagination[pageSize]=10',
  ];
  const story = pick(w.stories, n);
  if (story) {
    urls.push(publicStoryUrl(story.documentId));
    // Structured data: inside the story's answer (cached), and its own route (never cached).
    urls.push(`/api/articles/${story.documentId}?locale=en&jsonld=true`);
    urls.push(`/api/articles/${story.documentId}/jsonld?locale=en`);
    const slug = w.slugOf(story.documentId);
    if (slug)
      urls.push(
        `/api/articles?locale=en&filters[slug][$eq]=${encodeURIComponent(slug)}&${FRONT_POPULATE}`
      );
  }
  const person = pick(w.people, n);
  if (person)
    urls.push(`/api/people/${person}?populate[quotes][populate][article][fields][0]=title`);
  const source = pick(w.sources, n);
  if (source) urls.push(`/api/sources/${source}?populate[articles][fields][0]=title`);
  return urls;
};

/**
 * Reads them as the public: no answer shows unapproved text (b), and every answer the cache served
 * (HIT) equals a fresh read of the same request (h).
 */
export const readPublic = async (w: World, n: number, what: string) => {
  const urls = publicReads(w, n);
  const hits: { url: string; status: number; text: string }[] = [];
  for (const url of urls) {
    const res = await w.send(w.actors.public, 'get', url);
    w.count('read-public', `${res.status} ${res.cache ?? '-'}`);
    if (res.status === 200)
      w.checkMarkers(w.approvedMarkers(), res.body, `public GET ${url}`, what);
    if (res.cache === 'HIT') hits.push({ url, status: res.status, text: res.text });
  }
  w.log.push(`public: read ${urls.length} pages and lists, ${hits.length} from the cache`);
  await w.checkHits(hits, what);
};

class ReadPublic extends Command {
  constructor(readonly n: number) {
    super();
  }
  async run(w: World) {
    w.count('ReadPublic', 'commands');
    await readPublic(w, this.n, w.log[w.log.length - 1] ?? 'start');
  }
  toString() {
    return `ReadPublic(#${this.n})`;
  }
}

// ---------------------------------------------------------------- importing wire copy

const IMPORT_PERMITTED = new Set<ActorName>(['author1', 'author2', 'editor', 'fullToken']);

/**
 * Imports wire copy (issue 12) as an admin (preview, or create with the review's corrections) or
 * over the content API (dryRun or not). Whatever it creates is a draft in stage draft: readers see
 * nothing new (the projections and probes after every command say so), even when the review links
 * the story's quote to a person that live stories show. Those without the import permission are
 * refused; a preview or dry run creates nothing.
 */
class ImportWire extends Command {
  constructor(
    readonly actor: ActorName,
    readonly dryRun: boolean,
    readonly merge: number | null
  ) {
    super();
  }
  async run(w: World) {
    const actor = w.actors[this.actor];
    const admin = actor.kind === 'admin';
    const content = [
      `Envoys meet in Minsk ${w.marker()}`,
      '',
      `MINSK. Officials met on Tuesday ${w.marker()}, state media reported..`,
      `Speaking to reporters, Anna Importer said: «We will meet again ${w.marker()} next week.».`,
    ].join('\n');
    const body: Record<string, unknown> = { content, locale: 'en' };
    const mergeInto = this.merge === null ? undefined : pick(w.people, this.merge);
    if (mergeInto && admin && !this.dryRun) {
      const proposal = await step(w, actor, 'import preview', 'import preview (for keys)', () =>
        w.send(actor, 'post', `/editorial-workflow/import/${ARTICLE}/preview`, body)
      );
      const speaker = proposal.res.body?.data?.quotes?.[0]?.speaker;
      if (speaker) body.review = { people: { [speaker]: { documentId: mergeInto } } };
    }
    if (!admin) body.dryRun = this.dryRun;
    const url = !admin
      ? `/api/editorial-workflow/import/${ARTICLE}`
      : `/editorial-workflow/import/${ARTICLE}${this.dryRun ? '/preview' : ''}`;
    const storiesBefore = new Set(w.stories.map((s) => s.documentId));
    const { res, what } = await step(
      w,
      actor,
      `import ${this.dryRun ? 'preview' : 'create'}`,
      `import ${this.dryRun ? 'preview' : 'create'}${body.review ? ` merging into ${mergeInto}` : ''}`,
      () => w.send(actor, 'post', url, body)
    );
    if (res.status < 400 && !IMPORT_PERMITTED.has(this.actor))
      w.fail('i: import without the permission', `${what}: accepted for ${actor.name}`);
    const created = w.stories.filter((s) => !storiesBefore.has(s.documentId));
    if (this.dryRun && created.length > 0)
      w.fail(
        'i: a preview created stories',
        `${what}: created ${created.map((s) => s.documentId)}`
      );
    for (const story of created) {
      const stage = await w.stage(story.documentId);
      if (stage !== 'draft')
        w.fail('i: imported story not in draft', `${what}: ${story.documentId} is in ${stage}`);
    }
    await afterCommand(w);
  }
  toString() {
    return `ImportWire(${this.actor}, ${this.dryRun ? 'dry run' : 'create'}${this.merge === null ? '' : `, merge into person #${this.merge}`})`;
  }
}

// ---------------------------------------------------------------- editors' preview (issue 11)

/** The preview secret of the model's app (integrity-model.test.ts boots with it and PREVIEW_URL). */
export const MODEL_PREVIEW_SECRET = 'integrity-model-preview-secret-0123456789abcdef';

const PREVIEW_ATTACKS = [
  'other-story',
  'other-locale',
  'extra-populate',
  'rest-draft-list',
  'rest-draft-one',
  'quotes-draft',
  'people-populate',
  'expired',
  'tampered',
] as const;

/**
 * An admin user asks the Content Manager for a story's preview URL: an Author gets none for a
 * story they did not create. With a URL, its token must open exactly that story's working copy
 * (equal to the stored draft, no other unapproved text), uncached; then the same token is tried
 * somewhere else (`attack`), where it must open nothing: another story or locale is refused, and
 * reads elsewhere stay published-only (b).
 */
class PreviewRead extends Command {
  constructor(
    readonly actor: 'editor' | 'checker1' | 'author1' | 'author2',
    readonly target: number,
    readonly attack: number
  ) {
    super();
  }
  check(w: Readonly<World>) {
    return hasTarget(w, 'article');
  }
  async run(w: World) {
    const story = pick(w.stories, this.target);
    if (!story) return;
    const id = story.documentId;
    const actor = w.actors[this.actor];
    const asked = await w.send(
      actor,
      'get',
      `/content-manager/preview/url/${ARTICLE}?documentId=${id}&locale=en&status=draft`
    );
    w.count('preview-url', asked.status);
    w.log.push(`${actor.name}: preview URL of story ${id} → ${asked.status}`);
    const mayRead = !this.actor.startsWith('author') || story.creator === actor.name;
    const url: string | undefined = asked.body?.data?.url;
    if (asked.status === 200 && url && !mayRead)
      w.fail(
        '12: preview',
        `${actor.name} got a preview URL for ${story.creator}'s story ${id}, which they may not read: ${url}`
      );
    if (asked.status !== 200 || !url) return afterCommand(w);

    const token = new URL(url).searchParams.get('token') ?? '';
    const holder = {
      name: 'preview token',
      kind: 'reader' as const,
      headers: { Authorization: `Preview ${token}` },
      canVerify: false,
    };
    const read = await w.send(holder, 'get', `/api/articles/${id}/preview?locale=en`);
    w.count('preview-read', `${read.status} ${read.cache ?? '-'}`);
    w.log.push(`preview token: read story ${id} → ${read.status}`);
    const stored = await readStored(w.app);
    const copy = stored.stories.get(id);
    if (read.status !== 200 || !copy) {
      w.fail(
        '12: preview',
        `a fresh token for story ${id} did not open it: ${read.status} ${read.text.slice(0, 300)}`
      );
      return afterCommand(w);
    }
    if (read.cache !== undefined)
      w.fail(
        '12: preview',
        `the preview of story ${id} went through the response cache (X-Cache: ${read.cache})`
      );
    const view = toStoryView(read.body.data);
    if (storyContent(view) !== storyContent(copy))
      w.fail(
        '12: preview',
        `the preview of story ${id} is not its working copy:\n      ${JSON.stringify(view)}\n    stored:\n      ${JSON.stringify(copy)}`
      );
    // Only this story's own words (its quotes' every field, its cover file's name and texts: media
    // has no drafts) and approved text may appear.
    const cover = copy.cover
      ? await w.app.strapi.db.query('plugin::upload.file').findOne({ where: { id: copy.cover } })
      : null;
    const own = new Set([
      ...markersIn(copy),
      ...copy.quotes.flatMap((q) => markersIn(stored.quotes.get(q.documentId) ?? null)),
      ...markersIn(cover),
      ...w.approvedMarkers(),
    ]);
    const foreign = markersIn(read.body).filter((m) => !own.has(m));
    if (foreign.length > 0)
      w.fail(
        '12: preview',
        `the preview of story ${id} shows text of other documents: ${[...new Set(foreign)].join(', ')}`
      );

    const attack = PREVIEW_ATTACKS[this.attack % PREVIEW_ATTACKS.length];
    // Another story of the run, or (alone in its run) an id no story has: either must stay shut.
    const other =
      w.stories.find((s) => s.documentId !== id)?.documentId ?? `${id.slice(0, -4)}zzzz`;
    const mustRefuse = async (path: string, as = holder) => {
      const res = await w.send(as, 'get', path);
      w.count(`preview-attack ${attack}`, res.status);
      w.log.push(`preview token: ${attack} GET ${path} → ${res.status}`);
      if (res.status === 200)
        w.fail(
          '12: preview',
          `the token for story ${id} opened GET ${path}: ${res.text.slice(0, 300)}`
        );
    };
    const mustStayPublished = async (path: string) => {
      const res = await w.send(holder, 'get', path);
      w.count(`preview-attack ${attack}`, res.status);
      w.log.push(`preview token: ${attack} GET ${path} → ${res.status}`);
      if (res.status === 200)
        w.checkMarkers(
          w.approvedMarkers(),
          res.body,
          `preview token GET ${path}`,
          `preview ${attack}`
        );
    };
    const LIST = 'pagination[pageSize]=100';
    switch (attack) {
      case 'other-story':
        await mustRefuse(`/api/articles/${other}/preview?locale=en`);
        break;
      case 'other-locale':
        await mustRefuse(`/api/articles/${id}/preview?locale=ru`);
        break;
      case 'extra-populate':
        await mustRefuse(
          `/api/articles/${id}/preview?locale=en&populate[people][populate][articles]=true`
        );
        break;
      case 'rest-draft-list':
        await mustStayPublished(`/api/articles?status=draft&populate=*&${LIST}`);
        break;
      case 'rest-draft-one':
        await mustStayPublished(`/api/articles/${id}?status=draft&locale=en&populate=*`);
        break;
      case 'quotes-draft':
        await mustStayPublished(`/api/quotes?status=draft&populate=*&${LIST}`);
        break;
      case 'people-populate':
        await mustStayPublished(
          `/api/people?populate[quotes][populate]=*&populate[articles][populate]=*&${LIST}`
        );
        break;
      case 'expired': {
        const expired = signPreviewToken(
          { uid: ARTICLE, documentId: id, locale: 'en' },
          MODEL_PREVIEW_SECRET,
          { ttlSeconds: 1, now: Date.now() - 5_000 }
        ).token;
        await mustRefuse(`/api/articles/${id}/preview?locale=en`, {
          ...holder,
          headers: { Authorization: `Preview ${expired}` },
        });
        break;
      }
      case 'tampered': {
        const [payload, signature] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, documentId: other })).toString(
          'base64url'
        );
        await mustRefuse(`/api/articles/${other}/preview?locale=en`, {
          ...holder,
          headers: { Authorization: `Preview ${forged}.${signature}` },
        });
        break;
      }
    }
    await afterCommand(w);
  }
  toString() {
    return `PreviewRead(${this.actor}, story #${this.target}, then ${PREVIEW_ATTACKS[this.attack % PREVIEW_ATTACKS.length]})`;
  }
}

// ---------------------------------------------------------------- the arbitrary

const WRITERS: ActorName[] = [...ADMINS];
const TRANSITIONS = [
  'submit',
  'request_changes',
  'approve',
  'retract',
  'withdraw',
  'unschedule',
  'publish_now',
];

/** Weighted: the writes that build a graph come often enough for the attacks to have targets. */
const weighted = <T>(weight: number, arb: fc.Arbitrary<T>) =>
  Array.from({ length: weight }, () => arb);

export const commandArbs = [
  ...weighted(
    2,
    fc
      .tuple(
        actorArb(['author1', 'author2']),
        actorArb(['checker1', 'checker2', 'editor']),
        actorArb([...APPROVERS]),
        fc.option(fc.nat(), { nil: null })
      )
      .map(([a, c, p, f]) => new LiveStory(a, c, p, f))
  ),
  ...weighted(
    2,
    fc
      .tuple(
        actorArb([...WRITERS, 'fullToken']),
        fc.nat(),
        fc.constantFrom('verified', 'verified', 'disputed', 'unverifiable'),
        fc.boolean()
      )
      .map(([a, n, v, note]) => new Verify(a, n, v, note))
  ),
  ...weighted(
    2,
    fc
      .tuple(actorArb(WRITERS), actorArb([...APPROVERS]), fc.nat())
      .map(([s, p, n]) => new Advance(s, p, n))
  ),
  fc
    .tuple(fc.constantFrom('author1' as const, 'author2' as const), fc.nat())
    .map(([a, n]) => new WorkflowRead(a, n)),
  ...weighted(
    4,
    fc.tuple(actorArb(WRITERS), writeSpecArb).map(([a, s]) => new CmWrite(a, s))
  ),
  // REST writes: mostly the full-access token, which may write; the read-only token and readers must be refused.
  ...weighted(
    2,
    fc
      .tuple(
        actorArb(['fullToken', 'fullToken', 'fullToken', ...TOKENS, ...READERS]),
        writeSpecArb,
        fc.boolean()
      )
      .map(([a, s, d]) => new RestWrite(a, s, d))
  ),
  ...weighted(
    2,
    fc
      .tuple(
        actorArb([...WRITERS, 'fullToken']),
        fc.constantFrom('person' as const, 'source' as const),
        fc.boolean(),
        fc.nat(),
        fc.boolean(),
        fc.option(relArb(['quotes', 'articles']), { nil: null, freq: 2 })
      )
      .map(([a, t, c, n, r, rel]) => new RefWrite(a, t, c, n, r, rel))
  ),
  fc
    .tuple(
      actorArb(WRITERS),
      fc.constantFrom('article' as const, 'quote' as const),
      fc.nat(),
      fc.boolean()
    )
    .map(([a, t, n, f]) => new Clone(a, t, n, f)),
  fc
    .tuple(
      actorArb(WRITERS),
      fc.constantFrom('article' as const, 'quote' as const),
      fc.nat(),
      fc.constantFrom('discard' as const, 'publish' as const, 'unpublish' as const)
    )
    .map(([a, t, n, x]) => new CmAction(a, t, n, x)),
  fc
    .tuple(actorArb([...WRITERS, 'fullToken']), fc.nat(), fc.nat())
    .map(([a, n, r]) => new Cover(a, n, r)),
  fc
    .tuple(
      actorArb([...WRITERS, 'fullToken']),
      fc.nat(),
      fc.constantFrom('info' as const, 'info' as const, 'delete' as const)
    )
    .map(([a, n, c]) => new MediaChange(a, n, c)),
  fc
    .tuple(
      actorArb([...WRITERS, 'fullToken', 'readToken']),
      fc.constantFrom('article' as const, 'quote' as const, 'person' as const, 'source' as const),
      fc.nat()
    )
    .map(([a, t, n]) => new Delete(a, t, n)),
  ...weighted(
    2,
    fc
      .tuple(actorArb([...WRITERS, 'fullToken']), fc.nat(), fc.constantFrom(...TRANSITIONS))
      .map(([a, n, t]) => new Move(a, n, t))
  ),
  fc
    .tuple(actorArb([...APPROVERS]), fc.nat(), fc.constant('approve'))
    .map(([a, n, t]) => new Move(a, n, t)),
  fc
    .tuple(actorArb([...ADMINS, 'fullToken']), fc.nat(), fc.constant('withdraw'))
    .map(([a, n, t]) => new Move(a, n, t)),
  ...weighted(
    2,
    fc
      .tuple(
        actorArb(['author1', 'author2', 'editor']),
        actorArb([...APPROVERS]),
        fc.nat(),
        fc.boolean(),
        fc.boolean()
      )
      .map(([wr, p, n, b, e]) => new Correct(wr, p, n, b, e))
  ),
  fc.tuple(actorArb([...READERS]), fc.nat()).map(([r, n]) => new ProbeCmd(r, n)),
  ...weighted(
    2,
    fc.tuple(actorArb([...APPROVERS]), fc.nat()).map(([a, n]) => new Schedule(a, n))
  ),
  fc
    .tuple(
      actorArb(['author1', 'author2']),
      actorArb(['checker1', 'checker2', 'editor']),
      actorArb([...APPROVERS])
    )
    .map(([a, c, p]) => new LiveStory(a, c, p, null, true)),
  ...weighted(
    2,
    fc.constant(null).map(() => new TimePasses())
  ),
  fc
    .tuple(actorArb(WRITERS), fc.nat(), fc.constantFrom('post' as const, 'resolve' as const))
    .map(([a, n, o]) => new Note(a, n, o)),
  ...weighted(
    2,
    fc
      .tuple(
        actorArb(ADMINS),
        fc.nat(),
        fc.constantFrom('take' as const, 'assign' as const, 'release' as const)
      )
      .map(([a, n, o]) => new Assign(a, n, o))
  ),
  fc
    .tuple(
      fc.constantFrom<StagePath>('cm-update', 'cm-create', 'cm-clone', 'rest-put', 'rest-post'),
      fc.constantFrom<ActorName>(...WRITERS, 'fullToken', 'readToken', ...READERS),
      fc.nat(),
      fc.nat()
    )
    // The Content Manager is for admin users; tokens and readers try REST.
    .map(
      ([p, a, n, o]) =>
        new StageWrite(p.startsWith('rest') ? a : ADMINS.includes(a as any) ? a : 'editor', p, n, o)
    ),
  ...weighted(
    3,
    fc
      .tuple(
        fc.nat(),
        fc.nat(),
        fc.constantFrom(
          'cm-quote' as const,
          'cm-article' as const,
          'rest-quote' as const,
          'rest-article' as const
        ),
        fc.constantFrom<Form>('connect', 'set', 'plain', 'disconnect'),
        fc.boolean(),
        actorArb(['editor', 'author1', 'author2', 'checker1'])
      )
      .map(([q, s, p, f, d, a]) => new Link(p.startsWith('rest') ? 'fullToken' : a, q, s, p, f, d))
  ),
  ...weighted(
    2,
    fc.nat().map((n) => new ReadPublic(n))
  ),
  fc
    .tuple(
      actorArb(['author1', 'author2', 'editor', 'checker1', 'fullToken', 'readToken', 'public']),
      fc.boolean(),
      fc.option(fc.nat(), { nil: null })
    )
    .map(([a, d, m]) => new ImportWire(a, d, m)),
  // GraphQL: reads and probes by readers, token writes (drafts, or refused), the workflow move.
  fc.tuple(actorArb([...READERS]), fc.nat()).map(([r, n]) => new GraphQLRead(r, n)),
  fc.tuple(actorArb([...READERS]), fc.nat()).map(([r, n]) => new GraphQLProbeCmd(r, n)),
  ...weighted(
    2,
    fc
      .tuple(
        actorArb(['fullToken', 'fullToken', 'fullToken', ...TOKENS, ...READERS]),
        writeSpecArb,
        fc.boolean()
      )
      .map(([a, s, d]) => new GraphQLWrite(a, s, d))
  ),
  fc
    .tuple(
      actorArb(['fullToken', 'fullToken', 'readToken', ...READERS]),
      fc.nat(),
      fc.constantFrom(...TRANSITIONS)
    )
    .map(([a, n, t]) => new Move(a, n, t, 'graphql')),
  ...weighted(
    2,
    fc
      .tuple(
        fc.constantFrom(
          'editor' as const,
          'checker1' as const,
          'author1' as const,
          'author2' as const
        ),
        fc.nat(),
        fc.nat()
      )
      .map(([a, n, k]) => new PreviewRead(a, n, k))
  ),
];
