// Where each person spoke, sentence by sentence, so a later quote of theirs that names no venue
// keeps it ("Scholz told the Bundestag …" then "«…», Scholz said"), and the institution behind a
// speaker, for "told a news conference" ("WHO Director-General …" → the World Health Organization).
import type { PersonMention } from './people';
import { OWN_CHANNEL } from './sources';
import { quoteSpans, sentenceStarts } from './spans';
import { venueIn, type Venue } from './venues';

export interface SaidWhere {
  key: string;
  paragraph: number;
  venue?: Venue;
  /** The platform of the speaker's own account ("said this on Facebook"). */
  channel?: string;
}

const ORG_NOUN =
  /(?:Bank|Organi[sz]ation|Commission|Council|Ministry|Agency|Fund|Institute|Centres?|Centers?|Authority|Office|Parliament|Court|Service|Union|Corporation)$/u;
const ORG_NAME = /\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}-]*)*/gu;
const ACRONYM = /\b\p{Lu}{2,6}\b/u;

/** Every sentence that names a person and a venue or their own channel, outside quotations. */
export const saidWhere = (paragraphs: string[], mentions: PersonMention[]): SaidWhere[] => {
  const out: SaidWhere[] = [];
  paragraphs.forEach((text, paragraph) => {
    const spans = quoteSpans(text);
    const starts = [...sentenceStarts(text, spans), text.length];
    for (let i = 0; i + 1 < starts.length; i += 1) {
      const [from, to] = [starts[i], starts[i + 1]];
      const person = mentions.find(
        (m) => m.paragraph === paragraph && m.start >= from && m.end <= to
      );
      if (!person) continue;
      // The venue is read after the name, outside quotations.
      const tail = text.slice(person.end, to).replace(/«[^«»]*»/gu, (m) => ' '.repeat(m.length));
      const channel = OWN_CHANNEL.exec(tail);
      const venue = venueIn(tail);
      if (channel || venue)
        out.push({
          key: person.key,
          paragraph,
          ...(venue ? { venue } : {}),
          ...(channel ? { channel: channel.slice(1).find(Boolean) ?? 'Telegram' } : {}),
        });
    }
  });
  return out;
};

/** "WHO" → "World Health Organization" when the copy spells it out; else the acronym. */
export const expandAcronym = (acronym: string, paragraphs: string[]): string => {
  for (const text of paragraphs)
    for (const m of text.matchAll(ORG_NAME)) {
      const name = m[0].replace(/^The\s+/, '');
      const initials = name
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      if (initials === acronym && name.includes(' ')) return name;
    }
  return acronym;
};

/**
 * The institution a person speaks for: an organisation in their role ("WHO Director-General",
 * "Bundesbank President"), else one named in the sentence that introduces them ("The European
 * Central Bank left rates unchanged, … President Christine Lagarde said").
 */
export const institutionOf = (
  key: string,
  role: string | undefined,
  paragraphs: string[],
  mentions: PersonMention[]
): string | undefined => {
  const acronym = role ? ACRONYM.exec(role)?.[0] : undefined;
  if (acronym) return expandAcronym(acronym, paragraphs);
  const first = mentions.find((m) => m.key === key);
  if (!first) return undefined;
  const text = paragraphs[first.paragraph];
  const starts = sentenceStarts(text, quoteSpans(text));
  const from = [...starts].reverse().find((s) => s <= first.start) ?? 0;
  const to = starts.find((s) => s > first.start) ?? text.length;
  const org = [...text.slice(from, to).matchAll(ORG_NAME)]
    .map((m) => m[0].replace(/^The\s+/, ''))
    .find((name) => name.includes(' ') && ORG_NOUN.test(name));
  return org;
};
