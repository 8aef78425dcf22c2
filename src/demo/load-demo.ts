import type { Core } from '@strapi/strapi';
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../content/types';
import { EVE_OF_TALKS, PEOPLE, SOCHI_TALKS, SOURCES, type DemoStory } from './sample-story';

// Loads the sample story as demo content through the Document Service, so every newsroom rule
// applies to it. Safe to run again: what exists (matched by name or title) is left as it is.

const LOCALE = 'en';

const paragraphsToBlocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

const upsertByName = async (
  strapi: Core.Strapi,
  uid: typeof PERSON | typeof SOURCE,
  data: Record<string, any>
) => {
  const existing = await strapi.documents(uid).findFirst({ filters: { name: data.name } });
  return existing ?? strapi.documents(uid).create({ data: data as any });
};

export interface LoadedStory {
  documentId: string;
  quoteIds: string[];
  created: boolean;
}

const loadStory = async (
  strapi: Core.Strapi,
  story: DemoStory,
  people: Record<string, string>,
  sources: Record<string, string>
): Promise<LoadedStory> => {
  const existing = await strapi.documents(ARTICLE).findFirst({
    filters: { title: story.title },
    locale: LOCALE,
    status: 'draft',
    populate: ['quotes'],
  });
  if (existing) {
    return {
      documentId: existing.documentId,
      quoteIds: (existing as any).quotes.map((q: any) => q.documentId),
      created: false,
    };
  }

  const article = await strapi.documents(ARTICLE).create({
    locale: LOCALE,
    data: {
      title: story.title,
      standfirst: story.standfirst,
      dateline: story.dateline,
      byline: story.byline,
      section: story.section,
      body: paragraphsToBlocks(story.paragraphs) as any,
      people: story.people.map((key) => people[key]),
      sources: story.sources.map((key) => sources[key]),
    } as any,
  });

  const quoteIds: string[] = [];
  for (const quote of story.quotes) {
    const created = await strapi.documents(QUOTE).create({
      locale: LOCALE,
      data: {
        text: quote.text,
        context: quote.context,
        saidAt: quote.saidAt,
        originalLanguage: quote.speaker === 'tikhanovskaya' ? 'ru' : 'en',
        speaker: people[quote.speaker],
        source: sources[quote.source],
        article: { connect: [{ documentId: article.documentId, locale: LOCALE }] },
      } as any,
    });
    quoteIds.push(created.documentId);
  }
  return { documentId: article.documentId, quoteIds, created: true };
};

export interface DemoContent {
  people: Record<string, string>;
  sources: Record<string, string>;
  live: LoadedStory;
  waiting: LoadedStory;
}

/** People, sources and both stories with their quotes, all as drafts; returns their documentIds. */
export const loadDemoDrafts = async (strapi: Core.Strapi): Promise<DemoContent> => {
  const people: Record<string, string> = {};
  for (const { key, ...person } of PEOPLE) {
    people[key] = (await upsertByName(strapi, PERSON, person)).documentId;
  }
  const sources: Record<string, string> = {};
  for (const { key, ...source } of SOURCES) {
    sources[key] = (await upsertByName(strapi, SOURCE, source)).documentId;
  }
  const live = await loadStory(strapi, SOCHI_TALKS, people, sources);
  const waiting = await loadStory(strapi, EVE_OF_TALKS, people, sources);
  return { people, sources, live, waiting };
};

export const DEMO_STORIES = { live: SOCHI_TALKS, waiting: EVE_OF_TALKS };
