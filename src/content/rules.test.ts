import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_RULES, findContentProblems, PATTERN_HINTS, type AttributeSpec } from './rules';
import { SLUG_PATTERN } from './slug';

const SLUG_REGEX = SLUG_PATTERN.source;
const ATTRIBUTES: Record<string, AttributeSpec> = {
  title: { type: 'string', required: true, maxLength: 10 },
  slug: { type: 'string', maxLength: 200, regex: SLUG_REGEX },
  status: { type: 'enumeration', enum: ['a', 'b'], default: 'a', required: true },
  country: { type: 'string', maxLength: 2, regex: '^[A-Z]{2}$' },
  code: { type: 'string', regex: '^[0-9]+$' },
  url: { type: 'string' },
  note: { type: 'string' },
  stamp: { type: 'string', writable: false },
  aliases: { type: 'json' },
};
const RULES = {
  country: FIELD_RULES['api::person.person'].country,
  aliases: FIELD_RULES['api::person.person'].aliases,
  url: FIELD_RULES['api::source.source'].url,
};
const check = (data: Record<string, unknown>, stored: Record<string, unknown> | null = null) =>
  findContentProblems(ATTRIBUTES, RULES, data, stored, ['slug']).map((p) => p.message);

/** The content types' schema.json files, as Strapi reads them. */
const SCHEMAS = Object.fromEntries(
  ['article', 'quote', 'person', 'source'].map((name) => [
    `api::${name}.${name}`,
    JSON.parse(
      fs.readFileSync(
        path.join(__dirname, `../api/${name}/content-types/${name}/schema.json`),
        'utf8'
      )
    ).attributes as Record<string, AttributeSpec>,
  ])
);
const checkType = (uid: string, data: Record<string, unknown>) =>
  findContentProblems(SCHEMAS[uid], FIELD_RULES[uid], data, null, ['slug']);

describe('findContentProblems', () => {
  it('accepts valid data and lets defaults fill omitted required fields', () => {
    expect(
      check({
        title: 'Sochi',
        slug: 'sochi-talks',
        country: 'BY',
        url: 'https://a.b',
        aliases: ['x'],
      })
    ).toEqual([]);
  });

  it('requires fields on create, and refuses emptying them on update', () => {
    expect(check({})).toEqual(['title is required']);
    expect(check({ title: '  ' })).toEqual(['title is required']);
    expect(check({ status: null }, { title: 'x' })).toEqual(['status is required']);
    expect(check({ country: 'BY' }, { title: 'stored' })).toEqual([]);
  });

  it('does not require generated fields', () => {
    expect(check({ title: 'x', slug: '' })).toEqual([]);
  });

  it('checks type, length, enums and patterns as the attributes declare them, in words', () => {
    expect(check({ title: 3 })).toEqual(['title must be text']);
    expect(check({ title: 'x'.repeat(11) })).toEqual([
      'title must be at most 10 characters (got 11)',
    ]);
    // Strapi's own limit for a string without maxLength.
    expect(check({ title: 'x', note: 'x'.repeat(256) })).toEqual([
      'note must be at most 255 characters (got 256)',
    ]);
    // A field the server sets is not the writer's to get wrong (the caller drops it).
    expect(check({ title: 'x', stamp: 'x'.repeat(256) })).toEqual([]);
    expect(check({ title: 'x', status: 'c' })).toEqual(['status must be one of: a, b']);
    expect(check({ title: 'x', slug: 'Bad Slug' })).toEqual([
      'slug must be lowercase letters a-z, digits and single hyphens (e.g. lukashenko-and-putin)',
    ]);
    // A pattern nobody put in words is quoted.
    expect(check({ title: 'x', code: '12a' })).toEqual(['code must match ^[0-9]+$']);
  });

  it("then the field's own rule, whose message follows the field's name", () => {
    expect(check({ title: 'x', country: 'XX' })).toEqual([
      'country must be an ISO 3166-1 alpha-2 country code in capitals (e.g. BY)',
    ]);
    expect(check({ title: 'x', country: 'by' })).toEqual([
      'country must be an ISO 3166-1 alpha-2 country code in capitals (e.g. BY)',
    ]);
    expect(check({ title: 'x', url: 'ftp://x' })).toEqual(['url must be an http or https URL']);
    const names =
      'aliases must be a list of names, each a non-empty string of at most 200 characters';
    for (const aliases of ['y', ['ok', ''], ['ok', ' '], [3], ['x'.repeat(201)], { 0: 'x' }]) {
      expect(check({ title: 'x', aliases })).toEqual([names]);
    }
  });

  it('checks given fields only, one problem per field', () => {
    expect(check({ title: 'x' }, { country: 'XX' })).toEqual([]);
    expect(check({ title: 'x', country: 'BYR' })).toEqual([
      'country must be at most 2 characters (got 3)',
    ]);
  });

  it('names every failing field in its path', () => {
    const problems = findContentProblems(ATTRIBUTES, RULES, { title: 3, slug: 'Bad Slug' }, null, [
      'slug',
    ]);
    expect(problems.map((p) => p.path)).toEqual([['title'], ['slug']]);
  });
});

describe('the content types', () => {
  it('put every schema.json regex in words, and the slug pattern is the one slugs are made with', () => {
    const regexes = Object.values(SCHEMAS).flatMap((attributes) =>
      Object.values(attributes).flatMap((a) => (a.regex ? [a.regex] : []))
    );
    expect(regexes.filter((regex) => !(regex in PATTERN_HINTS))).toEqual([]);
    for (const uid of ['api::article.article', 'api::person.person', 'api::source.source'])
      expect(SCHEMAS[uid].slug.regex).toBe(SLUG_REGEX);
  });

  it('have rules only for fields they declare', () => {
    for (const [uid, rules] of Object.entries(FIELD_RULES)) {
      expect(Object.keys(rules).filter((field) => !(field in SCHEMAS[uid]))).toEqual([]);
    }
  });

  it.each([
    [
      'api::person.person',
      'wikidataId',
      ['Q7747', 'Q1'],
      ['7747', 'Q', 'Q07747', 'P31', 'q7747', 'Q77a'],
    ],
    ['api::person.person', 'country', ['BY', 'XK'], ['XX', 'by', 'B']],
    [
      'api::person.person',
      'slug',
      ['svetlana-tikhanovskaya', 'q-2020'],
      ['Svetlana', 'double--hyphen', '-a', 'a-', 'a_b'],
    ],
    ['api::quote.quote', 'originalLanguage', ['ru', 'be-Latn', 'en-GB'], ['russian', 'r', 'en_GB']],
    ['api::quote.quote', 'url', ['https://t.me/x/1'], ['javascript:alert(1)', 'www.reuters.com']],
  ])('%s %s', (uid, field, good, bad) => {
    const base = uid === 'api::quote.quote' ? { text: 'x' } : { name: 'x' };
    for (const value of good) expect(checkType(uid, { ...base, [field]: value })).toEqual([]);
    for (const value of bad) {
      const problems = checkType(uid, { ...base, [field]: value });
      expect(problems).toEqual([
        expect.objectContaining({
          path: [field],
          message: expect.stringMatching(new RegExp(`^${field} must be`)),
        }),
      ]);
    }
  });
});
