import { describe, expect, it } from 'vitest';
import { insertAfterMainField } from './columns';

const names = (headers: { name: string }[]) => headers.map((h) => h.name);
const STAGE = { name: 'editorialStage' };
const h = (...list: string[]) => list.map((name) => ({ name }));

describe('insertAfterMainField', () => {
  it('puts the column right after the main field', () => {
    expect(
      names(insertAfterMainField(h('id', 'title', 'slug', 'createdAt', 'locale'), STAGE, 'title'))
    ).toEqual(['id', 'title', 'editorialStage', 'slug', 'createdAt', 'locale']);
  });

  it('after the first non-id column when the main field is not displayed, last when nothing else is', () => {
    expect(
      names(insertAfterMainField(h('id', 'documentId', 'slug', 'createdAt'), STAGE, 'title'))
    ).toEqual(['id', 'documentId', 'slug', 'editorialStage', 'createdAt']);
    expect(names(insertAfterMainField(h('id'), STAGE, undefined))).toEqual([
      'id',
      'editorialStage',
    ]);
    expect(names(insertAfterMainField([], STAGE, 'title'))).toEqual(['editorialStage']);
  });

  it('matches a relation header by its attribute and never doubles the column', () => {
    expect(
      names(
        insertAfterMainField(h('id', 'editorialStage', 'speaker.name', 'text'), STAGE, 'speaker')
      )
    ).toEqual(['id', 'speaker.name', 'editorialStage', 'text']);
  });
});
