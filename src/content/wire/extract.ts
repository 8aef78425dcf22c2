// extractWire: agency copy in any format → the proposal the review screen shows. Pure.
import { cleanLine, cleanLines } from './clean';
import { MAX_WIRE_CHARS, WireInputError } from './errors';
import { detectFormat, readDocument } from './formats';
import { detectLanguage } from './language';
import { layoutStory } from './layout';
import { findPeople } from './people';
import { extractQuotes } from './quotes';
import { canonical, findSources, SourceRegistry, typeOf } from './sources';
import type { RemovedText, WireExtraction, WireInput } from './types';

// NUL or a run of other C0 controls: a binary file dropped in by mistake, not text.
// eslint-disable-next-line no-control-regex
const BINARY = /\u0000|[\u0001-\u0008\u000e-\u001a]{4,}|\ufffd{4,}/;

const baseLanguage = (locale?: string) =>
  locale ? locale.split(/[-_]/)[0].toLowerCase() : undefined;

export const extractWire = (input: WireInput): WireExtraction => {
  const content = typeof input?.content === 'string' ? input.content : '';
  if (content.length > MAX_WIRE_CHARS)
    throw new WireInputError(
      `The copy is ${content.length} characters long; at most ${MAX_WIRE_CHARS} are accepted.`
    );
  if (BINARY.test(content))
    throw new WireInputError(
      'The copy contains binary data (NUL or control bytes): upload plain text, HTML, ninjs or NITF.'
    );
  const format = !input.format || input.format === 'auto' ? detectFormat(content) : input.format;
  const doc = readDocument(content, format);

  const removed: RemovedText[] = doc.dropped.map((text) => ({
    text: cleanLine(text),
    reason: 'markup',
  }));
  const cleaned = cleanLines(doc.lines.join('\n'));
  const layout = layoutStory(cleaned, {
    headline: doc.headline ? cleanLine(doc.headline) : undefined,
    standfirst: doc.standfirst ? cleanLine(doc.standfirst) : undefined,
  });
  removed.push(...layout.removed);
  if (!layout.title && layout.paragraphs.length === 0)
    throw new WireInputError('The copy is empty once cleaned: no headline and no paragraph.');

  const paragraphs = layout.paragraphs;
  const language =
    detectLanguage([layout.title, ...paragraphs].join('\n')) ??
    doc.language?.split('-')[0] ??
    baseLanguage(input.locale) ??
    'und';
  const storyLanguage = baseLanguage(input.locale) ?? language;

  const { people, mentions } = findPeople(paragraphs);
  const registry = new SourceRegistry();
  const agencyName = doc.agency ?? layout.agency;
  const agency = agencyName ? cleanLine(agencyName) : '';
  // The agency whose copy this is: a known name keeps its type (VOA is a broadcaster), else an agency.
  // A press release has no agency: its issuer publishes the quotes.
  const agencyType = typeOf(agency) === 'other' ? 'news_agency' : typeOf(agency);
  const storyAgency = agency
    ? registry.add(canonical(agency), agencyType, agency)
    : layout.issuer
      ? registry.add(layout.issuer, 'official', layout.issuer)
      : undefined;
  findSources(paragraphs, registry, (paragraph, start) =>
    mentions.some((m) => m.paragraph === paragraph && m.start === start)
  );
  const { quotes, flagged } = extractQuotes({
    paragraphs,
    people,
    personMentions: mentions,
    sources: registry,
    storyAgency,
    language: storyLanguage,
  });

  return {
    format,
    language,
    story: {
      title: layout.title,
      ...(layout.standfirst ? { standfirst: layout.standfirst } : {}),
      ...(doc.byline || layout.byline
        ? { byline: cleanLine(doc.byline ?? layout.byline ?? '') }
        : {}),
      ...(doc.dateline || layout.dateline
        ? { dateline: cleanLine(doc.dateline ?? layout.dateline ?? '') }
        : {}),
      ...(doc.date ? { date: doc.date } : {}),
      paragraphs,
      quotes,
      flagged,
      people,
      sources: registry.sources,
    },
    ...(layout.secondStory ? { secondStory: layout.secondStory } : {}),
    removed,
  };
};
