import { describe, expect, it } from 'vitest';
import { findPeople } from './people';
import { nominative, nominativeName, sameSurnameInflected } from './russian';

const names = (paragraphs: string[]) => findPeople(paragraphs).people.map((p) => p.name);

describe('findPeople: never a person from an organisation or a role complement', () => {
  it.each([
    ['A spokesman for the Pacific Institute for Ocean Studies said the data were clear.'],
    ['Minister of Culture and the Arts Jane Doe opened the show.', 'Jane Doe'],
    ['The senator told the Senate the bill would pass.'],
    ['The Minister for Fisheries, Forests and Rural Affairs spoke first.'],
    ['A researcher at the Northern Climate Centre says the ice is thinning.'],
  ])('%j', (text, ...people) => expect(names([text])).toEqual(people));
});

describe('findPeople: names and their later references', () => {
  it('keeps a three-word name after a hyphenated title, and links the given name alone', () => {
    const found = findPeople([
      'UNHCR Commissioner-General Amina Bello Okafor opened the meeting.',
      'Amina later added that funds were short.',
    ]);
    expect(found.people).toMatchObject([
      { name: 'Amina Bello Okafor', mentions: ['Amina Bello Okafor', 'Amina'] },
    ]);
    expect(found.mentions).toHaveLength(2);
  });

  it('finds a speaker described by an apposition before the verb', () => {
    expect(
      names(['“It was loud,” Tom Becker, a 50-year-old baker from Leeds, told the BBC.'])
    ).toEqual(['Tom Becker']);
  });

  it('finds a Russian name after a role with a quoted company and links its inflected surname', () => {
    const found = findPeople([
      'Об этом сообщил председатель правления «Аэрофлота» Сергей Миронов.',
      'Слова Миронова подтвердили в компании.',
    ]);
    expect(found.people).toMatchObject([
      { name: 'Сергей Миронов', mentions: ['Сергей Миронов', 'Миронова'] },
    ]);
    expect(found.people[0].role).toMatch(/председатель/i);
  });
});

describe('Russian inflection', () => {
  it('relates case forms of one surname, not two surnames', () => {
    expect(sameSurnameInflected('Миронов', 'Миронову')).toBe(true);
    expect(sameSurnameInflected('Соколова', 'Соколовой')).toBe(true);
    expect(sameSurnameInflected('Миронов', 'Миронenko')).toBe(false);
    expect(sameSurnameInflected('Mironov', 'Mironova')).toBe(false);
  });
  it('puts a feminine body in the nominative and leaves what it cannot', () => {
    expect(nominative('Федеральной службы по труду')).toBe('Федеральной службы по труду');
    expect(nominative('Центральной избирательной комиссии')).toBe(
      'Центральная избирательная комиссия'
    );
    expect(nominativeName('Аэрофлота')).toBe('Аэрофлот');
    expect(nominativeName('Газпром')).toBe('Газпром');
  });
});
