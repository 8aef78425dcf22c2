import { describe, expect, it } from 'vitest';
import { documentIdInPath, identityKeys, isDocumentWrite, prototypeKeyPaths } from './body-keys';

describe('prototypeKeyPaths', () => {
  it('finds __proto__, constructor and prototype at any depth, lists included', () => {
    const body = JSON.parse(
      '{"data":{"name":"x","__proto__":{"a":1},"aliases":["a",{"constructor":{"prototype":{}}}]},"prototype":1}'
    );
    expect(prototypeKeyPaths(body)).toEqual([
      ['data', '__proto__'],
      ['data', 'aliases', '1', 'constructor'],
      ['prototype'],
    ]);
  });
  it('finds nothing in ordinary bodies', () => {
    expect(
      prototypeKeyPaths({
        data: { name: 'constructor', list: ['prototype'], nested: { proto: 1 } },
      })
    ).toEqual([]);
    expect(prototypeKeyPaths(null)).toEqual([]);
    expect(prototypeKeyPaths('text')).toEqual([]);
  });
});

describe('Content Manager document writes', () => {
  it.each([
    ['POST', '/content-manager/collection-types/api::person.person'],
    ['PUT', '/content-manager/collection-types/api::person.person/abc123'],
    ['POST', '/content-manager/collection-types/api::person.person/clone/abc123'],
    ['POST', '/content-manager/collection-types/api::article.article/actions/publish'],
    ['POST', '/content-manager/collection-types/api::article.article/abc/actions/publish'],
    ['PUT', '/content-manager/single-types/api::home.home'],
  ])('%s %s carries document data', (method, path) =>
    expect(isDocumentWrite(method, path)).toBe(true)
  );
  it.each([
    ['GET', '/content-manager/collection-types/api::person.person'],
    ['POST', '/content-manager/collection-types/api::person.person/actions/bulkDelete'],
    ['POST', '/content-manager/collection-types/api::person.person/abc/actions/unpublish'],
    ['POST', '/content-manager/collection-types/api::person.person/actions/bulkPublish'],
    ['POST', '/api/people'],
  ])('%s %s does not', (method, path) => expect(isDocumentWrite(method, path)).toBe(false));
  it('names id and documentId at the top level only', () => {
    expect(identityKeys({ id: 1, documentId: 'a', name: 'x' })).toEqual(['id', 'documentId']);
    expect(identityKeys({ name: 'x', speaker: { connect: [{ id: 1, documentId: 'a' }] } })).toEqual(
      []
    );
    expect(identityKeys([{ id: 1 }])).toEqual([]);
  });
});

describe('the documentId the Content Manager form sends on every save', () => {
  it('is read from the route', () => {
    expect(documentIdInPath('/content-manager/collection-types/api::quote.quote/abc123')).toBe(
      'abc123'
    );
    expect(
      documentIdInPath('/content-manager/collection-types/api::quote.quote/abc123/actions/publish')
    ).toBe('abc123');
    expect(
      documentIdInPath('/content-manager/collection-types/api::quote.quote/clone/abc123')
    ).toBe('abc123');
    expect(documentIdInPath('/content-manager/collection-types/api::quote.quote')).toBeNull();
  });
  it('is let through when it is the edited document’s own; another one, or any id, is not', () => {
    expect(identityKeys({ text: 'x', documentId: 'abc123' }, 'abc123')).toEqual([]);
    expect(identityKeys({ text: 'x', documentId: 'other' }, 'abc123')).toEqual(['documentId']);
    expect(identityKeys({ id: 1, documentId: 'abc123' }, 'abc123')).toEqual(['id']);
    expect(identityKeys({ documentId: 'abc123' }, null)).toEqual(['documentId']);
  });
});
