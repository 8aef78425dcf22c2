// Where words were said or published, read from an attribution. The rule the labels follow:
// the source is the place the copy names — a broadcaster, newspaper or agency the speaker told, a
// venue ("at the White House", "addressing parliament", "in the Bundestag debate"), the body that
// released a statement, a programme ("on the X telethon"), the organisation of a spokesperson or a
// press service, the institution whose news conference it was; the carrying agency only when the
// copy names none of these (quotes.ts falls back to it).
import { nominative, nominativeName } from './russian';
import type { WireSourceType } from './types';

export interface Venue {
  name: string;
  type: WireSourceType;
  /** Offset of the name in the segment. */
  at: number;
  /** "a news conference", "a briefing": the speaker's own institution, named elsewhere. */
  institutional?: boolean;
}

const CAP = String.raw`\p{Lu}[\p{L}\p{N}'’&-]*`;
// A proper name: capitalised words, with "of/for/and/the" between them ("Africa Centres for Disease
// Control and Prevention").
const NAME = String.raw`${CAP}(?:\s+(?:(?:of|for|and|the|de|du)\s+)*${CAP})*`;
const MEDIA_NOUN =
  'broadcaster|newspaper|daily|weekly|magazine|radio|television|TV|channel|news agency|agency|website|outlet|telethon|programme|program|show';
const mediaType = (noun = ''): WireSourceType =>
  /agency/i.test(noun)
    ? 'news_agency'
    : /newspaper|daily|weekly|magazine|website|outlet/i.test(noun)
      ? 'newspaper'
      : noun
        ? 'broadcaster'
        : 'other';

const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<Venue, 'at'> | undefined][] = [
  // "told public broadcaster ERT", "told the Boersen-Zeitung newspaper", "telling the Bundestag".
  [
    new RegExp(
      String.raw`\b(?:told|telling|tells)\s+(?:the\s+|a\s+)?(?:(?:[\p{Ll}-]+\s+){0,2}(${MEDIA_NOUN})\s+)?(${NAME})(?:\s+(${MEDIA_NOUN}))?`,
      'u'
    ),
    (m) => ({ name: m[2], type: mediaType(m[1] ?? m[3]) }),
  ],
  // "on the air of the United News telethon", "on Channel 4 News programme".
  [
    new RegExp(
      String.raw`\bon\s+(?:the\s+air\s+of\s+)?(?:the\s+)?(${NAME}\s+(?:telethon|programme|program|show|radio))\b`,
      'u'
    ),
    (m) => ({ name: m[1], type: 'broadcaster' }),
  ],
  [
    new RegExp(
      String.raw`\bin\s+a\s+statement\s+(?:released|issued|published|posted)\s+by\s+(?:the\s+)?(${NAME})`,
      'u'
    ),
    (m) => ({ name: m[1], type: 'official' }),
  ],
  // "said at the White House", "speaking at the Munich Security Conference".
  [new RegExp(String.raw`\bat\s+the\s+(${NAME})`, 'u'), (m) => ({ name: m[1], type: 'official' })],
  // "addressing the Senate", "in the Bundestag debate".
  [
    new RegExp(
      String.raw`\baddressing\s+(?:the\s+)?(${NAME})|\bin\s+the\s+(${NAME})\s+(?:debate|session|hearing)\b`,
      'u'
    ),
    (m) => ({ name: m[1] ?? m[2], type: 'official' }),
  ],
  // "a spokesperson for the Africa Centres for Disease Control", "an EU Commission spokesman".
  [
    new RegExp(
      String.raw`\bspokes(?:person|man|woman)\s+(?:for|of)\s+(?:the\s+)?(${NAME})|\b(?:a|an|the)\s+(${NAME})\s+spokes(?:person|man|woman)\b`,
      'u'
    ),
    (m) => ({ name: m[1] ?? m[2], type: 'official' }),
  ],
  [
    /\b(?:a|an|the)\s+(?:news|press)\s+conference\b|\ba\s+(?:news\s+|press\s+)?briefing\b/iu,
    () => ({ name: '', type: 'official', institutional: true }),
  ],
  // "на заседании Государственной комиссии по вопросам развития Арктики:".
  [
    /(?<!\p{L})на\s+(?:заседании|совещании|пленарном\s+заседании|конференции|форуме|брифинге)\s+(\p{Lu}[^:;,.«»]{2,80}?)(?=\s*[:;,.]|$)/u,
    (m) => ({ name: nominative(m[1].trim()), type: 'official' }),
  ],
  // "В пресс-службе «Росатома» сообщили": the organisation whose press service spoke.
  [
    /пресс-служб\p{L}*\s+(?:\p{Ll}+\s+)?«([^«»]{2,40})»/iu,
    (m) => ({ name: nominativeName(m[1]), type: 'official' }),
  ],
];

/** The first venue an attribution names, if any. */
export const venueIn = (segment: string): Venue | undefined => {
  for (const [re, read] of PATTERNS) {
    const m = re.exec(segment);
    const venue = m ? read(m) : undefined;
    if (m && venue) return { ...venue, name: venue.name.trim(), at: m.index };
  }
  return undefined;
};
