import { describe, expect, it } from 'vitest';
import { layoutStory } from './layout';

const BODY = 'The harbour authority closed the northern pier on Friday after a storm damaged it.';

describe('layoutStory: press releases', () => {
  const release = [
    'News release',
    'Department of Transport',
    '3.2.2025 09.30',
    'New ferry line to connect the outer islands',
    BODY,
    'Contacts:',
    'Jane Roe, Director, tel. +1 555 0100',
  ];
  const layout = layoutStory(release);

  it('takes the headline under the header, and the issuer as the publisher', () => {
    expect(layout.title).toBe('New ferry line to connect the outer islands');
    expect(layout.issuer).toBe('Department of Transport');
    expect(layout.paragraphs).toEqual([BODY]);
  });

  it('reports the header, the date and the contacts block as furniture', () => {
    expect(layout.removed.map((r) => r.text)).toEqual([
      '3.2.2025 09.30',
      'Contacts:',
      'Jane Roe, Director, tel. +1 555 0100',
      'News release',
    ]);
    expect(new Set(layout.removed.map((r) => r.reason))).toEqual(new Set(['page-furniture']));
  });

  it('leaves ordinary copy with an organisation in its first line alone', () => {
    const plain = layoutStory(['Ministry of Health warns of flu wave', BODY]);
    expect(plain.title).toBe('Ministry of Health warns of flu wave');
    expect(plain.issuer).toBeUndefined();
  });
});

describe('layoutStory: datelines', () => {
  it.each([
    ['OSLO, March 3, 2024 (NTB) - ', 'OSLO', 'NTB'],
    ['Vienna (APA) - ', 'Vienna', 'APA'],
    ['Lima (EFE).- ', 'Lima', 'EFE'],
    ['КИЕВ, 2 марта. /Интерфакс/. ', 'КИЕВ', 'Интерфакс'],
  ])('%j', (dateline, place, agency) => {
    const layout = layoutStory(['Storm closes pier in the north', `${dateline}${BODY}`]);
    expect(layout).toMatchObject({ dateline: place, agency, paragraphs: [BODY] });
  });
});

describe('layoutStory: headlines after the story', () => {
  it('removes related links after the last paragraph instead of offering a second story', () => {
    const layout = layoutStory([
      'Storm closes pier in the north',
      BODY,
      'Related stories',
      'Fishermen count losses after the gale',
      'Ferry timetable changes for the winter',
    ]);
    expect(layout.secondStory).toBeUndefined();
    expect(layout.paragraphs).toEqual([BODY]);
    expect(layout.removed.map((r) => r.text)).toEqual([
      'Related stories',
      'Fishermen count losses after the gale',
      'Ferry timetable changes for the winter',
    ]);
  });

  it('still offers a headline between paragraphs as a second story', () => {
    const layout = layoutStory([
      'Storm closes pier in the north',
      BODY,
      'Fishermen count losses after the gale',
      'Boats were torn from their moorings in three villages along the coast overnight.',
    ]);
    expect(layout.secondStory).toEqual({
      title: 'Fishermen count losses after the gale',
      fromParagraph: 1,
    });
  });

  it('removes a date-only line under the headline', () => {
    const layout = layoutStory(['Storm closes pier in the north', '14 Feb 2025 | 08:15 CET', BODY]);
    expect(layout.paragraphs).toEqual([BODY]);
    expect(layout.removed).toEqual([{ text: '14 Feb 2025 | 08:15 CET', reason: 'page-furniture' }]);
  });
});
