// The model of one run and the checks made after every command. The model does not predict what
// the server answers (a 4xx refusal is always fine); it watches what each successful write did to
// the stored working copies and to what readers can see, and judges that against the promise:
// "what readers see is exactly what a fact-checker approved, and nothing unapproved is readable
// without credentials".
import type { TestApp } from '../strapi';
import type { Actor, Actors } from './actors';
import {
  ARTICLE,
  PUBLIC_STORY_GQL,
  QUOTE_CONTENT,
  graphqlStoryView,
  markersIn,
  publicStoryUrl,
  readJsonLd,
  readPublicStory,
  readStored,
  sameJson,
  storyContent,
  type NoticeView,
  type Stored,
  type StoryView,
} from './projection';

/** Verdicts that say a quote is wrong or cannot be checked: each must come with a note (issue 10). */
const VERDICTS_NEEDING_NOTE = ['disputed', 'misattributed', 'unverifiable'];

const prefixes = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
// Exploration aids: FUZZ_SKIP names kinds to count instead of failing on; FUZZ_ONLY fails on these kinds only.
const SKIP = prefixes(process.env.FUZZ_SKIP);
const ONLY = prefixes(process.env.FUZZ_ONLY);
/** The first example of each counted-only kind, printed at the end of the test. */
export const seenExamples = new Map<string, string>();

export class Violation extends Error {
  constructor(
    readonly kind: string,
    detail: string
  ) {
    super(`[${kind}] ${detail}`);
  }
}

export interface StoryModel {
  documentId: string;
  creator: string;
  /** This round's submitter; a round ends with approve or request_changes. */
  submitter: string | null;
  /** Who changed the working copy's content since the last approval. */
  editors: Set<string>;
  /** The public projection recorded right after the last approve; null before it and after retract. */
  approved: StoryView | null;
  /** Every marker in the public answer at that approval (slug included: it keeps the first title). */
  approvedMarkers: Set<string>;
  /** What its address shows after a withdrawal: the last approved title and the public note. */
  notice: NoticeView | null;
  /** The public corrections log, newest first (notes of approvals that corrected the live story). */
  corrections: string[];
  /**
   * Approved with publishAt: who approved, the working copy they approved (what goes live) and the
   * correction the approval carried (logged when it goes live, not before).
   */
  scheduled?: { by: string; view: StoryView; correction: string | null } | null;
}

/** What a move tells readers (issue 11): a correction's note, a withdrawal's public note. */
export interface MoveBody {
  correction?: { note: string };
  publicNote?: string;
}

export interface QuoteModel {
  documentId: string;
  creator: string;
  /** Who verified the current text; a reason string starting with "!" when the verification does not count. */
  verifier: string | null;
  /** The verifier when its story was last approved: a discard restores that version. */
  approvedVerifier?: string | null;
}

export interface Response {
  status: number;
  body: any;
  /** The raw answer, and its `X-Cache` header (HIT, MISS, BYPASS; absent when not cacheable). */
  text: string;
  cache: string | undefined;
}

export const WORKFLOW_STATE = 'plugin::editorial-workflow.workflow-state';

/** GraphQL error codes as the HTTP status REST gives the same refusal. */
const GRAPHQL_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  FORBIDDEN: 403,
  STRAPI_FORBIDDEN_ERROR: 403,
  STRAPI_NOT_FOUND_ERROR: 404,
  STRAPI_CONFLICT_ERROR: 409,
};

export class World {
  stories: StoryModel[] = [];
  quotes: QuoteModel[] = [];
  people: string[] = [];
  sources: string[] = [];
  files: number[] = [];
  /** Readable steps of this run, printed with any violation. */
  log: string[] = [];
  commandsRun = 0;
  /** Answers served from the response cache in this run, and those checked against a fresh read. */
  hits = 0;
  hitsChecked = 0;
  private counter = 0;
  private stored: Stored | null = null;

  constructor(
    readonly app: TestApp,
    readonly actors: Actors,
    readonly run: number,
    readonly stats: Map<string, Map<string, number>>
  ) {}

