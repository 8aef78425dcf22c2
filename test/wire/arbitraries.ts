// fast-check copy built from wire-like pieces (quotation marks, broken entities, doubled stops,
// attributions), which reaches far more of the extractor than uniformly random strings do.
import fc from 'fast-check';

export const MARKS = [
  '«',
  '»',
  '"',
  '“',
  '”',
  '„',
  '&# 171;',
  '&#187;',
  '..',
  '.».',
  ' ',
  '\u00a0',
  '—',
];

export const wireCopy = (pieces: string[], maxLength = 60) =>
  fc.array(fc.constantFrom(...MARKS, ...pieces), { maxLength }).map((parts) => parts.join(''));
