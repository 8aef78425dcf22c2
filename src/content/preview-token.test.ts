import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREVIEW_TTL_SECONDS,
  parsePreviewSettings,
  previewPageUrl,
  previewSecretProblem,
  previewTokenFromHeader,
  previewTokenOpens,
  signPreviewToken,
  verifyPreviewToken,
} from './preview-token';

const SECRET = 'a-preview-secret-of-more-than-32-characters';
const OTHER_SECRET = 'another-preview-secret-of-32-characters!';
const STORY = { uid: 'api::article.article', documentId: 'doc1abc', locale: 'en' };
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

const sign = (target = STORY, ttlSeconds = 600, now = NOW) =>
  signPreviewToken(target, SECRET, { ttlSeconds, now }).token;

/** A token whose payload says what we like, signed with SECRET as the server would sign it. */
const forge = (payload: unknown, secret = SECRET) => {
  const encoded = Buffer.from(
    typeof payload === 'string' ? payload : JSON.stringify(payload)
  ).toString('base64url');
  const mac = createHmac('sha256', secret)
    .update(`newsroom-preview-token.v1.${encoded}`)
    .digest('base64url');
  return `${encoded}.${mac}`;
};

describe('signPreviewToken / verifyPreviewToken', () => {
  it('round-trips the story, locale and expiry', () => {
    const { token, expiresAt } = signPreviewToken(STORY, SECRET, { ttlSeconds: 600, now: NOW });
    expect(expiresAt.toISOString()).toBe('2026-12-01T12:10:00.000Z');
    expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({
      ok: true,
      claims: { ...STORY, exp: NOW / 1000 + 600 },
    });
  });

  it('expires at exp: valid a second before, expired at and after', () => {
    const token = sign(STORY, 600);
    expect(verifyPreviewToken(token, SECRET, NOW + 599_999).ok).toBe(true);
    expect(verifyPreviewToken(token, SECRET, NOW + 600_000)).toEqual({
      ok: false,
      reason: 'expired',
      expiredAt: new Date(NOW + 600_000),
    });
    expect(verifyPreviewToken(token, SECRET, NOW + 86_400_000)).toMatchObject({
      reason: 'expired',
    });
  });

  it('refuses a token signed with another secret', () => {
    const token = signPreviewToken(STORY, OTHER_SECRET, { ttlSeconds: 600, now: NOW }).token;
    expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'invalid-signature',
    });
  });

  it('refuses a tampered payload (another document, locale, later expiry) before reading it', () => {
    const token = sign();
    const [, signature] = token.split('.');
    for (const claims of [
      { v: 1, ...STORY, documentId: 'doc2xyz', exp: NOW / 1000 + 600 },
      { v: 1, ...STORY, locale: 'ru', exp: NOW / 1000 + 600 },
      { v: 1, ...STORY, exp: NOW / 1000 + 10 ** 9 },
    ]) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      expect(verifyPreviewToken(`${payload}.${signature}`, SECRET, NOW)).toEqual({
        ok: false,
        reason: 'invalid-signature',
      });
    }
    // Even an expired forgery says only that the signature is wrong.
    const expired = Buffer.from(JSON.stringify({ v: 1, ...STORY, exp: 1 })).toString('base64url');
    expect(verifyPreviewToken(`${expired}.${signature}`, SECRET, NOW).ok).toBe(false);
    expect(verifyPreviewToken(`${expired}.${signature}`, SECRET, NOW)).toMatchObject({
      reason: 'invalid-signature',
    });
  });

  it('refuses a tampered signature', () => {
    const token = sign();
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect(verifyPreviewToken(tampered, SECRET, NOW)).toMatchObject({
      reason: 'invalid-signature',
    });
  });

  it.each([
    ['not a string', 42],
    ['null', null],
    ['empty', ''],
    ['one part', 'abc'],
    ['three parts', 'a.b.c'],
    ['not base64url', 'a+b.c/d'],
    ['a short signature', 'abc.def'],
    ['too long', `${'a'.repeat(2000)}.${'b'.repeat(43)}`],
  ])('refuses a malformed token: %s', (_name, token) => {
    expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a correctly signed payload that is not the claims it should be', () => {
    const exp = NOW / 1000 + 600;
    for (const payload of [
      'not json',
      { ...STORY, exp }, // no version
      { v: 2, ...STORY, exp },
      { v: 1, ...STORY, exp: 'tomorrow' },
      { v: 1, ...STORY, exp: exp + 0.5 },
      { v: 1, ...STORY, documentId: '', exp },
      { v: 1, ...STORY, exp, role: 'admin' }, // unknown keys
    ]) {
      const token = forge(payload);
      expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
    // The same helper signs a valid one: the refusals above are about the payload.
    expect(verifyPreviewToken(forge({ v: 1, ...STORY, exp }), SECRET, NOW).ok).toBe(true);
  });

  it('needs a secret of at least 32 characters and a positive whole TTL', () => {
    expect(() => signPreviewToken(STORY, 'short', { ttlSeconds: 600 })).toThrow(/32 characters/);
    expect(() => verifyPreviewToken('a.b', 'short')).toThrow(/32 characters/);
    expect(() => signPreviewToken(STORY, SECRET, { ttlSeconds: 0 })).toThrow(/ttlSeconds/);
    expect(() => signPreviewToken(STORY, SECRET, { ttlSeconds: 1.5 })).toThrow(/ttlSeconds/);
  });

  it('signs only what a claim may hold', () => {
    expect(() =>
      signPreviewToken({ ...STORY, documentId: '' }, SECRET, { ttlSeconds: 600 })
    ).toThrow();
  });
});

