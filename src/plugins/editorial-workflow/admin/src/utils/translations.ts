import { PLUGIN_ID } from '../../../shared/contracts';

export const getTrad = (id: string) => `${PLUGIN_ID}.${id}`;

export const prefixPluginTranslations = (trad: Record<string, string>) =>
  Object.fromEntries(Object.entries(trad).map(([key, value]) => [getTrad(key), value]));
