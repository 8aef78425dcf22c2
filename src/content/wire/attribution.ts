// The attribution of a quotation in one paragraph: where its words are, where the speech verb
// stands, and how it attributes (a verb, a bare colon, reported speech). Text only; who the speaker
// is, quotes.ts decides from the people found.
import { sentenceAround, type Span } from './spans';

export const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

export const VERBS =
  'said|says|say|told|tells|wrote|writes|added|adds|stated|declared|noted|stressed|emphasi[sz]ed|' +
  'announced|explained|warned|insisted|replied|answered|asked|continued|recalled|tweeted|posted|' +
  'commented|argued|concluded|заявил[аои]?|сказал[аои]?|написал[аои]?|отметил[аои]?|подчеркнул[аои]?|' +
  'добавил[аои]?|сообщил[аои]?|пояснил[аои]?|заявляет|говорит|пишет|считает|уточнил[аои]?|ответил[аои]?|' +
  'reads|read';
const VERB = new RegExp(`(?<![\\p{L}])(?:${VERBS})(?![\\p{L}])`, 'iu');
const ACCORDING = /(?:according to|in the words of|по словам|как заявил[аи]?)\s+/iu;

/** Ranges of relative clauses and parentheses, whose people are not the subject ("…, who was X's rival,"). */
export const asides = (text: string, from: number, to: number): [number, number][] => {
  const segment = text.slice(from, to);
  const out: [number, number][] = [];
  for (const m of segment.matchAll(
    /,\s+(?:who|whom|whose|which|кто|который|которая|которые)\b[^,]*,|\([^)]*\)/giu
  ))
    out.push([from + m.index, from + m.index + m[0].length]);
  return out;
};

export interface Attribution {
  /** Where the attribution's words are, in the paragraph. */
  from: number;
  to: number;
  /** The speech verb's offset: the subject is the person nearest before it (or first after it). */
  verbAt: number;
  /** Only a colon attributes it ("X defended the law at a briefing: «…»"): a person must be named. */
  needsName?: boolean;
  /** Reported speech ("X said inflation was «…»"): a partial quotation may stand here. */
  reported?: boolean;
}

// A partial quotation's lead-in: a speech verb (or "accused … of") and then no sentence break; names
// in quotation marks may stand between ("wrote that the party «Georgian Dream» had «…»").
const REPORTED = new RegExp(
  `(?<![\\p{L}])(?:${VERBS}|accused|accuses|обвинил[аи]?)(?![\\p{L}])(?:[^«».!?]|«[^«»]{1,40}»)*$`,
  'iu'
);
/** Inanimate subjects of "reads"/"says": the post, the statement — their author wrote the words. */
export const WRITTEN =
  /\bthe\s+(?:post|message|statement|letter|tweet|entry)\s+(?:reads|read|says|said)\b/iu;

/** The attribution of a quotation: its own sentence before the quote, or the words after it. */
export const attribution = (
  text: string,
  span: Span,
  sentence: { start: number; end: number },
  starts: number[]
): Attribution | undefined => {
  const prefix = text.slice(sentence.start, span.start);
  if (/[:,]\s*[—–-]?\s*$/.test(prefix)) {
    const verb = [...prefix.matchAll(new RegExp(VERB.source, 'giu'))].at(-1);
    const according = ACCORDING.exec(prefix);
    if (verb) return { from: sentence.start, to: span.start, verbAt: sentence.start + verb.index };
    if (according)
      return {
        from: sentence.start,
        to: span.start,
        verbAt: sentence.start + according.index + according[0].length - 1,
      };
  }
  // "Makei told BelTA that Kyiv was «…»", "Lagarde said inflation was «…»": reported speech.
  const reported = REPORTED.exec(prefix);
  if (reported)
    return {
      from: sentence.start,
      to: span.start,
      verbAt: sentence.start + reported.index,
      reported: true,
    };
  // "Bachelet: «…»", "Kobakhidze defended the law at a briefing: «…»" — a person before a colon.
  if (/:\s*[—–-]?\s*$/.test(prefix))
    return { from: sentence.start, to: span.start, verbAt: span.start, needsName: true };
  let suffixEnd = sentence.end;
  let suffixStart = span.end;
  if (suffixEnd <= span.end + 1 && /[.!?…]$/.test(span.inner.trim())) {
    // The quotation ended its sentence: a short next sentence may be the attribution ("He said.").
    const next = sentenceAround(text, starts, span.end + 1, span.end + 1);
    if (next.end - next.start > 120) return undefined;
    suffixStart = next.start;
    suffixEnd = next.end;
  }
  const suffix = text.slice(suffixStart, suffixEnd);
  const verb = VERB.exec(suffix);
  if (!verb) return undefined;
  const lead = suffix.slice(0, verb.index);
  // "«…», X said", "«…», — заявил X", "«…», said X": only short words may stand before the verb.
  if (words(lead).length > 12 || /[.!?]\s/.test(lead)) return undefined;
  return { from: suffixStart, to: suffixEnd, verbAt: suffixStart + verb.index };
};
