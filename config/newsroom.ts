import type { Core } from '@strapi/strapi';
import { parsePreviewSettings } from '../src/content/preview-token';

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
  // Editors' preview (src/newsroom/preview.ts): the frontend's URL, the token's secret and
  // lifetime. A malformed URL or TTL stops here, naming the variable; config/admin.ts reads the same.
  preview: parsePreviewSettings({
    PREVIEW_URL: env('PREVIEW_URL', ''),
    PREVIEW_SECRET: env('PREVIEW_SECRET', ''),
    PREVIEW_TOKEN_TTL_SECONDS: env('PREVIEW_TOKEN_TTL_SECONDS', ''),
  }),
});

export default config;