  marker() {
    this.counter += 1;
    return `mk${this.run}n${this.counter}x`;
  }

  /** Reference data names carry a marker too, but a different one: they are public by design. */
  refName(kind: string) {
    this.counter += 1;
    return `${kind} rf${this.run}n${this.counter}`;
  }

  story(documentId: string) {
    return this.stories.find((s) => s.documentId === documentId);
  }

  quote(documentId: string) {
    return this.quotes.find((q) => q.documentId === documentId);
  }

  approvedMarkers() {
    const all = new Set<string>();
    for (const story of this.stories) for (const marker of story.approvedMarkers) all.add(marker);
    return all;
  }

  /**
   * Reports a violation. Kinds named in FUZZ_SKIP (comma-separated prefixes, e.g. `c:,8:`) are only
   * counted, so a search can look past a class that is already known.
   */
  fail(kind: string, detail: string) {
    if (
      SKIP.some((prefix) => kind.startsWith(prefix)) ||
      (ONLY.length > 0 && !ONLY.some((prefix) => kind.startsWith(prefix)))
    ) {
      this.count(`seen [${kind}]`, 'times');
      if (!seenExamples.has(kind))
        seenExamples.set(kind, `${detail}\n  steps of this run:\n    ${this.log.join('\n    ')}`);
      return;
    }
    throw new Violation(kind, `${detail}\n  steps of this run:\n    ${this.log.join('\n    ')}`);
  }

  count(command: string, status: number | string) {
    const byStatus = this.stats.get(command) ?? new Map<string, number>();
    const key = typeof status === 'number' ? String(status) : status;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    this.stats.set(command, byStatus);
  }

