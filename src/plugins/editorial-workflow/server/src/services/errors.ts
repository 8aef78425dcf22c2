import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Refusal } from '../domain/rules';

// Strapi's error middleware formats ApplicationErrors by class (400/403/404) and HttpErrors by their
// status; http-errors names a 409 `ConflictError`, which is what clients match on.
export const toError = (refusal: Refusal): Error => {
  switch (refusal.status) {
    case 400:
      return new errors.ValidationError(refusal.message, refusal.details);
    case 403:
      return new errors.ForbiddenError(refusal.message, refusal.details);
    case 409:
      return conflict(refusal.message, refusal.details);
  }
};

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details, expose: true });

export const notFound = (message: string) => new errors.NotFoundError(message);
