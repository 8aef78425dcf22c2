// Quotation marks normalised to the house style: « » outside, „ “ inside (Russian typography, which
// the wire's translations already use). Marks are paired with a stack; a mark that pairs with
// nothing is left as it is, so no text is lost.

type Open = '«' | '„' | '“' | '”' | '"' | "'" | '‘';

const WORD = /[\p{L}\p{N}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Single marks are quotation marks only inside another quotation ("… 'Category 3,' …"): outside
 * one they are apostrophes and British scare quotes far more often than speech. An opening single
 * mark follows a space or a mark and precedes a word; a closing one follows a non-space and precedes
 * no letter, so "can't" and "Floridians' homes" (nothing open) stay apostrophes.
 */
const singleOpens = (prev: string | undefined, next: string | undefined) =>
  (isSpace(prev) || /[«„“"(]/.test(prev ?? '')) && isWord(next);
const singleCloses = (prev: string | undefined, next: string | undefined) =>
  !isSpace(prev) && !isWord(next);

export const normaliseQuotes = (line: string): string => {
  const chars = Array.from(line);
  const stack: { mark: Open; at: number }[] = [];
  const pairs: [number, number, number][] = [];
  const closeTo = (accepts: Open[], at: number): boolean => {
    for (let i = stack.length - 1; i >= 0; i -= 1) {
      if (accepts.includes(stack[i].mark)) {
        pairs.push([stack[i].at, at, i]);
        stack.length = i;
        return true;
      }
    }
    return false;
  };
  chars.forEach((c, at) => {
    const top = stack.at(-1)?.mark;
    const prev = chars[at - 1];
    const next = chars[at + 1];
    if (c === '«' || c === '„') stack.push({ mark: c, at });
    else if (c === '»') closeTo(['«'], at);
    else if (c === '“') {
      if (top === '„' || top === '“') closeTo([top], at);
      else stack.push({ mark: c, at });
    } else if (c === '”') {
      // Finnish and Swedish open and close with ”: one that closes nothing opens.
      if (top === '”') closeTo(['”'], at);
      else if (!closeTo(['“', '„'], at)) stack.push({ mark: c, at });
    } else if (c === '"') {
      if (top === '"') closeTo(['"'], at);
      else stack.push({ mark: c, at });
    } else if ((c === "'" || c === '‘') && stack.length > 0 && singleOpens(prev, next)) {
      stack.push({ mark: c, at });
    } else if ((c === "'" || c === '’') && (top === "'" || top === '‘') && singleCloses(prev, next))
      closeTo([top], at);
  });
  for (const [open, close, depth] of pairs) {
    chars[open] = depth === 0 ? '«' : '„';
    chars[close] = depth === 0 ? '»' : '“';
  }
  return chars.join('');
};