describe('previewTokenOpens', () => {
  it('opens its own document locale and type only', () => {
    expect(previewTokenOpens(STORY, { ...STORY })).toBe(true);
    expect(previewTokenOpens(STORY, { ...STORY, documentId: 'doc2xyz' })).toBe(false);
    expect(previewTokenOpens(STORY, { ...STORY, locale: 'ru' })).toBe(false);
    expect(previewTokenOpens(STORY, { ...STORY, uid: 'api::quote.quote' })).toBe(false);
  });
});

describe('previewTokenFromHeader', () => {
  it('reads `Authorization: Preview <token>` only', () => {
    expect(previewTokenFromHeader('Preview abc.def')).toBe('abc.def');
    expect(previewTokenFromHeader('preview   abc.def ')).toBe('abc.def');
    expect(previewTokenFromHeader('Bearer abc.def')).toBeNull();
    expect(previewTokenFromHeader('Preview')).toBeNull();
    expect(previewTokenFromHeader('Preview a b')).toBeNull();
    expect(previewTokenFromHeader(undefined)).toBeNull();
  });
});

describe('parsePreviewSettings', () => {
  it('is off without a URL, and without a usable secret', () => {
    expect(parsePreviewSettings({})).toEqual({
      url: null,
      origin: null,
      secret: null,
      ttlSeconds: DEFAULT_PREVIEW_TTL_SECONDS,
      enabled: false,
    });
    expect(parsePreviewSettings({ PREVIEW_URL: 'https://news.example' }).enabled).toBe(false);
    expect(
      parsePreviewSettings({ PREVIEW_URL: 'https://news.example', PREVIEW_SECRET: 'short' }).enabled
    ).toBe(false);
  });

  it('keeps the path, drops trailing slashes, derives the origin', () => {
    expect(
      parsePreviewSettings({
        PREVIEW_URL: 'https://news.example:8443/site/',
        PREVIEW_SECRET: SECRET,
        PREVIEW_TOKEN_TTL_SECONDS: '120',
      })
    ).toEqual({
      url: 'https://news.example:8443/site',
      origin: 'https://news.example:8443',
      secret: SECRET,
      ttlSeconds: 120,
      enabled: true,
    });
  });

  it.each([
    [{ PREVIEW_URL: 'news.example' }, /PREVIEW_URL must be an http\(s\) URL/],
    [{ PREVIEW_URL: 'javascript:alert(1)' }, /PREVIEW_URL must be an http\(s\) URL/],
    [{ PREVIEW_URL: 'https://news.example/?a=1' }, /without query or fragment/],
    [{ PREVIEW_TOKEN_TTL_SECONDS: '10m' }, /PREVIEW_TOKEN_TTL_SECONDS must be a whole number/],
    [{ PREVIEW_TOKEN_TTL_SECONDS: '0' }, /PREVIEW_TOKEN_TTL_SECONDS/],
    [{ PREVIEW_TOKEN_TTL_SECONDS: '86401' }, /PREVIEW_TOKEN_TTL_SECONDS/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => parsePreviewSettings(env)).toThrow(message);
  });
});

describe('previewSecretProblem', () => {
  it('names a missing or short secret only when preview is on', () => {
    expect(previewSecretProblem({})).toBeNull();
    expect(previewSecretProblem({ PREVIEW_URL: 'https://news.example' })).toBe(
      'PREVIEW_SECRET is missing (PREVIEW_URL turns preview on)'
    );
    expect(previewSecretProblem({ PREVIEW_URL: 'https://x.example', PREVIEW_SECRET: 'abc' })).toBe(
      'PREVIEW_SECRET is shorter than 32 characters'
    );
    expect(
      previewSecretProblem({ PREVIEW_URL: 'https://x.example', PREVIEW_SECRET: SECRET })
    ).toBeNull();
  });
});

describe('previewPageUrl', () => {
  it('names the story and carries the token, URL-encoded', () => {
    expect(
      previewPageUrl('https://news.example', { ...STORY, status: 'draft', token: 'a.b' })
    ).toBe(
      'https://news.example/preview?uid=api%3A%3Aarticle.article&documentId=doc1abc&locale=en&status=draft&token=a.b'
    );
    expect(previewPageUrl('https://news.example', { ...STORY, status: 'published' })).not.toContain(
      'token='
    );
  });
});
