// People named in the copy. Precision over recall: a capitalised run counts as a person only next to
// a title or role ("US Secretary of State Mike Pompeo"), or as the subject of a speech verb; a surname
// alone counts only where the full name is in the story (or a title stands before it).
import { nameTokens, sameToken } from './normalise';
import type { ProposedPerson } from './types';

export interface PersonMention {
  key: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface PeopleFound {
  people: ProposedPerson[];
  mentions: PersonMention[];
}

export const TITLE_WORDS = new Set(
  (
    'president presidents premier minister secretary secretary-general commissioner chancellor spokesman ' +
    'spokeswoman spokesperson leader head chief director chairman chairwoman chair governor mayor ' +
    'ambassador senator envoy counterpart king queen prince pope patriarch ceo founder deputy speaker ' +
    'adviser advisor aide prosecutor judge commander general colonel lawyer activist analyst ' +
    'correspondent journalist editor blogger candidate rapporteur representative coordinator ' +
    'президент премьер премьер-министр министр глава лидер председатель пресс-секретарь представитель ' +
    'спикер губернатор мэр посол генсек секретарь директор депутат советник кандидат комиссар ' +
    'member верховный правозащитник оппозиционер политик командующий'
  ).split(' ')
);
const SPEECH_VERBS =
  'said|says|told|wrote|writes|added|stated|declared|noted|stressed|emphasi[sz]ed|announced|explained|' +
  'warned|insisted|replied|asked|continued|recalled|tweeted|posted|commented|argued|urged|demanded|' +
  'called|заявил[аи]?|сказал[аи]?|написал[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|' +
  'пояснил[аи]?|призвал[аи]?|заявляет|говорит|пишет';
const SPEECH_AFTER = new RegExp(
  `^[\\s,]*(?:also\\s+|has\\s+|had\\s+|также\\s+)?(?:${SPEECH_VERBS})(?![\\p{L}])`,
  'u'
);
const SPEECH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${SPEECH_VERBS})\\s*$`, 'u');

// Capitalised words that are never part of a personal name.
const NOT_NAMES = new Set(
  (
    'the a an this that these those it he she they we i in on at of for to and but or as by from with ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december earlier later meanwhile however according speaking ' +
    'russian belarusian ukrainian french german american british chinese polish european lithuanian ' +
    'latvian estonian georgian kazakh armenian italian spanish turkish iranian israeli english ' +
    'federation council union republic ministry committee sea agency service party court office states ' +
    'nations kingdom government parliament assembly department bank fund organization organisation ' +
    'house city square street news media press state human rights black white west east north south ' +
    'un us uk eu nato kremlin telegram twitter facebook interfax reuters tass minsk moscow kyiv sochi ' +
    'paris geneva washington london berlin brussels belarus russia ukraine france germany poland ' +
    'в на и о об от по из за с к для при это'
  ).split(' ')
);

const CAP_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;
const isTitle = (word: string) => TITLE_WORDS.has(word.toLowerCase());
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ич|вна)$/i;
const stripPossessive = (word: string) => word.replace(/['’]s$/, '').replace(/['’]$/, '');
const isNameWord = (word: string) =>
  /^\p{Lu}\p{Ll}/u.test(word) &&
  !NOT_NAMES.has(word.toLowerCase()) &&
  !isTitle(word) &&
  word.length > 1;

/** Words before `at` in the same clause (no comma, colon or quote in between), nearest last. */
const clauseBefore = (text: string, at: number) => {
  const before = text.slice(0, at);
  const cut = Math.max(
    ...[',', ';', ':', '«', '»', '(', '. ', '—'].map((c) => before.lastIndexOf(c))
  );
  return before.slice(cut + 1).trim();
};

/** "UN High Commissioner for Human Rights" from "…, UN High Commissioner for Human Rights". */
const roleBefore = (text: string, at: number): { titled: boolean; role?: string } => {
  const words = clauseBefore(text, at).split(/\s+/).filter(Boolean);
  let title = -1;
  for (let i = words.length - 1; i >= Math.max(0, words.length - 8); i -= 1) {
    if (isTitle(words[i].replace(/[^\p{L}-]/gu, ''))) {
      title = i;
      break;
    }
  }
  if (title < 0) return { titled: false };
  let start = title;
  // Modifiers before the title: capitalised words and a few lower-case ones ("deputy foreign minister").
  while (
    start > 0 &&
    (/^\p{Lu}/u.test(words[start - 1]) ||
      /^(deputy|foreign|prime|vice|high|former|acting|interim|opposition|state|chief)$/i.test(
        words[start - 1]
      ))
  )
    start -= 1;
  const role = words
    .slice(start)
    .join(' ')
    .replace(/^(the|his|her|their|its)\s+/i, '');
  // "his Russian counterpart Vladimir Putin": a person, but "counterpart" is no role to record.
  if (/counterpart$/i.test(role)) return { titled: true };
  return { titled: true, role: role.charAt(0).toUpperCase() + role.slice(1) };
};

interface Candidate {
  name: string;
  role?: string;
  paragraph: number;
  start: number;
  end: number;
  titled?: boolean;
}

export const findPeople = (paragraphs: string[]): PeopleFound => {
  const full: Candidate[] = [];
  const single: Candidate[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const run of text.matchAll(CAP_RUN)) {
      const words = run[0].split(/\s+/);
      const offsets: number[] = [];
      let cursor = run.index;
      for (const w of words) {
        cursor = text.indexOf(w, cursor);
        offsets.push(cursor);
        cursor += w.length;
      }
      // The name is the run's tail: given name + surname, with a patronymic or initial between.
      let size = 0;
      for (let i = words.length - 1; i >= 0 && size < 3; i -= 1) {
        const w = stripPossessive(words[i]);
        if (!isNameWord(w) && !(size > 0 && PATRONYMIC.test(w))) break;
        size += 1;
      }
      if (size === 3 && !PATRONYMIC.test(words[words.length - 2])) size = 2;
      if (size === 0) continue;
      const first = words.length - size;
      const start = offsets[first];
      const lastWord = words[words.length - 1];
      const end = offsets[words.length - 1] + stripPossessive(lastWord).length;
      const name = text.slice(start, end);
      let { titled, role } = roleBefore(text, start);
      // Apposition: "Belarus's ambassador to the UN, Yury Ambrazevich," or "Anton Rodnenkov, a council member".
      if (!titled && /,\s*$/.test(text.slice(0, start)))
        ({ titled, role } = roleBefore(text, text.slice(0, start).lastIndexOf(',')));
      const appended = /^,\s+(?:the\s+|a\s+|an\s+)?([^,.;:«»]{2,60})/u.exec(text.slice(end));
      if (!titled && appended && appended[1].split(/\s+/).some((w) => isTitle(w))) {
        titled = true;
        role ??= appended[1].replace(/\s+(?:who|which|that|whose)\b.*$/u, '').trim();
      }
      const after = text.slice(end);
      const before = text.slice(0, start);
      const speaks = SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before);
      const candidate = { name, role, paragraph, start, end };
      if (size >= 2 && (titled || speaks)) full.push(candidate);
      else single.push({ ...candidate, titled });
    }
  });

  // People keyed by surname; full names first, then surnames alone that match one of them.
  const people: ProposedPerson[] = [];
  const mentions: PersonMention[] = [];
  const bySurname = (surname: string) =>
    people.filter((p) => sameToken(nameTokens(p.name).at(-1) ?? '', surname));
  for (const c of full) {
    const tokens = nameTokens(c.name);
    const existing = people.find((p) => {
      const t = nameTokens(p.name);
      return sameToken(t.at(-1) ?? '', tokens.at(-1) ?? '') && sameToken(t[0], tokens[0]);
    });
    const person = existing ?? { key: `person-${people.length + 1}`, name: c.name, mentions: [] };
    if (!existing) people.push(person);
    if (!person.role && c.role) person.role = c.role;
    if (!person.mentions.includes(c.name)) person.mentions.push(c.name);
    mentions.push({ key: person.key, paragraph: c.paragraph, start: c.start, end: c.end });
  }
  for (const c of single) {
    const words = c.name.split(/\s+/);
    // Within a longer run only the last word can be a surname ("President Putin").
    const surname = stripPossessive(words.at(-1) ?? '');
    const start = c.end - surname.length;
    const matches = bySurname(nameTokens(surname).join(''));
    let person: ProposedPerson | undefined = matches.length === 1 ? matches[0] : undefined;
    if (!person && matches.length === 0 && c.titled && words.length === 1 && isNameWord(surname)) {
      // A titled surname with no full name anywhere ("President Putin"): a person known by surname.
      person = { key: `person-${people.length + 1}`, name: surname, role: c.role, mentions: [] };
      people.push(person);
    }
    if (!person) continue;
    if (!person.mentions.includes(surname)) person.mentions.push(surname);
    mentions.push({ key: person.key, paragraph: c.paragraph, start, end: c.end });
  }
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { people, mentions };
};
