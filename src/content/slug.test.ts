import { describe, expect, it } from 'vitest';
import { firstFreeSlug, isValidSlug, toSlug } from './slug';

describe('toSlug', () => {
  it.each([
    [
      'Lukashenko and Putin: negotiations amid protests',
      'lukashenko-and-putin-negotiations-amid-protests',
    ],
    ['Лукашенко и Путин: переговоры', 'lukashenko-i-putin-peregovory'],
    ['Светлана Тихановская', 'svetlana-tihanovskaya'],
    ['«Slavic brotherhood» — exercises', 'slavic-brotherhood-exercises'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['北京', ''],
  ])('%s → %s', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = toSlug('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe('isValidSlug', () => {
  it.each(['a', 'sochi-talks', 'q-2020-09-14'])('accepts %s', (s) =>
    expect(isValidSlug(s)).toBe(true)
  );
  it.each([
    '',
    'Sochi',
    'sochi talks',
    'sochi--talks',
    '-sochi',
    'sochi-',
    'сочи',
    'a_b',
    'x'.repeat(201),
  ])('refuses %j', (s) => expect(isValidSlug(s)).toBe(false));
});

describe('firstFreeSlug', () => {
  it('adds -2, -3 … until free', async () => {
    const taken = new Set(['sochi', 'sochi-2']);
    expect(await firstFreeSlug('sochi', (s) => taken.has(s))).toBe('sochi-3');
    expect(await firstFreeSlug('minsk', (s) => taken.has(s))).toBe('minsk');
  });
});
