import { describe, expect, it } from 'vitest';
import { parseSourceWarningMode, sourceWarnings, type QuoteForWarnings } from './source-warnings';

const agency = { documentId: 's1', name: 'Agency', reliability: 'A' };
const rumour = { documentId: 's2', name: 'Rumour mill', reliability: 'E' };
const quote = (over: Partial<QuoteForWarnings> = {}): QuoteForWarnings => ({
  documentId: 'q1',
  text: 'Words',
  url: 'https://example.org/a',
  saidAt: '2026-11-30',
  source: agency,
  ...over,
});

describe('sourceWarnings', () => {
  it('says nothing of a well-sourced single quote, or of no quotes', () => {
    expect(sourceWarnings([quote()])).toEqual([]);
    expect(sourceWarnings([])).toEqual([]);
  });

  it('warns about sources graded E or F, not D', () => {
    const f = { ...rumour, reliability: 'F' };
    const d = { ...rumour, reliability: 'D' };
    expect(sourceWarnings([quote({ source: rumour })])).toEqual([
      {
        code: 'low-reliability',
        message: 'The quote «Words» rests on Rumour mill, graded E.',
        documentId: 'q1',
      },
    ]);
    expect(sourceWarnings([quote({ source: f })]).map((w) => w.code)).toEqual(['low-reliability']);
    expect(sourceWarnings([quote({ source: d })])).toEqual([]);
  });

  it('warns about a missing URL or date, blank counting as missing', () => {
    expect(sourceWarnings([quote({ url: null, saidAt: ' ' })])).toEqual([
      { code: 'missing-url', message: 'The quote «Words» has no URL.', documentId: 'q1' },
      { code: 'missing-date', message: 'The quote «Words» has no date.', documentId: 'q1' },
    ]);
  });

  it('warns when two or more quotes all rest on one source', () => {
    const two = [quote(), quote({ documentId: 'q2' })];
    expect(sourceWarnings(two)).toEqual([
      { code: 'single-source', message: 'All 2 quotes rest on one source, Agency.' },
    ]);
    expect(sourceWarnings([quote(), quote({ documentId: 'q2', source: rumour })])).toHaveLength(1);
    // Unsourced quotes are not "one source".
    expect(
      sourceWarnings([quote({ source: null }), quote({ documentId: 'q2', source: null })])
    ).toEqual([]);
  });
});

describe('parseSourceWarningMode', () => {
  it('accepts warn and block and names the setting otherwise', () => {
    expect(parseSourceWarningMode('warn')).toBe('warn');
    expect(parseSourceWarningMode('block')).toBe('block');
    expect(() => parseSourceWarningMode('loud')).toThrow(
      'SOURCE_WARNINGS must be "warn" or "block", got "loud"'
    );
  });
});
