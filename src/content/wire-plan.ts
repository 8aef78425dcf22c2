// From an extraction of wire copy (src/content/wire) and the review screen's corrections to what an
// import creates and links: the proposal the review screen shows, and the plan the glue
// (src/newsroom/wire-import.ts) carries out in one transaction. Pure: no Strapi, no database.
import type {
  ImportDuplicate,
  ImportProposal,
  ImportReference,
  ImportReview,
} from '../plugins/editorial-workflow/shared/contracts';
import type { MatchedProposal, WireExtraction, WireSourceType } from './wire/types';

/** A quote's `context` field holds at most this many characters (its schema's maxLength). */
export const CONTEXT_MAX_LENGTH = 500;

/** An existing document, or the n-th record the plan creates. */
export type PlannedRef = { documentId: string } | { create: number };

export interface PlannedPerson {
  name: string;
  role?: string;
  /** The copy's other spellings, so the next import matches them. */
  aliases: string[];
}
export interface PlannedSource {
  name: string;
  type: WireSourceType;
}
export interface PlannedQuote {
  text: string;
  context: string;
  language: string;
  speaker: PlannedRef | null;
  source: PlannedRef | null;
}
export interface PlannedStory {
  title: string;
  standfirst: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string[];
  people: PlannedRef[];
  sources: PlannedRef[];
  quotes: PlannedQuote[];
}
export interface ImportPlan {
  people: PlannedPerson[];
  sources: PlannedSource[];
  /** The main story first; a second one when the review splits it off. */
  stories: PlannedStory[];
  /** Every existing document the plan links, with the body path that named it (checked by the glue). */
  existing: { kind: 'person' | 'source'; documentId: string; path: string }[];
}

/** A correction that does not fit the extraction: a `400` naming `path` in the request body. */
export class ImportPlanError extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message);
    this.name = 'ImportPlanError';
  }
}

/** What the review screen shows: the extraction, each proposal with what it matched. */
export const toProposal = (
  extraction: WireExtraction,
  matched: MatchedProposal,
  locale: string,
  duplicates: ImportDuplicate[]
): Omit<ImportProposal, 'uid'> => {
  const { story } = extraction;
  return {
    locale,
    format: extraction.format,
    language: extraction.language,
    title: story.title,
    ...(story.standfirst ? { standfirst: story.standfirst } : {}),
    ...(story.byline ? { byline: story.byline } : {}),
    ...(story.dateline ? { dateline: story.dateline } : {}),
    paragraphs: story.paragraphs,
    quotes: story.quotes.map((quote, index) => ({ index, ...quote })),
    people: story.people.map((p) => ({ ...p, match: matched.people[p.key] ?? null })),
    sources: story.sources.map((s) => ({ ...s, match: matched.sources[s.key] ?? null })),
    flagged: story.flagged,
    removed: extraction.removed,
    secondStory: extraction.secondStory ?? null,
    duplicates,
  };
};

const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

const truncate = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const refKey = (ref: PlannedRef) =>
  'documentId' in ref ? `d:${ref.documentId}` : `c:${ref.create}`;
const distinct = (refs: (PlannedRef | null)[]) => {
  const seen = new Map<string, PlannedRef>();
  for (const ref of refs) if (ref) seen.set(refKey(ref), ref);
  return [...seen.values()];
};

/**
 * What to create and link. Left out of the review, every proposal stands: a matched person or
 * source is linked, an unmatched one created, every quote kept, a second story's headline dropped
 * (its paragraphs stay in the story).
 */
