// Language of a text by letter evidence: Cyrillic copy is Russian, Ukrainian or Belarusian by the
// letters only one of them uses; Latin copy by its most frequent function words. `undefined` when
// the evidence is too thin (the caller falls back to the locale).

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'with', 'for', 'said', 'on'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auf', 'für', 'dem', 'ein'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'pas', 'qui'],
  es: ['el', 'la', 'los', 'y', 'que', 'del', 'las', 'por', 'una', 'con', 'para', 'es'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'del', 'non', 'una', 'della', 'sono', 'gli'],
  pl: ['i', 'w', 'nie', 'na', 'że', 'się', 'jest', 'do', 'z', 'to', 'jak', 'przez'],
};

export const detectLanguage = (text: string): string | undefined => {
  const cyrillic = count(text, /\p{Script=Cyrillic}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  if (cyrillic + latin < 12) return undefined;
  if (cyrillic > latin) {
    // Belarusian has ў and і but no и, щ, ъ; Ukrainian has ї, є, ґ, і but no ы, э; Russian has и and no і.
    const has = (re: RegExp) => count(text, re) > 0;
    const i = has(/[іІ]/g);
    const be = count(text, /[ўЎ]/g) * 3 + (i && !has(/[иИщЩъЪ]/g) ? 3 : 0);
    const uk = count(text, /[їЇєЄґҐ]/g) * 3 + (i && !has(/[ыЫэЭ]/g) ? 2 : 0);
    const ru = has(/[иИщЩъЪ]/g) && !i ? 3 : 1;
    if (be > uk && be > ru) return 'be';
    if (uk > ru && uk >= be) return 'uk';
    return 'ru';
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | undefined;
  let bestScore = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  // Two function words at least: a proper name alone says nothing.
  return bestScore >= 2 ? best : undefined;
};
