// Scores extractions against hand-written labels: quote precision/recall, speaker and source
// accuracy. Used by `npm run eval:import` and by the unit test that holds the targets.
import { nameTokens, sameName, sameToken, variantName } from './normalise';
import type { WireExtraction } from './types';

export interface LabelledQuote {
  text: string;
  /** Full name; null when the copy names no one (an anonymous spokesman). */
  speaker: string | null;
  source: string | null;
}

export interface StoryLabels {
  title?: string;
  quotes: LabelledQuote[];
  notQuotes?: string[];
}

export interface Counts {
  extracted: number;
  labelled: number;
  matched: number;
  speakerRight: number;
  sourceRight: number;
}

export interface StoryScore extends Counts {
  name: string;
  misses: string[];
  inventions: string[];
  wrong: string[];
}

export const TARGETS = { precision: 0.9, recall: 0.8 };

const normText = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const sameQuote = (a: string, b: string) => {
  const x = normText(a);
  const y = normText(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length / long.length >= 0.8;
};

/** Same person or source: spelling, script and surname-only tolerant. */
export const sameReference = (a: string | null | undefined, b: string | null | undefined) => {
  if (!a || !b) return !a && !b;
  if (sameName(a, b) || variantName(a, b)) return true;
  const x = nameTokens(a);
  const y = nameTokens(b);
  return (x.length === 1 || y.length === 1) && sameToken(x.at(-1) ?? '', y.at(-1) ?? '');
};

export const scoreStory = (
  name: string,
  extraction: WireExtraction,
  labels: StoryLabels
): StoryScore => {
  const { quotes, people, sources } = extraction.story;
  const personName = (key?: string) => people.find((p) => p.key === key)?.name ?? null;
  const sourceName = (key?: string) => sources.find((s) => s.key === key)?.name ?? null;
  const unmatched = [...quotes];
  const score: StoryScore = {
    name,
    extracted: quotes.length,
    labelled: labels.quotes.length,
    matched: 0,
    speakerRight: 0,
    sourceRight: 0,
    misses: [],
    inventions: [],
    wrong: [],
  };
  for (const label of labels.quotes) {
    const at = unmatched.findIndex((q) => sameQuote(q.text, label.text));
    if (at < 0) {
      score.misses.push(label.text);
      continue;
    }
    const [quote] = unmatched.splice(at, 1);
    score.matched += 1;
    const speaker = personName(quote.speaker);
    const source = sourceName(quote.source);
    if (sameReference(speaker, label.speaker)) score.speakerRight += 1;
    else
      score.wrong.push(
        `speaker of ${label.text.slice(0, 40)}…: ${speaker} (expected ${label.speaker})`
      );
    if (sameReference(source, label.source)) score.sourceRight += 1;
    else
      score.wrong.push(
        `source of ${label.text.slice(0, 40)}…: ${source} (expected ${label.source})`
      );
  }
  score.inventions = unmatched.map((q) => q.text);
  return score;
};

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export const rates = (c: Counts) => ({
  precision: ratio(c.matched, c.extracted),
  recall: ratio(c.matched, c.labelled),
  speakerAccuracy: ratio(c.speakerRight, c.matched),
  sourceAccuracy: ratio(c.sourceRight, c.matched),
});

export const total = (scores: Counts[]): Counts =>
  scores.reduce(
    (sum, s) => ({
      extracted: sum.extracted + s.extracted,
      labelled: sum.labelled + s.labelled,
      matched: sum.matched + s.matched,
      speakerRight: sum.speakerRight + s.speakerRight,
      sourceRight: sum.sourceRight + s.sourceRight,
    }),
    { extracted: 0, labelled: 0, matched: 0, speakerRight: 0, sourceRight: 0 }
  );

/** What falls short of the targets (empty when all are met). `sample` is the story named in the issue. */
export const shortfalls = (scores: StoryScore[], sample: string): string[] => {
  const out: string[] = [];
  const t = rates(total(scores));
  if (t.precision < TARGETS.precision)
    out.push(`overall precision ${t.precision.toFixed(2)} < ${TARGETS.precision}`);
  if (t.recall < TARGETS.recall)
    out.push(`overall recall ${t.recall.toFixed(2)} < ${TARGETS.recall}`);
  const s = scores.find((x) => x.name === sample);
  if (!s) out.push(`the sample ${sample} was not evaluated`);
  else if (
    s.matched !== s.labelled ||
    s.speakerRight !== s.labelled ||
    s.sourceRight !== s.labelled ||
    s.inventions.length > 0
  )
    out.push(
      `the sample ${sample}: ${s.matched}/${s.labelled} quotes, ${s.speakerRight} speakers and ${s.sourceRight} sources right, ${s.inventions.length} invented`
    );
  return out;
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);

export const report = (scores: StoryScore[]): string => {
  const lines = [
    'story                                  quotes  precision  recall  speaker  source',
  ];
  const row = (name: string, c: Counts) => {
    const r = rates(c);
    return `${name.padEnd(38)} ${`${c.matched}/${c.labelled}`.padStart(6)}  ${pct(r.precision)}      ${pct(r.recall)}   ${pct(r.speakerAccuracy)}    ${pct(r.sourceAccuracy)}`;
  };
  for (const s of scores) {
    lines.push(row(s.name, s));
    for (const m of s.misses) lines.push(`    missed: ${m.slice(0, 90)}`);
    for (const i of s.inventions) lines.push(`    not a labelled quote: ${i.slice(0, 80)}`);
    for (const w of s.wrong) lines.push(`    wrong ${w}`);
  }
  lines.push(row('TOTAL', total(scores)));
  return lines.join('\n');
};
