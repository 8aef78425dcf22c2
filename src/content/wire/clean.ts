// Cleaning of one line of wire copy: entities, invisible characters, quotation marks, punctuation.
// Every function here is idempotent: cleaning cleaned text changes nothing.
import he from 'he';
import { normaliseQuotes } from './marks';

export { normaliseQuotes };

// Scrapes break numeric references apart (`&# 171;`); he decodes only well-formed ones.
const BROKEN_NUMERIC = /&#\s*(x\s*[0-9a-f]+|\d+)\s*;/gi;

/** Decodes HTML entities, repairing broken numeric ones first; repeats for double-encoded copy. */
export const decodeEntities = (text: string): string => {
  let current = text;
  // Each decoding shortens the text, so this ends; five rounds cover any copy met in practice.
  for (let round = 0; round < 5; round += 1) {
    const next = he.decode(
      current.replace(BROKEN_NUMERIC, (_m, code: string) => `&#${code.replace(/\s+/g, '')};`)
    );
    if (next === current) break;
    current = next;
  }
  return current;
};

// Soft hyphen, zero-width characters, BOM, C0/C1 controls except tab and newline.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Doubled full stops, a full stop after a closing quote that already ends the sentence, spacing. */
export const fixPunctuation = (line: string): string =>
  line
    .replace(/(^|[^.])\.\.(?!\.)/g, '$1.')
    .replace(/([.!?…])([»“]+)\./g, '$1$2')
    .replace(/([$€£¥₽])\s+(?=\d)/g, '$1')
    .replace(/«\s+/g, '«')
    .replace(/\s+»/g, '»')
    .replace(/ {2,}/g, ' ');

/** One line of copy as it should be published. */
export const cleanLine = (line: string): string => {
  let current = line;
  // To a fixed point: decoding may reveal marks that pairing rewrites, and removing one doubled
  // full stop may make the next (".»......»."). Every round that changes the text shortens it or only
  // re-pairs marks, so this ends long before the cap on any real copy.
  for (let round = 0; round < 50; round += 1) {
    const next = fixPunctuation(
      normaliseQuotes(
        decodeEntities(current)
          .replace(/[\r\n]+/g, ' ')
          .replace(INVISIBLE, '')
          .replace(SPACES, ' ')
      )
    ).trim();
    if (next === current) break;
    current = next;
  }
  return current;
};

/** The copy split into cleaned lines (newlines of every platform; blank lines kept as ''). */
export const cleanLines = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    .split('\n')
    .map(cleanLine);
