import { describe, expect, it } from 'vitest';
import { excerpt, mayResolve, mentionRecipients, parseNoteInput, unknownMentions } from './notes';

describe('parseNoteInput', () => {
  it('accepts a body, trimmed, and de-duplicates mentions', () => {
    expect(parseNoteInput({ body: '  hi @Ann  ', mentions: [3, 3, 4] }, 10)).toEqual({
      ok: true,
      value: { body: 'hi @Ann', mentions: [3, 4] },
    });
    expect(parseNoteInput({ body: 'x' }, 10)).toEqual({
      ok: true,
      value: { body: 'x', mentions: [] },
    });
  });

  it.each([
    [undefined, 'body', 'body must be a string'],
    [{ body: 1 }, 'body', 'body must be a string'],
    [{ body: ' ' }, 'body', 'body must not be empty'],
    [{ body: 'x'.repeat(11) }, 'body', 'body must be at most 10 characters'],
    [{ body: 'x', mentions: {} }, 'mentions', 'mentions must be a list of admin user ids'],
    [{ body: 'x', mentions: [0] }, 'mentions', 'mentions must be a list of admin user ids'],
    [{ body: 'x', mentions: ['1'] }, 'mentions', 'mentions must be a list of admin user ids'],
  ])('refuses %j', (raw, path, message) => {
    expect(parseNoteInput(raw, 10)).toEqual({ ok: false, refusal: { path, message } });
  });
});

describe('mentions', () => {
  it('names the ids not mentionable, in order', () => {
    expect(unknownMentions([5, 1, 9], new Set([1]))).toEqual([5, 9]);
  });
  it('never tells the author', () => {
    expect(mentionRecipients([1, 2, 3], 2)).toEqual([1, 3]);
    expect(mentionRecipients([1], null)).toEqual([1]);
  });
  it('excerpts long bodies', () => {
    expect(excerpt('abc', 5)).toBe('abc');
    expect(excerpt('abcdefgh', 5)).toBe('abcd…');
  });
});

describe('mayResolve', () => {
  const author = { type: 'admin', id: 7 };
  it('the author, or who may edit the story', () => {
    expect(mayResolve(author, 7, false)).toBe(true);
    expect(mayResolve(author, 8, true)).toBe(true);
    expect(mayResolve(author, 8, false)).toBe(false);
    expect(mayResolve({ type: 'system', id: null }, 8, false)).toBe(false);
  });
});
