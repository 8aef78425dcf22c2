import { createRequire } from 'node:module';

// 403 and 409 as http-errors (Strapi's own copy), like the editorial-workflow plugin's: Strapi's
// route auth turns an `errors.ForbiddenError` thrown by a controller into a bare "Forbidden",
// losing the reason the writer needs.
const createHttpError: (status: number, message: string, props: object) => Error = createRequire(
  require.resolve('@strapi/utils')
)('http-errors');

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(403, message, { details, expose: true });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details, expose: true });
