// The wire story in ../shared/samples/belarus-sochi-talks.txt, cleaned: one headline, entities
// decoded to « », doubled full stops and page debris removed. Everything else is as it arrived.

export interface DemoPerson {
  key: string;
  name: string;
  aliases: string[];
  role: string;
  organization?: string;
  country: string;
  wikidataId?: string;
}

export interface DemoSource {
  key: string;
  name: string;
  type:
    | 'news_agency'
    | 'newspaper'
    | 'broadcaster'
    | 'social_media'
    | 'official'
    | 'document'
    | 'ngo'
    | 'other';
  url?: string;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  description: string;
}

export interface DemoQuote {
  text: string;
  speaker: string;
  source: string;
  context: string;
  saidAt?: string;
  verified: boolean;
  verificationNote?: string;
}

export interface DemoStory {
  title: string;
  standfirst: string;
  dateline: string;
  byline: string;
  section: string;
  paragraphs: string[];
  people: string[];
  sources: string[];
  quotes: DemoQuote[];
}

export const PEOPLE: DemoPerson[] = [
  {
    key: 'lukashenko',
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
    key: 'putin',
    name: 'Vladimir Putin',
    aliases: ['Владимир Путин'],
    role: 'President of Russia',
    country: 'RU',
    wikidataId: 'Q7747',
  },
  {
    key: 'bachelet',
    name: 'Michelle Bachelet',
    aliases: ['Michelle Bachelet Jeria'],
    role: 'UN High Commissioner for Human Rights',
    organization: 'United Nations',
    country: 'CL',
  },
  {
    key: 'tikhanovskaya',
    name: 'Svetlana Tikhanovskaya',
    aliases: ['Sviatlana Tsikhanouskaya', 'Светлана Тихановская', 'Святлана Ціханоўская'],
    role: 'Leader of the Belarusian opposition',
    country: 'BY',
  },
  {
    key: 'macron',
    name: 'Emmanuel Macron',
    aliases: [],
    role: 'President of France',
    country: 'FR',
    wikidataId: 'Q3052772',
  },
  {
    key: 'pompeo',
    name: 'Mike Pompeo',
    aliases: ['Michael Pompeo'],
    role: 'US Secretary of State',
    organization: 'US Department of State',
    country: 'US',
  },
];

export const SOURCES: DemoSource[] = [
  {
    key: 'interfax',
    name: 'Interfax',
    type: 'news_agency',
    url: 'https://www.interfax.ru',
    reliability: 'B',
    description: 'Russian news agency.',
  },
  {
    key: 'reuters',
    name: 'Reuters',
    type: 'news_agency',
    url: 'https://www.reuters.com',
    reliability: 'A',
    description: 'International news agency.',
  },
  {
    key: 'belarus-state-media',
    name: 'Belarusian state media',
    type: 'broadcaster',
    reliability: 'D',
    description: 'State television and the state news agency of Belarus.',
  },
  {
    key: 'tikhanovskaya-telegram',
    name: "Svetlana Tikhanovskaya's Telegram channel",
    type: 'social_media',
    reliability: 'B',
    description: 'The opposition leader’s own channel: what she says, in her words.',
  },
  {
    key: 'unhrc',
    name: 'UN Human Rights Council',
    type: 'official',
    url: 'https://www.ohchr.org/en/hrbodies/hrc/home',
    reliability: 'A',
    description: 'Sessions of the Council in Geneva and statements made there.',
  },
  {
    key: 'voa',
    name: 'Voice of America',
    type: 'broadcaster',
    url: 'https://www.voanews.com',
    reliability: 'B',
    description: 'US international broadcaster; its Russian service carried the story.',
  },
];

const BACHELET_QUOTE =
  '«Given their scale and number, all reports of torture and other forms of ill-treatment by security forces must be documented and investigated with a view to bringing those responsible to justice.»';
const TIKHANOVSKAYA_QUOTE =
  '«I want to remind Vladimir Putin: whatever you accept and whatever you agree on during the meeting in Sochi – it will not be valid. All agreements signed with the illegitimate Lukashenko will be reviewed by the new government. Because the Belarusian people refused to trust and support Lukashenka at the elections. I am very sorry that you decided to conduct a dialogue with the dictator, and not with the Belarusian people.»';