  /** One HTTP request as `actor`; any 5xx is a violation (c). */
  async send(
    actor: Actor,
    method: 'get' | 'post' | 'put' | 'delete',
    url: string,
    body?: unknown,
    attach?: { field: string; buffer: Buffer; name: string }
  ): Promise<Response> {
    let req = this.app.request[method](url).set(actor.headers);
    // The Content Manager's form sends the edited document's documentId with every save: so do we.
    const edited =
      method === 'put'
        ? url.match(/^\/content-manager\/collection-types\/[^/]+\/([^/?]+)(\?|$)/)?.[1]
        : undefined;
    if (
      edited &&
      body &&
      typeof body === 'object' &&
      !Array.isArray(body) &&
      !('documentId' in body)
    )
      body = { ...body, documentId: edited };
    if (attach) req = req.attach(attach.field, attach.buffer, attach.name);
    else if (body !== undefined) req = req.send(body as object);
    const res = await req;
    if (res.status >= 500) {
      this.fail(
        `c: 5xx`,
        `${actor.name} ${method.toUpperCase()} ${url} ${JSON.stringify(body ?? null).slice(0, 400)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
      );
    }
    if (res.headers['x-cache'] === 'HIT') this.hits += 1;
    return { status: res.status, body: res.body, text: res.text, cache: res.headers['x-cache'] };
  }

  /**
   * One GraphQL operation as `actor`. GraphQL answers a refused operation with HTTP 200 and an
   * error code: the answer's `status` is that code's HTTP twin, so a refusal counts as one (4xx)
   * everywhere. INTERNAL_SERVER_ERROR is a 5xx, a violation (c).
   */
  async gql(
    actor: Actor,
    query: string,
    variables: Record<string, unknown> = {}
  ): Promise<Response> {
    const res = await this.app.request
      .post('/graphql')
      .set(actor.headers)
      .send({ query, variables });
    const codes: string[] = (res.body?.errors ?? []).map((e: any) => e?.extensions?.code);
    const status =
      res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')
        ? 500
        : codes.length === 0
          ? res.status
          : (GRAPHQL_STATUS[codes[0]] ?? 400);
    if (status >= 500) {
      this.fail(
        'c: 5xx',
        `${actor.name} GraphQL ${query.replace(/\s+/g, ' ').slice(0, 300)} ${JSON.stringify(variables).slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
      );
    }
    return { status, body: res.body, text: res.text, cache: res.headers['x-cache'] };
  }

  async begin() {
    this.stored = await readStored(this.app);
  }

  /**
   * After a command: learn what it created, who changed which story's content, what happened to
   * quote verifications, and whether a refused request changed anything.
   */
  async observe(
    actor: Actor,
    ok: boolean,
    what: string,
    how: 'write' | 'clone' | 'discard' = 'write'
  ) {
    const before = this.stored ?? (await readStored(this.app));
    const after = await readStored(this.app);
    this.stored = after;

    for (const documentId of after.stories.keys()) {
      if (!before.stories.has(documentId) && !this.story(documentId)) {
        this.stories.push({
          documentId,
          creator: actor.name,
          submitter: null,
          editors: new Set(),
          approved: null,
          approvedMarkers: new Set(),
          notice: null,
          corrections: [],
        });
      }
    }
    for (const [documentId, row] of after.quotes) {
      if (before.quotes.has(documentId) || this.quote(documentId)) continue;
      let verifier: string | null = null;
      if (row.verification === 'verified' && how === 'clone')
        this.fail(
          '4: clone keeps the verification',
          `${what} created quote ${documentId} already verified`
        );
      else if (
        how !== 'clone' &&
        row.verification &&
        row.verification !== 'unverified' &&
        !actor.canVerify
      ) {
        this.fail(
          '5: verification by a non-verifier',
          `${what} created quote ${documentId} with verification ${row.verification}`
        );
      }
      if (row.verification === 'verified') {
        verifier =
          how === 'clone'
            ? `!cloned verified by ${actor.name}`
            : actor.canVerify
              ? actor.name
              : `!set by ${actor.name}, who may not verify`;
      }
      this.quotes.push({ documentId, creator: actor.name, verifier });
    }
    for (const documentId of after.people.keys())
      if (!this.people.includes(documentId)) this.people.push(documentId);
    for (const documentId of after.sources.keys())
      if (!this.sources.includes(documentId)) this.sources.push(documentId);
    for (const id of after.files) if (!this.files.includes(id)) this.files.push(id);
    this.people = this.people.filter((d) => after.people.has(d));
    this.sources = this.sources.filter((d) => after.sources.has(d));

    // A verdict against the quote says why: no write may leave one without a note (a clone starts
    // unverified; rows from before the rule do not exist here).
    for (const [documentId, row] of after.quotes) {
      const old = before.quotes.get(documentId);
      const judged =
        !old ||
        old.verification !== row.verification ||
        (old.verificationNote ?? '') !== (row.verificationNote ?? '');
      if (
        judged &&
        VERDICTS_NEEDING_NOTE.includes(row.verification ?? '') &&
        !row.verificationNote?.trim()
      )
        this.fail(
          '5: a verdict without a note',
          `${what} left quote ${documentId} ${row.verification} without a note`
        );
    }

    // Verification: only a verifier's act counts, and a content change makes it stale.
    for (const [documentId, row] of after.quotes) {
      const model = this.quote(documentId);
      const old = before.quotes.get(documentId);
      if (!model || !old) continue;
      const contentChanged = QUOTE_CONTENT.some((f) => !sameJson(row[f], old[f]));
      if (row.verification !== old.verification) {
        if (!ok)
          this.fail(
            'refused write changed data',
            `${what} was refused but changed quote ${documentId} verification ${old.verification} → ${row.verification}`
          );
        // The server resets the verdict when the quote's content changes: that is not the writer's verdict.
        const serverReset = row.verification === 'unverified' && contentChanged;
        if (!actor.canVerify && how !== 'discard' && !serverReset) {
          this.fail(
            '5: verification by a non-verifier',
            `${what} changed quote ${documentId} verification ${old.verification} → ${row.verification}`
          );
        }
        model.verifier =
          row.verification !== 'verified'
            ? null
            : how === 'discard'
              ? (model.approvedVerifier ?? `!restored by ${actor.name}'s discard, never approved`)
              : actor.canVerify
                ? actor.name
                : `!set by ${actor.name}, who may not verify`;
      } else if (row.verification === 'verified' && contentChanged) {
        const changed = QUOTE_CONTENT.filter((f) => !sameJson(row[f], old[f])).join(', ');
        if (how !== 'discard')
          this.fail(
            '5: verification survives a content change',
            `${what} changed ${changed} of verified quote ${documentId}; it stayed verified`
          );
        model.verifier =
          how === 'discard'
            ? (model.approvedVerifier ?? `!restored by ${actor.name}'s discard, never approved`)
            : `!${changed} changed by ${actor.name} after verification, still verified`;
      }
    }

    // Content of each story's working copy.
    const changed: StoryModel[] = [];
    for (const story of this.stories) {
      const was = before.stories.get(story.documentId);
      const now = after.stories.get(story.documentId);
      if (storyContent(was) === storyContent(now)) continue;
      if (!now) continue; // deleted: the public check says whether that was allowed
      if (!ok)
        this.fail(
          'refused write changed data',
          `${what} was refused but changed story ${story.documentId}: ${storyContent(was)} → ${storyContent(now)}`
        );
      changed.push(story);
      if (!story.approved || storyContent(story.approved) !== storyContent(now))
        story.editors.add(actor.name);
    }
    this.stories = this.stories.filter((s) => after.stories.has(s.documentId) || s.approved);
    this.quotes = this.quotes.filter((q) => after.quotes.has(q.documentId));
    return changed;
  }

  /** A content change while in fact-check sends the round back to draft (class 6). */
  async checkRoundsReopened(
    changed: StoryModel[],
    stagesBefore: Map<string, string>,
    what: string
  ) {
    for (const story of changed) {
      // A round under review, or an approval waiting for its time, covers a fixed text.
      const before = stagesBefore.get(story.documentId);
      if (before !== 'fact_check' && before !== 'scheduled') continue;
      const stage = await this.stage(story.documentId);
      if (stage === before)
        this.fail(
          `6: edit in ${before} keeps the stage`,
          `${what} changed story ${story.documentId} while in ${before}; the stage stayed ${before}`
        );
    }
  }

  async stage(documentId: string): Promise<string | null> {
    const row = await this.app.strapi.db
      .query(WORKFLOW_STATE)
      .findOne({ where: { targetDocumentId: documentId, targetLocale: 'en', targetUid: ARTICLE } });
    return row?.stage ?? null;
  }

  async stages() {
    const map = new Map<string, string>();
    for (const story of this.stories) {
      const stage = await this.stage(story.documentId);
      if (stage) map.set(story.documentId, stage);
    }
    return map;
  }

  /** A successful move: update the model and judge approvals (and what they tell readers). */
  async moved(story: StoryModel, transition: string, actor: Actor, body: MoveBody = {}) {
    if (actor.name.startsWith('author') && story.creator !== actor.name) {
      this.fail(
        '10: move without update rights',
        `${actor.name} made ${transition} on story ${story.documentId}, created by ${story.creator}`
      );
    }
    if (transition === 'submit') {
      story.submitter = actor.name;
      return;
    }
    if (transition === 'request_changes') {
      story.submitter = null;
      return;
    }
    if (transition === 'retract') {
      story.approved = null;
      story.approvedMarkers = new Set();
      story.notice = null;
      return;
    }
    if (transition === 'withdraw') {
      // The address keeps the title readers last saw, and the editor's public note.
      story.notice = { title: story.approved?.title ?? null, note: body.publicNote ?? '' };
      story.approved = null;
      story.approvedMarkers = new Set(markersIn(story.notice));
      return;
    }
    if (transition === 'unschedule') {
      story.scheduled = null;
      return;
    }
    if (transition === 'publish_now' || transition === 'scheduled-publish') {
      // Separation of duties was judged when it was scheduled; readers now get what was approved then.
      const expected = story.scheduled?.view ?? null;
      const { view } = await readPublicStory(this.app, story.documentId);
      if (!expected || !sameJson(view, expected))
        this.fail(
          's: scheduled publication is not what was approved',
          `${actor.name}'s ${transition} of story ${story.documentId} put live\n      ${JSON.stringify(view)}\n    but what was approved with publishAt was\n      ${JSON.stringify(expected)}`
        );
      // The correction its approval carried is logged now, dated when it went live.
      const correction = story.scheduled?.correction;
      if (correction) story.corrections = [correction, ...story.corrections];
      story.notice = null;
      story.scheduled = null;
      return this.judgeApproval(story, actor);
    }
    if (transition !== 'approve') return;
    this.checkDuties(story, actor);
    const correction = this.correctionOf(story, actor, body);
    if (correction) story.corrections = [correction, ...story.corrections];
    story.notice = null;
    return this.judgeApproval(story, actor);
  }

  /** Approve with publishAt succeeded: nothing changes for readers until its time (checked after every command). */
  async scheduledBy(story: StoryModel, actor: Actor, body: MoveBody = {}) {
    this.checkDuties(story, actor);
    const correction = this.correctionOf(story, actor, body);
    const stored = (await readStored(this.app)).stories.get(story.documentId);
    if (!stored) return;
    const { slug: _slug, ...view } = stored;
    story.scheduled = { by: actor.name, view, correction };
    story.editors = new Set();
  }

  /** The note of an accepted correction, judged: only with its note, only of a live story. */
  private correctionOf(story: StoryModel, actor: Actor, body: MoveBody) {
    if (!body.correction) return null;
    const note = body.correction.note.trim();
    if (!note)
      this.fail(
        'k: correction without its note accepted',
        `${actor.name} approved story ${story.documentId} with a blank correction note`
      );
    if (!story.approved)
      this.fail(
        'k: correction of a story that was not live accepted',
        `${actor.name} approved story ${story.documentId} (not live) with correction «${note}»`
      );
    return note;
  }

  private checkDuties(story: StoryModel, actor: Actor) {
    const barred = new Set([story.creator, story.submitter ?? '', ...story.editors]);
    if (barred.has(actor.name)) {
      this.fail(
        '6: separation of duties',
        `${actor.name} approved story ${story.documentId} (creator ${story.creator}, submitter ${story.submitter}, edited by ${[...story.editors].join(', ') || 'nobody'})`
      );
    }
  }

  /** An approval took effect: judge its quotes and record readers' new projection. */
  private async judgeApproval(story: StoryModel, actor: Actor) {
    const { res, view } = await readPublicStory(this.app, story.documentId);
    // The approval's projection becomes the model's truth: it must not be an answer from before.
    if (res.headers['x-cache'] === 'HIT') {
      this.hits += 1;
      await this.checkHits(
        [{ url: publicStoryUrl(story.documentId), status: res.status, text: res.text }],
        `${actor.name}'s approve`
      );
    }
    if (!view)
      return this.fail(
        'a: projection',
        `story ${story.documentId} approved by ${actor.name} but readers get ${res.status}`
      );
    for (const quote of view.quotes) {
      const model = this.quote(quote.documentId);
      const verifier = model?.verifier ?? null;
      if (
        !verifier ||
        verifier.startsWith('!') ||
        verifier === story.creator ||
        verifier === story.submitter
      ) {
        this.fail(
          '5: fact-check',
          `story ${story.documentId} approved by ${actor.name} with quote ${quote.documentId} «${quote.text}» whose verification does not count: ${verifier ?? 'never verified by a fact-checker'} (story creator ${story.creator}, submitter ${story.submitter})`
        );
      }
    }
    for (const quote of view.quotes) {
      const model = this.quote(quote.documentId);
      if (model) model.approvedVerifier = model.verifier;
    }
    story.approved = view;
    story.approvedMarkers = new Set(markersIn(res.body));
    story.submitter = null;
    story.editors = new Set();
  }

  /** (a) every story's public projection is the one recorded at its last approve/retract. */
  async checkProjections(what: string) {
    const approved = this.approvedMarkers();
    for (const story of this.stories) {
      const { res, view, notice, corrections } = await readPublicStory(this.app, story.documentId);
      // Readers see the notice of a withdrawn story, and each live story's corrections log.
      if (!sameJson(notice, story.notice))
        this.fail(
          'k: notice',
          `after ${what}, story ${story.documentId}'s address shows notice ${JSON.stringify(notice)} but the model expects ${JSON.stringify(story.notice)}`
        );
      if (view && !sameJson(corrections, story.corrections))
        this.fail(
          'k: corrections log',
          `after ${what}, story ${story.documentId} shows corrections ${JSON.stringify(corrections)} but the model expects ${JSON.stringify(story.corrections)}`
        );
      // A cached story page is judged like any other: against the model's last approval.
      if (res.headers['x-cache'] === 'HIT') this.hits += 1;
      if (res.status >= 500)
        this.fail('c: 5xx', `public read of story ${story.documentId} → ${res.status}`);
      if (!sameJson(view, story.approved)) {
        this.fail(
          `a: projection changed by ${what.split(':')[1]?.trim().split(' ').slice(0, 2).join(' ')}`,
          `after ${what}, readers of story ${story.documentId} get\n      ${JSON.stringify(view)}\n    but the last approval recorded\n      ${JSON.stringify(story.approved)}`
        );
        // Counted only (FUZZ_SKIP/FUZZ_ONLY): take what readers see as the new baseline, so one
        // change is not reported again after every later command.
        story.approved = view;
        for (const marker of markersIn(res.body)) story.approvedMarkers.add(marker);
      }
      this.checkMarkers(approved, res.body, `GET /api/articles/${story.documentId}`, what);
    }
  }

  /** (a) over GraphQL: one story as `reader` reads it there equals its last approval. */
  async checkGraphQLProjection(story: StoryModel, reader: Actor, what: string) {
    const res = await this.gql(reader, PUBLIC_STORY_GQL, { id: story.documentId });
    if (res.status !== 200) {
      this.fail(
        'a: GraphQL projection',
        `after ${what}, ${reader.name}'s GraphQL read of story ${story.documentId} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
      );
      return;
    }
    const view = await graphqlStoryView(this.app, res.body.data?.article);
    if (!sameJson(view, story.approved)) {
      this.fail(
        'a: GraphQL projection',
        `after ${what}, ${reader.name} reads story ${story.documentId} over GraphQL as\n      ${JSON.stringify(view)}\n    but the last approval recorded\n      ${JSON.stringify(story.approved)}`
      );
    }
    this.checkMarkers(this.approvedMarkers(), res.body, `GraphQL story ${story.documentId}`, what);
  }

  /**
   * (j) structured data follows the public version: a live story's JSON-LD has its approved title
   * and corrections; anything else (never approved, retracted, withdrawn) is 404; never unapproved text.
   */
  async checkJsonLd(what: string) {
    const approved = this.approvedMarkers();
    for (const story of this.stories) {
      const { res, view } = await readJsonLd(this.app, story.documentId);
      if (res.status >= 500)
        this.fail('c: 5xx', `JSON-LD of story ${story.documentId} → ${res.status}`);
      const expected = story.approved
        ? { headline: story.approved.title, corrections: story.corrections }
        : null;
      if (!sameJson(view, expected))
        this.fail(
          'j: JSON-LD differs from the public version',
          `after ${what}, GET /api/articles/${story.documentId}/jsonld → ${res.status} ${JSON.stringify(view)}, expected ${JSON.stringify(expected)}`
        );
      this.checkMarkers(approved, res.body, `GET /api/articles/${story.documentId}/jsonld`, what);
    }
  }

  /**
   * The cache's oracle: each answer served from the cache (HIT) equals a fresh computation of the
   * same request. The store is emptied (one flush for all) and each request read again, anonymously.
   */
  async checkHits(hits: { url: string; status: number; text: string }[], what: string) {
    if (hits.length === 0) return;
    this.app.strapi.plugin('editorial-workflow').service('cache').store().flush();
    for (const hit of hits) {
      const res = await this.app.request.get(hit.url);
      this.hitsChecked += 1;
      if (res.headers['x-cache'] !== 'MISS' || res.status !== hit.status || res.text !== hit.text)
        this.fail(
          'h: cached answer differs from a fresh read',
          `after ${what}, GET ${hit.url} from the cache → ${hit.status} ${hit.text.slice(0, 400)}\n    read afresh (${res.headers['x-cache'] ?? 'not cached'}) → ${res.status} ${res.text.slice(0, 400)}`
        );
    }
  }

  /** (b) a reader's answer holds no text that is not in some current approved projection. */
  checkMarkers(approved: Set<string>, body: unknown, probe: string, what: string) {
    const leaked = markersIn(body).filter((m) => !approved.has(m));
    if (leaked.length > 0) {
      this.fail(
        'b: unapproved text readable',
        `after ${what}, ${probe} shows ${[...new Set(leaked)].join(', ')} (approved: ${[...approved].join(', ') || 'none'}): ${JSON.stringify(body).slice(0, 600)}`
      );
    }
  }

  /** Stored invariants of the write rules: server-stamped fields, URL schemes, unique slugs (class 4). */
  checkStored(what: string) {
    const stored = this.stored!;
    for (const quote of stored.quotes.values()) {
      if (quote.verifiedBy?.includes('forged'))
        this.fail(
          '4: clone',
          `after ${what}, quote ${quote.documentId} has verifiedBy "${quote.verifiedBy}" taken from a request`
        );
      if (quote.url && !/^https?:\/\//i.test(quote.url))
        this.fail('4: clone', `after ${what}, quote ${quote.documentId} stores url "${quote.url}"`);
    }
    const slugs = new Map<string, string>();
    for (const [documentId, story] of stored.stories) {
      if (!story.slug) continue;
      const other = slugs.get(story.slug);
      if (other)
        this.fail(
          '4: clone',
          `after ${what}, stories ${other} and ${documentId} share slug "${story.slug}"`
        );
      slugs.set(story.slug, documentId);
    }
  }

  /**
   * The stage copy on the document (`editorialStage`) is exact: every row (draft and published) of
   * every story locale holds its workflow state's stage. One query over the whole table.
   */
  async checkStageCopies(what: string) {
    const knex = this.app.strapi.db.connection;
    const table = this.app.strapi.db.metadata.get(ARTICLE).tableName;
    const states = this.app.strapi.db.metadata.get(WORKFLOW_STATE).tableName;
    const wrong = await knex(`${table} as a`)
      .leftJoin(`${states} as s`, function (this: any) {
        this.on('s.target_document_id', '=', 'a.document_id')
          .andOn('s.target_locale', '=', 'a.locale')
          .andOn('s.target_uid', '=', knex.raw('?', [ARTICLE]));
      })
      .select('a.document_id', 'a.locale', 'a.published_at', 'a.editorial_stage', 's.stage')
      .where((q: any) =>
        q
          .whereNull('s.stage')
          .orWhereNull('a.editorial_stage')
          .orWhereRaw('a.editorial_stage <> s.stage')
      );
    if (wrong.length > 0) {
      this.fail(
        's: stage copy differs from the state',
        `after ${what}, article rows ${JSON.stringify(wrong.slice(0, 5))} (editorial_stage vs the state's stage)`
      );
    }
  }

  /** The stored working copy's slug of a story (frontends read stories by slug). */
  slugOf(documentId: string): string | null {
    return this.stored?.stories.get(documentId)?.slug ?? null;
  }

  /** Markers written but not approved anywhere: what relation filters must not find. */
  unapprovedMarkers() {
    const approved = this.approvedMarkers();
    const stored = this.stored!;
    const all = new Set<string>();
    for (const story of stored.stories.values()) for (const m of markersIn(story)) all.add(m);
    for (const quote of stored.quotes.values()) for (const m of markersIn(quote.text)) all.add(m);
    return [...all].filter((m) => !approved.has(m));
  }
}
