import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wireCopy } from '../../../test/wire/arbitraries';
import { contentHash, extractWire, MAX_WIRE_CHARS, WireInputError, type WireExtraction } from '.';

const SAMPLE = readFileSync(
  path.resolve(__dirname, '../../../test/fixtures/wire/belarus-sochi-talks.txt'),
  'utf8'
);

const speakerOf = (x: WireExtraction, i: number) =>
  x.story.people.find((p) => p.key === x.story.quotes[i].speaker)?.name;
const sourceOf = (x: WireExtraction, i: number) =>
  x.story.sources.find((s) => s.key === x.story.quotes[i].source);

describe('extractWire on the sample', () => {
  const x = extractWire({ content: SAMPLE, locale: 'en' });

  it('keeps one headline, the standfirst and the paragraphs, cleaned', () => {
    expect(x.format).toBe('text');
    expect(x.language).toBe('en');
    expect(x.story.title).toBe('Lukashenko and Putin: negotiations amid protests');
    expect(x.story.standfirst).toBe(
      'This is the first meeting of the two presidents after the elections in Belarus'
    );
    expect(x.story.paragraphs).toHaveLength(10);
    expect(x.story.paragraphs[1]).toMatch(/negotiations began shortly thereafter\.$/);
    expect(x.story.paragraphs[6]).toContain('a loan of $1.5 billion');
    expect(x.story.paragraphs.join('\n')).not.toMatch(/\.\.|&#|\.»\./);
  });

  it('reports the second headline, the repeated headline and the page furniture', () => {
    expect(x.secondStory).toEqual({
      title: 'Tens of thousands of Belarus protesters rally on eve of Putin-Lukashenko talks',
      fromParagraph: 8,
    });
    expect(x.story.paragraphs[8]).toMatch(/^Many European leaders/);
    expect(x.removed).toEqual(
      expect.arrayContaining([
        { text: 'Lukashenko and Putin: negotiations amid protests', reason: 'repeated-headline' },
        { text: '• News Service «Voices of America»', reason: 'page-furniture' },
        { text: '• Russian service «Voices of America»', reason: 'page-furniture' },
        { text: 'Like I will follow Subscribe', reason: 'page-furniture' },
        { text: 'Similar articles', reason: 'page-furniture' },
      ])
    );
    expect(x.removed).toHaveLength(5);
  });

  it('extracts the two quotes with their speaker, source and context, and invents none', () => {
    expect(x.story.quotes).toHaveLength(2);
    expect(x.story.quotes[0].text).toMatch(/^«Given their scale and number, .* to justice\.»$/);
    expect(speakerOf(x, 0)).toBe('Michelle Bachelet');
    expect(sourceOf(x, 0)).toMatchObject({ name: 'UN Human Rights Council', type: 'official' });
    expect(x.story.quotes[0].context).toBe(
      'Speaking at a meeting of the Human Rights Council, Bachelet said: «…»'
    );
    expect(x.story.quotes[1].text).toMatch(
      /^«I want to remind Vladimir Putin: .* Belarusian people\.»$/
    );
    expect(speakerOf(x, 1)).toBe('Svetlana Tikhanovskaya');
    expect(sourceOf(x, 1)).toMatchObject({
      name: "Svetlana Tikhanovskaya's Telegram channel",
      type: 'social_media',
    });
    expect(x.story.quotes.map((q) => [q.paragraph, q.language])).toEqual([
      [5, 'en'],
      [7, 'en'],
    ]);
  });

  it('flags the agency name and the scare quotes instead of inventing a speaker', () => {
    expect(x.story.flagged).toEqual([
      { text: '«Interfax»', paragraph: 3, reason: 'name' },
      { text: '«Slavic brotherhood»', paragraph: 6, reason: 'scare-quotes' },
    ]);
  });

  it('proposes the six people with their roles and every spelling used', () => {
    const people = Object.fromEntries(x.story.people.map((p) => [p.name, p]));
    expect(Object.keys(people).sort()).toEqual(
      [
        'Alexander Lukashenko',
        'Emmanuel Macron',
        'Michelle Bachelet',
        'Mike Pompeo',
        'Svetlana Tikhanovskaya',
        'Vladimir Putin',
      ].sort()
    );
    expect(people['Alexander Lukashenko']).toMatchObject({
      role: 'President of Belarus',
      mentions: ['Alexander Lukashenko', 'Lukashenko', 'Lukashenka'],
    });
    expect(people['Michelle Bachelet'].role).toBe('UN High Commissioner for Human Rights');
    expect(people['Mike Pompeo'].role).toBe('US Secretary of State');
  });

  it('proposes the sources: agencies, state media, the Telegram channel and the UN body', () => {
    expect(x.story.sources.map((s) => [s.name, s.type]).sort()).toEqual(
      [
        ['Belarusian state media', 'broadcaster'],
        ['Interfax', 'news_agency'],
        ['Reuters', 'news_agency'],
        ["Svetlana Tikhanovskaya's Telegram channel", 'social_media'],
        ['UN Human Rights Council', 'official'],
      ].sort()
    );
  });
});

describe('extractWire refuses unusable copy with WireInputError', () => {
  it.each([
    ['empty', ''],
    ['only blanks and furniture', ' \n\n  Like I will follow Subscribe\n'],
    ['binary', 'PK\u0003\u0004\u0000\u0000 some zip'],
    ['too large', 'a'.repeat(MAX_WIRE_CHARS + 1)],
  ])('%s', (_name, content) => {
    expect(() => extractWire({ content })).toThrow(WireInputError);
  });
  it('names the limit in the message', () => {
    expect(() => extractWire({ content: 'a'.repeat(MAX_WIRE_CHARS + 1) })).toThrow(
      /at most 200000/
    );
  });
  it('malformed feeds only when the format is given', () => {
    expect(() => extractWire({ content: '{"headline": ', format: 'ninjs' })).toThrow(
      /not valid JSON/
    );
    expect(() => extractWire({ content: '<nitf><body>', format: 'nitf' })).toThrow(
      /not well-formed XML/
    );
    expect(
      extractWire({ content: '{"headline": broken story text here', format: 'auto' }).format
    ).toBe('text');
  });
});

describe('contentHash', () => {
  it('is the same for the same copy with other entities, spacing and line endings', () => {
    const h = contentHash(SAMPLE);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(
      contentHash(
        SAMPLE.replace(/\n/g, '\r\n')
          .replace(/&# 171;/g, '«')
          .replace(/ {2}/g, ' ')
      )
    ).toBe(h);
    expect(contentHash(SAMPLE.replace('774', '775'))).not.toBe(h);
  });
});

describe('extractWire properties', () => {
  const wireish = wireCopy([
    ' said: ',
    ' told reporters.',
    ', he said',
    'Bachelet',
    'Vladimir Putin',
    'President ',
    'UN High Commissioner for Human Rights ',
    'wrote in her Telegram channel: ',
    'According to Reuters, ',
    '\n',
    '\n\n',
    '. ',
    'Лукашенко заявил: ',
    '<p>',
    '</p>',
    '{',
    '<nitf>',
    'a b c d e',
    '•',
    ', — сказал Песков',
  ]);
  const anyCopy = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), wireish);

  it('never throws anything but WireInputError, and every quote is in the text with real keys', () => {
    fc.assert(
      fc.property(
        anyCopy,
        fc.constantFrom(undefined, 'auto', 'text', 'html', 'ninjs', 'nitf') as fc.Arbitrary<any>,
        (content, format) => {
          let x: WireExtraction;
          try {
            x = extractWire({ content, format });
          } catch (error) {
            expect(error).toBeInstanceOf(WireInputError);
            return;
          }
          const people = new Set(x.story.people.map((p) => p.key));
          const sources = new Set(x.story.sources.map((s) => s.key));
          for (const q of x.story.quotes) {
            expect(x.story.paragraphs[q.paragraph]).toContain(q.text);
            if (q.speaker) expect(people.has(q.speaker)).toBe(true);
            if (q.source) expect(sources.has(q.source)).toBe(true);
          }
          for (const f of x.story.flagged)
            expect(x.story.paragraphs[f.paragraph]).toContain(f.text);
        }
      ),
      { numRuns: 1500 }
    );
  });
});
