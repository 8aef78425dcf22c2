// Sources named in the copy: agencies, broadcasters and newspapers (a short list of well-known names
// plus any name in quotation marks after "news agency", "newspaper", "channel"), state media, UN
// bodies, and a person's own channel ("wrote in her Telegram channel").
import { latinise } from './normalise';
import type { ProposedSource, WireSourceType } from './types';

export interface SourceMention {
  key: string;
  paragraph: number;
  start: number;
  end: number;
}

const KNOWN: [RegExp, string, WireSourceType][] = [
  [/\bReuters\b|Рейтер\p{L}*/u, 'Reuters', 'news_agency'],
  [/\bAssociated Press\b|\bAP\b/, 'Associated Press', 'news_agency'],
  [/\bAgence France-Presse\b|\bAFP\b/, 'Agence France-Presse', 'news_agency'],
  [/\bInterfax\b|Интерфакс\p{L}*/u, 'Interfax', 'news_agency'],
  [/\bTASS\b|ТАСС/u, 'TASS', 'news_agency'],
  [/\bRIA Novosti\b|РИА Новости/u, 'RIA Novosti', 'news_agency'],
  [/\bBelTA\b|БелТА/u, 'BelTA', 'news_agency'],
  [/\bUkrinform\b|Укрінформ/u, 'Ukrinform', 'news_agency'],
  [/\bBloomberg\b/, 'Bloomberg', 'news_agency'],
  [/\bXinhua\b/, 'Xinhua', 'news_agency'],
  [/\bdpa\b|\bDeutsche Presse-Agentur\b/, 'dpa', 'news_agency'],
  [/\bBBC\b|Би-би-си/u, 'BBC', 'broadcaster'],
  [/\bCNN\b/, 'CNN', 'broadcaster'],
  [/\bVoice of America\b|Голос Америки/u, 'Voice of America', 'broadcaster'],
  [/\bDeutsche Welle\b/, 'Deutsche Welle', 'broadcaster'],
  [/\bAl Jazeera\b/, 'Al Jazeera', 'broadcaster'],
  [
    /\bRadio Free Europe\b|\bRadio Liberty\b|\bRFE\/RL\b/,
    'Radio Free Europe/Radio Liberty',
    'broadcaster',
  ],
  [/\bKommersant\b|Коммерсант\p{L}*/u, 'Kommersant', 'newspaper'],
  [/\bVedomosti\b|Ведомост\p{L}*/u, 'Vedomosti', 'newspaper'],
  [/\bThe New York Times\b/, 'The New York Times', 'newspaper'],
  [/\bThe Washington Post\b/, 'The Washington Post', 'newspaper'],
  [/\bThe Guardian\b/, 'The Guardian', 'newspaper'],
  [/\bFinancial Times\b/, 'Financial Times', 'newspaper'],
  [/\bLe Monde\b/, 'Le Monde', 'newspaper'],
  [
    /\bHuman Rights Council\b|Совет\p{L}* ООН по правам человека/u,
    'UN Human Rights Council',
    'official',
  ],
  [/\bSecurity Council\b|Совет\p{L}* Безопасности ООН/u, 'UN Security Council', 'official'],
  [/\bGeneral Assembly\b|Генеральн\p{L}* Ассамбле\p{L}*/u, 'UN General Assembly', 'official'],
];

