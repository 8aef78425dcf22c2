import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../content/types';
import type { AdminUser } from './act-as';
import {
  LIVE_STORY,
  PEOPLE,
  SOURCES,
  WAITING_STORY,
  type DemoQuoteFacts,
  type DemoStory,
} from './overlay';

// The demo's stories come from raw wire copy (src/demo/wire) through the workflow plugin's importer,
// the service behind the admin's Import wire copy page: the same extraction, permission checks,
// duplicate check and single transaction. The people and sources of the overlay exist first, so the
// import matches them; what the copy does not say is applied after. Safe to run again: people and
// sources are matched by name, and copy imported before is found by the importer's duplicate check.

const LOCALE = 'en';

type Actor = { type: 'admin' | 'system'; id: number | null; name: string };

const upsertByName = async (
  strapi: Core.Strapi,
  uid: typeof PERSON | typeof SOURCE,
  data: Record<string, any>
) => {
  const existing = await strapi.documents(uid).findFirst({ filters: { name: data.name } });
  return existing ?? strapi.documents(uid).create({ data: data as any });
};

/** The raw copy the demo imports; read from the app's source tree (a build copies no .txt). */
export const readDemoWire = (strapi: Core.Strapi, file: string) =>
  readFile(path.join(strapi.dirs.app.root, 'src', 'demo', 'wire', file), 'utf8');

export interface LoadedQuote {
  documentId: string;
  facts: DemoQuoteFacts;
}

export interface LoadedStory {
  documentId: string;
  quotes: LoadedQuote[];
  created: boolean;
}

/** The imported story's quotes, each with the overlay's facts (found by its opening words). */
const quotesOf = async (strapi: Core.Strapi, documentId: string, demo: DemoStory) => {
  const story = await strapi.db.query(ARTICLE as any).findOne({
    where: { documentId, locale: LOCALE, publishedAt: null },
    populate: { quotes: { select: ['documentId', 'text'], orderBy: { id: 'asc' } } },
  });
  return demo.quotes.map((facts) => {
    const quote = (story?.quotes ?? []).find((q: any) => q.text?.startsWith(facts.opening));
    if (!quote) throw new Error(`demo: no imported quote of ${demo.file} opens «${facts.opening}»`);
    return { documentId: quote.documentId as string, facts };
  });
};

const importStory = async (
  strapi: Core.Strapi,
  demo: DemoStory,
  importer: { actor: Actor; user?: AdminUser },
  sources: Record<string, string>
): Promise<LoadedStory> => {
  const service = strapi.plugin('editorial-workflow').service('importer');
  const request = { content: await readDemoWire(strapi, demo.file), locale: LOCALE };
  const { duplicates } = await service.preview(ARTICLE, request);
  const before = duplicates.find((d: any) => d.locale === LOCALE);
  if (before) {
    const quotes = await quotesOf(strapi, before.documentId, demo);
    return { documentId: before.documentId, quotes, created: false };
  }

  // As the admin page would for this user: their Content Manager rights decide what is created.
  const userAbility = importer.user
    ? await strapi.service('admin::permission').engine.generateUserAbility(importer.user)
    : undefined;
  const result = await service.create(ARTICLE, request, {
    actor: importer.actor,
    adminUserId: importer.user?.id ?? null,
    userAbility,
  });
  const { documentId } = result.stories[0];
  await strapi.documents(ARTICLE).update({
    documentId,
    locale: LOCALE,
    data: {
      ...demo.story,
      sources: { connect: demo.alsoSources.map((name) => sources[name]) },
    } as any,
  });
  const quotes = await quotesOf(strapi, documentId, demo);
  for (const { documentId: quote, facts } of quotes) {
    if (facts.saidAt)
      await strapi
        .documents(QUOTE)
        .update({ documentId: quote, locale: LOCALE, data: { saidAt: facts.saidAt } as any });
  }
  return { documentId, quotes, created: true };
};

export interface DemoContent {
  /** documentIds by name. */
  people: Record<string, string>;
  sources: Record<string, string>;
  live: LoadedStory;
  waiting: LoadedStory;
}

/**
 * The overlay's people and sources, then both stories imported from their copy as drafts. Call it
 * inside `actAs(importer.user)`, so the writes are the importer's as in the admin.
 */
export const loadDemoDrafts = async (
  strapi: Core.Strapi,
  importer: { actor: Actor; user?: AdminUser }
): Promise<DemoContent> => {
  const people: Record<string, string> = {};
  for (const person of PEOPLE) {
    people[person.name] = (await upsertByName(strapi, PERSON, person)).documentId;
  }
  const sources: Record<string, string> = {};
  for (const source of SOURCES) {
    sources[source.name] = (await upsertByName(strapi, SOURCE, source)).documentId;
  }
  const live = await importStory(strapi, LIVE_STORY, importer, sources);
  const waiting = await importStory(strapi, WAITING_STORY, importer, sources);
  return { people, sources, live, waiting };
};
