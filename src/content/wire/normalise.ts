// Name keys for comparing spellings across case, diacritics, script (Cyrillic → Latin) and the
// usual transliteration variants (Lukashenko/Lukashenka, Tikhanovskaya/Tsikhanouskaya).
import { distance } from 'fastest-levenshtein';
import slugify from 'slugify';

// Letters slugify's table lacks (Belarusian ў) or spells unlike the agencies.
const PRE_MAP: Record<string, string> = { ў: 'u', Ў: 'U', ґ: 'g', Ґ: 'G' };

/** Lower-case Latin words: diacritics stripped, Cyrillic transliterated, punctuation dropped. */
export const latinise = (text: string): string =>
  slugify(text.replace(/[ўЎґҐ]/g, (c) => PRE_MAP[c]).replace(/['’`]s\b/g, ''), {
    lower: true,
    strict: true,
    replacement: ' ',
    trim: true,
  }).trim();

/** One token reduced to a spelling-insensitive key. */
export const tokenKey = (token: string): string =>
  latinise(token)
    .replace(/\s+/g, '')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/t[sz]/g, 'c')
    .replace(/ou/g, 'ov')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1')
    .replace(/i+/g, 'i')
    .replace(/(k)[oa]$/, '$1a')
    .replace(/ski$/, 'ski');

const skeleton = (key: string) => key[0] + key.slice(1).replace(/[aeiou]/g, '');

/** Two tokens that are spellings of the same name. */
export const sameToken = (a: string, b: string): boolean => {
  const x = tokenKey(a);
  const y = tokenKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const d = distance(x, y);
  const longest = Math.max(x.length, y.length);
  // Same consonants, a few vowels apart, and the same last letter: Russian gendered forms
  // (Navalny/Navalnaya, Petrov/Petrova) are different people and differ exactly there.
  // A single letter apart only in long names (Tikhanovskaya/Tsikhanouskaya), never Peskov/Petkov.
  if (x.at(-1) !== y.at(-1)) return false;
  if (skeleton(x) === skeleton(y) && d <= Math.max(1, Math.floor(longest / 3))) return true;
  return longest >= 9 && d <= 1;
};

/** The words of a name, Latin and lower-case. */
export const nameTokens = (name: string): string[] => latinise(name).split(' ').filter(Boolean);

/** The same spelling up to case and spacing: what counts as matching "by name" or "by alias". */
export const sameSpelling = (a: string, b: string): boolean => {
  const fold = (x: string) =>
    x.normalize('NFC').toLocaleLowerCase().replace(/['’]/g, "'").replace(/\s+/g, ' ').trim();
  return fold(a).length > 0 && fold(a) === fold(b);
};

/** Case- and diacritics-insensitive equality of whole names (also across scripts). */
export const sameName = (a: string, b: string): boolean => {
  const x = latinise(a);
  return x.length > 0 && x === latinise(b);
};

/** Same name up to spelling variants, token by token (same number of tokens). */
export const variantName = (a: string, b: string): boolean => {
  const x = nameTokens(a);
  const y = nameTokens(b);
  return x.length > 0 && x.length === y.length && x.every((t, i) => sameToken(t, y[i]));
};
