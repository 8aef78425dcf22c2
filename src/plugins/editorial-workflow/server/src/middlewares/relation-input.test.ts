import { describe, expect, it } from 'vitest';
import { namedTargets } from './relation-input';

describe('namedTargets: every document a relation value names', () => {
  it.each([
    ['a documentId', 'abc', ['abc'], []],
    ['a row id', 7, [], [7]],
    ['a numeric string (row id)', '7', [], [7]],
    ['a list', ['abc', 3, { documentId: 'def' }, { id: 4 }], ['abc', 'def'], [3, 4]],
    [
      'connect, disconnect and set',
      {
        connect: [{ documentId: 'a', locale: 'en', position: { end: true } }],
        disconnect: ['b'],
        set: [5],
      },
      ['a', 'b'],
      [5],
    ],
    ['nothing', null, [], []],
    [
      'empty verbs (what the Content Manager sends on a plain save)',
      { connect: [], disconnect: [] },
      [],
      [],
    ],
  ])('%s', (_name, value, documentIds, ids) => {
    expect(namedTargets(value)).toEqual({ documentIds, ids });
  });
});
