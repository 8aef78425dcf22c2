import { createRequire } from 'node:module';
import { errors } from '@strapi/utils';
import type { QueryProblem } from './reader-query';

// Strapi's error middleware formats ApplicationErrors by class (400/404) and HttpErrors by their
// status; http-errors names a 409 `ConflictError` and a 403 `ForbiddenError`. A 403 is an HttpError
// rather than Strapi's ForbiddenError because Strapi's route auth turns the latter into a bare
// "Forbidden" (core's compose-endpoint), losing the reason the writer needs. It is the very
// http-errors Strapi checks `instanceof` against (its own copy, not whatever version the app
// hoists), so these are answered as client errors, not logged as crashes.
// Pinned by test/api/strapi-contract.test.ts.
const createHttpError: (status: number, message: string, props: object) => Error = createRequire(
  require.resolve('@strapi/utils')
)('http-errors');

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details, expose: true });

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(403, message, { details, expose: true });

/**
 * A read query refused before it runs (src/newsroom/reader-query.ts): Strapi's ValidationError, so
 * REST answers 400 and GraphQL BAD_USER_INPUT. `field`: the GraphQL field the arguments belong to.
 */
export const queryRefusal = (problems: QueryProblem[], field?: string) =>
  new errors.ValidationError(
    `${field ? `${field}: ` : ''}${problems.map((p) => p.message).join(' ')}`,
    {
      ...(field ? { field } : {}),
      errors: problems.map((p) => ({
        path: p.path.split('.'),
        message: p.message,
        name: 'ValidationError',
      })),
    }
  );
/** A 401 that keeps its message (Strapi's route wrapper answers its own UnauthorizedError with a bare "Unauthorized"). */
export const unauthorized = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(401, message, { details, expose: true });
