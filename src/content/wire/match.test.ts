import { describe, expect, it } from 'vitest';
import { matchReferences } from './match';
import type {
  KnownPerson,
  KnownSource,
  ProposedPerson,
  ProposedSource,
  WireExtraction,
} from './types';

const PEOPLE: KnownPerson[] = [
  {
    documentId: 'luk',
    name: 'Alexander Lukashenko',
    aliases: ['Lukashenka', 'Аляксандр Лукашэнка'],
  },
  { documentId: 'put', name: 'Vladimir Putin', aliases: ['Владимир Путин'] },
  { documentId: 'pom', name: 'Mike Pompeo', aliases: ['Michael Pompeo'] },
  { documentId: 'tik', name: 'Svetlana Tikhanovskaya', aliases: [] },
  { documentId: 'bac', name: 'Michelle Bachelet', aliases: [] },
  { documentId: 'nav', name: 'Alexei Navalny', aliases: [] },
  { documentId: 'yul', name: 'Yulia Navalnaya', aliases: [] },
  { documentId: 'pes', name: 'Dmitry Peskov', aliases: [] },
];
const SOURCES: KnownSource[] = [
  { documentId: 'rtr', name: 'Reuters' },
  { documentId: 'unhrc', name: 'United Nations Human Rights Council' },
  { documentId: 'ifx', name: 'Interfax' },
  { documentId: 'tel', name: "Svetlana Tikhanovskaya's Telegram channel" },
];

const extraction = (
  people: Omit<ProposedPerson, 'key'>[],
  sources: Omit<ProposedSource, 'key'>[] = []
): WireExtraction => ({
  format: 'text',
  language: 'en',
  removed: [],
  story: {
    title: 't',
    paragraphs: [],
    quotes: [],
    flagged: [],
    people: people.map((p, i) => ({ key: `p${i}`, ...p })),
    sources: sources.map((s, i) => ({ key: `s${i}`, ...s })),
  },
});
const person = (name: string, mentions: string[] = [name]) => ({ name, mentions });
const matchOne = (name: string, people = PEOPLE) =>
  matchReferences(extraction([person(name)]), people, SOURCES).people.p0;

describe('matchReferences: people', () => {
  it.each([
    ['Alexander Lukashenko', 'luk', 'name'],
    ['alexander LUKASHENKO', 'luk', 'name'],
    ['Lukashenka', 'luk', 'alias'],
    ['Александр Лукашенко', 'luk', 'variant'],
    ['Alexander Lukashenka', 'luk', 'variant'],
    ['Aliaksandr Lukashenka', 'luk', 'variant'],
    ['Владимир Путин', 'put', 'alias'],
    ['Sviatlana Tsikhanouskaya', 'tik', 'variant'],
    ['Святлана Ціханоўская', 'tik', 'variant'],
    ['Michèle Bachelet', 'bac', 'variant'],
    ['Bachelet', 'bac', 'variant'],
    ['Pompeo', 'pom', 'variant'],
    ['Michael Pompeo', 'pom', 'alias'],
    ['Navalny', 'nav', 'variant'],
    ['Navalnaya', 'yul', 'variant'],
  ])('%s → %s by %s', (name, documentId, by) => {
    expect(matchOne(name)).toMatchObject({ documentId, by });
  });

  it.each([
    'Putin Pompeo',
    'Pompei',
    'Petkov',
    'Alexei Navalnaya',
    'Yulia Navalny',
    'Ivan Petrov',
    'Vladimir Pompeo',
    'Emmanuel Macron',
  ])('%s matches nobody it is not', (name) => expect(matchOne(name)).toBeNull());

  it('"Putin" matches Putin and never Pompeo', () => {
    expect(matchOne('Putin')).toMatchObject({ documentId: 'put' });
  });

  it('a surname shared by two known people matches neither', () => {
    const twins = [...PEOPLE, { documentId: 'lu2', name: 'Viktor Lukashenko', aliases: [] }];
    expect(matchOne('Lukashenko', twins)).toBeNull();
    expect(matchOne('Alexander Lukashenko', twins)).toMatchObject({ documentId: 'luk' });
  });

  it('a full name in the copy never matches another person through a surname alias', () => {
    const proposal = extraction([person('Viktor Lukashenko', ['Viktor Lukashenko', 'Lukashenko'])]);
    expect(matchReferences(proposal, PEOPLE, SOURCES).people.p0).toBeNull();
  });

  it('uses every spelling the copy used', () => {
    const known = [{ documentId: 'luk', name: 'Aliaksandr Lukashenka', aliases: [] }];
    const result = matchReferences(
      extraction([person('Lukashenko', ['Лукашенко', 'Lukashenka'])]),
      known,
      []
    );
    expect(result.people.p0).toMatchObject({ documentId: 'luk', by: 'variant' });
  });
});

describe('matchReferences: sources', () => {
  const matchSource = (name: string) =>
    matchReferences(extraction([], [{ name, type: 'other', mentions: [name] }]), PEOPLE, SOURCES)
      .sources.s0;
  it.each([
    ['Reuters', 'rtr', 'name'],
    ['REUTERS', 'rtr', 'name'],
    ['UN Human Rights Council', 'unhrc', 'variant'],
    ['Интерфакс', 'ifx', 'variant'],
    ["Sviatlana Tsikhanouskaya's Telegram channel", 'tel', 'variant'],
  ])('%s → %s by %s', (name, documentId, by) =>
    expect(matchSource(name)).toMatchObject({ documentId, by })
  );
  it.each(['UN Security Council', 'TASS', 'Reuters Television'])('%s is new', (name) =>
    expect(matchSource(name)).toBeNull()
  );
});
