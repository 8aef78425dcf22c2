// What makes article, quote, person and source data valid. Pure: the caller passes the schema's
// attributes, the incoming data and the stored values; no Strapi import.
//
// Declared in two places. schema.json says required, maxLength, enum and regex; Strapi enforces
// them itself on published writes, but on drafts (everything, until the workflow publishes) it
// checks only maxLength and enum, so those rules are read from the attributes and checked here on
// every write, in the words below. What a schema cannot say is FIELD_RULES: one zod schema per field.
import { z } from 'zod';
import { SLUG_PATTERN } from './slug';
import { isCountryCode, isHttpUrl, isLanguageTag } from './formats';
import { ARTICLE, PERSON, QUOTE, SOURCE } from './types';

export interface AttributeSpec {
  type: string;
  required?: boolean;
  maxLength?: number;
  enum?: readonly string[];
  regex?: string;
  default?: unknown;
  /** false: set by the server, never taken from the writer (a quote's verifiedBy). */
  writable?: boolean;
}

export interface FieldProblem {
  path: string[];
  message: string;
  value?: unknown;
}

/** Each `regex` of a schema.json in words: what a writer reads when a value does not match. */
export const PATTERN_HINTS: Record<string, string> = {
  [SLUG_PATTERN.source]:
    'lowercase letters a-z, digits and single hyphens (e.g. lukashenko-and-putin)',
  '^[A-Z]{2}$': 'an ISO 3166-1 alpha-2 country code in capitals (e.g. BY)',
  '^Q[1-9][0-9]*$': 'a Wikidata item id: Q followed by digits (e.g. Q7747)',
};

const NAME_MAX_LENGTH = 200;
const NAMES = `must be a list of names, each a non-empty string of at most ${NAME_MAX_LENGTH} characters`;
const httpUrl = z.string().refine(isHttpUrl, 'must be an http or https URL');

/** Per type and field, what its schema attribute cannot say; the message follows the field's name. */
export const FIELD_RULES: Record<string, Record<string, z.ZodType>> = {
  [ARTICLE]: {},
  [QUOTE]: {
    originalLanguage: z
      .string()
      .refine(isLanguageTag, 'must be a BCP 47 language tag (e.g. ru, be or en-GB)'),
    url: httpUrl,
  },
  [PERSON]: {
    // The schema's regex says two capitals; this says they are an assigned code.
    country: z.string().refine(isCountryCode, `must be ${PATTERN_HINTS['^[A-Z]{2}$']}`),
    aliases: z.array(
      z
        .string({ error: NAMES })
        .refine((name) => name.trim() !== '', NAMES)
        .max(NAME_MAX_LENGTH, NAMES),
      { error: NAMES }
    ),
  },
  [SOURCE]: { url: httpUrl },
};

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);
// Strapi's own limit for a short text without maxLength.
const STRING_DEFAULT_MAX_LENGTH = 255;

const declaredSchemas = new WeakMap<AttributeSpec, z.ZodType | null>();

/** The zod schema of a field's value as its attribute declares it (null: nothing to check); built once. */
const attributeSchema = (field: string, attribute: AttributeSpec): z.ZodType | null => {
  if (!declaredSchemas.has(attribute))
    declaredSchemas.set(attribute, buildAttributeSchema(field, attribute));
  return declaredSchemas.get(attribute)!;
};

const buildAttributeSchema = (field: string, attribute: AttributeSpec): z.ZodType | null => {
  if (TEXT_TYPES.has(attribute.type)) {
    let schema = z.string({ error: `${field} must be text` });
    const max =
      attribute.maxLength ?? (attribute.type === 'string' ? STRING_DEFAULT_MAX_LENGTH : undefined);
    if (max !== undefined) {
      schema = schema.max(max, {
        error: (issue) =>
          `${field} must be at most ${max} characters (got ${String(issue.input).length})`,
      });
    }
    if (attribute.regex) {
      const hint = PATTERN_HINTS[attribute.regex];
      schema = schema.regex(
        new RegExp(attribute.regex),
        hint ? `${field} must be ${hint}` : `${field} must match ${attribute.regex}`
      );
    }
    return schema;
  }
  if (attribute.type === 'enumeration' && attribute.enum?.length) {
    return z.enum(attribute.enum as [string, ...string[]], {
      error: `${field} must be one of: ${attribute.enum.join(', ')}`,
    });
  }
  return null;
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
  rules: Record<string, z.ZodType>,
  data: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  // Fields the server fills when left empty (slugs): not "required" from the writer's point of view.
  generated: readonly string[] = []
): FieldProblem[] => {
  const problems: FieldProblem[] = [];

  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.writable === false) continue;
    const given = Object.prototype.hasOwnProperty.call(data, field);
    const value = given ? data[field] : stored?.[field];

    if (isEmpty(value)) {
      // A default fills an omitted field on create; an explicit empty value is still refused.
      const filledByDefault = !given && attribute.default !== undefined;
      if (
        attribute.required &&
        !filledByDefault &&
        !generated.includes(field) &&
        (given || stored === null)
      ) {
        problems.push({ path: [field], message: `${field} is required`, value: data[field] });
      }
      continue;
    }
    if (!given) continue;

    // One problem per field, the first found: the attribute's (a too-long slug is too long before it
    // is malformed), then the field's rule, whose message follows the field's name.
    const declared = attributeSchema(field, attribute)?.safeParse(value);
    if (declared && !declared.success) {
      problems.push({ path: [field], message: declared.error.issues[0].message, value });
      continue;
    }
    const ruled = rules[field]?.safeParse(value);
    if (ruled && !ruled.success)
      problems.push({ path: [field], message: `${field} ${ruled.error.issues[0].message}`, value });
  }

  return problems;
};
