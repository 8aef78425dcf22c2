// The workflow exactly as the newsroom ships it (config/plugins.ts), for the domain's unit tests.
import pluginsConfig from '../../../../../../config/plugins';

const defaults: any = (_key: string, fallback?: unknown) => fallback;
defaults.bool = defaults.int = defaults.float = defaults.array = defaults.json = defaults;

export const NEWSROOM_CONFIG = (pluginsConfig({ env: defaults }) as any)['editorial-workflow'].config;
