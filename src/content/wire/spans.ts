// Quotation spans and sentence bounds in one cleaned paragraph (marks already « » outside, „ “ inside).

export interface Span {
  /** Index of the opening «. */
  start: number;
  /** Index after the closing ». */
  end: number;
  /** The words between the marks. */
  inner: string;
}

/** Top-level « … » pairs; nested „ “ and « » stay inside their span. */
export const quoteSpans = (text: string): Span[] => {
  const spans: Span[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '«') {
      if (depth === 0) open = i;
      depth += 1;
    } else if (text[i] === '»' && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
    }
  }
  return spans;
};

const inside = (spans: Span[], at: number) => spans.some((s) => at > s.start && at < s.end);

/** Start offsets of the sentences (0 first); a full stop inside a quotation ends nothing. */
export const sentenceStarts = (text: string, spans: Span[]): number[] => {
  const starts = [0];
  for (const m of text.matchAll(/[.!?…][»“”"')]*\s+(?=[\p{Lu}\p{N}«„])/gu)) {
    // Judged after the closing marks: `justice.» Next` ends a sentence, `one. Two` inside «» does not.
    if (!inside(spans, m.index + m[0].trimEnd().length)) starts.push(m.index + m[0].length);
  }
  return starts;
};

/** The sentence [start, end) holding the range [from, to). */
export const sentenceAround = (text: string, starts: number[], from: number, to: number) => {
  const start = [...starts].reverse().find((s) => s <= from) ?? 0;
  const end = starts.find((s) => s >= to && s > start) ?? text.length;
  return { start, end };
};
