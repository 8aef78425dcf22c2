// The editors' preview token: a credential that opens the working copy of exactly one story locale
// (one content type, one documentId, one locale) until it expires, and nothing else. Pure: no
// Strapi import; the glue is src/newsroom/preview.ts.
//
// Why not a JWT library: the token has one issuer, one reader, one algorithm and five fields. An
// HMAC-SHA256 over a fixed payload with node:crypto is twenty lines with no header to negotiate
// (no `alg` confusion, no `none`), no new dependency, and a timing-safe comparison we can see.
//
// Format: `<payload>.<signature>`, both base64url; payload = JSON {v, uid, documentId, locale, exp}
// (exp in whole seconds since the epoch); signature = HMAC-SHA256(secret, CONTEXT + payload).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Domain separation: a signature made with this secret for anything else never verifies here. */
const CONTEXT = 'newsroom-preview-token.v1.';
const VERSION = 1;
/** The shortest secret accepted: 32 characters (`openssl rand -base64 32` gives 44). */
export const MIN_PREVIEW_SECRET_LENGTH = 32;
/** Longer than any token we sign (ids are short); refuses big inputs before any work. */
const MAX_TOKEN_LENGTH = 1024;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,980}\.[A-Za-z0-9_-]{43}$/;

/** What one token opens: the working copy of this document locale. */
export interface PreviewTarget {
  uid: string;
  documentId: string;
  /** '' for a type without i18n. */
  locale: string;
}

export interface PreviewClaims extends PreviewTarget {
  /** Expiry, whole seconds since the epoch. */
  exp: number;
}

const claimsSchema = z
  .object({
    v: z.literal(VERSION),
    uid: z.string().min(1).max(200),
    documentId: z.string().min(1).max(100),
    locale: z.string().max(35),
    exp: z.number().int().positive(),
  })
  .strict();

export type PreviewTokenFailure =
  | { ok: false; reason: 'malformed' }
  | { ok: false; reason: 'invalid-signature' }
  | { ok: false; reason: 'expired'; expiredAt: Date };

export type PreviewTokenResult = { ok: true; claims: PreviewClaims } | PreviewTokenFailure;

const assertSecret = (secret: string) => {
  if (typeof secret !== 'string' || secret.length < MIN_PREVIEW_SECRET_LENGTH)
    throw new Error(`The preview secret must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters`);
};

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();

/** A token for `target`, valid for `ttlSeconds` from `now` (ms since the epoch). */
export const signPreviewToken = (
  target: PreviewTarget,
  secret: string,
  { ttlSeconds, now = Date.now() }: { ttlSeconds: number; now?: number }
): { token: string; expiresAt: Date } => {
  assertSecret(secret);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive whole number');
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const claims = claimsSchema.parse({
    v: VERSION,
    uid: target.uid,
    documentId: target.documentId,
    locale: target.locale,
    exp,
  });
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return {
    token: `${payload}.${mac(secret, payload).toString('base64url')}`,
    expiresAt: new Date(exp * 1000),
  };
};

/**
 * What `token` says, if this secret signed it and it has not expired. Never throws on input: a
 * forged token is `invalid-signature` before anything else is read from it, so expiry and claims
 * are only ever those this server wrote.
 */
export const verifyPreviewToken = (
  token: unknown,
  secret: string,
  now: number = Date.now()
): PreviewTokenResult => {
  assertSecret(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token))
    return { ok: false, reason: 'malformed' };
  const [payload, signature] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid-signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  const { uid, documentId, locale, exp } = claims.data;
  if (exp * 1000 <= now) return { ok: false, reason: 'expired', expiredAt: new Date(exp * 1000) };
  return { ok: true, claims: { uid, documentId, locale, exp } };
};

/** The token opens this document locale, and only this one. */
export const previewTokenOpens = (claims: PreviewTarget, target: PreviewTarget): boolean =>
  claims.uid === target.uid &&
  claims.documentId === target.documentId &&
  claims.locale === target.locale;

/** `Authorization: Preview <token>`: the token, or null when the header says something else. */
export const previewTokenFromHeader = (authorization: unknown): string | null => {
  if (typeof authorization !== 'string') return null;
  const match = /^Preview\s+(\S+)\s*$/i.exec(authorization.trim());
  return match ? match[1] : null;
};

// ---------------------------------------------------------------------------------------------
// Settings

export const DEFAULT_PREVIEW_TTL_SECONDS = 600;
const MAX_PREVIEW_TTL_SECONDS = 24 * 60 * 60;

export interface PreviewSettings {
  /** The frontend's base URL (no trailing slash), or null: preview off. */
  url: string | null;
  /** Its origin, for the admin's CSP `frame-src`. */
  origin: string | null;
  /** Null when missing or shorter than MIN_PREVIEW_SECRET_LENGTH: preview off. */
  secret: string | null;
  ttlSeconds: number;
  /** A URL and a usable secret. */
  enabled: boolean;
}

/**
 * PREVIEW_URL, PREVIEW_SECRET and PREVIEW_TOKEN_TTL_SECONDS read once. A malformed URL or TTL
 * throws, naming the variable; a missing secret only turns preview off (production refuses to
 * boot then: see previewSecretProblem).
 */
export const parsePreviewSettings = (env: Record<string, string | undefined>): PreviewSettings => {
  const rawUrl = env.PREVIEW_URL?.trim() || '';
  let url: string | null = null;
  let origin: string | null = null;
  if (rawUrl) {
    let parsed: URL;
    try {
      parsed = new URL(rawUrl);
    } catch {
      throw new Error(`PREVIEW_URL must be an http(s) URL, got ${JSON.stringify(rawUrl)}`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash)
      throw new Error(
        `PREVIEW_URL must be an http(s) URL without query or fragment, got ${JSON.stringify(rawUrl)}`
      );
    url = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
    origin = parsed.origin;
  }
  const rawTtl = env.PREVIEW_TOKEN_TTL_SECONDS?.trim();
  const ttlSeconds = rawTtl ? Number(rawTtl) : DEFAULT_PREVIEW_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_PREVIEW_TTL_SECONDS)
    throw new Error(
      `PREVIEW_TOKEN_TTL_SECONDS must be a whole number of seconds from 1 to ${MAX_PREVIEW_TTL_SECONDS}, got ${JSON.stringify(rawTtl)}`
    );
  const rawSecret = env.PREVIEW_SECRET ?? '';
  const secret = rawSecret.length >= MIN_PREVIEW_SECRET_LENGTH ? rawSecret : null;
  return { url, origin, secret, ttlSeconds, enabled: Boolean(url && secret) };
};

/** Why this environment may not run with preview on, or null. Production only needs a secret. */
export const previewSecretProblem = (env: Record<string, string | undefined>): string | null => {
  if (!env.PREVIEW_URL?.trim()) return null;
  const secret = env.PREVIEW_SECRET ?? '';
  if (!secret) return 'PREVIEW_SECRET is missing (PREVIEW_URL turns preview on)';
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH)
    return `PREVIEW_SECRET is shorter than ${MIN_PREVIEW_SECRET_LENGTH} characters`;
  return null;
};

/** The frontend page the admin's preview opens: `${url}/preview?uid=…&documentId=…&locale=…&status=…[&token=…]`. */
export const previewPageUrl = (
  base: string,
  params: PreviewTarget & { status: 'draft' | 'published'; token?: string }
): string => {
  const query = new URLSearchParams({
    uid: params.uid,
    documentId: params.documentId,
    locale: params.locale,
    status: params.status,
  });
  if (params.token) query.set('token', params.token);
  return `${base}/preview?${query.toString()}`;
};
