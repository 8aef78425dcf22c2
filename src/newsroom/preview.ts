import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE, QUOTE } from '../content/types';
import {
  parsePreviewSettings,
  previewPageUrl,
  previewTokenFromHeader,
  previewTokenOpens,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewSettings,
  type PreviewTarget,
} from '../content/preview-token';
import { forbidden, unauthorized } from './errors';
import { isLocalized } from './locales';
import { PREVIEW_GRANT } from './reader-visibility';
import { currentRequest } from './request-actor';

// Editors' preview (README, "Preview for editors"): Strapi's Content Manager asks
// config/admin.ts's handler for a frontend URL; the URL carries a short-lived token that opens
// the working copy of one story locale through GET /api/articles/:documentId/preview, and nothing
// else. The token rules are pure (src/content/preview-token.ts); this is the Strapi side.
//
// Strapi 5.54 checks nothing but "is an admin" before calling the handler (its controller says
// "TODO: Permissions to preview content", and the handler is not given the user): the policy
// below, put on that route, refuses a user who may not read the document locale in the Content
// Manager, and the handler itself gives no URL outside an admin request.

/** What a preview answer shows: what a published read of a story shows. */
export const PREVIEW_POPULATE = {
  quotes: { populate: { speaker: true, source: true } },
  people: true,
  sources: true,
  cover: true,
} as const;

export const previewSettings = (strapi: Core.Strapi): PreviewSettings =>
  strapi.config.get('newsroom.preview', parsePreviewSettings({})) as PreviewSettings;

const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();

const localeOf = async (strapi: Core.Strapi, uid: string, locale: unknown) =>
  !isLocalized(strapi, uid)
    ? ''
    : typeof locale === 'string' && locale
      ? locale
      : defaultLocale(strapi);

const draftRow = (strapi: Core.Strapi, uid: string, documentId: string, locale: string) =>
  strapi.db.query(uid as any).findOne({
    where: { documentId, publishedAt: null, ...(isLocalized(strapi, uid) ? { locale } : {}) },
    ...(uid === QUOTE ? { populate: { article: { select: ['documentId', 'locale'] } } } : {}),
  });

/**
 * The story a preview of this document locale shows: the story itself, or a quote's story (a quote
 * has no page of its own); null for anything else, a missing working copy or a quote in no story.
 */
export const previewStoryOf = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string
): Promise<PreviewTarget | null> => {
  if (uid !== ARTICLE && uid !== QUOTE) return null;
  const row: any = await draftRow(strapi, uid, documentId, locale);
  if (!row) return null;
  if (uid === ARTICLE) return { uid: ARTICLE, documentId, locale };
  const story = row.article;
  return story ? { uid: ARTICLE, documentId: story.documentId, locale: story.locale } : null;
};

/** config/admin.ts `preview.config.handler`: the frontend URL, or none (Strapi answers 204). */
export const previewUrlHandler = async (
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string | null; status?: string }
): Promise<string | null> => {
  const settings = previewSettings(strapi);
  if (!settings.enabled || !settings.url || !settings.secret) return null;
  // Only for an admin user's request: the policy below has checked their read right.
  if (!currentRequest(strapi)?.state?.userAbility) return null;
  if (typeof params.documentId !== 'string' || !params.documentId) return null;
  const locale = await localeOf(strapi, uid, params.locale);
  const story = await previewStoryOf(strapi, uid, params.documentId, locale);
  if (!story) return null;
  // The live version is public: its page needs no token.
  if (params.status === 'published')
    return previewPageUrl(settings.url, { ...story, status: 'published' });
  const { token } = signPreviewToken(story, settings.secret, { ttlSeconds: settings.ttlSeconds });
  return previewPageUrl(settings.url, { ...story, status: 'draft', token });
};

// ---------------------------------------------------------------------------------------------
// Who may get a URL

const CM_READ = 'plugin::content-manager.explorer.read';
const PREVIEW_URL_ROUTE = { method: 'GET', path: '/preview/url/:contentType' };

const mayRead = async (strapi: Core.Strapi, userAbility: unknown, target: PreviewTarget) => {
  const access = strapi.plugin('editorial-workflow')?.service('access') as any;
  // The plugin is off only to measure its cost (npm run bench): no preview then.
  if (!access) return false;
  return access.mayRead(userAbility, target);
};

const refuse = (target: PreviewTarget) =>
  forbidden(
    `You may not read this document, so you may not preview it (permission ${CM_READ} on ${target.uid}${target.locale ? `, locale ${target.locale}` : ''})`,
    { permission: CM_READ, uid: target.uid, locale: target.locale }
  );

/**
 * `global::preview-access`, on the Content Manager's preview URL route: the caller may read the
 * document locale (a quote: and its story) in the Content Manager, or gets 403 and no URL.
 */
