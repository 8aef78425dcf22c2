import { defineConfig } from 'vitest/config';

// The admin panel's component tests (React Testing Library in jsdom), beside the components they
// render. Part of the plugin's `npm test` (`vitest run --config vitest.admin.config.mts`) and the
// `editorial-workflow-admin` project of the app's test/vitest.config.mts. Strapi's admin (`@strapi/strapi/admin`) is never loaded: each test
// file mocks it with admin/tests/strapi-admin.tsx, whose doubles throw on any use nobody set up.
export default defineConfig({
  // @strapi/design-system and @strapi/ui-primitives declare "type": "module" but point `main` at
  // CommonJS, which Node cannot load: resolve them by their `module` field (ESM)...
  resolve: { mainFields: ['module', 'main'] },
  test: {
    name: 'editorial-workflow-admin',
    root: __dirname,
    include: ['admin/**/*.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['admin/tests/setup.ts'],
    // Each test takes well under a second; on a shared 2-core machine running the whole suite, more.
    testTimeout: 20_000,
    // ...and let Vite load them, so that their named imports from CommonJS packages (lodash) work.
    server: { deps: { inline: [/@strapi\/(design-system|icons|ui-primitives)/] } },
  },
});
