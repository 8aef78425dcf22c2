import type { Core } from '@strapi/strapi';
import { QUOTE } from '../content/types';

// The Content Manager names a document by its type's main field, and a relation's items by the
// main field set on that relation field. Strapi picks the first `string` attribute, which for a
// quote is its original language ("ru", "en"): quotes are named by their words instead. Set in the
// Content Manager's own configuration, so an administrator may choose otherwise later.
export const QUOTE_MAIN_FIELD = 'text';

export const showQuotesByText = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const update = async (uid: string, change: (config: any) => void) => {
    const contentType = contentTypes.findContentType(uid);
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration(contentType);
    const config = { settings, metadatas, layouts };
    change(config);
    await contentTypes.updateConfiguration(contentType, config);
  };

  await update(QUOTE, (config) => {
    config.settings.mainField = QUOTE_MAIN_FIELD;
  });
  // Every relation field that points at quotes (a story's quotes, a person's, a source's).
  for (const [uid, model] of Object.entries(strapi.contentTypes) as [string, any][]) {
    if (!uid.startsWith('api::')) continue;
    const fields = Object.entries(model.attributes as Record<string, any>)
      .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === QUOTE)
      .map(([field]) => field);
    if (fields.length === 0) continue;
    await update(uid, (config) => {
      for (const field of fields) {
        const meta = config.metadatas[field];
        if (!meta) continue;
        meta.edit = { ...meta.edit, mainField: QUOTE_MAIN_FIELD };
        meta.list = { ...meta.list, mainField: QUOTE_MAIN_FIELD };
      }
    });
  }
};
