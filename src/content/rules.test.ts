import { describe, expect, it } from 'vitest';
import { findContentProblems, type AttributeSpec } from './rules';

const ATTRIBUTES: Record<string, AttributeSpec> = {
  title: { type: 'string', required: true, maxLength: 10 },
  slug: { type: 'string', maxLength: 200 },
  status: { type: 'enumeration', enum: ['a', 'b'], default: 'a', required: true },
  country: { type: 'string' },
  url: { type: 'string' },
  aliases: { type: 'json' },
};
const FORMATS = { slug: 'slug', country: 'country', url: 'url', aliases: 'name-list' } as const;
const check = (data: Record<string, unknown>, stored: Record<string, unknown> | null = null) =>
  findContentProblems(ATTRIBUTES, FORMATS, data, stored, ['slug']).map((p) => p.message);

describe('findContentProblems', () => {
  it('accepts valid data and lets defaults fill omitted required fields', () => {
    expect(check({ title: 'Sochi', country: 'BY', url: 'https://a.b', aliases: ['x'] })).toEqual([]);
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

  it('checks length, enums and formats of given fields only', () => {
    expect(check({ title: 'x'.repeat(11) })).toEqual(['title must be at most 10 characters (got 11)']);
    expect(check({ title: 'x', status: 'c' })).toEqual(['status must be one of: a, b']);
    expect(check({ title: 'x', country: 'XX', url: 'ftp://x', aliases: 'y' })).toHaveLength(3);
    expect(check({ title: 'x' }, { country: 'XX' })).toEqual([]);
  });

  it('names every failing field in its path', () => {
    const problems = findContentProblems(ATTRIBUTES, FORMATS, { title: 3, slug: 'Bad Slug' }, null, ['slug']);
    expect(problems.map((p) => p.path)).toEqual([['title'], ['slug']]);
  });
});
