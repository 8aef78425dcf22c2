import type { Core } from '@strapi/strapi';
import { parseWorkflowConfig, type WorkflowDefinition } from '../domain/definition';
import { PLUGIN } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: WorkflowDefinition | null = null;
  return {
    get(): WorkflowDefinition {
      cached ??= parseWorkflowConfig(strapi.config.get(`plugin::${PLUGIN}`));
      return cached;
    },
    isManaged(uid: string) {
      return this.get().contentTypes.includes(uid);
    },
    /** Types published with a managed type (its `publishWith` relation targets), by target uid. */
    relatedTypes(): Map<string, { ownerUid: string; field: string; inverse: string | undefined }[]> {
      const related = new Map<string, { ownerUid: string; field: string; inverse: string | undefined }[]>();
      for (const [ownerUid, fields] of Object.entries(this.get().publishWith)) {
        for (const field of fields) {
          const attribute = (strapi.getModel(ownerUid as any) as any).attributes[field];
          const list = related.get(attribute.target) ?? [];
          list.push({ ownerUid, field, inverse: attribute.mappedBy ?? attribute.inversedBy });
          related.set(attribute.target, list);
        }
      }
      return related;
    },
  };
};
