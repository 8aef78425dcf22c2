import type { Core } from '@strapi/strapi';
import type { Actor, ImportProposal, ImportRequest, ImportResult } from '../../../shared/contracts';
import { getService, isLocalized } from '../utils';
import { forbidden, invalid, notFound } from './errors';

const CM_CREATE = 'plugin::content-manager.explorer.create';

/** Who imports: recorded as the creator (an admin user also owns the story in the Content Manager). */
export interface ImportCaller {
  actor: Actor;
  /** The admin user behind the request, or null (an API token, the system). */
  adminUserId: number | null;
  /** That admin user's ability (`ctx.state.userAbility`); absent for an API token or the system. */
  userAbility?: unknown;
}

/** A kind of document an import is about to create. */
export interface ImportCreates {
  uid: string;
  locale: string;
}

/** The caller as a provider sees it: it must check what it creates before it writes anything. */
export interface ProviderCaller extends ImportCaller {
  /**
   * A 403 naming the first of these the admin user may not create in the Content Manager (its
   * `explorer.create`, locales and conditions); passes for an API token (whose import permission is
   * given for this) and the system.
   */
  assertMayCreate(creates: ImportCreates[]): void;
}

/** A request whose locale the plugin has checked against the configured locales. */
export type CheckedImportRequest = ImportRequest & { locale: string };

/** What importing copy means for one content type: the app's (like checklists and guards). */
export interface ImportProvider {
  preview(request: CheckedImportRequest): Promise<Omit<ImportProposal, 'uid'>>;
  /** Creates everything in one transaction, or nothing. */
  create(request: CheckedImportRequest, caller: ProviderCaller): Promise<ImportResult>;
}

// Importers per content type, registered by the app (`register('api::article.article', provider)`).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, ImportProvider>();

  const providerOf = (uid: string) => {
    const provider = providers.get(uid);
    if (!provider) throw notFound(`Nothing imports into "${uid}"`);
    return provider;
  };

  // The import permission says who may bring copy in; what it creates is still the Content
  // Manager's to allow, as if the user had created each document there.
  const withCreateCheck = (caller: ImportCaller): ProviderCaller => ({
    ...caller,
    assertMayCreate(creates) {
      const { userAbility } = caller;
      if (!userAbility) return;
      const access = getService(strapi, 'access');
      const draft = caller.adminUserId === null ? {} : { createdBy: { id: caller.adminUserId } };
      for (const { uid, locale } of creates) {
        if (access.mayCreate(userAbility, uid, locale, draft)) continue;
        const where = isLocalized(strapi, uid) ? `${uid}, locale ${locale}` : uid;
        throw forbidden(
          `This import creates ${uid} documents, which you may not create (permission ${CM_CREATE} on ${where})`,
          { permission: CM_CREATE, uid, locale: isLocalized(strapi, uid) ? locale : '' }
        );
      }
    },
  });

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
      return provider.create(await checkLocale(uid, request), withCreateCheck(caller));
    },
  };
};
