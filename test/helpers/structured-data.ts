// A small validator of the structured data search engines read (src/newsroom/jsonld.ts): used by
// its unit test and by the API test of GET /api/articles/:id/jsonld.

/**
 * Google's structured-data rules for a fact check (developers.google.com/search/docs/appearance/
 * structured-data/factcheck): ClaimReview needs `claimReviewed`, `reviewRating.alternateName`,
 * `url` and an `author` (an Organization or Person with a name); `itemReviewed` is a Claim whose
 * `author` names who made it. And for an article: a headline, ISO dates, an author with a name.
 */
export const googleProblems = (node: any): string[] => {
  const problems: string[] = [];
  const named = (value: any) =>
    [value].flat().every((v) => v && typeof v.name === 'string' && v.name.length > 0 && v['@type']);
  const isoDate = (value: unknown) =>
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    /^\d{4}-\d{2}-\d{2}/.test(value);
  if (node['@type'] === 'ClaimReview') {
    if (typeof node.claimReviewed !== 'string' || !node.claimReviewed)
      problems.push('ClaimReview.claimReviewed is required');
    if (typeof node.reviewRating?.alternateName !== 'string' || !node.reviewRating.alternateName)
      problems.push('ClaimReview.reviewRating.alternateName is required');
    if (node.reviewRating && node.reviewRating['@type'] !== 'Rating')
      problems.push('ClaimReview.reviewRating must be a Rating');
    if (typeof node.url !== 'string' || !/^https?:\/\//.test(node.url))
      problems.push('ClaimReview.url is required (an absolute URL)');
    if (!node.author || !named(node.author)) problems.push('ClaimReview.author needs a name');
    if (node.itemReviewed && node.itemReviewed['@type'] !== 'Claim')
      problems.push('ClaimReview.itemReviewed must be a Claim');
    if (node.itemReviewed?.author && !named(node.itemReviewed.author))
      problems.push('Claim.author needs a name');
    if (node.datePublished !== undefined && !isoDate(node.datePublished))
      problems.push('ClaimReview.datePublished must be an ISO 8601 date');
  }
  if (node['@type'] === 'NewsArticle') {
    if (typeof node.headline !== 'string' || !node.headline)
      problems.push('NewsArticle.headline is required');
    for (const key of ['datePublished', 'dateModified'])
      if (!isoDate(node[key])) problems.push(`NewsArticle.${key} must be an ISO 8601 date`);
    if (!node.author || !named(node.author)) problems.push('NewsArticle.author needs a name');
    if (!node.publisher || !named(node.publisher))
      problems.push('NewsArticle.publisher needs a name');
    for (const c of [node.correction ?? []].flat())
      if (c['@type'] !== 'CorrectionComment' || !c.text || !isoDate(c.datePublished))
        problems.push('NewsArticle.correction items are CorrectionComments with text and a date');
  }
  return problems;
};
