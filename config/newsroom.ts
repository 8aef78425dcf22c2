import type { Core } from '@strapi/strapi';

// The app's own settings (strapi.config.get('newsroom.…')).
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // What readers (the public, logged-in end users) see of who verified a quote: `name`, the
  // verifier's display name, or `none`. Checked at boot (src/newsroom/reader-visibility.ts).
  publicVerifier: env('PUBLIC_VERIFIER', 'name'),
  // Source warnings in the quote checklist: `warn` shows them, `block` also refuses approval.
  // Checked at boot (src/content/source-warnings.ts).
  sourceWarnings: env('SOURCE_WARNINGS', 'warn'),
});

export default config;