export const planImport = (
  extraction: WireExtraction,
  matched: MatchedProposal,
  review: ImportReview = {}
): ImportPlan => {
  const { story } = extraction;
  const plan: ImportPlan = { people: [], sources: [], stories: [], existing: [] };

  const existing = (kind: 'person' | 'source', documentId: string, path: string): PlannedRef => {
    plan.existing.push({ kind, documentId, path });
    return { documentId };
  };
  const newPerson = (person: PlannedPerson): PlannedRef => {
    const found = plan.people.findIndex((p) => sameName(p.name, person.name));
    if (found >= 0) return { create: found };
    plan.people.push(person);
    return { create: plan.people.length - 1 };
  };
  const newSource = (source: PlannedSource): PlannedRef => {
    const found = plan.sources.findIndex((s) => sameName(s.name, source.name));
    if (found >= 0) return { create: found };
    plan.sources.push(source);
    return { create: plan.sources.length - 1 };
  };

  // Proposed people and sources, as the review leaves them (null: skipped).
  for (const key of Object.keys(review.people ?? {}))
    if (!story.people.some((p) => p.key === key))
      throw new ImportPlanError(`review.people.${key}`, `No proposed person has the key "${key}"`);
  for (const key of Object.keys(review.sources ?? {}))
    if (!story.sources.some((s) => s.key === key))
      throw new ImportPlanError(`review.sources.${key}`, `No proposed source has the key "${key}"`);

  const people = new Map<string, PlannedRef | null>();
  for (const person of story.people) {
    const choice = review.people?.[person.key];
    const path = `review.people.${person.key}`;
    const match = matched.people[person.key];
    const aliases = person.mentions.filter((m) => !sameName(m, person.name));
    if (choice && 'skip' in choice) people.set(person.key, null);
    else if (choice && 'documentId' in choice)
      people.set(person.key, existing('person', choice.documentId, `${path}.documentId`));
    else if (choice)
      people.set(
        person.key,
        newPerson({ name: choice.name.trim(), role: choice.role ?? undefined, aliases })
      );
    else if (match)
      people.set(person.key, existing('person', match.documentId, `${path}.documentId`));
    else people.set(person.key, newPerson({ name: person.name, role: person.role, aliases }));
  }
  const sources = new Map<string, PlannedRef | null>();
  for (const source of story.sources) {
    const choice = review.sources?.[source.key];
    const path = `review.sources.${source.key}`;
    const match = matched.sources[source.key];
    if (choice && 'skip' in choice) sources.set(source.key, null);
    else if (choice && 'documentId' in choice)
      sources.set(source.key, existing('source', choice.documentId, `${path}.documentId`));
    else if (choice)
      sources.set(
        source.key,
        newSource({ name: choice.name.trim(), type: choice.type ?? source.type })
      );
    else if (match)
      sources.set(source.key, existing('source', match.documentId, `${path}.documentId`));
    else sources.set(source.key, newSource({ name: source.name, type: source.type }));
  }

  /** A proposal key as a quote's speaker or source: it must exist and not be skipped. */
  const proposed = (
    refs: Map<string, PlannedRef | null>,
    key: string,
    noun: 'person' | 'source',
    path: string
  ): PlannedRef => {
    if (!refs.has(key)) throw new ImportPlanError(path, `No proposed ${noun} has the key "${key}"`);
    const ref = refs.get(key);
    if (!ref)
      throw new ImportPlanError(
        path,
        `The ${noun} "${key}" is skipped, but a quote that stays names them`
      );
    return ref;
  };
  const reference = (
    kind: 'person' | 'source',
    given: ImportReference | null | undefined,
    proposedKey: string | undefined,
    path: string
  ): PlannedRef | null => {
    const refs = kind === 'person' ? people : sources;
    if (given === null) return null;
    if (given === undefined)
      return proposedKey === undefined ? null : proposed(refs, proposedKey, kind, path);
    if ('documentId' in given) return existing(kind, given.documentId, `${path}.documentId`);
    if ('key' in given) return proposed(refs, given.key, kind, `${path}.key`);
    const name = given.new.name.trim();
    return kind === 'person'
      ? newPerson({ name, role: given.new.role, aliases: [] })
      : newSource({ name, type: given.new.type ?? 'other' });
  };

  // Quotes, with the review's corrections.
  const corrections = new Map<number, NonNullable<ImportReview['quotes']>[number]>();
  (review.quotes ?? []).forEach((correction, i) => {
    const path = `review.quotes.${i}.index`;
    if (correction.index >= story.quotes.length)
      throw new ImportPlanError(
        path,
        `No quote has the index ${correction.index} (the copy has ${story.quotes.length})`
      );
    if (corrections.has(correction.index))
      throw new ImportPlanError(path, `The quote ${correction.index} is corrected twice`);
    corrections.set(correction.index, correction);
  });
  const quotes: (PlannedQuote & { paragraph: number })[] = [];
  story.quotes.forEach((quote, index) => {
    const correction = corrections.get(index);
    if (correction?.drop) return;
    const at = (field: string) =>
      correction
        ? `review.quotes.${(review.quotes ?? []).indexOf(correction)}.${field}`
        : `quotes.${index}.${field}`;
    const text = (correction?.text ?? quote.text).trim();
    if (!text) throw new ImportPlanError(at('text'), `The quote ${index} has no words left`);
    quotes.push({
      text,
      context: truncate(quote.context, CONTEXT_MAX_LENGTH),
      language: quote.language,
      speaker: reference('person', correction?.speaker, quote.speaker, at('speaker')),
      source: reference('source', correction?.source, quote.source, at('source')),
      paragraph: quote.paragraph,
    });
  });
  // Skipped people and sources a kept quote still names by default are refused above; the rest
  // that nobody quotes are listed with the main story.
  const unquotedPeople = [...people.values()];
  const unquotedSources = [...sources.values()];

  // The story, and a second one when the review splits it off.
  const paragraphs = review.paragraphs ?? story.paragraphs;
  const main: PlannedStory = {
    title: (review.title ?? story.title).trim(),
    standfirst:
      review.standfirst !== undefined ? review.standfirst || null : (story.standfirst ?? null),
    byline: story.byline ?? null,
    dateline: story.dateline ?? null,
    paragraphs,
    people: [],
    sources: [],
    quotes: [],
  };
  let second: PlannedStory | null = null;
  if (review.secondStory && !extraction.secondStory)
    throw new ImportPlanError(
      'review.secondStory',
      'This copy has no second story to split or drop'
    );
  if (review.secondStory === 'split' && extraction.secondStory) {
    const from = extraction.secondStory.fromParagraph;
    if (from <= 0 || from >= paragraphs.length)
      throw new ImportPlanError(
        'review.secondStory',
        `The second story starts at paragraph ${from}, and the body has ${paragraphs.length}: nothing to split`
      );
    main.paragraphs = paragraphs.slice(0, from);
    second = {
      title: extraction.secondStory.title.trim(),
      standfirst: null,
      byline: main.byline,
      dateline: null,
      paragraphs: paragraphs.slice(from),
      people: [],
      sources: [],
      quotes: [],
    };
  }
  for (const { paragraph, ...quote } of quotes) {
    const into =
      second && paragraph >= (extraction.secondStory?.fromParagraph ?? Infinity) ? second : main;
    into.quotes.push(quote);
  }
  for (const planned of second ? [main, second] : [main]) {
    const quotedPeople = planned.quotes.map((q) => q.speaker);
    const quotedSources = planned.quotes.map((q) => q.source);
    planned.people = distinct(
      planned === main ? [...quotedPeople, ...unquotedPeople] : quotedPeople
    );
    planned.sources = distinct(
      planned === main ? [...quotedSources, ...unquotedSources] : quotedSources
    );
  }
  if (second) {
    // What the second story quotes is its own; the main story keeps only what it quotes or nobody does.
    const secondKeys = new Set([...second.people, ...second.sources].map(refKey));
    const mainQuoted = new Set(
      main.quotes
        .flatMap((q) => [q.speaker, q.source])
        .filter(Boolean)
        .map((r) => refKey(r!))
    );
    const keep = (ref: PlannedRef) => mainQuoted.has(refKey(ref)) || !secondKeys.has(refKey(ref));
    main.people = main.people.filter(keep);
    main.sources = main.sources.filter(keep);
  }
  plan.stories = second ? [main, second] : [main];
  return plan;
};
