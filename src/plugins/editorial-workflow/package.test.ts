// @strapi/sdk-plugin bundles every import that is not a dependency or peerDependency of the
// plugin: one left out (say @strapi/utils) silently turns a 50 kB server bundle into 900 kB with a
// second copy of Strapi code in it. Every package the plugin's code imports must be declared: the
// app's own (Strapi, React) as peers, the plugin's own (zod) as dependencies.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from './package.json';

const SOURCE_DIRS = ['server/src', 'admin/src', 'shared'];
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(__dirname, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      entry.name !== 'fixtures.ts'
      ? [rel]
      : [];
  });

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier);

const importedPackages = () => {
  const found = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
    for (const [, specifier] of text.matchAll(
      /(?:from\s+|import\s*\(\s*|require(?:\.resolve)?\(\s*)'([^'.][^']*)'/g
    )) {
      if (!isBuiltin(specifier)) found.add(packageOf(specifier));
    }
  }
  return [...found].sort();
};

describe('package.json', () => {
  it('declares every package the plugin imports as a peerDependency or a dependency', () => {
    const imported = importedPackages();
    expect(imported).toEqual(expect.arrayContaining(['@strapi/utils', 'zod']));
    const declared = { ...pkg.peerDependencies, ...pkg.dependencies };
    expect(imported.filter((name) => !(name in declared))).toEqual([]);
  });

  it('declares each package once: Strapi and React as peers, the rest as dependencies', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => name in pkg.peerDependencies)).toEqual(
      []
    );
  });

  it('exports the server and admin builds the way @strapi/sdk-plugin writes them', () => {
    for (const [key, side] of [
      ['./strapi-server', 'server'],
      ['./strapi-admin', 'admin'],
    ] as const) {
      expect(pkg.exports[key]).toEqual({
        source: `./${side}/src/index.ts`,
        import: `./dist/${side}/index.mjs`,
        require: `./dist/${side}/index.js`,
        default: `./dist/${side}/index.js`,
      });
    }
    expect(pkg.files).toEqual(['dist']);
  });
});
