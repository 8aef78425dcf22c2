import { describe, expect, it } from 'vitest';
import { inverseLinkWrites, isNoOpRelationPayload } from './reference-links';

const PERSON = 'api::person.person';

describe('isNoOpRelationPayload', () => {
  it('accepts what the Content Manager sends when nothing changed', () => {
    expect(isNoOpRelationPayload({ connect: [], disconnect: [] }, { currentlyEmpty: false })).toBe(
      true
    );
    expect(isNoOpRelationPayload(undefined, { currentlyEmpty: false })).toBe(true);
  });
  it('accepts an empty list or set only where nothing is linked', () => {
    for (const value of [[], null, { set: [] }]) {
      expect(isNoOpRelationPayload(value, { currentlyEmpty: true })).toBe(true);
      expect(isNoOpRelationPayload(value, { currentlyEmpty: false })).toBe(false);
    }
  });
  it('refuses every form that names a row', () => {
    const forms = [
      ['abc'],
      [1],
      'abc',
      7,
      { connect: ['abc'] },
      { connect: [{ documentId: 'abc', position: { end: true } }] },
      { disconnect: [{ id: 3 }] },
      { set: [{ documentId: 'abc' }] },
      { connect: [], disconnect: [], foo: 1 },
    ];
    for (const value of forms)
      expect(isNoOpRelationPayload(value, { currentlyEmpty: true }), JSON.stringify(value)).toBe(
        false
      );
  });
});

describe('inverseLinkWrites', () => {
  it('names each inverse field set and where to make the change', () => {
    expect(
      inverseLinkWrites(
        PERSON,
        { name: 'A', quotes: ['q1'], articles: { connect: [], disconnect: [] } },
        () => true
      )
    ).toEqual([
      {
        path: ['quotes'],
        message:
          "quotes cannot be changed from here: Link a quote to a person from the quote's speaker field",
      },
    ]);
    expect(inverseLinkWrites(PERSON, { name: 'A' }, () => false)).toEqual([]);
    expect(inverseLinkWrites('api::article.article', { quotes: ['x'] }, () => true)).toEqual([]);
  });
});
