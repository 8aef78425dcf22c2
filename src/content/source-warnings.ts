// Warnings about where a story's quotes come from. Pure: shown in the checklist, and (SOURCE_WARNINGS=block) refusing approval.
import { excerpt } from '../plugins/editorial-workflow/shared/excerpt';

export const SOURCE_WARNING_MODES = ['warn', 'block'] as const;
export type SourceWarningMode = (typeof SOURCE_WARNING_MODES)[number];

/** Reliability grades too weak to rest a quote on alone (A best … F unknown/unreliable). */
export const WEAK_GRADES = ['E', 'F'];

export interface QuoteForWarnings {
  documentId: string;
  text: string | null;
  url: string | null;
  saidAt: string | null;
  source: { documentId: string; name: string; reliability: string | null } | null;
}

export interface SourceWarning {
  code: 'low-reliability' | 'single-source' | 'missing-url' | 'missing-date';
  message: string;
  documentId?: string;
}

export const parseSourceWarningMode = (value: unknown): SourceWarningMode => {
  if ((SOURCE_WARNING_MODES as readonly unknown[]).includes(value))
    return value as SourceWarningMode;
  throw new Error(
    `SOURCE_WARNINGS must be ${SOURCE_WARNING_MODES.map((m) => `"${m}"`).join(' or ')}, got ${JSON.stringify(value)}`
  );
};

const blank = (value: string | null) => value === null || value.trim() === '';

export const sourceWarnings = (quotes: QuoteForWarnings[]): SourceWarning[] => {
  const warnings: SourceWarning[] = [];
  for (const quote of quotes) {
    const name = `The quote «${excerpt(quote.text)}»`;
    const grade = quote.source?.reliability ?? null;
    if (quote.source && grade && WEAK_GRADES.includes(grade))
      warnings.push({
        code: 'low-reliability',
        message: `${name} rests on ${quote.source.name}, graded ${grade}.`,
        documentId: quote.documentId,
      });
    if (blank(quote.url))
      warnings.push({
        code: 'missing-url',
        message: `${name} has no URL.`,
        documentId: quote.documentId,
      });
    if (blank(quote.saidAt))
      warnings.push({
        code: 'missing-date',
        message: `${name} has no date.`,
        documentId: quote.documentId,
      });
  }
  // One voice behind every quote: nothing corroborates it. Quotes without a source count as unknown, not as the same one.
  const sources = new Set(quotes.map((q) => q.source?.documentId ?? null));
  if (quotes.length >= 2 && sources.size === 1 && !sources.has(null)) {
    warnings.push({
      code: 'single-source',
      message: `All ${quotes.length} quotes rest on one source, ${quotes[0].source!.name}.`,
    });
  }
  return warnings;
};
