import { errors } from '@strapi/utils';
import { describe, expect, it } from 'vitest';
import { parseWorkflowConfig } from './domain/definition';
import { NEWSROOM_CONFIG } from './domain/fixtures';
import {
  parseLocaleQuery,
  parseMoveRequest,
  parseQueueQuery,
  parseStagesQuery,
} from './validation';

const def = parseWorkflowConfig(NEWSROOM_CONFIG);

/** The ValidationError `attempt` throws, as a client receives it. */
const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    const { message, details } = error as InstanceType<typeof errors.ValidationError>;
    return { message, paths: (details as any).errors.map((e: any) => e.path.join('.')) };
  }
  throw new Error('expected a ValidationError');
};

describe('parseMoveRequest', () => {
  it.each([
    [null, 'body', 'The body must be a JSON object'],
    [[], 'body', 'The body must be a JSON object'],
    ['approve', 'body', 'The body must be a JSON object'],
    [{}, 'transition', 'transition must be a transition id'],
    [{ transition: 3 }, 'transition', 'transition must be a transition id'],
    [{ transition: '' }, 'transition', 'transition must be a transition id'],
    [{ transition: 'submit', comment: 5 }, 'comment', 'comment must be text'],
    [
      { transition: 'submit', expectedVersion: 'one' },
      'expectedVersion',
      'expectedVersion must be a positive integer',
    ],
    [
      { transition: 'submit', expectedVersion: 0 },
      'expectedVersion',
      'expectedVersion must be a positive integer',
    ],
    [
      { transition: 'submit', expectedVersion: 1.5 },
      'expectedVersion',
      'expectedVersion must be a positive integer',
    ],
    [
      { transition: 'submit', stage: 'published' },
      'stage',
      'Unknown key "stage" (expected transition, comment, expectedVersion, publishAt, unpublishAt, correction, publicNote)',
    ],
    // The unknown key is named first, whatever else is wrong.
    [
      { comment: 5, stage: 'published' },
      'stage',
      'Unknown key "stage" (expected transition, comment, expectedVersion, publishAt, unpublishAt, correction, publicNote)',
    ],
    [
      { transition: 'approve', correction: true },
      'correction',
      'correction must be an object { note }',
    ],
    [
      { transition: 'approve', correction: { note: 3 } },
      'correction.note',
      'correction.note must be text',
    ],
    [
      { transition: 'approve', correction: { note: 'x', flag: true } },
      'correction.flag',
      'Unknown key "correction.flag"',
    ],
    [{ transition: 'withdraw', publicNote: ['x'] }, 'publicNote', 'publicNote must be text'],
  ])('refuses %j, naming %s', (body, path, message) => {
    expect(refusal(() => parseMoveRequest(body))).toEqual({ message, paths: [path] });
  });

  const ZONE =
    'must be an ISO 8601 date and time with a time zone, such as 2026-05-01T09:00:00+02:00 or 2026-05-01T07:00:00Z';
  it.each([
    ['publishAt', '2030-05-01T09:00:00'],
    ['publishAt', '2030-05-01'],
    ['publishAt', 'tomorrow'],
    ['publishAt', '2030-13-45T09:00:00Z'],
    ['publishAt', '2030-02-29T09:00:00Z'],
    ['publishAt', '2030-01-01T24:30:00Z'],
    ['publishAt', 1893456000000],
    ['unpublishAt', '2030-05-01 09:00+02:00'],
  ])('refuses %s %j: a time with an explicit zone only', (key, value) => {
    expect(refusal(() => parseMoveRequest({ transition: 'approve', [key]: value }))).toEqual({
      message: `${key} ${ZONE}`,
      paths: [key],
    });
  });

  it('reads publishAt and unpublishAt with their zone, as instants', () => {
    expect(
      parseMoveRequest({
        transition: 'approve',
        publishAt: '2030-05-01T09:00:00+02:00',
        unpublishAt: '2030-05-02T07:00:00.5Z',
      })
    ).toEqual({
      transition: 'approve',
      comment: null,
      expectedVersion: null,
      publishAt: new Date('2030-05-01T07:00:00.000Z'),
      unpublishAt: new Date('2030-05-02T07:00:00.500Z'),
    });
  });

  it('keeps a chosen correction even with a blank note (the rules refuse it), trims public notes', () => {
    expect(
      parseMoveRequest({ transition: 'approve', correction: { note: '  Fixed a name.  ' } })
    ).toEqual({
      transition: 'approve',
      comment: null,
      expectedVersion: null,
      correction: { note: 'Fixed a name.' },
    });
    expect(parseMoveRequest({ transition: 'approve', correction: { note: '  ' } })).toMatchObject({
      correction: { note: '' },
    });
    expect(parseMoveRequest({ transition: 'approve', correction: {} })).toMatchObject({
      correction: { note: '' },
    });
    expect(parseMoveRequest({ transition: 'approve', correction: null })).not.toHaveProperty(
      'correction'
    );
    expect(parseMoveRequest({ transition: 'withdraw', publicNote: ' Gone. ' })).toMatchObject({
      publicNote: 'Gone.',
    });
    expect(parseMoveRequest({ transition: 'withdraw', publicNote: '  ' })).not.toHaveProperty(
      'publicNote'
    );
  });

  it('trims comments and treats blank or null ones as none', () => {
    expect(
      parseMoveRequest({ transition: 'submit', comment: '  ok  ', expectedVersion: 2 })
    ).toEqual({
      transition: 'submit',
      comment: 'ok',
      expectedVersion: 2,
    });
    expect(parseMoveRequest({ transition: 'submit', comment: '   ' })).toEqual({
      transition: 'submit',
      comment: null,
      expectedVersion: null,
    });
    expect(
      parseMoveRequest({ transition: 'submit', comment: null, expectedVersion: null })
    ).toEqual({
      transition: 'submit',
      comment: null,
      expectedVersion: null,
    });
  });
});

