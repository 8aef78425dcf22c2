import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ImportDuplicate,
  ImportRequest,
  ImportResult,
} from '../plugins/editorial-workflow/shared/contracts';
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../content/types';
import { contentHash, extractWire, matchReferences, WireInputError } from '../content/wire';
import type { WireExtraction } from '../content/wire/types';
import { ImportPlanError, planImport, toProposal, type PlannedRef } from '../content/wire-plan';
import { conflict } from './errors';

// Wire copy in, checkable draft out (issue 12): the app's importer for stories, registered with
// the workflow plugin's `importer` service. Glue only: the extractor and the matcher are pure
// (src/content/wire), and so is the plan (src/content/wire-plan.ts); this reads the people and
// sources it matches against and writes the plan through the Document Service, in one transaction,
// so that every newsroom rule (validation, slugs, the workflow's state and creator) applies.

type Request = ImportRequest & { locale: string };

/** The copy as delivered and its hash: written by the importer when it creates a story, never after. */
const ORIGINAL_FIELDS = ['wireOriginal', 'wireHash'];
// Set while the importer writes, so that the guard below lets its own writes of ORIGINAL_FIELDS through.
const importing = new AsyncLocalStorage<true>();
/** The plugin's `ProviderCaller`: who imports, and the Content Manager's check of what they may create. */
interface Caller {
  adminUserId: number | null;
  assertMayCreate(creates: { uid: string; locale: string }[]): void;
}

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: path.split('.'), message, name: 'ValidationError' }],
  });

const extract = (request: Request): WireExtraction => {
  try {
    return extractWire({
      content: request.content,
      format: request.format,
      locale: request.locale,
      filename: request.filename,
    });
  } catch (error) {
    if (error instanceof WireInputError) throw invalid('content', error.message);
    throw error;
  }
};

const paragraphsToBlocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

/** Existing people and sources, as the matcher takes them. */
const loadKnown = async (strapi: Core.Strapi) => {
  const people = await strapi.db
    .query(PERSON as any)
    .findMany({ select: ['documentId', 'name', 'aliases'] });
  const sources = await strapi.db.query(SOURCE as any).findMany({ select: ['documentId', 'name'] });
  return {
    people: people.map((p: any) => ({
      documentId: p.documentId,
      name: p.name,
      aliases: Array.isArray(p.aliases)
        ? p.aliases.filter((a: unknown) => typeof a === 'string')
        : [],
    })),
    sources: sources.map((s: any) => ({ documentId: s.documentId, name: s.name })),
  };
};

/** Stories already imported from this copy (their working copies, every locale). */
const findDuplicates = async (strapi: Core.Strapi, hash: string): Promise<ImportDuplicate[]> => {
  const rows = await strapi.db.query(ARTICLE as any).findMany({
    where: { wireHash: hash, publishedAt: null },
    select: ['documentId', 'title', 'locale'],
    orderBy: { id: 'asc' },
  });
  return rows.map((r: any) => ({ documentId: r.documentId, title: r.title, locale: r.locale }));
};

/** Every existing person and source the plan links must exist: a 400 naming the one that does not. */
const checkExisting = async (
  strapi: Core.Strapi,
  existing: { kind: 'person' | 'source'; documentId: string; path: string }[]
) => {
  for (const kind of ['person', 'source'] as const) {
    const wanted = [...new Set(existing.filter((e) => e.kind === kind).map((e) => e.documentId))];
    if (wanted.length === 0) continue;
    const rows = await strapi.db
      .query((kind === 'person' ? PERSON : SOURCE) as any)
      .findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] });
    const found = new Set(rows.map((r: any) => r.documentId));
    const missing = existing.find((e) => e.kind === kind && !found.has(e.documentId));
    if (missing)
      throw invalid(missing.path, `No ${kind} has the documentId "${missing.documentId}"`);
  }
};

