import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inverseLinkWrites, OWNER_SIDE } from '../content/reference-links';
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../content/types';
import { mayApproveStories } from './editorial-rights';
import { conflict, forbidden } from './errors';

// Person and Source are reference data without Draft & Publish: a write to one shows at once in
// every live story that names it. So the links are made from the story and the quote only, and
// a person or source that a live story shows is changed only by those who may approve stories.

const REFERENCE: Record<string, { quoteField: string; storyField: string; noun: string }> = {
  [PERSON]: { quoteField: 'speaker', storyField: 'people', noun: 'person' },
  [SOURCE]: { quoteField: 'source', storyField: 'sources', noun: 'source' },
};

/** Live stories showing this person or source: through a published quote, or a published story's own list. */
const liveStoriesShowing = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const { quoteField, storyField } = REFERENCE[uid];
  const quotes = await strapi.db.query(QUOTE as any).findMany({
    where: { publishedAt: { $notNull: true }, [quoteField]: { documentId } },
    select: ['id', 'text'],
    populate: { article: { select: ['documentId', 'locale', 'title'] } },
  });
  const stories = await strapi.db.query(ARTICLE as any).findMany({
    where: { publishedAt: { $notNull: true }, [storyField]: { documentId } },
    select: ['documentId', 'locale', 'title'],
  });
  const found = new Map<string, { documentId: string; locale: string; title: string }>();
  for (const story of [...stories, ...quotes.map((q: any) => q.article).filter(Boolean)]) {
    found.set(`${story.documentId}:${story.locale}`, {
      documentId: story.documentId,
      locale: story.locale,
      title: story.title,
    });
  }
  // A published quote outside any story should not exist (quotes go live with one); name it anyway.
  for (const quote of quotes.filter((q: any) => !q.article)) {
    found.set(`quote:${quote.id}`, {
      documentId: '',
      locale: '',
      title: `a published quote ${quote.text}`,
    });
  }
  return [...found.values()];
};

const listTitles = (stories: { title: string; locale: string }[]) =>
  stories.map((s) => (s.locale ? `«${s.title}» (${s.locale})` : s.title)).join(', ');

export const registerReferenceGuards = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const reference = REFERENCE[ctx.uid];
    if (!reference || !['create', 'update', 'clone', 'delete'].includes(ctx.action)) return next();
    const params = ctx.params as any;
    const data: Record<string, any> = params.data ?? {};
    const documentId: string | undefined = ctx.action === 'create' ? undefined : params.documentId;

    if (ctx.action !== 'delete') {
      // An empty list only "changes nothing" where nothing is linked: look when it matters.
      const linked =
        ctx.action === 'update' && documentId
          ? await strapi.db.query(ctx.uid as any).findOne({
              where: { documentId },
              select: ['id'],
              populate: Object.fromEntries(
                Object.keys(OWNER_SIDE[ctx.uid]).map((f) => [f, { select: ['id'] }])
              ),
            })
          : null;
      const problems = inverseLinkWrites(ctx.uid, data, (field) => !(linked?.[field]?.length > 0));
      if (problems.length > 0) {
        throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
          errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
        });
      }
      if (ctx.action === 'clone') {
        // Strapi copies every relation of the original: the copy must not join its stories.
        params.data = {
          ...data,
          ...Object.fromEntries(Object.keys(OWNER_SIDE[ctx.uid]).map((f) => [f, { set: [] }])),
        };
      }
    }

    if ((ctx.action === 'update' || ctx.action === 'delete') && documentId) {
      const live = await liveStoriesShowing(strapi, ctx.uid, documentId);
      if (live.length > 0) {
        const row = await strapi.db
          .query(ctx.uid as any)
          .findOne({ where: { documentId }, select: ['name'] });
        const name = row?.name ?? `this ${reference.noun}`;
        const details = { stories: live };
        if (ctx.action === 'delete') {
          throw conflict(
            `${name} cannot be deleted: live stories show this ${reference.noun}: ${listTitles(live)}. ` +
              `Take it out of them (the quote's ${reference.quoteField}, the story's ${reference.storyField}) and approve them again first`,
            details
          );
        }
        if (!(await mayApproveStories(strapi))) {
          throw forbidden(
            `${name} is shown by live stories: ${listTitles(live)}. Only those who may approve stories may change it`,
            details
          );
        }
      }
    }
    return next();
  });
};
