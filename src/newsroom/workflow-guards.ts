import type { Core } from '@strapi/strapi';
import { quoteProblems, type IsParticipant } from '../content/quote-checks';
import { loadStoryQuotes, sourceWarningMode, storyWarnings } from './checklist';

// Guards the editorial workflow's transitions require (named in config/plugins.ts).
export const registerWorkflowGuards = (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const guards = plugin.service('guards');

  guards.register(
    'quotes-verified',
    async ({
      uid,
      documentId,
      locale,
      isParticipant,
    }: {
      uid: string;
      documentId: string;
      locale: string;
      isParticipant?: IsParticipant;
    }) => {
      const story = await strapi.db.query(uid as any).findOne({
        where: { documentId, locale, publishedAt: null },
        select: ['id'],
        populate: {
          quotes: {
            select: ['text', 'verification', 'verifiedByActor'],
            populate: { speaker: { select: ['id'] } },
          },
        },
      });
      return quoteProblems(story?.quotes ?? [], isParticipant);
    }
  );

  // Source warnings stop approval only when the newsroom says so (SOURCE_WARNINGS=block).
  guards.register(
    'source-warnings',
    async ({ documentId, locale }: { documentId: string; locale: string }) => {
      if (sourceWarningMode(strapi) !== 'block') return [];
      return storyWarnings(await loadStoryQuotes(strapi, documentId, locale)).map((w) => w.message);
    }
  );
};
