// What must be true of a story's quotes before it may be approved. Pure.
import { excerpt } from '../plugins/editorial-workflow/shared/excerpt';

/** Who set a quote's verdict, as recorded by the server. */
export interface VerifierIdentity {
  type: string;
  id: number | null;
  name: string;
}

export interface QuoteForCheck {
  text: string | null;
  verification: string | null;
  speaker: unknown;
  verifiedByActor?: VerifierIdentity | null;
}

/** Whether an actor took part in this round (created the story locale, submitted it, or edited it). */
export type IsParticipant = (actor: VerifierIdentity) => boolean;

/**
 * One sentence per problem, naming the quote by its opening words. A verdict counts only when
 * its verifier is independent of the round; without `isParticipant` nobody is a participant.
 * Code (the `system` actor: imports, scripts) is trusted here as by every other newsroom rule.
 */
export const quoteProblems = (
  quotes: QuoteForCheck[],
  isParticipant: IsParticipant = () => false
): string[] =>
  quotes.flatMap((quote) => {
    const name = `The quote «${excerpt(quote.text)}»`;
    const problems: string[] = [];
    if (quote.verification !== 'verified')
      problems.push(`${name} is ${quote.verification ?? 'unverified'}: it must be verified.`);
    else if (
      quote.verifiedByActor &&
      quote.verifiedByActor.type !== 'system' &&
      isParticipant(quote.verifiedByActor)
    ) {
      problems.push(
        `${name} was verified by its own writer/submitter (${quote.verifiedByActor.name}): another fact-checker must verify it.`
      );
    }
    if (!quote.speaker) problems.push(`${name} has no speaker.`);
    return problems;
  });
