import { describe, expect, it, vi } from 'vitest';
import { PLUGIN_ID } from '../../../shared/contracts';
import { subscribeCacheLifecycles } from './cache-invalidation';

type Handler = (event: any) => Promise<void>;

/** A Strapi that knows only what the lifecycles use, and fails loudly on anything else. */
const fakeStrapi = () => {
  const announce = vi.fn(async (_change: { tags?: string[]; flush?: boolean }) => undefined);
  const byModel = new Map<string, Record<string, Handler>>();
  const cache = { announce, getModel: () => undefined };
  const strapi = {
    db: {
      lifecycles: {
        subscribe: ({ models, ...handlers }: { models: string[] } & Record<string, Handler>) => {
          for (const model of models) byModel.set(model, handlers);
        },
      },
    },
    plugin: (name: string) => {
      if (name !== PLUGIN_ID) throw new Error(`unexpected plugin ${name}`);
      return {
        service: (service: string) => {
          if (service !== 'cache') throw new Error(`unexpected service ${service}`);
          return cache;
        },
      };
    },
  };
  subscribeCacheLifecycles(strapi as any);
  const fire = (model: string, hook: string, event: unknown) => {
    const handler = byModel.get(model)?.[hook];
    if (!handler) throw new Error(`no ${hook} on ${model}`);
    return handler(event);
  };
  return { announce, fire, byModel };
};

describe('cache lifecycles: media', () => {
  it.each(['afterUpdate', 'afterDelete'])(
    '%s of a file evicts its answers and lists filtered through media',
    async (hook) => {
      const { announce, fire } = fakeStrapi();
      await fire('plugin::upload.file', hook, { result: { id: 3, documentId: 'f1' } });
      expect(announce).toHaveBeenCalledTimes(1);
      expect([...(announce.mock.calls[0][0].tags ?? [])].sort()).toEqual(['file:f1', 'files']);
    }
  );

  it('announces nothing for a file write that names no document', async () => {
    const { announce, fire } = fakeStrapi();
    await fire('plugin::upload.file', 'afterUpdate', { result: null });
    expect(announce).not.toHaveBeenCalled();
  });

  it.each(['afterUpdateMany', 'afterDeleteMany'])('%s of files flushes', async (hook) => {
    const { announce, fire } = fakeStrapi();
    await fire('plugin::upload.file', hook, { params: { where: {} } });
    expect(announce.mock.calls).toEqual([[{ flush: true }]]);
  });
});

describe('cache lifecycles: locales, permissions, the default locale', () => {
  it.each(['plugin::i18n.locale', 'plugin::users-permissions.permission'])(
    'every write of %s flushes',
    async (model) => {
      const { announce, fire } = fakeStrapi();
      const hooks = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany'];
      for (const hook of [...hooks, 'afterDelete', 'afterDeleteMany']) await fire(model, hook, {});
      expect(announce).toHaveBeenCalledTimes(6);
      for (const [change] of announce.mock.calls) expect(change).toEqual({ flush: true });
    }
  );

  it('flushes when the default locale changes, and for no other core-store key', async () => {
    const { announce, fire } = fakeStrapi();
    await fire('strapi::core-store', 'afterUpdate', { result: { key: 'plugin_upload_settings' } });
    await fire('strapi::core-store', 'afterCreate', { result: { key: 'core_admin_auth' } });
    expect(announce).not.toHaveBeenCalled();
    await fire('strapi::core-store', 'afterUpdate', {
      result: { key: 'plugin_i18n_default_locale' },
    });
    await fire('strapi::core-store', 'afterCreate', {
      result: { key: 'plugin_i18n_default_locale' },
    });
    expect(announce.mock.calls).toEqual([[{ flush: true }], [{ flush: true }]]);
  });
});
