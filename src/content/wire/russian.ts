// Russian inflection, just enough for names in agency copy: a surname in any case ("Путина",
// "Лихачеву", "Тихановской") reduced to a stem that its nominative shares, and a venue or body in
// the genitive or prepositional ("на заседании Государственной комиссии") put back in the nominative,
// as it would be filed as a source.

const CYRILLIC = /^[\p{Script=Cyrillic}-]+$/u;
const CASE_ENDINGS = [
  'ого',
  'ому',
  'ой',
  'ою',
  'ая',
  'ую',
  'ым',
  'ом',
  'ем',
  'ей',
  'ы',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'и',
];

/** The stem a Russian surname keeps in every case; other words come back as they are. */
export const surnameStem = (word: string): string => {
  const w = word.toLowerCase();
  if (!CYRILLIC.test(w) || w.length < 5) return w;
  const ending = CASE_ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 4);
  return ending ? w.slice(0, -ending.length) : w;
};

/** Two Cyrillic surnames that are case forms of one another (Путин/Путина, not Петров/Петренко). */
export const sameSurnameInflected = (a: string, b: string): boolean =>
  CYRILLIC.test(a) && CYRILLIC.test(b) && surnameStem(a) === surnameStem(b);

// Noun endings, oblique → nominative, for the head noun of a body's name (feminine -ия, -а;
// masculine and neuter nouns are left alone: "совета" → "совет" needs a dictionary).
const NOUN: [RegExp, string][] = [
  [/ии$/u, 'ия'],
  [/ией$/u, 'ия'],
];
const ADJECTIVE_FEMININE: [RegExp, string][] = [[/(?:ой|ую|ей)$/u, 'ая']];

/**
 * "Государственной комиссии по вопросам развития Арктики" → "Государственная комиссия по вопросам
 * развития Арктики": the leading adjectives and the head noun in the nominative, the rest as it is.
 * Only feminine -ия heads are put back (the common "комиссия", "администрация", "организация"); any
 * other phrase comes back unchanged rather than misspelled.
 */
export const nominative = (phrase: string): string => {
  const words = phrase.split(/\s+/);
  const head = words.findIndex((w) => /^[\p{Ll}]/u.test(w) && NOUN.some(([re]) => re.test(w)));
  if (head < 0 || head > 3) return phrase;
  const adjectives = words.slice(0, head);
  if (!adjectives.every((w) => /(?:ой|ей)$/u.test(w))) return phrase;
  const fix = (w: string, table: [RegExp, string][]) =>
    table.reduce((x, [re, to]) => x.replace(re, to), w);
  return [
    ...adjectives.map((w) => fix(w, ADJECTIVE_FEMININE)),
    fix(words[head], NOUN),
    ...words.slice(head + 1),
  ].join(' ');
};

/** A name in quotation marks in the genitive ("«Росатома»") → its nominative ("Росатом"). */
export const nominativeName = (name: string): string =>
  CYRILLIC.test(name.replace(/\s/g, '')) && /[^аеёиоуыэюя]а$/u.test(name)
    ? name.slice(0, -1)
    : name;