describe('parseQueueQuery', () => {
  it('reads assigned (me, none) and sort (waiting, newest); refuses other values by name', () => {
    expect(parseQueueQuery(def, { assigned: 'me', sort: 'newest' })).toMatchObject({
      assigned: 'me',
      sort: 'newest',
    });
    expect(() => parseQueueQuery(def, { assigned: 'them' })).toThrow(
      'Unknown assigned "them" (known: me, none)'
    );
    expect(() => parseQueueQuery(def, { sort: 'x' })).toThrow(
      'Unknown sort "x" (known: waiting, newest)'
    );
  });

  it('reads the filters and pages; empty values are absent; other keys are ignored', () => {
    expect(
      parseQueueQuery(def, {
        stage: 'fact_check',
        uid: 'api::article.article',
        locale: 'ru',
        page: '2',
        pageSize: '100',
        order: 'x',
      })
    ).toEqual({
      stage: 'fact_check',
      uid: 'api::article.article',
      locale: 'ru',
      page: 2,
      pageSize: 100,
    });
    expect(parseQueueQuery(def, { stage: '', page: '' })).toEqual({});
  });

  it.each([
    [{ page: '0' }, 'page', 'page must be a positive integer'],
    [{ page: 'two' }, 'page', 'page must be a positive integer'],
    [{ page: '1.5' }, 'page', 'page must be a positive integer'],
    [{ page: ['1', '2'] }, 'page', 'page must be a positive integer'],
    [{ pageSize: '101' }, 'pageSize', 'pageSize must be at most 100'],
    [{ stage: 'limbo' }, 'stage', 'Unknown stage "limbo" (known: draft, fact_check, published)'],
    [{ stage: ['draft', 'published'] }, 'stage', 'stage must be a single value'],
    [{ uid: 'api::quote.quote' }, 'uid', 'api::quote.quote is not in the editorial workflow'],
    [{ locale: { in: 'en' } }, 'locale', 'locale must be a single value'],
  ])('refuses %j, naming %s', (query, path, message) => {
    expect(refusal(() => parseQueueQuery(def, query))).toEqual({ message, paths: [path] });
  });
});

describe('parseStagesQuery', () => {
  it('splits and trims the documentIds', () => {
    expect(parseStagesQuery(def, { uid: 'api::article.article', documentIds: 'a, b,,c' })).toEqual({
      uid: 'api::article.article',
      documentIds: ['a', 'b', 'c'],
      locale: undefined,
    });
  });

  it.each([
    [{ documentIds: 'a' }, 'uid', 'uid must name a content type in the editorial workflow'],
    [
      { uid: 'api::quote.quote', documentIds: 'a' },
      'uid',
      'uid must name a content type in the editorial workflow',
    ],
    [
      { uid: 'api::article.article' },
      'documentIds',
      'documentIds must list 1 to 100 comma-separated documentIds',
    ],
    [
      { uid: 'api::article.article', documentIds: ' , ' },
      'documentIds',
      'documentIds must list 1 to 100 comma-separated documentIds',
    ],
    [
      {
        uid: 'api::article.article',
        documentIds: Array.from({ length: 101 }, (_, i) => `d${i}`).join(','),
      },
      'documentIds',
      'documentIds must list 1 to 100 comma-separated documentIds',
    ],
    [
      { uid: 'api::article.article', documentIds: ['a', 'b'] },
      'documentIds',
      'documentIds must be a single value',
    ],
    [
      { uid: 'api::article.article', documentIds: 'a', locale: ['en', 'ru'] },
      'locale',
      'locale must be a single value',
    ],
  ])('refuses %j, naming %s', (query, path, message) => {
    expect(refusal(() => parseStagesQuery(def, query))).toEqual({ message, paths: [path] });
  });
});

describe('parseLocaleQuery', () => {
  it('reads one locale, or none', () => {
    expect(parseLocaleQuery({ locale: 'ru' })).toBe('ru');
    expect(parseLocaleQuery({ locale: '' })).toBeUndefined();
    expect(parseLocaleQuery({})).toBeUndefined();
  });

  it('refuses a list or an object, naming locale', () => {
    expect(refusal(() => parseLocaleQuery({ locale: ['en', 'ru'] }))).toEqual({
      message: 'locale must be a single value',
      paths: ['locale'],
    });
    expect(refusal(() => parseLocaleQuery({ locale: { $ne: 'en' } }))).toEqual({
      message: 'locale must be a single value',
      paths: ['locale'],
    });
  });
});
