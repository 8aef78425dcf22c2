// What must be true of a story's quotes before it may be approved. Pure.

export interface QuoteForCheck {
  text: string | null;
  verification: string | null;
  speaker: unknown;
}

const excerpt = (text: string | null) => {
  const clean = (text ?? '').replace(/[«»"]/g, '').trim();
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 60).replace(/[\s,.;:]+$/, '')}…`;
};

/** One sentence per problem, naming the quote by its opening words. */
export const quoteProblems = (quotes: QuoteForCheck[]): string[] =>
  quotes.flatMap((quote) => {
    const name = `The quote «${excerpt(quote.text)}»`;
    const problems: string[] = [];
    if (quote.verification !== 'verified') problems.push(`${name} is ${quote.verification ?? 'unverified'}: it must be verified.`);
    if (!quote.speaker) problems.push(`${name} has no speaker.`);
    return problems;
  });
