// Checks a content-API read query (filters, sort, populate, fields, pagination, locale, status, _q)
// against the schema before Strapi runs it. Pure: the caller passes `getModel`.
//
// Two kinds of problems:
// - malformed for everybody: shapes the query builder cannot run (a 500 from stock Strapi on SQLite
//   or PostgreSQL), such as `filters[$or]=x`, `$between` with one value, `filters[id]=abc`;
// - leak-prone, for readers only (the public and logged-in end users): shapes that could reach
//   unpublished rows, which readers never see. Those are refused, not rewritten, because they have no
//   published-only meaning: a relation compared to a row id (`filters[quotes]=1`, `$in`, `$null`)
//   names draft rows as well as published ones; a sort through a relation (`sort=quotes.text`) joins
//   every row of the target; the upload file's `related` is polymorphic and includes drafts.
//   A relation filter that names the target's fields (`filters[quotes][text][$contains]=…`) has a
//   published-only meaning and is pinned to published rows instead (reader-visibility.ts).

import { z } from 'zod';

export interface Attribute {
  type: string;
  target?: string;
  component?: string;
  relation?: string;
}
export interface Model {
  uid?: string;
  attributes: Record<string, Attribute>;
  info?: { displayName?: string };
}
export type GetModel = (uid: string) => Model | undefined;
export interface QueryProblem {
  /** The query parameter, dotted: `filters.quotes`, `sort`, `populate.cover.populate`. */
  path: string;
  message: string;
}
export interface Caller {
  /** The public or a logged-in end user (not an API token). */
  reader: boolean;
  /** Fields this caller never gets, by model uid: naming them anywhere is naming no field. */
  hidden?: Record<string, readonly string[]>;
  /**
   * The arguments of a nested list (GraphQL `Article.quotes(filters:, sort:)`), which Strapi loads
   * like a populate: its sort names the listed type's own fields only, for everybody.
   */
  nested?: boolean;
}

const MEDIA_TARGET = 'plugin::upload.file';
// Row columns every content type has but that are not listed in its attributes.
const IMPLICIT: Record<string, Attribute> = {
  id: { type: 'increments' },
  documentId: { type: 'string' },
};