export const createWireImporter = (strapi: Core.Strapi) => {
  const prepare = async (request: Request) => {
    const extraction = extract(request);
    const known = await loadKnown(strapi);
    const matched = matchReferences(extraction, known.people, known.sources);
    const hash = contentHash(request.content);
    return { extraction, matched, hash, duplicates: await findDuplicates(strapi, hash) };
  };

  return {
    async preview(request: Request) {
      const { extraction, matched, duplicates } = await prepare(request);
      return toProposal(extraction, matched, request.locale, duplicates);
    },

    async create(request: Request, caller: Caller): Promise<ImportResult> {
      const { extraction, matched, hash, duplicates } = await prepare(request);
      let plan;
      try {
        plan = planImport(extraction, matched, request.review);
      } catch (error) {
        if (error instanceof ImportPlanError) throw invalid(error.path, error.message);
        throw error;
      }
      await checkExisting(strapi, plan.existing);

      const { locale } = request;
      // What the plan creates, as the Content Manager would have to allow it (people and sources
      // only when new ones are created): a 403 naming the permission, before anything is written.
      caller.assertMayCreate([
        { uid: ARTICLE, locale },
        ...(plan.stories.some((s) => s.quotes.length > 0) ? [{ uid: QUOTE, locale }] : []),
        ...(plan.people.length > 0 ? [{ uid: PERSON, locale }] : []),
        ...(plan.sources.length > 0 ? [{ uid: SOURCE, locale }] : []),
      ]);
      if (duplicates.length > 0 && !request.allowDuplicate) {
        const named = duplicates.map((d) => `«${d.title}» (${d.locale}, ${d.documentId})`);
        throw conflict(
          `This copy was imported before: ${named.join(', ')}. Send allowDuplicate: true to import it again`,
          { duplicates }
        );
      }
      // The Content Manager's "own stories" (Authors) read createdBy; the workflow records its
      // creator from the request, which is this admin user's (or the token's).
      const creator =
        caller.adminUserId === null
          ? {}
          : { createdBy: caller.adminUserId, updatedBy: caller.adminUserId };

      return importing.run(true, () =>
        strapi.db.transaction(async () => {
          const people: string[] = [];
          for (const person of plan.people) {
            const created = await strapi.documents(PERSON as any).create({
              data: {
                name: person.name,
                ...(person.role ? { role: person.role } : {}),
                ...(person.aliases.length > 0 ? { aliases: person.aliases } : {}),
                ...creator,
              } as any,
            });
            people.push(created.documentId);
          }
          const sources: string[] = [];
          for (const source of plan.sources) {
            const created = await strapi.documents(SOURCE as any).create({
              data: { name: source.name, type: source.type, ...creator } as any,
            });
            sources.push(created.documentId);
          }
          const personId = (ref: PlannedRef) =>
            'documentId' in ref ? ref.documentId : people[ref.create];
          const sourceId = (ref: PlannedRef) =>
            'documentId' in ref ? ref.documentId : sources[ref.create];

          const stories: ImportResult['stories'] = [];
          for (const story of plan.stories) {
            const article = await strapi.documents(ARTICLE as any).create({
              locale,
              status: 'draft',
              data: {
                title: story.title,
                standfirst: story.standfirst,
                byline: story.byline,
                dateline: story.dateline,
                body: paragraphsToBlocks(story.paragraphs),
                people: story.people.map(personId),
                sources: story.sources.map(sourceId),
                wireOriginal: request.content,
                wireHash: hash,
                ...creator,
              } as any,
            });
            const quotes: string[] = [];
            for (const quote of story.quotes) {
              const created = await strapi.documents(QUOTE as any).create({
                locale,
                status: 'draft',
                data: {
                  text: quote.text,
                  context: quote.context,
                  originalLanguage: quote.language,
                  speaker: quote.speaker ? personId(quote.speaker) : null,
                  source: quote.source ? sourceId(quote.source) : null,
                  article: { connect: [{ documentId: article.documentId, locale }] },
                  ...creator,
                } as any,
              });
              quotes.push(created.documentId);
            }
            stories.push({
              uid: ARTICLE,
              documentId: article.documentId,
              locale,
              title: story.title,
              quotes,
            });
          }
          return { stories, people, sources };
        })
      );
    },
  };
};

export const registerWireImport = (strapi: Core.Strapi) => {
  // `writable: false` keeps them out of forms, not out of every write path (the Content Manager of
  // a role with every field, REST with a full-access token, code): drop them from any other write,
  // as Strapi drops what a caller may not write.
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE || importing.getStore()) return next();
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const params = ctx.params as any;
    if (params.data && ORIGINAL_FIELDS.some((f) => f in params.data)) {
      params.data = Object.fromEntries(
        Object.entries(params.data).filter(([key]) => !ORIGINAL_FIELDS.includes(key))
      );
    }
    return next();
  });
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  plugin.service('importer').register(ARTICLE, createWireImporter(strapi));
};
