// People named in the copy. Precision over recall: a capitalised run counts as a person only next to
// a title or role ("US Secretary of State Mike Pompeo"), or as the subject of a speech verb; a surname
// alone counts only where the full name is in the story (or a title stands before it).
import { nameTokens, sameToken } from './normalise';
import { isTitle, NOT_NAMES } from './lexicon';
import { sameSurnameInflected } from './russian';
import type { ProposedPerson } from './types';

export { TITLE_WORDS } from './lexicon';

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

const SPEECH_VERBS =
  'said|says|told|wrote|writes|added|stated|declared|noted|stressed|emphasi[sz]ed|announced|explained|' +
  'warned|insisted|replied|asked|continued|recalled|tweeted|posted|commented|argued|urged|demanded|' +
  'called|заявил[аи]?|сказал[аи]?|написал[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|' +
  'пояснил[аи]?|призвал[аи]?|заявляет|говорит|пишет';
// "X said", "X has also said", "Лихачев ранее заявил", and "X, a 34-year-old tourist, told": the
// verb after the name, past adverbs and an apposition between commas.
const SPEECH_AFTER = new RegExp(
  `^(?:,\\s+[^,.;:«»]{2,80},)?[\\s,]*(?:(?:also|has|had|earlier|later|then|также|ранее|позже|затем)\\s+)*(?:${SPEECH_VERBS})(?![\\p{L}])`,
  'u'
);
const SPEECH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${SPEECH_VERBS})\\s*$`, 'u');

const CAP_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ич|вна)$/i;
const stripPossessive = (word: string) => word.replace(/['’]s$/, '').replace(/['’]$/, '');
/** The word right before `at` (punctuation dropped), '' at a clause break. */
const wordBefore = (text: string, at: number) => {
  const m = /([\p{L}-]+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
  return m?.[1] ?? '';
};
const isNameWord = (word: string) =>
  /^\p{Lu}\p{Ll}/u.test(word) &&
  !NOT_NAMES.has(word.toLowerCase()) &&
  !isTitle(word) &&
  word.length > 1;

/** Words before `at` in the same clause (no comma, colon or quote in between), nearest last. */
const clauseBefore = (text: string, at: number) => {
  const before = text.slice(0, at);
  // A short name in quotation marks belongs to the role ("глава «Росатома» Алексей Лихачев").
  const unquoted = before.replace(/«[^«»,.:;]{1,40}»/gu, (m) => '_'.repeat(m.length));
  const cut = Math.max(
    ...[',', ';', ':', '«', '»', '(', '. ', '—'].map((c) => unquoted.lastIndexOf(c))
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
      // Three names only with a patronymic between or a title right before ("Director-General
      // Tedros Adhanom Ghebreyesus"); else the first is a qualifier ("Infrastructure Development X").
      // (Russian three-word names are with a patronymic: "президента России Дмитрий Песков" is two.)
      const titleBefore = words.length > 3 ? words[words.length - 4] : wordBefore(text, run.index);
      const titledThree = isTitle(titleBefore) && !/\p{Script=Cyrillic}/u.test(titleBefore);
      if (size === 3 && !PATRONYMIC.test(words[words.length - 2]) && !titledThree) size = 2;
      if (size === 0) continue;
      const first = words.length - size;
      const start = offsets[first];
      // "Minister of Climate", "for Disease Control", "the Bundestag": a name never follows these.
      if (first === 0 && /(?:^|\s)(?:of|for|the|по|для)\s+$/u.test(text.slice(0, start))) continue;
      const directTitle = isTitle(first > 0 ? words[first - 1] : wordBefore(text, start));
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
      else single.push({ ...candidate, titled: titled && directTitle });
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
    let matches = bySurname(nameTokens(surname).join(''));
    // "Путина" is Путин in the genitive; "Tedros" alone is Tedros Adhanom Ghebreyesus's given name.
    if (matches.length === 0)
      matches = people.filter((p) =>
        sameSurnameInflected(p.name.split(/\s+/).at(-1) ?? '', surname)
      );
    if (matches.length === 0 && words.length === 1)
      matches = people.filter((p) => {
        const given = p.name.split(/\s+/);
        return given.length > 1 && given[0] === surname;
      });
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
