import { describe, expect, it } from 'vitest';
import { localesOnly } from './locale-scope';

describe('localesOnly: a permission scope that restricts nothing but the locale', () => {
  it.each([
    [
      'a super admin’s scope, as Strapi builds it',
      { $or: [{ $and: [{ locale: { $in: ['en', 'ru'] } }] }] },
      ['en', 'ru'],
    ],
    ['one locale', { locale: 'en' }, ['en']],
    ['$eq', { locale: { $eq: 'ru' } }, ['ru']],
    [
      'two rules, their union',
      { $or: [{ locale: { $in: ['en'] } }, { locale: { $in: ['ru'] } }] },
      ['en', 'ru'],
    ],
    [
      'an $and, the intersection',
      { $and: [{ locale: { $in: ['en', 'ru'] } }, { locale: { $in: ['ru'] } }] },
      ['ru'],
    ],
  ])('%s', (_name, where, locales) => {
    expect(localesOnly(where)).toEqual(locales);
  });

  it.each([
    ['an Author’s “is creator”', { $or: [{ $and: [{ $or: [{ createdBy: { id: 3 } }] }] }] }],
    [
      'locale and creator',
      { $or: [{ $and: [{ locale: { $in: ['en'] } }, { createdBy: { id: 3 } }] }] },
    ],
    [
      'a rule with a locale and one without',
      { $or: [{ locale: { $in: ['en'] } }, { createdBy: { id: 3 } }] },
    ],
    ['another operator on locale', { locale: { $ne: 'en' } }],
    ['nothing', {}],
  ])('says anything else: %s → null', (_name, where) => {
    expect(localesOnly(where)).toBeNull();
  });
});