const LIKE_OPERATORS = new Set([
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const COMPARE_OPERATORS = new Set(['$eq', '$eqi', '$ne', '$nei', '$gt', '$gte', '$lt', '$lte']);
// Strapi's attribute-level operators, less `$jsonSupersetOf` (internal, and a 500 on SQLite).
export const FIELD_OPERATORS = new Set([
  ...LIKE_OPERATORS,
  ...COMPARE_OPERATORS,
  '$in',
  '$notIn',
  '$between',
  '$null',
  '$notNull',
  '$not',
]);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const INTEGER_TYPES = new Set(['integer', 'increments']);
const JSON_TYPES = new Set(['json', 'blocks']);
// PostgreSQL `integer` (row ids, integer fields) and a sane bound for pagination numbers.
const MAX_INTEGER = 2_147_483_647;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isOperator = (key: string) => key.startsWith('$');
const join = (path: string, key: string | number) => `${path}.${key}`;
/** `filters.$or.1.quotes` → `filters[$or][1][quotes]`, as written in a URL. */
const bracketed = (path: string) =>
  path
    .split('.')
    .map((s, i) => (i === 0 ? s : `[${s}]`))
    .join('');
const isRelation = (attribute: Attribute) =>
  attribute.type === 'relation' || attribute.type === 'media';
const targetOf = (attribute: Attribute) =>
  attribute.type === 'media' ? MEDIA_TARGET : attribute.target;

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

// The parameters that are plain values, declared (filters, sort and populate walk the content model
// and stay the Checker below). `pagination`: whole numbers, given as text or numbers; `limit=-1` is
// Strapi's documented "as many as allowed" (capped by api.rest.maxLimit).
const wholeNumber = (key: string, min: number) => {
  const allowAll = key === 'limit';
  const message = `\`pagination.${key}\` must be a whole number from ${min} to ${MAX_INTEGER}${allowAll ? ' (or -1)' : ''}.`;
  return z
    .union([z.number().transform(String), z.string().trim()], { error: message })
    .pipe(z.string().regex(INTEGER, message))
    .transform(Number)
    .refine((n) => n <= MAX_INTEGER && (n >= min || (allowAll && n === -1)), message)
    .optional();
};

const SCALAR_PARAMETERS = z.object({
  pagination: z
    .object(
      {
        page: wholeNumber('page', 1),
        pageSize: wholeNumber('pageSize', 1),
        start: wholeNumber('start', 0),
        limit: wholeNumber('limit', 1),
      },
      {
        error:
          '`pagination` must be an object: pagination[page], pagination[pageSize], pagination[start], pagination[limit].',
      }
    )
    .optional(),
  locale: z.string({ error: '`locale` must be one locale code (`locale=ru`) or `*`.' }).optional(),
  status: z
    .enum(['draft', 'published'], { error: '`status` must be `draft` or `published`.' })
    .optional(),
  _q: z.string({ error: '`_q` must be a search text.' }).optional(),
});

class Checker {
  problems: QueryProblem[] = [];

  constructor(
    private readonly getModel: GetModel,
    private readonly reader: boolean,
    private readonly hidden: Record<string, readonly string[]> = {},
    private readonly nested = false
  ) {}

  problem(path: string, message: string) {
    this.problems.push({ path, message });
  }

  isHidden(model: Model, key: string) {
    return Boolean(model.uid && this.hidden[model.uid]?.includes(key));
  }

  attribute(model: Model, key: string): Attribute | undefined {
    if (this.isHidden(model, key)) return undefined;
    return Object.prototype.hasOwnProperty.call(IMPLICIT, key)
      ? IMPLICIT[key]
      : model.attributes[key];
  }

  // ---- filters -------------------------------------------------------------------------------

  /** A condition on rows of `model`: field names and $and/$or/$not. */
  where(model: Model, where: unknown, path: string) {
    if (Array.isArray(where)) {
      where.forEach((item, i) => this.where(model, item, join(path, i)));
      return;
    }
    if (!isObject(where)) {
      this.problem(
        path,
        `\`${path}\` must be an object of field names and operators, not a value.`
      );
      return;
    }
    for (const [key, value] of Object.entries(where)) {
      const at = join(path, key);
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value) || value.some((item) => !isObject(item))) {
          this.problem(at, `\`${at}\` must be a list of conditions (\`${at}[0][field][$eq]=…\`).`);
          continue;
        }
        value.forEach((item, i) => this.where(model, item, join(at, i)));
        continue;
      }
      if (key === '$not') {
        if (!isObject(value)) {
          this.problem(at, `\`${at}\` must be a condition object (\`${at}[field][$eq]=…\`).`);
          continue;
        }
        this.where(model, value, at);
        continue;
      }
      if (isOperator(key)) {
        this.problem(
          at,
          `\`${at}\`: only $and, $or and $not may stand here; other operators follow a field name.`
        );
        continue;
      }
      const attribute = this.attribute(model, key);
      if (!attribute) {
        this.problem(at, `\`${at}\` names no field.`);
        continue;
      }
      if (isRelation(attribute)) this.relationWhere(attribute, value, at);
      else if (attribute.type === 'component' && attribute.component) {
        const component = this.getModel(attribute.component);
        if (component) this.where(component, value, at);
      } else if (attribute.type === 'dynamiczone')
        this.problem(at, `\`${at}\`: dynamic zones cannot be filtered.`);
      else this.fieldWhere(attribute, value, at);
    }
  }

  relationWhere(attribute: Attribute, value: unknown, path: string) {
    const targetUid = targetOf(attribute);
    const target = targetUid ? this.getModel(targetUid) : undefined;
    if (!target) {
      this.problem(path, `\`${path}\` is a polymorphic relation and cannot be filtered.`);
      return;
    }
    if (this.reader) {
      // Pinned to published rows by reader-visibility.ts, which wraps it in { $and: [value, published] }.
      const operators = isObject(value) ? Object.keys(value).filter(isOperator) : [];
      if (
        !isObject(value) ||
        operators.some((op) => op !== '$and' && op !== '$or' && op !== '$not')
      ) {
        this.problem(
          path,
          `\`${path}\` is a relation: filter it by the related entries' fields (\`${bracketed(path)}[id][$eq]=…\`), not by a value or an operator.`
        );
        return;
      }
      this.where(target, value, path);
      return;
    }
    // API tokens: Strapi compares a relation given a value or an operator to the target's row id.
    const id = IMPLICIT.id;
    if (isScalar(value)) {
      this.value(id, value, path);
      return;
    }
    if (Array.isArray(value)) {
      if (value.every(isScalar)) value.forEach((item, i) => this.value(id, item, join(path, i)));
      else
        this.problem(
          path,
          `\`${path}\`: a list on a relation holds related ids; filter by fields with an object.`
        );
      return;
    }
    if (!isObject(value)) return;
    const keys = Object.keys(value);
    const operators = keys.filter(isOperator);
    if (operators.length === 0) {
      this.where(target, value, path);
      return;
    }
    if (operators.length !== keys.length || operators.length > 1) {
      this.problem(
        path,
        `\`${path}\`: a relation filter is either one operator on the related id or the related entries' fields, not both.`
      );
      return;
    }
    const [op] = operators;
    if (op === '$and' || op === '$or') this.where(target, value, path);
    else if (op === '$not') {
      const inner = value[op];
      if (!isScalar(inner) && !(Array.isArray(inner) && inner.every(isScalar))) {
        this.problem(
          join(path, op),
          `\`${join(path, op)}\` on a relation takes related ids; to test the related entries' fields, use $and/$or or the field names.`
        );
        return;
      }
      this.fieldWhere(id, inner, join(path, op));
    } else this.fieldWhere(id, value, path);
  }

  /** A condition on one field: a value, a list of values (any of), or an object of operators. */
  fieldWhere(attribute: Attribute, value: unknown, path: string) {
    if (isObject(value)) {
      for (const [op, operand] of Object.entries(value))
        this.operator(attribute, op, operand, join(path, op));
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) =>
        isObject(item)
          ? this.fieldWhere(attribute, item, join(path, i))
          : this.operator(attribute, '$eq', item, join(path, i))
      );
      return;
    }
    this.operator(attribute, '$eq', value, path);
  }

  operator(attribute: Attribute, op: string, operand: unknown, path: string) {
    if (!FIELD_OPERATORS.has(op)) {
      this.problem(path, `\`${path}\`: unknown operator ${op}.`);
      return;
    }
    if (JSON_TYPES.has(attribute.type) && op !== '$null' && op !== '$notNull') {
      this.problem(
        path,
        `\`${path}\`: a ${attribute.type} field can only be tested with $null or $notNull.`
      );
      return;
    }
    if (op === '$null' || op === '$notNull') {
      if (!isScalar(operand)) this.problem(path, `\`${path}\` takes true or false.`);
      return;
    }
    if (op === '$not') {
      if (isObject(operand)) this.fieldWhere(attribute, operand, path);
      else this.values(attribute, operand, path);
      return;
    }
    if (op === '$between') {
      if (!Array.isArray(operand) || operand.length !== 2 || !operand.every(isScalar)) {
        this.problem(path, `\`${path}\` takes exactly two values (\`${path}[0]=…&${path}[1]=…\`).`);
        return;
      }
      operand.forEach((item, i) => this.value(attribute, item, join(path, i)));
      return;
    }
    if (LIKE_OPERATORS.has(op) && !TEXT_TYPES.has(attribute.type)) {
      this.problem(path, `\`${path}\`: ${op} applies to text fields only.`);
      return;
    }
    this.values(attribute, operand, path);
  }

  /** One value or a list of values (Strapi reads a list as "any of"). */
  values(attribute: Attribute, operand: unknown, path: string) {
    if (Array.isArray(operand))
      operand.forEach((item, i) => this.value(attribute, item, join(path, i)));
    else this.value(attribute, operand, path);
  }

  value(attribute: Attribute, value: unknown, path: string) {
    if (!isScalar(value)) {
      this.problem(path, `\`${path}\` must be a value, not an object or a list.`);
      return;
    }
    if (value === null || typeof value === 'boolean') return;
    const text = String(value).trim();
    if (INTEGER_TYPES.has(attribute.type)) {
      if (!INTEGER.test(text) || Math.abs(Number(text)) > MAX_INTEGER) {
        this.problem(path, `\`${path}\` must be a whole number (at most ${MAX_INTEGER}).`);
      }
    } else if (attribute.type === 'biginteger') {
      if (!INTEGER.test(text) || text.replace('-', '').length > 18)
        this.problem(path, `\`${path}\` must be a whole number.`);
    } else if (attribute.type === 'float' || attribute.type === 'decimal') {
      if (!NUMBER.test(text) || !Number.isFinite(Number(text)))
        this.problem(path, `\`${path}\` must be a number.`);
    }
  }

  // ---- sort ----------------------------------------------------------------------------------

  /**
   * `relations`: whether a sort may go through relations (API tokens at the top level only; Strapi
   * answers 500 to a relation sort inside populate).
   */
  sort(model: Model, sort: unknown, path: string, relations: boolean) {
    if (typeof sort === 'string') {
      for (const part of sort.split(',')) {
        const field = part.trim().split(':')[0];
        if (!field) continue;
        const [head, ...rest] = field.split('.');
        if (this.isHidden(model, head))
          this.problem(path, `\`${path}\`: \`${head}\` names no field.`);
        const attribute = this.attribute(model, head);
        if (rest.length > 0 && attribute && isRelation(attribute)) {
          if (!relations) this.refuseRelationSort(path, field);
          else {
            const target = this.getModel(targetOf(attribute) ?? '');
            if (target) this.sort(target, rest.join('.'), path, relations);
          }
        }
      }
      return;
    }
    if (Array.isArray(sort)) {
      sort.forEach((item, i) => this.sort(model, item, join(path, i), relations));
      return;
    }
    if (!isObject(sort)) {
      this.problem(
        path,
        `\`${path}\` must be a field name with :asc or :desc, a list of them, or an object.`
      );
      return;
    }
    for (const [key, direction] of Object.entries(sort)) {
      const at = join(path, key);
      if (this.isHidden(model, key)) {
        this.problem(at, `\`${at}\` names no field.`);
        continue;
      }
      if (typeof direction === 'string') continue; // Strapi checks the field and the direction
      const attribute = this.attribute(model, key);
      if (!isObject(direction) || !attribute) {
        this.problem(at, `\`${at}\` must be asc or desc.`);
        continue;
      }
      if (!isRelation(attribute)) {
        this.problem(at, `\`${at}\` must be asc or desc: ${key} has no fields of its own.`);
        continue;
      }
      if (!relations) {
        this.refuseRelationSort(path, key);
        continue;
      }
      const target = this.getModel(targetOf(attribute) ?? '');
      if (target) this.sort(target, direction, at, relations);
    }
  }

  refuseRelationSort(path: string, field: string) {
    this.problem(
      path,
      this.nested
        ? `\`${path}\` of a nested list may name only the listed type's own fields (${field} goes through a relation).`
        : this.reader
          ? `\`${path}\` may name only this type's own fields (${field} goes through a relation).`
          : `\`${path}\` inside populate may name only the populated type's own fields (${field} goes through a relation).`
    );
  }

  // ---- populate ------------------------------------------------------------------------------

  populate(model: Model, populate: unknown, path: string) {
    if (typeof populate === 'string') {
      if (populate === '*') return;
      populate
        .split(',')
        .forEach((entry) => this.populatePath(model, entry.trim().split('.'), path));
      return;
    }
    if (Array.isArray(populate)) {
      populate.forEach((entry, i) => {
        if (typeof entry === 'string')
          this.populatePath(model, entry.trim().split('.'), join(path, i));
      });
      return;
    }
    if (!isObject(populate)) return; // true/false and the rest: Strapi decides
    for (const [key, value] of Object.entries(populate)) {
      const attribute = this.attribute(model, key);
      if (!attribute) continue; // Strapi refuses unknown keys with 400
      const at = join(path, key);
      if (attribute.type === 'media') this.mediaPopulate(value, at);
      else if (attribute.type === 'relation' && attribute.target) {
        const target = this.getModel(attribute.target);
        if (target && isObject(value)) this.populateOptions(target, value, at);
      } else if (attribute.type === 'component' && attribute.component) {
        const component = this.getModel(attribute.component);
        if (component && isObject(value)) this.populateOptions(component, value, at);
      }
    }
  }

  /** `people.quotes` (dotted string form). */
  populatePath(model: Model, segments: string[], path: string) {
    const [head, ...rest] = segments;
    const attribute = head ? this.attribute(model, head) : undefined;
    if (!attribute || rest.length === 0) return;
    if (attribute.type === 'media') {
      if (this.reader) this.refuseMediaPopulate(path);
      return;
    }
    const target =
      attribute.type === 'relation' && attribute.target
        ? this.getModel(attribute.target)
        : undefined;
    if (target) this.populatePath(target, rest, path);
  }

  populateOptions(target: Model, options: Record<string, unknown>, path: string) {
    if ('populate' in options) this.populate(target, options.populate, join(path, 'populate'));
    if ('filters' in options) this.where(target, options.filters, join(path, 'filters'));
    if ('sort' in options) this.sort(target, options.sort, join(path, 'sort'), false);
    if ('fields' in options) this.fields(options.fields, join(path, 'fields'));
  }

  mediaPopulate(value: unknown, path: string) {
    if (!this.reader) return;
    if (isObject(value)) {
      for (const key of Object.keys(value))
        if (key !== 'fields') this.refuseMediaPopulate(join(path, key));
      if ('fields' in value) this.fields(value.fields, join(path, 'fields'));
      return;
    }
    if (![true, false, 'true', 'false', '1', '0'].includes(value as any))
      this.refuseMediaPopulate(path);
  }

  refuseMediaPopulate(path: string) {
    this.problem(
      path,
      `\`${path}\`: a media field populates its own fields only (\`…[fields][0]=url\`); its \`related\` entries include unpublished ones.`
    );
  }

  fields(fields: unknown, path: string) {
    const ok =
      typeof fields === 'string' ||
      (Array.isArray(fields) && fields.every((f) => typeof f === 'string'));
    if (!ok) this.problem(path, `\`${path}\` must be a field name or a list of field names.`);
  }
}

/** Problems of a content-API read of `uid`, for this caller; empty when Strapi may run it. */
export const readQueryProblems = (
  getModel: GetModel,
  uid: string,
  query: unknown,
  { reader, hidden, nested = false }: Caller
): QueryProblem[] => {
  const model = getModel(uid);
  if (!model || !isObject(query)) return [];
  const check = new Checker(getModel, reader, hidden, nested);
  if (query.filters !== undefined) check.where(model, query.filters, 'filters');
  if (query.sort !== undefined) check.sort(model, query.sort, 'sort', !reader && !nested);
  if (query.populate !== undefined) check.populate(model, query.populate, 'populate');
  if (query.fields !== undefined) check.fields(query.fields, 'fields');
  const scalars = SCALAR_PARAMETERS.safeParse(query);
  if (!scalars.success) {
    for (const issue of scalars.error.issues) check.problem(issue.path.join('.'), issue.message);
  }
  return check.problems;
};
