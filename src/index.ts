import type { Core } from '@strapi/strapi';
import { ARTICLE } from './content/types';
import { loadDemoContent } from './demo';
import { registerContentGuards } from './newsroom/content-guards';
import { registerNewsroomActions } from './newsroom/editorial-rights';
import { registerReferenceGuards } from './newsroom/reference-guards';
import { registerReaderVisibility } from './newsroom/reader-visibility';
import { registerWorkflowGuards } from './newsroom/workflow-guards';
import { registerChecklist, sourceWarningMode } from './newsroom/checklist';
import { registerWireImport } from './newsroom/wire-import';
import { applyFirstBootDefaults } from './newsroom/first-boot';
import { keepRoleLocalesComplete } from './newsroom/role-locales';
import { guardLiveMedia } from './newsroom/live-media';
import { registerGraphQLGuards } from './newsroom/graphql';
import { guardPreviewUrl, warnIfPreviewOff } from './newsroom/preview';
import { assertPluginServersLoaded } from './newsroom/plugin-builds';
import { publisherSettings } from './newsroom/public-record';
import {
  DEMO_AUTHOR,
  DEMO_FACT_CHECKER,
  ensureDemoAccounts,
  printDemoLogins,
  removeDemoAccounts,
} from './newsroom/demo-accounts';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertPluginServersLoaded(strapi);
    registerNewsroomActions(strapi);
    registerReferenceGuards(strapi);
    registerContentGuards(strapi);
    registerReaderVisibility(strapi);
    registerWorkflowGuards(strapi);
    // A bad SOURCE_WARNINGS stops the boot, naming it.
    sourceWarningMode(strapi);
    // So do bad PUBLISHER_* settings or ARTICLE_URL_TEMPLATE (structured data).
    publisherSettings(strapi);
    registerChecklist(strapi);
    registerWireImport(strapi);
    guardLiveMedia(strapi);
    registerGraphQLGuards(strapi);
    guardPreviewUrl(strapi);
    warnIfPreviewOff(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    keepRoleLocalesComplete(strapi);
    await applyFirstBootDefaults(strapi);

    const environment = process.env.NODE_ENV;
    if (environment === 'production') {
      const removed = await removeDemoAccounts(strapi);
      if (removed > 0)
        strapi.log.warn(`Removed ${removed} demo account(s): they never exist in production.`);
      return;
    }
    if (environment !== 'development') return;

    const password = process.env.DEMO_PASSWORD;
    let accounts: Record<string, any> = {};
    if (password) {
      accounts = await ensureDemoAccounts(strapi, password);
      printDemoLogins(strapi);
    } else {
      strapi.log.warn(
        'DEMO_PASSWORD is not set: no demo accounts. Start with `npm run develop` to generate it.'
      );
    }
    if ((await strapi.db.query(ARTICLE).count()) === 0) {
      strapi.log.info('Empty database: loading the demo stories through the editorial workflow.');
      await loadDemoContent(strapi, {
        author: accounts[DEMO_AUTHOR],
        factChecker: accounts[DEMO_FACT_CHECKER],
      });
    }
  },
};
