// The opening words of a text, for a message that names it: `The quote «All agreements signed…»`.
// Pure; shared by the plugin's server and the app's guards.

/** Opening mark → closing mark. A straight `"` closes itself. */
const PAIRS: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const ELLIPSIS = '…';
// Left at the end of a cut, before the ellipsis: a dangling comma or dash says nothing.
const TRAILING = /[\s,;:.!?–—-]+$/;

/**
 * The text with its quote marks balanced and properly nested: a closing mark with no opening one
 * is dropped (a space stays), and marks still open at the end are closed (`closers`, innermost first).
 */
export const balanceQuotes = (text: string): { text: string; closers: string } => {
  const open: string[] = [];
  let out = '';
  const closeUpTo = (opener: string) => {
    while (open.length > 0) {
      const top = open.pop()!;
      out += PAIRS[top];
      if (top === opener) return;
    }
  };
  for (const ch of text) {
    // `"` closes an open `"`, otherwise opens one; `»` and `”` close their partner if it is open.
    const closes = ch === '"' ? (open.includes('"') ? '"' : null) : (CLOSERS.get(ch) ?? null);
    if (closes !== null) {
      // Writes `ch` itself, after any inner closers; a stray closing mark becomes a space, so that
      // the words on either side stay apart.
      if (open.includes(closes)) closeUpTo(closes);
      else out += ' ';
      continue;
    }
    if (PAIRS[ch]) open.push(ch);
    out += ch;
  }
  return {
    text: out.replace(/ {2,}/g, ' ').trim(),
    closers: open
      .reverse()
      .map((o) => PAIRS[o])
      .join(''),
  };
};

/** Whether the whole text sits inside one pair of marks: `«…»`, `“…”`, `"…"`. */
const enclosed = (text: string) => {
  const first = text[0];
  if (!PAIRS[first] || text[text.length - 1] !== PAIRS[first] || text.length < 2) return false;
  // The first mark's partner must be the last character, not one in the middle (`«a» b «c»`).
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (first !== '"' && ch === first) depth++;
    else if (ch === PAIRS[first]) depth = first === '"' ? (depth === 0 ? 1 : 0) : depth - 1;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
};

/**
 * At most `limit` characters of `text` plus an ellipsis, cut between words, never inside one.
 * Whitespace runs become one space; marks enclosing the whole text are dropped (the message puts
 * its own around it); the quote marks left are balanced, closing after the ellipsis where the cut
 * falls inside a quotation: `«We will be heard,» a protester…`, `He said «we will…»`.
 * A first word longer than the limit leaves the ellipsis alone.
 */
export const excerpt = (text: string | null | undefined, limit = 60): string => {
  let clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (enclosed(clean)) clean = clean.slice(1, -1).trim();
  const whole = balanceQuotes(clean);
  if (whole.text.length + whole.closers.length <= limit) return whole.text + whole.closers;

  const words = clean.split(' ');
  let best = '';
  for (let count = 1; count <= words.length; count++) {
    const { text: cut, closers } = balanceQuotes(
      words.slice(0, count).join(' ').replace(TRAILING, '')
    );
    if (cut.length + closers.length > limit) break;
    best = cut + ELLIPSIS + closers;
  }
  return best || ELLIPSIS;
};
