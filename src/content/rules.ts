// What makes article, quote, person and source data valid. Pure: the caller passes the schema's
// attributes, the incoming data and the stored values; no Strapi import.
import { isValidSlug, SLUG_MAX_LENGTH } from './slug';
import { isCountryCode, isHttpUrl, isLanguageTag, isWikidataId } from './formats';

export type FieldFormat = 'slug' | 'country' | 'language' | 'wikidata' | 'url' | 'name-list';

export interface AttributeSpec {
  type: string;
  required?: boolean;
  maxLength?: number;
  enum?: readonly string[];
  default?: unknown;
}

export interface FieldProblem {
  path: string[];
  message: string;
  value?: unknown;
}

export const FIELD_FORMATS: Record<string, Record<string, FieldFormat>> = {
  'api::article.article': { slug: 'slug' },
  'api::quote.quote': { originalLanguage: 'language', url: 'url' },
  'api::person.person': { slug: 'slug', country: 'country', wikidataId: 'wikidata', aliases: 'name-list' },
  'api::source.source': { slug: 'slug', url: 'url' },
};

const NAME_MAX_LENGTH = 200;
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);

const formatProblem = (field: string, format: FieldFormat, value: unknown): string | null => {
  switch (format) {
    case 'slug':
      return typeof value === 'string' && isValidSlug(value)
        ? null
        : `${field} must be lowercase letters a-z, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters (e.g. lukashenko-and-putin)`;
    case 'country':
      return typeof value === 'string' && isCountryCode(value)
        ? null
        : `${field} must be an ISO 3166-1 alpha-2 country code in capitals (e.g. BY)`;
    case 'language':
      return typeof value === 'string' && isLanguageTag(value)
        ? null
        : `${field} must be a BCP 47 language tag (e.g. ru, be or en-GB)`;
    case 'wikidata':
      return typeof value === 'string' && isWikidataId(value)
        ? null
        : `${field} must be a Wikidata item id: Q followed by digits (e.g. Q7747)`;
    case 'url':
      return typeof value === 'string' && isHttpUrl(value)
        ? null
        : `${field} must be an http or https URL`;
    case 'name-list':
      return Array.isArray(value) &&
        value.every((n) => typeof n === 'string' && n.trim().length > 0 && n.length <= NAME_MAX_LENGTH)
        ? null
        : `${field} must be a list of names, each a non-empty string of at most ${NAME_MAX_LENGTH} characters`;
  }
};

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Problems with `data` written over `stored` (null when the entry, or this locale of it, is new).
 * Checked on drafts too: Strapi skips `required` for drafts, and in this CMS everything is a draft
 * until the workflow publishes it.
 */
export const findContentProblems = (
  attributes: Record<string, AttributeSpec>,
  formats: Record<string, FieldFormat>,
  data: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  // Fields the server fills when left empty (slugs): not "required" from the writer's point of view.
  generated: readonly string[] = []
): FieldProblem[] => {
  const problems: FieldProblem[] = [];

  for (const [field, attribute] of Object.entries(attributes)) {
    const given = Object.prototype.hasOwnProperty.call(data, field);
    const value = given ? data[field] : stored?.[field];

    if (isEmpty(value)) {
      // A default fills an omitted field on create; an explicit empty value is still refused.
      const filledByDefault = !given && attribute.default !== undefined;
      if (attribute.required && !filledByDefault && !generated.includes(field) && (given || stored === null)) {
        problems.push({ path: [field], message: `${field} is required`, value: data[field] });
      }
      continue;
    }
    if (!given) continue;

    if (TEXT_TYPES.has(attribute.type)) {
      if (typeof value !== 'string') {
        problems.push({ path: [field], message: `${field} must be text`, value });
        continue;
      }
      if (attribute.maxLength !== undefined && value.length > attribute.maxLength) {
        problems.push({
          path: [field],
          message: `${field} must be at most ${attribute.maxLength} characters (got ${value.length})`,
          value,
        });
        continue;
      }
    }

    if (attribute.type === 'enumeration' && attribute.enum && !attribute.enum.includes(value as string)) {
      problems.push({
        path: [field],
        message: `${field} must be one of: ${attribute.enum.join(', ')}`,
        value,
      });
      continue;
    }

    const format = formats[field];
    const message = format ? formatProblem(field, format, value) : null;
    if (message) problems.push({ path: [field], message, value });
  }

  return problems;
};
