import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isNoOpRelationPayload } from '../content/reference-links';
import { ARTICLE, NEWSROOM_TYPES, PERSON, QUOTE, SOURCE } from '../content/types';
import { FIELD_RULES, findContentProblems, type AttributeSpec } from '../content/rules';
import { firstFreeSlug, toSlug } from '../content/slug';
import {
  changedContentFields,
  changedVerificationFields,
  QUOTE_CONTENT_FIELDS,
  UNVERIFIED,
  verdictNoteProblem,
  type QuoteContent,
} from '../content/quote-verification';
import { mayVerifyQuotes, VERIFY_QUOTES_ACTION } from './editorial-rights';
import { forbidden } from './errors';
import { isLocalized } from './locales';
import { currentActor } from './request-actor';

// Newsroom rules for every write that goes through the Document Service (REST, Content Manager,
// code), clones included: validation, slugs, who may set a quote's verdict, the note a verdict
// against the quote needs, its stamp, and its reset when the quote's content changes (its speaker
// or source deleted included).

const SLUG_SOURCE: Record<string, string> = {
  [ARTICLE]: 'title',
  [PERSON]: 'name',
  [SOURCE]: 'name',
};
/** The quote field that links to each reference type: deleting one changes who said it, or where. */
const QUOTE_LINK: Record<string, 'speaker' | 'source'> = {
  [PERSON]: 'speaker',
  [SOURCE]: 'source',
};
const SLUG_FALLBACK: Record<string, string> = {
  [ARTICLE]: 'article',
  [PERSON]: 'person',
  [SOURCE]: 'source',
};

const hasDraftAndPublish = (contentType: any) => Boolean(contentType.options?.draftAndPublish);

const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();

/** The stored row this write will change: the draft of this locale, or null if it is new. */
const loadStored = async (
  strapi: Core.Strapi,
  uid: string,
  contentType: any,
  documentId: string,
  locale: string
) => {
  const where: Record<string, unknown> = { documentId };
  if (isLocalized(strapi, uid)) where.locale = locale;
  if (hasDraftAndPublish(contentType)) where.publishedAt = null;
  return strapi.db.query(uid as any).findOne({ where });
};

const slugTaken = async (
  strapi: Core.Strapi,
  uid: string,
  contentType: any,
  slug: string,
  locale: string,
  documentId: string | undefined
) => {
  const where: Record<string, unknown> = { slug };
  if (isLocalized(strapi, uid)) where.locale = locale;
  if (documentId) where.documentId = { $ne: documentId };
  return (await strapi.db.query(uid as any).count({ where })) > 0;
};

const toValidationError = (problems: { path: string[]; message: string; value?: unknown }[]) =>
  new errors.ValidationError(problems.map((p) => p.message).join('; '), {
    errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
  });

/** A quote's draft in one locale, with what its verdict is about (speaker and source by documentId). */
const loadQuoteContent = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const row = await strapi.db.query(QUOTE as any).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: { speaker: { select: ['documentId'] }, source: { select: ['documentId'] } },
  });
  if (!row) return null;
  const content: QuoteContent = {};
  for (const field of QUOTE_CONTENT_FIELDS) {
    content[field] =
      field === 'speaker' || field === 'source' ? (row[field]?.documentId ?? null) : row[field];
  }
  return { id: row.id as number, verification: row.verification as string | null, content };
};

const isEmptyRelationPayload = (value: unknown) =>
  isNoOpRelationPayload(value, { currentlyEmpty: true });

const verifyRefusal = (fields: string[]) =>
  forbidden(
    `Only holders of the "Verify quotes" permission (${VERIFY_QUOTES_ACTION}) may change a quote's ${fields.join(' or ')}`,
    { permission: VERIFY_QUOTES_ACTION, fields }
  );

/** Who answers for a verdict (or its reset): whoever made the write, now. */
const verdictStamp = (strapi: Core.Strapi) => {
  const actor = currentActor(strapi);
  return {
    verifiedBy: actor.name,
    verifiedAt: new Date(),
    verifiedByActor: { type: actor.type, id: actor.id, name: actor.name },
  };
};

/**
 * Deleting a person or source unlinks it from every quote that names it: a change of who said the
 * quote, or where it comes from, like any other. Each draft that loses the link goes back to
 * unverified in the delete's transaction. (A live quote cannot lose it: reference-guards.ts refuses
 * to delete what a live story shows.)
 */
const registerReferenceDeleteReset = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const field = QUOTE_LINK[ctx.uid];
    const documentId: string | undefined = (ctx.params as any)?.documentId;
    if (ctx.action !== 'delete' || !field || !documentId) return next();
    return strapi.db.transaction(async () => {
      const linked = await strapi.db.query(QUOTE as any).findMany({
        where: { publishedAt: null, [field]: { documentId } },
        select: ['id', 'verification'],
      });
      const result = await next();
      const judged = linked.filter((q: any) => q.verification !== UNVERIFIED).map((q: any) => q.id);
      if (judged.length === 0) return result;
      // Only one locale of it may have gone: the quotes still linked to another keep their verdict.
      const kept = await strapi.db.query(QUOTE as any).findMany({
        where: { id: { $in: judged }, [field]: { documentId } },
        select: ['id'],
      });
      const lost = judged.filter((id: number) => !kept.some((q: any) => q.id === id));
      const reset = { verification: UNVERIFIED, ...verdictStamp(strapi) };
      for (const id of lost)
        await strapi.db.query(QUOTE as any).update({ where: { id }, data: reset });
      return result;
    });
  });
};

