import { describe, expect, it } from 'vitest';
import {
  articleUrl,
  buildJsonLd,
  bylineAuthors,
  isReviewed,
  parsePublisherSettings,
  type JsonLdQuote,
  type JsonLdStory,
  type PublisherSettings,
} from './jsonld';
import { googleProblems } from '../../test/helpers/structured-data';

const settings: PublisherSettings = {
  name: 'Minsk Daily',
  url: 'https://news.example/',
  logoUrl: null,
  articleUrlTemplate: '{publisherUrl}/{locale}/stories/{slug}',
};

const quote = (over: Partial<JsonLdQuote>): JsonLdQuote => ({
  documentId: 'q1',
  text: 'We will not give up Belarus.',
  verification: 'verified',
  verificationNote: null,
  verifiedAt: '2026-03-02T09:00:00.000Z',
  url: 'https://wire.example/1',
  saidAt: '2020-09-13',
  speaker: { name: 'Alexander Lukashenko', wikidataId: 'Q1233' },
  ...over,
});

const story = (over: Partial<JsonLdStory> = {}): JsonLdStory => ({
  documentId: 'doc1',
  locale: 'en',
  title: 'Lukashenko and Putin meet in Sochi',
  slug: 'lukashenko-putin-sochi',
  standfirst: 'Talks amid protests.',
  byline: 'By Jane Roe and John Doe',
  section: 'World',
  dateline: 'MINSK',
  datePublished: '2026-03-01T10:00:00.000Z',
  dateModified: '2026-03-03T10:00:00.000Z',
  corrections: [
    { date: '2026-03-03T10:00:00.000Z', note: 'An earlier version misspelt a name.' },
    { date: '2026-03-02T10:00:00.000Z', note: 'The meeting was in Sochi, not Moscow.' },
  ],
  quotes: [
    quote({ documentId: 'q1', verification: 'disputed', verificationNote: 'No record of it.' }),
    quote({ documentId: 'q2', verification: 'misattributed', speaker: null }),
    quote({ documentId: 'q3', verification: 'verified', verificationNote: 'On video, 13 Sept.' }),
    quote({ documentId: 'q4', verification: 'verified', verificationNote: '  ' }),
    quote({ documentId: 'q5', verification: 'unverified' }),
    quote({ documentId: 'q6', verification: 'unverifiable', verificationNote: 'No source.' }),
  ],
  ...over,
});

