// A published story as schema.org structured data for search engines: one `NewsArticle` (headline,
// dates, byline, publisher, the corrections log as `CorrectionComment`s) and one `ClaimReview` per
// quote whose fact-check says something a reader should know (disputed, misattributed, or verified
// with a note). Pure: the caller passes the published story and the publisher; the types are
// schema-dts's, so a property schema.org does not have does not compile.
import { z } from 'zod';
import type {
  Claim,
  ClaimReview,
  CorrectionComment,
  Graph,
  NewsArticle,
  Organization,
  Person,
} from 'schema-dts';

export interface PublisherSettings {
  name: string;
  /** The newsroom's home page. */
  url: string;
  logoUrl: string | null;
  /** Where a story lives on the frontend: `{publisherUrl}`, `{locale}`, `{slug}`, `{documentId}`. */
  articleUrlTemplate: string;
}

const httpUrl = (name: string) =>
  z
    .string({ error: `${name} must be an http(s) URL` })
    .trim()
    .refine((v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `${name} must be an http(s) URL`);

const PLACEHOLDERS = ['publisherUrl', 'locale', 'slug', 'documentId'];

const settingsSchema = z.object({
  name: z
    .string({ error: 'PUBLISHER_NAME must be the newsroom’s name' })
    .trim()
    .min(1, 'PUBLISHER_NAME must be the newsroom’s name'),
  url: httpUrl('PUBLISHER_URL'),
  logoUrl: z.preprocess((v) => (v === '' ? null : v), httpUrl('PUBLISHER_LOGO_URL').nullable()),
  articleUrlTemplate: z
    .string({ error: 'ARTICLE_URL_TEMPLATE must be text' })
    .refine(
      (t) => [...t.matchAll(/\{(\w+)\}/g)].every(([, name]) => PLACEHOLDERS.includes(name)),
      `ARTICLE_URL_TEMPLATE may use only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`
    )
    .refine(
      (t) => t.includes('{slug}') || t.includes('{documentId}'),
      'ARTICLE_URL_TEMPLATE must name the story: {slug} or {documentId}'
    ),
});

/** The publisher settings (config/newsroom.ts), checked: a wrong one stops the boot, naming the variable. */
export const parsePublisherSettings = (raw: unknown): PublisherSettings => {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  return parsed.data;
};

/** The story's address on the frontend (a slugless story is named by its documentId). */
export const articleUrl = (
  settings: PublisherSettings,
  story: { documentId: string; locale: string; slug: string | null }
) =>
  settings.articleUrlTemplate.replace(/\{(\w+)\}/g, (_, name: string) => {
    const base = settings.url.replace(/\/+$/, '');
    const values: Record<string, string> = {
      publisherUrl: base,
      locale: encodeURIComponent(story.locale),
      slug: encodeURIComponent(story.slug || story.documentId),
      documentId: encodeURIComponent(story.documentId),
    };
    return values[name];
  });

export type Verification =
  'unverified' | 'verified' | 'disputed' | 'misattributed' | 'unverifiable';

export interface JsonLdQuote {
  documentId: string;
  text: string;
  verification: Verification | string | null;
  verificationNote: string | null;
  verifiedAt: string | null;
  /** Where the words were said or printed (the quote's source URL). */
  url: string | null;
  saidAt: string | null;
  speaker: { name: string; wikidataId: string | null } | null;
}

export interface JsonLdStory {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  dateline: string | null;
  /** First publication (ISO 8601). */
  datePublished: string;
  /** When the version readers see went live (ISO 8601). */
  dateModified: string;
  /** Newest first, as the content API lists them. */
  corrections: readonly { date: string; note: string }[];
  /** The published quotes of the story. */
  quotes: readonly JsonLdQuote[];
}

/** The rating's words for the verdicts a ClaimReview is published for. */
export const VERDICT_NAMES: Readonly<Record<string, string>> = {
  verified: 'Verified',
  disputed: 'Disputed',
  misattributed: 'Misattributed',
};

/** A fact-check worth telling: disputed or misattributed, or verified with a note that says more. */
export const isReviewed = (quote: JsonLdQuote) =>
  quote.verification === 'disputed' ||
  quote.verification === 'misattributed' ||
  (quote.verification === 'verified' && Boolean(quote.verificationNote?.trim()));

/** "By Jane Roe and John Doe" → two people; an empty byline → none. */
export const bylineAuthors = (byline: string | null): string[] =>
  (byline ?? '')
    .trim()
    .replace(/^by\s+/i, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);

const wikidata = (id: string | null) => (id ? [`https://www.wikidata.org/wiki/${id}`] : undefined);

export const buildJsonLd = (story: JsonLdStory, settings: PublisherSettings): Graph => {
  const url = articleUrl(settings, story);
  const publisher: Organization = {
    '@type': 'Organization',
    name: settings.name,
    url: settings.url,
    ...(settings.logoUrl ? { logo: { '@type': 'ImageObject', url: settings.logoUrl } } : {}),
  };
  const people = bylineAuthors(story.byline);
  const corrections: CorrectionComment[] = story.corrections.map((c) => ({
    '@type': 'CorrectionComment',
    text: c.note,
    datePublished: c.date,
  }));
  const article: NewsArticle = {
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: story.title,
    inLanguage: story.locale || undefined,
    datePublished: story.datePublished,
    dateModified: story.dateModified,
    // Google asks for an author: the byline's people, or the newsroom when there is none.
    author: people.length
      ? people.map((name): Person => ({ '@type': 'Person', name }))
      : [publisher],
    publisher,
    ...(story.standfirst ? { description: story.standfirst } : {}),
    ...(story.section ? { articleSection: story.section } : {}),
    ...(story.dateline ? { dateline: story.dateline } : {}),
    ...(corrections.length ? { correction: corrections } : {}),
  };
  const reviews: ClaimReview[] = story.quotes.filter(isReviewed).map((quote) => {
    const claim: Claim = {
      '@type': 'Claim',
      ...(quote.speaker
        ? {
            author: {
              '@type': 'Person',
              name: quote.speaker.name,
              ...(quote.speaker.wikidataId ? { sameAs: wikidata(quote.speaker.wikidataId) } : {}),
            },
          }
        : {}),
      ...(quote.saidAt ? { datePublished: quote.saidAt } : {}),
      ...(quote.url ? { appearance: { '@type': 'CreativeWork', url: quote.url } } : {}),
    };
    return {
      '@type': 'ClaimReview',
      // The fact-check lives in the story, at the quote.
      url: `${url}#quote-${quote.documentId}`,
      claimReviewed: quote.text,
      itemReviewed: claim,
      author: publisher,
      datePublished: quote.verifiedAt ?? story.dateModified,
      reviewRating: {
        '@type': 'Rating',
        alternateName: VERDICT_NAMES[quote.verification as string],
        ...(quote.verificationNote?.trim()
          ? { ratingExplanation: quote.verificationNote.trim() }
          : {}),
      },
    };
  });
  return { '@context': 'https://schema.org', '@graph': [article, ...reviews] };
};