/** The sample's main story: approved and live in the demo. */
export const SOCHI_TALKS: DemoStory = {
  title: 'Lukashenko and Putin: negotiations amid protests',
  standfirst: 'This is the first meeting of the two presidents after the elections in Belarus',
  dateline: 'Sochi',
  byline: 'Voice of America Russian Service',
  section: 'World',
  paragraphs: [
    'President of Belarus Alexander Lukashenko arrived in Sochi on Monday to meet with his Russian counterpart Vladimir Putin and enlist his support amid ongoing protests in the country. This is the first meeting of the two leaders after the elections in Belarus.',
    'Belarusian state media showed Lukashenko getting off his plane at the Black Sea resort, where the Russian president often receives dignitaries. Russian news agencies reported that negotiations began shortly thereafter.',
    'On Sunday, at least 100,000 people took to the streets of Minsk. This is one of the largest protests since the start of the protests. Police say 774 people were detained during Sunday demonstrations.',
    'Russian news agency «Interfax» reported that security forces fired into the air to keep protesters away from areas where the Belarusian leadership lives.',
    'Meanwhile, in Geneva, UN High Commissioner for Human Rights Michelle Bachelet called on Monday to investigate reports of torture during protests against Lukashenka’s re-election.',
    `Speaking at a meeting of the Human Rights Council, Bachelet said: ${BACHELET_QUOTE}`,
    'Russia expressed support for Belarus, allowing the possibility of restructuring its debt. According to Reuters, during the negotiations, which lasted about four hours, President Putin also promised to provide the Belarusian leader with a loan of $1.5 billion. In addition, the President of the Russian Federation proposed, if necessary, to transfer his special forces to Belarus. At the same time, Moscow announced that Russian paratroopers would take part in joint military exercises, «Slavic brotherhood».',
    `The leader of the Belarusian opposition Svetlana Tikhanovskaya, who was Lukashenko’s main rival in the elections, wrote in her Telegram channel: ${TIKHANOVSKAYA_QUOTE}`,
    'Many European leaders have called Putin to express concern about the situation with Belarus. For example, in Paris they say that French President Emmanuel Macron has repeatedly called for a peaceful settlement with respect for the will of the Belarusian people.',
    'Earlier, US Secretary of State Mike Pompeo demanded that the Belarusian authorities immediately release all detained protesters and called on official Minsk to end the violence.',
  ],
  people: ['lukashenko', 'putin', 'bachelet', 'tikhanovskaya', 'macron', 'pompeo'],
  sources: ['interfax', 'reuters', 'belarus-state-media', 'tikhanovskaya-telegram', 'unhrc', 'voa'],
  quotes: [
    {
      text: BACHELET_QUOTE,
      speaker: 'bachelet',
      source: 'unhrc',
      context: 'at a meeting of the UN Human Rights Council in Geneva',
      saidAt: '2020-09-14',
      verified: true,
      verificationNote: 'Matches the High Commissioner’s statement to the Council.',
    },
    {
      text: TIKHANOVSKAYA_QUOTE,
      speaker: 'tikhanovskaya',
      source: 'tikhanovskaya-telegram',
      context: 'in her Telegram channel, before the meeting in Sochi',
      saidAt: '2020-09-14',
      verified: true,
      verificationNote: 'Checked against the post in her Telegram channel.',
    },
  ],
};

/** The sample's other headline: waits in fact-check with a quote nobody has verified yet. */
export const EVE_OF_TALKS: DemoStory = {
  title: 'Tens of thousands of Belarus protesters rally on eve of Putin-Lukashenko talks',
  standfirst: 'At least 100,000 people took to the streets of Minsk on Sunday',
  dateline: 'Minsk',
  byline: 'Voice of America Russian Service',
  section: 'World',
  paragraphs: [
    'On Sunday, at least 100,000 people took to the streets of Minsk, one of the largest protests since the elections. Police say 774 people were detained during the demonstrations.',
    'Russian news agency «Interfax» reported that security forces fired into the air to keep protesters away from areas where the Belarusian leadership lives.',
    'The opposition leader Svetlana Tikhanovskaya warned Moscow ahead of the talks: «All agreements signed with the illegitimate Lukashenko will be reviewed by the new government.»',
  ],
  people: ['lukashenko', 'putin', 'tikhanovskaya'],
  sources: ['interfax', 'tikhanovskaya-telegram'],
  quotes: [
    {
      text: '«All agreements signed with the illegitimate Lukashenko will be reviewed by the new government.»',
      speaker: 'tikhanovskaya',
      source: 'tikhanovskaya-telegram',
      context: 'in her Telegram channel',
      verified: false,
    },
  ],
};
