import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE } from '../content/types';
import { VERIFICATION_FIELDS } from '../content/quote-verification';
import { mayVerifyQuotes } from './editorial-rights';
import { currentRequest } from './request-actor';
import {
  parseSourceWarningMode,
  sourceWarnings,
  type SourceWarningMode,
} from '../content/source-warnings';

// The story's quote checklist in the workflow panel (the plugin's `checklist` service), and the
// source-warnings guard of approval.

export const sourceWarningMode = (strapi: Core.Strapi): SourceWarningMode =>
  parseSourceWarningMode(strapi.config.get('newsroom.sourceWarnings', 'warn'));

const isoDate = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : String(value);

/** The draft's quotes in this locale, with speaker and source. */
export const loadStoryQuotes = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const story = await strapi.db.query(ARTICLE as any).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id'],
    populate: {
      quotes: {
        orderBy: { id: 'asc' },
        populate: {
          speaker: { select: ['name'] },
          source: { select: ['documentId', 'name', 'reliability'] },
        },
      },
    },
  });
  return (story?.quotes ?? []) as any[];
};

export const storyWarnings = (quotes: any[]) =>
  sourceWarnings(
    quotes.map((q) => ({
      documentId: q.documentId,
      text: q.text ?? null,
      url: q.url ?? null,
      saidAt: q.saidAt ? String(q.saidAt) : null,
      source: q.source
        ? {
            documentId: q.source.documentId,
            name: q.source.name,
            reliability: q.source.reliability ?? null,
          }
        : null,
    }))
  );

/**
 * Whether the caller's verdict from the panel would be saved: the panel writes it through the
 * Content Manager, so it takes the Verify quotes permission and the right to write both verdict
 * fields of a quote there (a role without them, Author by default, sees them read-only and the
 * Content Manager leaves them out of its writes).
 */
const mayGiveVerdicts = async (strapi: Core.Strapi): Promise<boolean> => {
  if (!(await mayVerifyQuotes(strapi))) return false;
  const ability = currentRequest(strapi)?.state?.userAbility;
  if (!ability) return true;
  return VERIFICATION_FIELDS.every((field) =>
    ability.can('plugin::content-manager.explorer.update', QUOTE, field)
  );
};

export const registerChecklist = (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  plugin.service('checklist').register(ARTICLE, async ({ documentId, locale }: any) => {
    const quotes = await loadStoryQuotes(strapi, documentId, locale);
    const items = quotes.map((q) => ({
      uid: QUOTE,
      documentId: q.documentId,
      locale: q.locale,
      text: q.text ?? null,
      speaker: q.speaker?.name ?? null,
      source: q.source ? { name: q.source.name, reliability: q.source.reliability ?? null } : null,
      saidAt: q.saidAt ? String(q.saidAt) : null,
      url: q.url || null,
      verification: q.verification ?? 'unverified',
      verificationNote: q.verificationNote ?? null,
      verifiedBy: q.verifiedBy ?? null,
      verifiedAt: isoDate(q.verifiedAt),
    }));
    return {
      items,
      progress: {
        done: items.filter((i) => i.verification === 'verified').length,
        total: items.length,
      },
      warnings: storyWarnings(quotes),
      blocking: sourceWarningMode(strapi) === 'block',
      canVerify: await mayGiveVerdicts(strapi),
    };
  });
};
