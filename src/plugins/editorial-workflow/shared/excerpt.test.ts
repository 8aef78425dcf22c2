import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceQuotes, excerpt } from './excerpt';

/**
 * Balanced and properly nested, checked apart from the code under test: every closing mark closes
 * the innermost open one (`«“»”` crosses, so it is not), and nothing is left open.
 */
const isBalanced = (text: string) => {
  const open: string[] = [];
  for (const ch of text) {
    if (ch === '«' || ch === '“') open.push(ch);
    else if (ch === '»' && open.pop() !== '«') return false;
    else if (ch === '”' && open.pop() !== '“') return false;
    else if (ch === '"') {
      if (open[open.length - 1] === '"') open.pop();
      else open.push(ch);
    }
  }
  return open.length === 0;
};
const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => text.match(WORD) ?? [];

// Text made of words, spaces and punctuation, with quote marks anywhere (balanced or not).
const token = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'heard',
      'protester',
      'Лукашенко',
      'Sochi',
      'a',
      'reviewed',
      '100,000',
      'Putin-Lukashenko',
      'x'.repeat(70)
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '\n') },
  { weight: 2, arbitrary: fc.constantFrom(',', '.', ':', ' – ', '!') },
  { weight: 3, arbitrary: fc.constantFrom('«', '»', '“', '”', '"') }
);
const text = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));
const limit = fc.integer({ min: 1, max: 120 });
const RUNS = { numRuns: 1000 };

describe('excerpt: properties', () => {
  it('keeps «», “” and straight quotes balanced', () => {
    fc.assert(
      fc.property(text, limit, (t, n) => isBalanced(excerpt(t, n))),
      RUNS
    );
  });

  it('is never longer than the limit plus the ellipsis', () => {
    fc.assert(
      fc.property(text, limit, (t, n) => excerpt(t, n).length <= n + 1),
      RUNS
    );
  });

  it('never cuts inside a word: its words are the text’s first words, whole', () => {
    fc.assert(
      fc.property(text, limit, (t, n) => {
        const words = wordsOf(excerpt(t, n));
        expect(words).toEqual(wordsOf(t).slice(0, words.length));
      }),
      RUNS
    );
  });

  it('returns a text that fits unchanged, but for whitespace and enclosing marks', () => {
    fc.assert(
      fc.property(text, (t) => {
        const clean = t.replace(/\s+/g, ' ').trim();
        fc.pre(isBalanced(clean) && clean.length <= 60);
        const out = excerpt(t);
        expect(out.endsWith('…')).toBe(false);
        expect([clean, clean.slice(1, -1).trim()]).toContain(out);
      }),
      RUNS
    );
  });
});

describe('excerpt: examples', () => {
  it('keeps a closing guillemet inside the excerpt', () => {
    const quote =
      '«We will be heard,» a protester said outside the tractor works in Minsk on Sunday.';
    expect(excerpt(quote)).toBe('«We will be heard,» a protester said outside the tractor…');
  });

  it('closes a quotation the cut falls inside, after the ellipsis', () => {
    expect(
      excerpt('Tikhanovskaya wrote: «I want to remind Vladimir Putin: whatever you accept»', 50)
    ).toBe('Tikhanovskaya wrote: «I want to remind Vladimir…»');
    expect(excerpt('He said “we will not leave the square until they go”', 30)).toBe(
      'He said “we will not leave…”'
    );
  });

  it('drops marks enclosing the whole text, not a pair in the middle', () => {
    expect(excerpt('«Slavic brotherhood»')).toBe('Slavic brotherhood');
    expect(excerpt('«Interfax» and «Reuters»')).toBe('«Interfax» and «Reuters»');
  });

  it('cuts between words, without a dangling comma or dash', () => {
    expect(excerpt('Given their scale and number, all reports of torture', 30)).toBe(
      'Given their scale and number…'
    );
    expect(excerpt('Sochi – Minsk – Moscow', 8)).toBe('Sochi…');
  });

  it('leaves the ellipsis alone when the first word is too long, and handles empty text', () => {
    expect(excerpt('x'.repeat(70))).toBe('…');
    expect(excerpt(null)).toBe('');
    expect(excerpt('  ')).toBe('');
  });
});

describe('balanceQuotes', () => {
  it('drops a stray closing mark and closes open ones, innermost first', () => {
    expect(balanceQuotes('a» b')).toEqual({ text: 'a b', closers: '' });
    expect(balanceQuotes('«a “b')).toEqual({ text: '«a “b', closers: '”»' });
    expect(balanceQuotes('«a “b» c”')).toEqual({ text: '«a “b”» c', closers: '' });
  });
});
