import type { Core } from '@strapi/strapi';
import type { Actor, ImportProposal, ImportRequest, ImportResult } from '../../../shared/contracts';
import { isLocalized } from '../utils';
import { invalid, notFound } from './errors';

/** Who imports: recorded as the creator (an admin user also owns the story in the Content Manager). */
export interface ImportCaller {
  actor: Actor;
  /** The admin user behind the request, or null (an API token). */
  adminUserId: number | null;
}

/** A request whose locale the plugin has checked against the configured locales. */
export type CheckedImportRequest = ImportRequest & { locale: string };

/** What importing copy means for one content type: the app's (like checklists and guards). */
export interface ImportProvider {
  preview(request: CheckedImportRequest): Promise<Omit<ImportProposal, 'uid'>>;
  /** Creates everything in one transaction, or nothing. */
  create(request: CheckedImportRequest, caller: ImportCaller): Promise<ImportResult>;
}

// Importers per content type, registered by the app (`register('api::article.article', provider)`).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, ImportProvider>();

  const providerOf = (uid: string) => {
    const provider = providers.get(uid);
    if (!provider) throw notFound(`Nothing imports into "${uid}"`);
    return provider;
  };

  /** The locale named, or the default one; a code that is not configured is refused. */
  const checkLocale = async (
    uid: string,
    request: ImportRequest
  ): Promise<CheckedImportRequest> => {
    if (!isLocalized(strapi, uid)) return { ...request, locale: '' };
    const locales = strapi.plugin('i18n').service('locales');
    if (request.locale === undefined)
      return { ...request, locale: await locales.getDefaultLocale() };
    if (!(await locales.findByCode(request.locale)))
      throw invalid('locale', `locale "${request.locale}" is not one of the configured locales`);
    return request as CheckedImportRequest;
  };

  return {
    register(uid: string, provider: ImportProvider) {
      if (providers.has(uid))
        throw new Error(`editorial-workflow: an importer for "${uid}" is already registered`);
      providers.set(uid, provider);
    },
    has(uid: string) {
      return providers.has(uid);
    },
    uids() {
      return [...providers.keys()];
    },
    async preview(uid: string, request: ImportRequest): Promise<ImportProposal> {
      const provider = providerOf(uid);
      return { uid, ...(await provider.preview(await checkLocale(uid, request))) };
    },
    async create(uid: string, request: ImportRequest, caller: ImportCaller): Promise<ImportResult> {
      const provider = providerOf(uid);
      return provider.create(await checkLocale(uid, request), caller);
    },
  };
};
