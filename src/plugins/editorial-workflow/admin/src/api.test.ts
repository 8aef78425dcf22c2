// The plugin's endpoints live on the admin's shared RTK Query slice (api.ts). An endpoint whose name
// core already injected is not added: RTK keeps core's and logs a console error on every admin page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ENDPOINT = /\b([A-Za-z_$][\w$]*)\s*:\s*builder\.(?:query|mutation|infiniteQuery)\b/g;

const endpointNames = (text: string) => [...text.matchAll(ENDPOINT)].map(([, name]) => name);

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return filesUnder(full);
        return entry.name.endsWith('.mjs') ? [full] : [];
      })
    : [];

/** Every endpoint name the installed Strapi admin packages inject (their built admin code). */
const coreEndpointNames = () => {
  const scope = path.dirname(path.dirname(require.resolve('@strapi/admin/package.json')));
  const names = new Set<string>();
  for (const pkg of fs.readdirSync(scope)) {
    for (const file of filesUnder(path.join(scope, pkg, 'dist', 'admin'))) {
      for (const name of endpointNames(fs.readFileSync(file, 'utf8'))) names.add(name);
    }
  }
  return names;
};

describe('admin API endpoints', () => {
  const ours = endpointNames(fs.readFileSync(path.join(__dirname, 'api.ts'), 'utf8'));
  const core = coreEndpointNames();

  it('finds both sides (the scan itself works)', () => {
    expect(ours).toEqual(
      expect.arrayContaining(['getWorkflow', 'getDocumentState', 'transition', 'getQueue'])
    );
    // i18n's locale list and the Content Manager's document query, as core names them.
    expect(core.has('getLocales')).toBe(true);
    expect(core.has('getDocument')).toBe(true);
  });

  it('share no name with core', () => {
    expect(ours.filter((name) => core.has(name))).toEqual([]);
    expect(new Set(ours).size).toBe(ours.length);
  });
});
