import { createRequire } from 'node:module';
import { errors } from '@strapi/utils';
import type { Refusal } from '../domain/rules';

// Strapi's error middleware formats ApplicationErrors by class (400/404) and HttpErrors by their
// status; http-errors names a 409 `ConflictError` and a 403 `ForbiddenError`. A 403 is an HttpError
// rather than Strapi's ForbiddenError because Strapi's route auth turns the latter into a bare
// "Forbidden", losing the reason (separation of duties, the workflow) that the editor needs.
// The very http-errors Strapi checks `instanceof` against (its own copy, not whatever version the
// app hoists), so these are formatted as client errors and not logged as crashes. The app's rules
// throw these too: one seam, pinned by test/api/strapi-contract.test.ts.
const createHttpError: (status: number, message: string, props: object) => Error = createRequire(
  require.resolve('@strapi/utils')
)('http-errors');

export const toError = (refusal: Refusal): Error => {
  switch (refusal.status) {
    case 400:
      return new errors.ValidationError(refusal.message, refusal.details);
    case 403:
      return forbidden(refusal.message, refusal.details);
    case 409:
      return conflict(refusal.message, refusal.details);
  }
};

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details, expose: true });

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(403, message, { details, expose: true });

export const notFound = (message: string) => new errors.NotFoundError(message);

/** A malformed request: `400 ValidationError` naming the part that is wrong, as Strapi's own validators do. */
export const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });
