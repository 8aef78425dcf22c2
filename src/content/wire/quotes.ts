// Direct speech and its attribution. A quotation counts as a speaker's words only when it reads as
// speech (a clause, or a sentence mark inside) AND a speech verb or colon attributes it; short phrases
// and names in quotation marks are flagged, and a speaker is never guessed: it comes from a person
// named in the attribution, a role held by a person named elsewhere, or a pronoun after a named
// speaker.
import { asides, attribution, type Attribution, words, WRITTEN } from './attribution';
import { detectLanguage } from './language';
import type { PersonMention } from './people';
import { TITLE_WORDS } from './people';
import { venueIn, type Venue } from './venues';
import { institutionOf, saidWhere } from './said-where';
import {
  backReference,
  canonical,
  OWN_CHANNEL,
  ownChannelName,
  typeOf,
  type SourceRegistry,
} from './sources';
import { quoteSpans, sentenceAround, sentenceStarts } from './spans';
import type { ExtractedQuote, FlaggedPhrase, ProposedPerson, ProposedSource } from './types';

const PRONOUN = /^(?:he|she|they|он|она|они)$/i;
const NAME_NOUNS =
  /(?:agency|newspaper|channel|party|company|movement|operation|exercises?|festival|magazine|outlet|group|bloc|coalition|campaign|project|programme|program|plan|law|bill|film|book|song|album|show|brand|slogan|service|station|station|organi[sz]ation|called|named|dubbed|titled|агентств\p{L}*|газет\p{L}*|телеканал\p{L}*|парти\p{L}*|компани\p{L}*|движени\p{L}*|операци\p{L}*|учени\p{L}*|издани\p{L}*|под названием)\s*$/iu;
const SMALL_WORDS = /^(?:of|the|and|for|in|on|de|la|le|du|von|van|и|в|на|за)$/i;

export interface QuoteScene {
  paragraphs: string[];
  people: ProposedPerson[];
  personMentions: PersonMention[];
  sources: SourceRegistry;
  /** The agency whose copy this is: the source of a quote whose attribution names none. */
  storyAgency?: ProposedSource;
  language: string;
}

const isNameLike = (inner: string, before: string) => {
  const w = inner.trim().split(/\s+/);
  if (NAME_NOUNS.test(before)) return w.length <= 8 && !/[.!?…]$/.test(inner.trim());
  return (
    w.length <= 6 &&
    !/[.!?…,:;]/.test(inner) &&
    w.every((x) => /^[\p{Lu}\p{N}]/u.test(x) || SMALL_WORDS.test(x))
  );
};

const isSpeechLike = (inner: string) => words(inner).length >= 5 || /[.!?…]\s*$/.test(inner.trim());

