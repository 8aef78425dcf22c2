import type { Core } from '@strapi/strapi';
import type { Checklist } from '../../../shared/checklist';
import type { Target } from './state-store';

/** What the app answers for one document locale of its content type. */
export type ChecklistProvider = (target: Target) => Promise<Checklist>;

// Checklists per content type, registered by the app (`register('api::article.article', fn)`), like guards.
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, ChecklistProvider>();
  return {
    register(uid: string, provider: ChecklistProvider) {
      if (providers.has(uid))
        throw new Error(`editorial-workflow: a checklist for "${uid}" is already registered`);
      providers.set(uid, provider);
    },
    has(uid: string) {
      return providers.has(uid);
    },
    /** An empty checklist for a type without a provider: nothing to check. */
    async get(target: Target): Promise<Checklist> {
      const provider = providers.get(target.uid);
      if (!provider)
        return {
          items: [],
          progress: { done: 0, total: 0 },
          warnings: [],
          blocking: false,
          canVerify: false,
        };
      return provider(target);
    },
  };
};
