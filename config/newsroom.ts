import type { Core } from '@strapi/strapi';

// The app's own settings (strapi.config.get('newsroom.…')).
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // What readers (the public, logged-in end users) see of who verified a quote: `name`, the
  // verifier's display name, or `none`. Checked at boot (src/newsroom/reader-visibility.ts).
  publicVerifier: env('PUBLIC_VERIFIER', 'name'),
  // Source warnings in the quote checklist: `warn` shows them, `block` also refuses approval.
  // Checked at boot (src/content/source-warnings.ts).
  sourceWarnings: env('SOURCE_WARNINGS', 'warn'),
  // Who publishes, for structured data (GET /api/articles/:id/jsonld), and where a story lives on
  // the frontend. Checked at boot (src/newsroom/jsonld.ts).
  publisher: {
    name: env('PUBLISHER_NAME', 'Newsroom'),
    url: env('PUBLISHER_URL', 'http://localhost:3000'),
    logoUrl: env('PUBLISHER_LOGO_URL', ''),
    articleUrlTemplate: env('ARTICLE_URL_TEMPLATE', '{publisherUrl}/{locale}/articles/{slug}'),
  },
});

export default config;