// "news agency «X»", "газета «X»": the name in quotation marks, typed by the noun before it.
const NAMED: [RegExp, WireSourceType][] = [
  [/(?:news\s+)?agency\s+«([^«»]{2,40})»|агентств\p{L}*\s+«([^«»]{2,40})»/giu, 'news_agency'],
  [/newspaper\s+«([^«»]{2,40})»|газет\p{L}*\s+«([^«»]{2,40})»/giu, 'newspaper'],
  [
    /(?:TV\s+)?channel\s+«([^«»]{2,40})»|broadcaster\s+«([^«»]{2,40})»|телеканал\p{L}*\s+«([^«»]{2,40})»/giu,
    'broadcaster',
  ],
];
const STATE_MEDIA = /\b(\p{Lu}\p{Ll}+)\s+state\s+(media|television|TV)\b/gu;
const STATE_MEDIA_RU = /(\p{L}+)\s+(?:государственные|госуд\.)\s+СМИ|(\p{L}+)\s+госСМИ/giu;
// "the Belarusian Foreign Ministry", "Russia's Defence Ministry": an official source.
const MINISTRY =
  /\b(\p{Lu}\p{Ll}+(?:['’]s)?)\s+(Foreign|Interior|Defen[cs]e|Health|Justice|Finance|Emergencies)\s+Ministry\b/gu;
const ACCORDING_TO =
  /\b(?:according to|citing)\s+((?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3})|по данным\s+(\p{Lu}[\p{L}-]*)|как сообщает\s+(\p{Lu}[\p{L}-]*)/gu;

/** "his/her Telegram channel", "on Twitter": the speaker's own account, named after them. */
export const OWN_CHANNEL =
  /\b(?:in|on)\s+(?:his|her|their)\s+(Telegram|Twitter|Facebook|Instagram|YouTube|VK)(?:\s+(?:channel|account|page))?|\bon\s+(Telegram|Twitter|Facebook|X)\b|в\s+сво\p{L}*\s+(Telegram|Twitter|Facebook|Instagram)[-\s]?(?:канал\p{L}*|аккаунт\p{L}*)?/iu;

export const ownChannelName = (person: string, platform: string) => {
  const p =
    platform.toLowerCase() === 'x'
      ? 'X'
      : platform.charAt(0).toUpperCase() + platform.slice(1).toLowerCase();
  return `${person}'s ${p} ${p === 'Telegram' || p === 'Youtube' ? 'channel' : 'account'}`.replace(
    'Youtube',
    'YouTube'
  );
};

export class SourceRegistry {
  readonly sources: ProposedSource[] = [];
  readonly mentions: SourceMention[] = [];

  add(name: string, type: WireSourceType, mention: string): ProposedSource {
    const key = latinise(name);
    let source = this.sources.find((s) => latinise(s.name) === key);
    if (!source) {
      source = { key: `source-${this.sources.length + 1}`, name, type, mentions: [] };
      this.sources.push(source);
    }
    if (!source.mentions.includes(mention)) source.mentions.push(mention);
    return source;
  }

  mention(source: ProposedSource, paragraph: number, start: number, end: number) {
    this.mentions.push({ key: source.key, paragraph, start, end });
  }

  /** A source named by `match` (its whole text) at its place in the paragraph. */
  found(
    name: string,
    type: WireSourceType,
    paragraph: number,
    match: RegExpExecArray | RegExpMatchArray
  ) {
    const at = match.index ?? 0;
    this.mention(this.add(name, type, match[0]), paragraph, at, at + match[0].length);
  }
}

export const typeOf = (name: string): WireSourceType =>
  KNOWN.find(([re]) => re.test(name))?.[2] ?? 'other';
export const canonical = (name: string) => KNOWN.find(([re]) => re.test(name))?.[1] ?? name;

/**
 * Every source the paragraphs name. `isPerson` keeps "according to Putin" from becoming a source.
 */
export const findSources = (
  paragraphs: string[],
  registry: SourceRegistry,
  isPerson: (paragraph: number, start: number) => boolean
) => {
  paragraphs.forEach((text, paragraph) => {
    for (const [re, name, type] of KNOWN) {
      for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
        registry.found(name, type, paragraph, m);
      }
    }
    for (const [re, type] of NAMED) {
      for (const m of text.matchAll(re)) {
        const raw = m.slice(1).find(Boolean) ?? '';
        registry.mention(
          registry.add(canonical(raw.trim()), type, raw.trim()),
          paragraph,
          m.index,
          m.index + m[0].length
        );
      }
    }
    for (const m of text.matchAll(STATE_MEDIA)) {
      registry.found(`${m[1]} state media`, 'broadcaster', paragraph, m);
    }
    for (const m of text.matchAll(STATE_MEDIA_RU)) {
      const adjective = (m[1] ?? m[2] ?? '').toLowerCase();
      const name = `${adjective.charAt(0).toUpperCase()}${adjective.slice(1)} государственные СМИ`;
      registry.found(name, 'broadcaster', paragraph, m);
    }
    for (const m of text.matchAll(MINISTRY)) {
      const name = `${m[1].replace(/['’]s$/, '')} ${m[2]} Ministry`;
      registry.found(name, 'official', paragraph, m);
    }
    for (const m of text.matchAll(ACCORDING_TO)) {
      const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/^the\s+/, '');
      const at = m.index + m[0].length - raw.length;
      if (!raw || isPerson(paragraph, at) || /^(police|officials?|sources?|witnesses)$/i.test(raw))
        continue;
      registry.mention(
        registry.add(canonical(raw), typeOf(raw), raw),
        paragraph,
        at,
        at + raw.length
      );
    }
  });
};

/**
 * "told the council", "the agency reported": a source named earlier, by the last word of its name.
 * The nearest one before `paragraph` wins; none when no earlier source ends in that word.
 */
export const backReference = (
  registry: SourceRegistry,
  segment: string,
  paragraph: number
): ProposedSource | undefined => {
  const noun =
    /\bthe\s+(council|agency|ministry|channel|newspaper|broadcaster|assembly|committee)\b/i.exec(
      segment
    )?.[1];
  if (!noun) return undefined;
  const earlier = registry.mentions
    .filter((m) => m.paragraph <= paragraph)
    .map((m) => registry.sources.find((s) => s.key === m.key))
    .filter((s): s is ProposedSource => Boolean(s && new RegExp(`\\b${noun}$`, 'i').test(s.name)));
  return earlier.at(-1);
};