describe('buildJsonLd', () => {
  const graph = buildJsonLd(story(), settings);
  const [article, ...reviews] = graph['@graph'] as any[];

  it('is one NewsArticle with its headline, dates, byline, publisher and corrections', () => {
    expect(graph['@context']).toBe('https://schema.org');
    expect(article).toEqual({
      '@type': 'NewsArticle',
      '@id': 'https://news.example/en/stories/lukashenko-putin-sochi',
      url: 'https://news.example/en/stories/lukashenko-putin-sochi',
      mainEntityOfPage: 'https://news.example/en/stories/lukashenko-putin-sochi',
      headline: 'Lukashenko and Putin meet in Sochi',
      inLanguage: 'en',
      datePublished: '2026-03-01T10:00:00.000Z',
      dateModified: '2026-03-03T10:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Jane Roe' },
        { '@type': 'Person', name: 'John Doe' },
      ],
      publisher: { '@type': 'Organization', name: 'Minsk Daily', url: 'https://news.example/' },
      description: 'Talks amid protests.',
      articleSection: 'World',
      dateline: 'MINSK',
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'An earlier version misspelt a name.',
          datePublished: '2026-03-03T10:00:00.000Z',
        },
        {
          '@type': 'CorrectionComment',
          text: 'The meeting was in Sochi, not Moscow.',
          datePublished: '2026-03-02T10:00:00.000Z',
        },
      ],
    });
    expect(googleProblems(article)).toEqual([]);
  });

  it('reviews disputed, misattributed and noted verified quotes only', () => {
    expect(reviews.map((r) => r.url.split('#')[1])).toEqual(['quote-q1', 'quote-q2', 'quote-q3']);
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual([
      'Disputed',
      'Misattributed',
      'Verified',
    ]);
    for (const review of reviews) expect(googleProblems(review)).toEqual([]);
  });

  it('names the claim, its speaker as a Person, and the publisher as the reviewer', () => {
    expect(reviews[0]).toEqual({
      '@type': 'ClaimReview',
      url: 'https://news.example/en/stories/lukashenko-putin-sochi#quote-q1',
      claimReviewed: 'We will not give up Belarus.',
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Person',
          name: 'Alexander Lukashenko',
          sameAs: ['https://www.wikidata.org/wiki/Q1233'],
        },
        datePublished: '2020-09-13',
        appearance: { '@type': 'CreativeWork', url: 'https://wire.example/1' },
      },
      author: { '@type': 'Organization', name: 'Minsk Daily', url: 'https://news.example/' },
      datePublished: '2026-03-02T09:00:00.000Z',
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Disputed',
        ratingExplanation: 'No record of it.',
      },
    });
    // No speaker: the claim names nobody rather than someone wrong.
    expect(reviews[1].itemReviewed).not.toHaveProperty('author');
  });

  it('falls back to the publisher as author and leaves empty parts out', () => {
    const bare = buildJsonLd(
      story({ byline: null, standfirst: null, section: null, dateline: null, corrections: [] }),
      { ...settings, logoUrl: 'https://news.example/logo.png' }
    )['@graph'][0] as any;
    expect(bare.author).toEqual([
      {
        '@type': 'Organization',
        name: 'Minsk Daily',
        url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' },
      },
    ]);
    for (const key of ['description', 'articleSection', 'dateline', 'correction'])
      expect(bare).not.toHaveProperty(key);
    expect(googleProblems(bare)).toEqual([]);
  });

  it('is caught by the validator when a required property is missing', () => {
    expect(googleProblems({ '@type': 'ClaimReview', claimReviewed: 'x' })).toEqual([
      'ClaimReview.reviewRating.alternateName is required',
      'ClaimReview.url is required (an absolute URL)',
      'ClaimReview.author needs a name',
    ]);
    expect(
      googleProblems({ ...reviews[0], reviewRating: { '@type': 'Rating', alternateName: '' } })
    ).toEqual(['ClaimReview.reviewRating.alternateName is required']);
  });
});

describe('helpers', () => {
  it('isReviewed', () => {
    expect(isReviewed(quote({ verification: 'verified', verificationNote: null }))).toBe(false);
    expect(isReviewed(quote({ verification: 'verified', verificationNote: 'Seen.' }))).toBe(true);
    expect(isReviewed(quote({ verification: 'disputed' }))).toBe(true);
    expect(isReviewed(quote({ verification: 'unverifiable', verificationNote: 'x' }))).toBe(false);
  });

  it('bylineAuthors', () => {
    expect(bylineAuthors('By Jane Roe, John Doe & Ann Lee')).toEqual([
      'Jane Roe',
      'John Doe',
      'Ann Lee',
    ]);
    expect(bylineAuthors('  ')).toEqual([]);
    expect(bylineAuthors(null)).toEqual([]);
  });

  it('articleUrl names a slugless story by its documentId', () => {
    expect(articleUrl(settings, { documentId: 'abc', locale: 'ru', slug: null })).toBe(
      'https://news.example/ru/stories/abc'
    );
  });

  it('parsePublisherSettings refuses what would make wrong structured data', () => {
    const ok = {
      name: 'N',
      url: 'https://n.example',
      logoUrl: '',
      articleUrlTemplate: '{publisherUrl}/{slug}',
    };
    expect(parsePublisherSettings(ok)).toEqual({ ...ok, logoUrl: null });
    expect(() => parsePublisherSettings({ ...ok, name: ' ' })).toThrow(
      'PUBLISHER_NAME must be the newsroom’s name'
    );
    expect(() => parsePublisherSettings({ ...ok, url: 'javascript:alert(1)' })).toThrow(
      'PUBLISHER_URL must be an http(s) URL'
    );
    expect(() => parsePublisherSettings({ ...ok, articleUrlTemplate: '{site}/{slug}' })).toThrow(
      'ARTICLE_URL_TEMPLATE may use only {publisherUrl}, {locale}, {slug}, {documentId}'
    );
    expect(() =>
      parsePublisherSettings({ ...ok, articleUrlTemplate: '{publisherUrl}/news' })
    ).toThrow('ARTICLE_URL_TEMPLATE must name the story: {slug} or {documentId}');
  });
});
