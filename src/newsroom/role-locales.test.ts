import { describe, expect, it } from 'vitest';
import { withAddedLocale } from './role-locales';

describe('withAddedLocale', () => {
  it('adds the new locale where the permission listed every other one', () => {
    expect(withAddedLocale(['en', 'ru'], ['en', 'ru'], 'fr')).toEqual(['en', 'ru', 'fr']);
    // A code no longer in use does not count against it.
    expect(withAddedLocale(['ru', 'en', 'xx'], ['en', 'ru'], 'fr')).toEqual([
      'ru',
      'en',
      'xx',
      'fr',
    ]);
  });
  it('leaves a list an administrator narrowed, one that has it already, and every non-list alone', () => {
    expect(withAddedLocale(['en'], ['en', 'ru'], 'fr')).toEqual(['en']);
    expect(withAddedLocale(['en', 'fr'], ['en'], 'fr')).toEqual(['en', 'fr']);
    expect(withAddedLocale(null, ['en'], 'fr')).toBeNull();
    expect(withAddedLocale(undefined, ['en'], 'fr')).toBeUndefined();
  });
});