export const previewAccessPolicy = async (
  ctx: any,
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  // A policy gets a copy of the Koa context's own properties: `query` (a getter) is on `request`.
  const query = ctx.request?.query ?? {};
  const uid = ctx.params?.contentType;
  const documentId = query.documentId;
  // Strapi's own validation refuses what is not a document of a type; other types get no URL.
  if ((uid !== ARTICLE && uid !== QUOTE) || typeof documentId !== 'string' || !documentId)
    return true;
  const locale = await localeOf(strapi, uid, query.locale);
  const asked = { uid, documentId, locale };
  const userAbility = ctx.state?.userAbility;
  if (!(await draftRow(strapi, uid, documentId, locale)))
    throw new errors.NotFoundError('No such document in this locale');
  if (!(await mayRead(strapi, userAbility, asked))) throw refuse(asked);
  const story = uid === QUOTE ? await previewStoryOf(strapi, uid, documentId, locale) : null;
  if (story && !(await mayRead(strapi, userAbility, story))) throw refuse(story);
  return true;
};

/** Puts `global::preview-access` on the Content Manager's preview URL route (app register). */
export const guardPreviewUrl = (strapi: Core.Strapi) => {
  const cm = strapi.plugin('content-manager') as any;
  let guarded = 0;
  for (const router of Object.values<any>(cm?.routes ?? {})) {
    if (router?.type !== 'admin') continue;
    for (const route of router.routes ?? []) {
      if (route.method !== PREVIEW_URL_ROUTE.method || route.path !== PREVIEW_URL_ROUTE.path)
        continue;
      route.config = {
        ...(route.config ?? {}),
        policies: [...(route.config?.policies ?? []), 'global::preview-access'],
      };
      guarded += 1;
    }
  }
  // A Strapi upgrade that moves the route must not leave tokens to any admin: stop the boot.
  if (previewSettings(strapi).enabled && guarded !== 1)
    throw new Error(
      `Preview: expected one Content Manager route ${PREVIEW_URL_ROUTE.method} ${PREVIEW_URL_ROUTE.path} to guard, found ${guarded}`
    );
};

/** Development without PREVIEW_SECRET: say why the preview button is missing. */
export const warnIfPreviewOff = (strapi: Core.Strapi) => {
  const settings = previewSettings(strapi);
  if (settings.url && !settings.secret)
    strapi.log.warn(
      'PREVIEW_URL is set but PREVIEW_SECRET is missing or shorter than 32 characters: preview is off. `npm run develop` generates one.'
    );
};

// ---------------------------------------------------------------------------------------------
// The read

const ALLOWED_QUERY = new Set(['locale']);

/** GET /api/articles/:documentId/preview?locale=…, with `Authorization: Preview <token>`. */
export const readPreview = async (strapi: Core.Strapi, ctx: any) => {
  // Whatever happens below, this answer is nobody else's.
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  const settings = previewSettings(strapi);
  if (!settings.enabled || !settings.secret)
    throw new errors.NotFoundError('Preview is not enabled on this server (PREVIEW_URL)');

  const unknown = Object.keys(ctx.query ?? {}).filter((key) => !ALLOWED_QUERY.has(key));
  const locale = ctx.query?.locale;
  if (unknown.length > 0 || (locale !== undefined && typeof locale !== 'string'))
    throw new errors.ValidationError(
      unknown.length > 0
        ? `A preview takes only ?locale=: ${unknown.join(', ')} is not allowed`
        : 'locale must be a locale code',
      {
        errors: (unknown.length > 0 ? unknown : ['locale']).map((key) => ({
          path: [key],
          message: `${key} is not allowed here`,
          name: 'ValidationError',
        })),
      }
    );

  const token = previewTokenFromHeader(ctx.get('Authorization'));
  if (!token)
    throw unauthorized('A preview token is required: send it as `Authorization: Preview <token>`');
  const verified = verifyPreviewToken(token, settings.secret);
  if (!verified.ok) {
    if (verified.reason === 'expired')
      throw unauthorized(
        `This preview token expired at ${verified.expiredAt.toISOString()}: open the preview again from the admin panel`,
        { reason: 'expired', expiredAt: verified.expiredAt.toISOString() }
      );
    throw unauthorized(
      verified.reason === 'malformed' ? 'Malformed preview token' : 'Invalid preview token',
      { reason: verified.reason }
    );
  }

  const target: PreviewTarget = {
    uid: ARTICLE,
    documentId: String(ctx.params.documentId),
    locale: await localeOf(strapi, ARTICLE, locale),
  };
  if (!previewTokenOpens(verified.claims, target))
    throw forbidden('This preview token opens another story or locale', {
      documentId: target.documentId,
      locale: target.locale,
    });

  // Read by src/newsroom/reader-visibility.ts: this one working copy, nothing else in the request.
  ctx.state[PREVIEW_GRANT] = target;
  const story = await strapi.documents(ARTICLE as any).findOne({
    documentId: target.documentId,
    locale: target.locale,
    status: 'draft',
    populate: PREVIEW_POPULATE as any,
  });
  if (!story) throw new errors.NotFoundError('This story has no working copy in this locale');
  const data = await strapi.contentAPI.sanitize.output(story, strapi.getModel(ARTICLE as any));
  return {
    data,
    meta: { preview: { expiresAt: new Date(verified.claims.exp * 1000).toISOString() } },
  };
};
