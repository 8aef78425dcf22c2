import path from 'node:path';
import type { Core } from '@strapi/strapi';

// Strapi 5.54 boots without an enabled plugin whose server entry file does not exist (its loader
// skips it: "only load plugins with a server entrypoint"): the workflow's routes, publish gate and
// guards would silently be gone. A local plugin's server entry is its build (@strapi/sdk-plugin's
// dist/), so a missing build stops the boot here and says how to make it.
// Pinned by test/api/plugin-build.test.ts.

interface EnabledPlugin {
  pathToPlugin?: string;
  packageInfo?: { exports?: Record<string, unknown> };
}

/** The file a plugin's package.json names as its server entry, if it names one. */
const serverEntry = (plugin: EnabledPlugin): string | null => {
  const entry = plugin.packageInfo?.exports?.['./strapi-server'];
  const conditions = entry as Record<string, string> | undefined;
  const file = typeof entry === 'string' ? entry : (conditions?.require ?? conditions?.default);
  return file && plugin.pathToPlugin ? path.join(plugin.pathToPlugin, file) : null;
};

export const assertPluginServersLoaded = (strapi: Core.Strapi) => {
  const enabled = strapi.config.get('enabledPlugins', {}) as Record<string, EnabledPlugin>;
  const missing = Object.entries(enabled).flatMap(([name, plugin]) => {
    const entry = serverEntry(plugin);
    return entry && !strapi.plugin(name)
      ? [{ name, entry: path.relative(strapi.dirs.app.root, entry) }]
      : [];
  });
  if (missing.length === 0) return;
  throw new Error(
    missing
      .map(
        ({ name, entry }) =>
          `The ${name} plugin is enabled but its server build ${entry} is missing, so Strapi would start without it.`
      )
      .join('\n') +
      ' Build it with `npm run build:plugins` (`npm run develop`, `npm run build` and `npm test` build it first).'
  );
};
