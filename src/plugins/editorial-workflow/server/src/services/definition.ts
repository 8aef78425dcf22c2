import type { Core } from '@strapi/strapi';
import { parseWorkflowConfig, type WorkflowDefinition } from '../domain/definition';
import { PLUGIN_ID } from '../../../shared/contracts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: WorkflowDefinition | null = null;
  type Link = { ownerUid: string; field: string; inverse: string | undefined };
  let related: Map<string, Link[]> | null = null;
  return {
    get(): WorkflowDefinition {
      cached ??= parseWorkflowConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
      return cached;
    },
    isManaged(uid: string) {
      return this.get().contentTypes.includes(uid);
    },
    /** Types published with a managed type (its `publishWith` relation targets), by target uid. */
    // Asked on every Document Service call: computed once, after the schemas are loaded.
    relatedTypes(): Map<string, Link[]> {
      if (related) return related;
      const links = new Map<string, Link[]>();
      for (const [ownerUid, fields] of Object.entries(this.get().publishWith)) {
        for (const field of fields) {
          const attribute = (strapi.getModel(ownerUid as any) as any).attributes[field];
          const list = links.get(attribute.target) ?? [];
          list.push({ ownerUid, field, inverse: attribute.mappedBy ?? attribute.inversedBy });
          links.set(attribute.target, list);
        }
      }
      related = links;
      return links;
    },
  };
};
