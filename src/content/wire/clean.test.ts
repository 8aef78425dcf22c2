import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wireCopy } from '../../../test/wire/arbitraries';
import { cleanLine, decodeEntities, fixPunctuation, normaliseQuotes } from './clean';

describe('decodeEntities', () => {
  it('repairs numeric references broken by the scrape', () => {
    expect(decodeEntities('News Service &# 171; Voices of America&# 187;')).toBe(
      'News Service « Voices of America»'
    );
    expect(decodeEntities('&#x 2014; and &# 8220;x&# 8221;')).toBe('— and “x”');
  });
  it('decodes named and double-encoded entities', () => {
    expect(decodeEntities('AT&amp;amp;T &laquo;x&raquo; &nbsp;')).toBe('AT&T «x» \u00a0');
  });
});

describe('normaliseQuotes', () => {
  it.each([
    ['“Hello,” he said', '«Hello,» he said'],
    ['"Hello," he said', '«Hello,» he said'],
    ['„Привет“, сказал он', '«Привет», сказал он'],
    ['«a „b“ c»', '«a „b“ c»'],
    ['“a "b" c”', '«a „b“ c»'],
    ['«a «b» c»', '«a „b“ c»'],
    ['Lukashenka’s re-election', 'Lukashenka’s re-election'],
    ['”Ice is thin,” says the skipper.', '«Ice is thin,» says the skipper.'],
    ['a ”Blue Line” plan and ”go now”', 'a «Blue Line» plan and «go now»'],
    [
      `"They call it 'the big one,' and it isn't," she said`,
      "«They call it „the big one,“ and it isn't,» she said",
    ],
    ['“a ‘b’ c”', '«a „b“ c»'],
    ["the farmers' union and 'scare' marks", "the farmers' union and 'scare' marks"],
  ])('%j → %j', (input, output) => expect(normaliseQuotes(input)).toBe(output));

  it('leaves a mark that pairs with nothing as it is', () => {
    expect(normaliseQuotes('he said: "unfinished')).toBe('he said: "unfinished');
  });
});

describe('fixPunctuation', () => {
  it.each([
    ['began shortly thereafter..', 'began shortly thereafter.'],
    ['to justice.».', 'to justice.»'],
    ['a loan of $ 1.5 billion', 'a loan of $1.5 billion'],
    ['« Voices of America »', '«Voices of America»'],
    ['wait...', 'wait...'],
  ])('%j → %j', (input, output) => expect(fixPunctuation(input)).toBe(output));
});

describe('cleanLine', () => {
  it('cleans the sample’s credit line', () => {
    expect(cleanLine('  • News Service &# 171; Voices of America&# 187;  ')).toBe(
      '• News Service «Voices of America»'
    );
  });
  it('drops invisible characters and folds spaces', () => {
    expect(cleanLine('a\u00ad\u200bb\u00a0\u00a0c\td')).toBe('ab c d');
  });

  const wireish = wireCopy(['&amp;', '$ 1', 'a', 'Б', '\u0000']);

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), wireish), (s) => {
        const once = cleanLine(s);
        expect(cleanLine(once)).toBe(once);
      }),
      { numRuns: 2000 }
    );
  });
});
