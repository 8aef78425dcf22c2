// Proposals matched against existing people and sources: by name, by alias, then by spelling variant
// (case, diacritics, Cyrillic/Latin, Lukashenko/Lukashenka). A match must be unambiguous: two
// candidates at the same level give none, so two different people are never merged.
import { nameTokens, sameName, sameSpelling, sameToken, variantName } from './normalise';
import type {
  KnownPerson,
  KnownSource,
  MatchedProposal,
  ReferenceMatch,
  WireExtraction,
} from './types';

type Level = ReferenceMatch['by'];

const unique = <T extends { documentId: string }>(hits: T[]) => {
  const ids = new Set(hits.map((h) => h.documentId));
  return ids.size === 1 ? hits[0] : undefined;
};

const personMatch = (all: string[], people: KnownPerson[]): ReferenceMatch | null => {
  // A surname the copy also used ("Lukashenko" for "Viktor Lukashenko") must not match another
  // person's alias: surnames alone count only when the copy never gave a full name.
  const full = all.filter((s) => nameTokens(s).length > 1);
  const spellings = full.length > 0 ? full : all;
  const tries: [Level, (known: KnownPerson) => boolean][] = [
    ['name', (k) => spellings.some((s) => sameSpelling(s, k.name))],
    ['alias', (k) => spellings.some((s) => k.aliases.some((a) => sameSpelling(s, a)))],
    [
      'variant',
      (k) =>
        full.some((s) => [k.name, ...k.aliases].some((n) => sameName(s, n) || variantName(s, n))),
    ],
    // A surname alone ("Bachelet", "Лукашенко") against the surname of every known spelling.
    [
      'variant',
      (k) =>
        spellings.some((s) => {
          const tokens = nameTokens(s);
          return (
            tokens.length === 1 &&
            [k.name, ...k.aliases].some((n) => sameToken(tokens[0], nameTokens(n).at(-1) ?? ''))
          );
        }),
    ],
  ];
  for (const [by, test] of tries) {
    const hits = people.filter(test);
    if (hits.length === 0) continue;
    const hit = unique(hits);
    return hit ? { documentId: hit.documentId, name: hit.name, by } : null;
  }
  return null;
};

// "UN" and "United Nations" are the same words to a reader.
const expand = (name: string) =>
  ` ${name} `
    .replace(/\bUN\b/g, 'United Nations')
    .replace(/\bUS\b/g, 'United States')
    .replace(/\bUK\b/g, 'United Kingdom')
    .replace(/^\s*the\s+/i, '')
    .trim();

const sourceMatch = (spellings: string[], sources: KnownSource[]): ReferenceMatch | null => {
  const exact = sources.filter((k) => spellings.some((s) => sameSpelling(s, k.name)));
  if (exact.length > 0) {
    const hit = unique(exact);
    return hit ? { documentId: hit.documentId, name: hit.name, by: 'name' } : null;
  }
  const variants = sources.filter((k) =>
    spellings.some(
      (s) => sameName(expand(s), expand(k.name)) || variantName(expand(s), expand(k.name))
    )
  );
  const hit = unique(variants);
  return hit ? { documentId: hit.documentId, name: hit.name, by: 'variant' } : null;
};

export const matchReferences = (
  extraction: WireExtraction,
  people: KnownPerson[],
  sources: KnownSource[]
): MatchedProposal => ({
  people: Object.fromEntries(
    extraction.story.people.map((p) => [p.key, personMatch([p.name, ...p.mentions], people)])
  ),
  sources: Object.fromEntries(
    extraction.story.sources.map((s) => [s.key, sourceMatch([s.name, ...s.mentions], sources)])
  ),
});
