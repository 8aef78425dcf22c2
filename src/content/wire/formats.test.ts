import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWire } from './extract';
import { detectFormat } from './formats';

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../test/fixtures/wire', name), 'utf8');
const speakers = (x: ReturnType<typeof extractWire>) =>
  x.story.quotes.map((q) => [
    x.story.people.find((p) => p.key === q.speaker)?.name,
    x.story.sources.find((s) => s.key === q.source)?.name,
  ]);

describe('detectFormat', () => {
  it.each([
    ['{"headline": "x"}', 'ninjs'],
    ['<?xml version="1.0"?>\n<nitf><body/></nitf>', 'nitf'],
    ['<p>Hello</p>', 'html'],
    ['Plain copy, 3 < 4 and a «quote».', 'text'],
    ['{ not json', 'text'],
    ['<nitf><unclosed>', 'html'],
  ])('%j → %s', (content, format) => expect(detectFormat(content)).toBe(format));
});

describe('ninjs', () => {
  const x = extractWire({ content: fixture('dpa-merkel.ninjs.json') });
  it('takes headline, byline, located, versioncreated and the copyright holder', () => {
    expect(x.format).toBe('ninjs');
    expect(x.story).toMatchObject({
      title: 'Merkel urges Minsk to release detained protesters',
      byline: 'Anna Schmidt',
      dateline: 'Berlin',
      date: '2020-09-14',
    });
    expect(x.story.sources[0]).toMatchObject({ name: 'dpa', type: 'news_agency' });
  });
  it('reads body_html in order and extracts its quotes with the agency as source', () => {
    expect(x.story.paragraphs).toHaveLength(4);
    expect(speakers(x)).toEqual([
      ['Angela Merkel', 'dpa'],
      ['Steffen Seibert', 'dpa'],
    ]);
    expect(x.story.flagged).toEqual([
      { text: '«internal matter»', paragraph: 3, reason: 'scare-quotes' },
    ]);
  });
  it('reads ninjs 2 (headlines[], bodies[], by, provider)', () => {
    const y = extractWire({
      format: 'ninjs',
      content: JSON.stringify({
        headlines: [
          { role: 'main', value: 'Talks end in Sochi' },
          { role: 'sub', value: 'Four hours of talks' },
        ],
        bodies: [
          {
            role: 'main',
            contenttype: 'text/plain',
            value: 'Putin met Lukashenko.\nThe talks ended.',
          },
        ],
        by: 'Staff',
        provider: { name: 'TASS' },
        firstcreated: '2020-09-14T10:00:00+03:00',
      }),
    });
    expect(y.story).toMatchObject({
      title: 'Talks end in Sochi',
      standfirst: 'Four hours of talks',
      byline: 'Staff',
      date: '2020-09-14',
    });
    expect(y.story.paragraphs).toEqual(['Putin met Lukashenko.', 'The talks ended.']);
    expect(y.story.sources.map((s) => s.name)).toEqual(['TASS']);
  });
  it('refuses a JSON array or malformed JSON when ninjs is named', () => {
    expect(() => extractWire({ format: 'ninjs', content: '[1]' })).toThrow(/must be a JSON object/);
    expect(() => extractWire({ format: 'ninjs', content: '{"a":' })).toThrow(/not valid JSON/);
  });
});

describe('NITF', () => {
  const x = extractWire({ content: fixture('reuters-kuleba.nitf.xml') });
  it('takes hl1, byline, dateline, docdata date and the copyright holder', () => {
    expect(x.format).toBe('nitf');
    expect(x.story).toMatchObject({
      title: 'Ukraine will not recognise Lukashenko as president, Kuleba says',
      byline: 'Pavel Polityuk',
      dateline: 'KYIV',
      date: '2020-09-15',
    });
    expect(x.story.paragraphs).toHaveLength(4);
  });
  it('extracts the body’s quotes, a continued one and a partial one in reported speech', () => {
    expect(speakers(x)).toEqual([
      ['Dmytro Kuleba', 'Reuters'],
      ['Dmytro Kuleba', 'Reuters'],
      ['Vladimir Makei', 'BelTA'],
    ]);
  });
  it('refuses malformed XML when NITF is named, with the parser’s reason', () => {
    expect(() => extractWire({ format: 'nitf', content: '<nitf><body></nitf>' })).toThrow(
      /not well-formed XML: .*line 1/
    );
    expect(() => extractWire({ format: 'nitf', content: '<story/>' })).toThrow(/no <nitf> root/);
  });
});

describe('HTML', () => {
  const x = extractWire({ content: fixture('voa-tsikhanouskaya-vilnius.html') });
  it('reads the article with a real parser: h1 as title, scripts dropped and reported, share bar removed', () => {
    expect(x.format).toBe('html');
    expect(x.story.title).toBe('Tsikhanouskaya meets Macron in Vilnius');
    expect(x.story.standfirst).toBe('French leader promises to help mediate in Belarus crisis');
    expect(x.story.dateline).toBe('VILNIUS');
    expect(x.story.paragraphs[0]).toMatch(/^Belarusian opposition leader/);
    expect(x.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['markup', 'page-furniture'])
    );
    expect(x.story.paragraphs.join(' ')).not.toMatch(/dataLayer|display: flex|Share Tweet/);
  });
  it('names the publisher from <title> and the speaker’s own account', () => {
    expect(speakers(x)).toEqual([
      ['Sviatlana Tsikhanouskaya', 'Voice of America'],
      ['Emmanuel Macron', "Emmanuel Macron's Twitter account"],
    ]);
  });
});