export const registerContentGuards = (strapi: Core.Strapi) => {
  registerReferenceDeleteReset(strapi);
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update' && ctx.action !== 'clone') return next();
    if (!NEWSROOM_TYPES.includes(ctx.uid)) return next();

    const params = ctx.params as any;
    const cloning = ctx.action === 'clone';
    const data: Record<string, any> = { ...(params.data ?? {}) };
    const contentType = ctx.contentType as any;
    const locale = isLocalized(strapi, ctx.uid)
      ? (params.locale ?? (await defaultLocale(strapi)))
      : undefined;
    // The document this write changes (update) or copies (clone); a clone is a new document.
    const sourceId: string | undefined = ctx.action === 'create' ? undefined : params.documentId;
    const ownId = ctx.action === 'update' ? sourceId : undefined;
    const stored = sourceId
      ? await loadStored(strapi, ctx.uid, contentType, sourceId, locale)
      : null;
    // Nothing to clone: Strapi answers that itself.
    if (cloning && !stored) return next();

    if (cloning) {
      // Strapi copies every relation of the original; one that a target row can have only once
      // (a story's quotes) would be taken from the original. The copy starts without them.
      for (const [field, attribute] of Object.entries(
        contentType.attributes as Record<string, any>
      )) {
        const exclusive =
          ['oneToMany', 'oneToOne'].includes(attribute.relation) &&
          (attribute.mappedBy || attribute.inversedBy);
        if (attribute.type === 'relation' && exclusive && isEmptyRelationPayload(data[field]))
          data[field] = { set: [] };
      }
    }

    // The verdict fields this write changes (a copy's against a new quote's). Who may judge a quote
    // is asked first: a writer who may not is not told how to word a verdict.
    const verdictChanges =
      ctx.uid === QUOTE ? changedVerificationFields(data, cloning ? null : stored) : [];
    if (verdictChanges.length > 0 && !(await mayVerifyQuotes(strapi)))
      throw verifyRefusal(verdictChanges);
    if (ctx.uid === QUOTE && cloning) {
      // A copy is a new quote nobody has checked: its verdict starts over, whatever the body says.
      data.verification = UNVERIFIED;
      data.verificationNote = null;
    }

    const slugSource = SLUG_SOURCE[ctx.uid];
    const problems = findContentProblems(
      contentType.attributes as Record<string, AttributeSpec>,
      FIELD_RULES[ctx.uid],
      data,
      stored,
      slugSource ? ['slug'] : []
    );
    // A verdict against the quote says why (a clone starts unverified, so has nothing to say).
    const noteProblem = ctx.uid === QUOTE && !cloning ? verdictNoteProblem(data, stored) : null;
    if (noteProblem) problems.push(noteProblem);

    if (slugSource && problems.length === 0) {
      let wanted = typeof data.slug === 'string' ? data.slug.trim() : '';
      // A clone carries its original's slug unless the writer chose another: it needs its own.
      if (cloning && wanted === stored?.slug) wanted = '';
      if (wanted) {
        if (await slugTaken(strapi, ctx.uid, contentType, wanted, locale, ownId)) {
          problems.push({
            path: ['slug'],
            message: `slug "${wanted}" is already used${locale ? ` in locale ${locale}` : ''}`,
            value: wanted,
          });
        }
      } else if (cloning || !stored?.slug || 'slug' in data) {
        // Generated once, when empty: renaming a story later must not move its URL.
        const base =
          toSlug(String(data[slugSource] ?? stored?.[slugSource] ?? '')) || SLUG_FALLBACK[ctx.uid];
        data.slug = await firstFreeSlug(base, (candidate) =>
          slugTaken(strapi, ctx.uid, contentType, candidate, locale, ownId)
        );
      }
    }

    if (problems.length > 0) throw toValidationError(problems);

    if (ctx.uid !== QUOTE) {
      params.data = data;
      return next();
    }

    // Who verified a quote and when is the server's to say, never the writer's.
    delete data.verifiedBy;
    delete data.verifiedAt;
    delete data.verifiedByActor;
    // Who answers for the verdict: whoever last changed it or its note (a second fact-checker
    // confirms a colleague's verdict by adding their note).
    const stamp = () => verdictStamp(strapi);
    if (cloning) Object.assign(data, { verifiedBy: null, verifiedAt: null, verifiedByActor: null });
    else if (verdictChanges.length > 0) Object.assign(data, stamp());
    params.data = data;

    if (ctx.action !== 'update') return next();

    // A verdict is about the words, who said them, where and when: when any of that changes, the
    // draft's verdict goes back to unverified (the live version keeps its approved one). Compared
    // on what is stored before and after, so every relation form counts. One transaction (joined
    // if the caller has one open), so the change and the reset commit together.
    return strapi.db.transaction(async () => {
      const before = await loadQuoteContent(strapi, sourceId!, locale);
      const result: any = await next();
      const after = await loadQuoteContent(strapi, sourceId!, locale);
      if (!before || !after || after.verification === UNVERIFIED) return result;
      if (changedContentFields(before.content, after.content).length === 0) return result;
      // A verify holder who changes content and sets a new verdict in one write means that verdict.
      if (verdictChanges.includes('verification')) return result;
      const reset = { verification: UNVERIFIED, ...stamp() };
      await strapi.db.query(QUOTE as any).update({ where: { id: after.id }, data: reset });
      if (result && result.id === after.id) {
        const { verifiedByActor: _private, ...visible } = reset;
        Object.assign(result, visible);
      }
      return result;
    });
  });
};