export const extractQuotes = (scene: QuoteScene) => {
  const quotes: ExtractedQuote[] = [];
  const flagged: FlaggedPhrase[] = [];
  const personByKey = new Map(scene.people.map((p) => [p.key, p]));
  const said = saidWhere(scene.paragraphs, scene.personMentions);
  const mentionedBefore = (paragraph: number, at: number) =>
    scene.personMentions.filter(
      (m) => m.paragraph < paragraph || (m.paragraph === paragraph && m.start < at)
    );

  /**
   * "the minister told", "The CDU chairman said": the one person introduced before with that title
   * ("Prime Minister" is not "the minister"); with none, the only person named since the paragraph
   * before — agency copy varies a name with a role its reader is told nowhere else.
   */
  const roleReference = (subject: string, paragraph: number, at: number) => {
    const ref = /(?:^|\s)the\s+((?:[\p{L}-]+\s+){0,2}?)([\p{L}-]+)\s*$/iu.exec(subject);
    if (!ref || !TITLE_WORDS.has(ref[2].toLowerCase())) return undefined;
    const title = ref[2].toLowerCase();
    const prefix = (s: string) => /\b(prime|vice|deputy)\s*-?\s*$/i.exec(s)?.[1]?.toLowerCase();
    const before = mentionedBefore(paragraph, at);
    const holders = [...new Set(before.map((m) => m.key))].filter((key) => {
      const role = personByKey.get(key)?.role?.toLowerCase() ?? '';
      const i = role.lastIndexOf(title);
      return i >= 0 && prefix(role.slice(0, i)) === prefix(ref[1]);
    });
    if (holders.length === 1) return holders[0];
    if (holders.length > 1) return undefined;
    const recent = new Set(before.filter((m) => m.paragraph >= paragraph - 1).map((m) => m.key));
    const [only] = recent;
    return recent.size === 1 && !personByKey.get(only)?.role?.toLowerCase().includes(title)
      ? only
      : undefined;
  };
  let lastSpeaker: { key: string; paragraph: number } | undefined;

  const resolveSpeaker = (
    paragraph: number,
    text: string,
    att: Attribution,
    quoteStart: number
  ): { key: string; by: 'name' | 'role' | 'pronoun' | 'post' } | undefined => {
    const skip = asides(text, att.from, att.to);
    const inRange = scene.personMentions.filter(
      (m) =>
        m.paragraph === paragraph &&
        m.start >= att.from &&
        m.end <= att.to &&
        !skip.some(([a, b]) => m.start >= a && m.end <= b)
    );
    const before = inRange.filter((m) => m.start < att.verbAt).at(-1);
    const after = inRange.find((m) => m.start > att.verbAt);
    const named = before ?? after;
    if (named) return { key: named.key, by: 'name' };
    if (att.needsName) return undefined;
    const segment = text.slice(att.from, att.to).toLowerCase();
    // "«…,» the post reads": the author of the post just mentioned ("X said this on Facebook").
    if (WRITTEN.test(segment)) {
      const post = said
        .filter((w) => w.channel && w.paragraph <= paragraph && w.paragraph >= paragraph - 1)
        .at(-1);
      return post ? { key: post.key, by: 'post' } : undefined;
    }
    // A role alone ("the UN High Commissioner for Human Rights said"): the person holding it.
    const byRole = scene.people.filter((p) => {
      const role = p.role?.toLowerCase().replace(/^the\s+/, '');
      if (!role) return false;
      if (segment.includes(role)) return true;
      const roleWords = new Set(words(role).filter((w) => w.length > 2));
      const shared = words(segment).filter((w) => roleWords.has(w));
      return shared.length >= 2 && shared.some((w) => TITLE_WORDS.has(w));
    });
    if (byRole.length === 1) return { key: byRole[0].key, by: 'role' };
    const byTitle = roleReference(segment.slice(0, att.verbAt - att.from), paragraph, quoteStart);
    if (byTitle) return { key: byTitle, by: 'role' };
    const subject =
      words(text.slice(att.from, att.verbAt)).at(-1) ?? words(text.slice(att.verbAt)).at(1) ?? '';
    if (PRONOUN.test(subject)) {
      // "he said": the last speaker just before, else the last person named before the quotation.
      const named = scene.personMentions
        .filter(
          (m) => m.paragraph < paragraph || (m.paragraph === paragraph && m.start < quoteStart)
        )
        .at(-1);
      if (named && named.paragraph === paragraph) return { key: named.key, by: 'pronoun' };
      // Across paragraphs only when no unrecognised name stands in between ("…, Yury Ambrazevich, …").
      if (
        /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(
          text.slice(0, quoteStart).replace(/^\p{Lu}\p{Ll}+\s/u, '')
        )
      )
        return undefined;
      if (lastSpeaker && lastSpeaker.paragraph >= paragraph - 1)
        return { key: lastSpeaker.key, by: 'pronoun' };
      if (named && named.paragraph >= paragraph - 1) return { key: named.key, by: 'pronoun' };
    }
    return undefined;
  };

  const resolveSource = (
    paragraph: number,
    text: string,
    range: { start: number; end: number },
    att: Attribution,
    speaker?: string
  ) => {
    const segment = text.slice(att.from, att.to);
    const channel = OWN_CHANNEL.exec(segment);
    const person = speaker ? personByKey.get(speaker) : undefined;
    if (channel && person) {
      const platform = channel.slice(1).find(Boolean) ?? 'Telegram';
      const source = scene.sources.add(
        ownChannelName(person.name, platform),
        'social_media',
        channel[0].trim()
      );
      scene.sources.mention(
        source,
        paragraph,
        att.from + channel.index,
        att.from + channel.index + channel[0].length
      );
      return source.key;
    }
    const atVenue = venueSource(venueIn(segment), person);
    if (atVenue) return atVenue;
    const from = Math.min(range.start, att.from);
    const to = Math.max(range.end, att.to);
    const named = scene.sources.mentions.filter(
      (m) => m.paragraph === paragraph && m.start >= from && m.end <= to
    );
    const earlier = backReference(scene.sources, segment, paragraph);
    return named[0]?.key ?? earlier?.key ?? carried(paragraph, person) ?? scene.storyAgency?.key;
  };

  /** A venue as a source: a named one as it is, a news conference as the speaker's institution. */
  const venueSource = (venue: Venue | undefined, person: ProposedPerson | undefined) => {
    if (!venue) return undefined;
    if (venue.institutional) {
      const institution = person
        ? institutionOf(person.key, person.role, scene.paragraphs, scene.personMentions)
        : undefined;
      return institution ? scene.sources.add(institution, 'official', institution).key : undefined;
    }
    // "told Putin" names a person, not a place the words were published.
    if (!venue.name || scene.people.some((p) => p.mentions.includes(venue.name))) return undefined;
    const type = typeOf(venue.name) === 'other' ? venue.type : typeOf(venue.name);
    return scene.sources.add(canonical(venue.name), type, venue.name).key;
  };

  /** The speaker's venue or own channel from a sentence just before that named no quotation. */
  const carried = (paragraph: number, person: ProposedPerson | undefined) => {
    const last = person
      ? said
          .filter(
            (w) => w.key === person.key && w.paragraph <= paragraph && w.paragraph >= paragraph - 2
          )
          .at(-1)
      : undefined;
    if (!last || !person) return undefined;
    if (last.channel)
      return scene.sources.add(
        ownChannelName(person.name, last.channel),
        'social_media',
        last.channel
      ).key;
    return venueSource(last.venue, person);
  };

  let previousAtt: Attribution | undefined;
  scene.paragraphs.forEach((text, paragraph) => {
    previousAtt = undefined;
    const spans = quoteSpans(text);
    const starts = sentenceStarts(text, spans);
    for (const span of spans) {
      const sentence = sentenceAround(text, starts, span.start, span.end);
      const before = text.slice(sentence.start, span.start);
      const inner = span.inner.trim();
      if (!inner) continue;
      if (isNameLike(inner, before)) {
        flagged.push({ text: text.slice(span.start, span.end), paragraph, reason: 'name' });
        continue;
      }
      let att = attribution(text, span, sentence, starts);
      // A short phrase is a partial quotation only in reported speech by someone named ("Lagarde
      // said inflation was «going in the right direction»"), never two words ("«buying time»").
      const partial = !isSpeechLike(inner) || words(inner).length < 5;
      if (!isSpeechLike(inner) && !(att?.reported && words(inner).length >= 3)) {
        flagged.push({ text: text.slice(span.start, span.end), paragraph, reason: 'scare-quotes' });
        continue;
      }
      const previous = quotes.at(-1);
      let inherited: ExtractedQuote | undefined;
      if (
        !att &&
        previous?.paragraph === paragraph &&
        previousAtt &&
        previousAtt.to <= span.start &&
        !/[«»]/.test(text.slice(previousAtt.to, span.start))
      ) {
        // «…,» X said. «…» — the second quotation continues the first speaker's words.
        att = previousAtt;
        inherited = previous;
      }
      if (!att) {
        flagged.push({ text: text.slice(span.start, span.end), paragraph, reason: 'no-speaker' });
        continue;
      }
      const resolved = inherited ? undefined : resolveSpeaker(paragraph, text, att, span.start);
      // Reported speech and a bare colon attribute words to someone only when the copy names them.
      if (!inherited && (att.needsName || att.reported) && resolved?.by !== 'name') {
        flagged.push({
          text: text.slice(span.start, span.end),
          paragraph,
          reason: partial ? 'scare-quotes' : 'no-speaker',
        });
        continue;
      }
      previousAtt = att;
      const speaker = inherited ? inherited.speaker : resolved?.key;
      if (speaker) lastSpeaker = { key: speaker, paragraph };
      const from = Math.min(sentence.start, att.from);
      const to = Math.max(sentence.end, att.to);
      const context = `${text.slice(from, span.start)}«…»${text.slice(span.end, to)}`
        .replace(/\s+/g, ' ')
        .trim();
      const language =
        words(inner).join('').length >= 40
          ? (detectLanguage(inner) ?? scene.language)
          : scene.language;
      quotes.push({
        text: text.slice(span.start, span.end),
        context,
        ...(speaker ? { speaker } : {}),
        ...(() => {
          const source = inherited
            ? inherited.source
            : resolveSource(paragraph, text, sentence, att, speaker);
          return source ? { source } : {};
        })(),
        language,
        paragraph,
      });
    }
  });
  return { quotes, flagged };
};
