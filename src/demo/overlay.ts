import type { WireSourceType } from '../content/wire/types';

// What the demo knows that wire copy does not carry: who the people are (roles, countries, Wikidata
// ids, other spellings), how far each source is trusted, and the fact-checker's notes. The stories
// themselves come from raw copy through the importer (src/demo/wire, load-demo.ts). The people and
// sources below exist before the import, so the importer *matches* them (by name or alias) rather
// than creating them: the demo shows matching at work.

export interface DemoPerson {
  name: string;
  aliases: string[];
  role: string;
  organization?: string;
  country: string;
  wikidataId?: string;
}

export interface DemoSource {
  name: string;
  type: WireSourceType;
  url?: string;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  description: string;
}

/** A quote of an imported story, found by its opening words. */
export interface DemoQuoteFacts {
  opening: string;
  saidAt?: string;
  /** Given when the demo fact-checker verifies it; a quote without one stays unverified. */
  verificationNote?: string;
}

export interface DemoStory {
  /** Raw wire copy in src/demo/wire/. */
  file: string;
  /** What the copy does not say: where it was filed, by whom, in which section. */
  story: { dateline: string; byline: string; section: string };
  /** Sources linked besides those the copy names (the carrier, whose name was page furniture). */
  alsoSources: string[];
  quotes: DemoQuoteFacts[];
}

export const PEOPLE: DemoPerson[] = [
  {
    name: 'Alexander Lukashenko',
    aliases: [
      'Lukashenka',
      'Alexander Lukashenka',
      'Aliaksandr Lukashenka',
      'Александр Лукашенко',
      'Аляксандр Лукашэнка',
    ],
    role: 'President of Belarus',
    country: 'BY',
  },
  {
    name: 'Vladimir Putin',
    aliases: ['Владимир Путин'],
    role: 'President of Russia',
    country: 'RU',
    wikidataId: 'Q7747',
  },
  {
    name: 'Michelle Bachelet',
    aliases: ['Michelle Bachelet Jeria'],
    role: 'UN High Commissioner for Human Rights',
    organization: 'United Nations',
    country: 'CL',
  },
  {
    name: 'Svetlana Tikhanovskaya',
    aliases: ['Sviatlana Tsikhanouskaya', 'Светлана Тихановская', 'Святлана Ціханоўская'],
    role: 'Leader of the Belarusian opposition',
    country: 'BY',
  },
  {
    name: 'Emmanuel Macron',
    aliases: [],
    role: 'President of France',
    country: 'FR',
    wikidataId: 'Q3052772',
  },
  {
    name: 'Mike Pompeo',
    aliases: ['Michael Pompeo'],
    role: 'US Secretary of State',
    organization: 'US Department of State',
    country: 'US',
  },
];

export const SOURCES: DemoSource[] = [
  {
    name: 'Interfax',
    type: 'news_agency',
    url: 'https://www.interfax.ru',
    reliability: 'B',
    description: 'Russian news agency.',
  },
  {
    name: 'Reuters',
    type: 'news_agency',
    url: 'https://www.reuters.com',
    reliability: 'A',
    description: 'International news agency.',
  },
  {
    name: 'Belarusian state media',
    type: 'broadcaster',
    reliability: 'D',
    description: 'State television and the state news agency of Belarus.',
  },
  {
    name: "Svetlana Tikhanovskaya's Telegram channel",
    type: 'social_media',
    reliability: 'B',
    description: 'The opposition leader’s own channel: what she says, in her words.',
  },
  {
    name: 'UN Human Rights Council',
    type: 'official',
    url: 'https://www.ohchr.org/en/hrbodies/hrc/home',
    reliability: 'A',
    description: 'Sessions of the Council in Geneva and statements made there.',
  },
  {
    name: 'Voice of America',
    type: 'broadcaster',
    url: 'https://www.voanews.com',
    reliability: 'B',
    description: 'US international broadcaster; its Russian service carried the story.',
  },
];

const VOA = { byline: 'Voice of America Russian Service', section: 'World' };

/** The sample as it arrived: approved and live in the demo. */
export const LIVE_STORY: DemoStory = {
  file: 'belarus-sochi-talks.txt',
  story: { dateline: 'Sochi', ...VOA },
  alsoSources: ['Voice of America'],
  quotes: [
    {
      opening: '«Given their scale and number',
      saidAt: '2020-09-14',
      verificationNote: 'Matches the High Commissioner’s statement to the Council.',
    },
    {
      opening: '«I want to remind Vladimir Putin',
      saidAt: '2020-09-14',
      verificationNote: 'Checked against the post in her Telegram channel.',
    },
  ],
};

/** The eve of the talks: waits in fact-check with a quote nobody has verified yet. */
export const WAITING_STORY: DemoStory = {
  file: 'belarus-eve-of-talks.txt',
  story: { dateline: 'Minsk', ...VOA },
  alsoSources: ['Voice of America'],
  quotes: [{ opening: '«All agreements signed', saidAt: '2020-09-13' }],
};
