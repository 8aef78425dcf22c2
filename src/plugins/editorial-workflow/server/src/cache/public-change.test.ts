import { describe, expect, it } from 'vitest';
import { changesPublicAnswers, documentIdOf } from './public-change';

describe('changesPublicAnswers: a type with Draft & Publish (article, quote)', () => {
  it.each([
    ['publish', {}, true],
    ['unpublish', {}, true],
    ['delete', {}, true],
    ['delete', { locale: '*' }, true],
    // A write that publishes at once.
    ['create', { status: 'published' }, true],
    ['update', { status: 'published' }, true],
    // Draft edits: readers see only published rows.
    ['update', {}, false],
    ['update', undefined, false],
    ['update', { status: 'draft' }, false],
    ['create', { data: { title: 'x' } }, false],
    ['discardDraft', {}, false],
    ['clone', {}, false],
  ])(
    '%s %j → %s',
    (action: string, params: Record<string, unknown> | undefined, expected: boolean) => {
      expect(changesPublicAnswers(action, params, true)).toBe(expected);
    }
  );
});

describe('changesPublicAnswers: a type without it (person, source)', () => {
  it.each([
    ['create', {}, true],
    ['update', {}, true],
    ['update', undefined, true],
    ['delete', {}, true],
    ['clone', {}, true],
    ['publish', {}, true],
    ['discardDraft', {}, false],
  ])(
    '%s %j → %s',
    (action: string, params: Record<string, unknown> | undefined, expected: boolean) => {
      expect(changesPublicAnswers(action, params, false)).toBe(expected);
    }
  );
});

describe('changesPublicAnswers: reads', () => {
  it.each(['findOne', 'findMany', 'findFirst', 'count', 'nonsense'])(
    '%s changes nothing',
    (action) => {
      expect(changesPublicAnswers(action, { status: 'published' }, true)).toBe(false);
      expect(changesPublicAnswers(action, {}, false)).toBe(false);
    }
  );
});

describe('documentIdOf', () => {
  it('takes the document named in the params first, else the one returned', () => {
    expect(documentIdOf({ documentId: 'a1' }, { documentId: 'a2' })).toBe('a1');
    expect(documentIdOf({ data: {} }, { documentId: 'new' })).toBe('new');
    expect(documentIdOf(undefined, { documentId: 'new', entries: [] })).toBe('new');
  });

  it('is null when there is none, or it is not a non-empty string', () => {
    expect(documentIdOf({}, null)).toBeNull();
    expect(documentIdOf(undefined, undefined)).toBeNull();
    expect(documentIdOf({ documentId: 5 }, undefined)).toBeNull();
    expect(documentIdOf({ documentId: '' }, undefined)).toBeNull();
    expect(documentIdOf({}, { documentId: { $in: ['a'] } })).toBeNull();
  });
});
