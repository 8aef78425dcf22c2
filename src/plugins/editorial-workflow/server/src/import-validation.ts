import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  IMPORT_FORMATS,
  IMPORT_MAX_CHARS,
  IMPORT_SOURCE_TYPES,
  type ImportApiRequest,
} from '../../shared/contracts';

// The import request's shape (shared/contracts.ts `ImportRequest`); what the copy and the
// corrections mean is the app's provider's to judge. Refusals are `400 ValidationError` naming the
// part of the body that is wrong, as a path of keys (`['review', 'quotes', '0', 'index']`).

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: path.split('.'), message, name: 'ValidationError' }],
  });

const documentId = z.string().trim().min(1, 'documentId must be a non-empty string');
const name = z.string().trim().min(1, 'name must be a non-empty string');
const sourceType = z.enum(IMPORT_SOURCE_TYPES, {
  error: `type must be one of ${IMPORT_SOURCE_TYPES.join(', ')}`,
});

const reference = z.union(
  [
    z.strictObject({ documentId }),
    z.strictObject({ key: z.string().min(1) }),
    z.strictObject({
      new: z.strictObject({
        name,
        role: z.string().optional(),
        type: sourceType.optional(),
      }),
    }),
  ],
  { error: 'must be { documentId }, { key } or { new: { name } }' }
);

const skip = z.strictObject({ skip: z.literal(true) });

const review = z.strictObject({
  title: z.string().optional(),
  standfirst: z.string().nullable().optional(),
  paragraphs: z.array(z.string(), { error: 'paragraphs must be a list of texts' }).optional(),
  people: z
    .record(
      z.string(),
      z.union(
        [
          z.strictObject({ documentId }),
          z.strictObject({ name, role: z.string().nullable().optional() }),
          skip,
        ],
        { error: 'must be { documentId }, { name, role } or { skip: true }' }
      )
    )
    .optional(),
  sources: z
    .record(
      z.string(),
      z.union(
        [
          z.strictObject({ documentId }),
          z.strictObject({ name, type: sourceType.optional() }),
          skip,
        ],
        { error: 'must be { documentId }, { name, type } or { skip: true }' }
      )
    )
    .optional(),
  quotes: z
    .array(
      z.strictObject({
        index: z.number().int().min(0, 'index must be a quote’s index'),
        drop: z.boolean().optional(),
        text: z.string().optional(),
        speaker: reference.nullable().optional(),
        source: reference.nullable().optional(),
      })
    )
    .optional(),
  secondStory: z
    .enum(['split', 'drop'], { error: 'secondStory must be "split" or "drop"' })
    .optional(),
});

const request = z.strictObject(
  {
    content: z
      .string({ error: 'content must be the copy, as text' })
      .max(IMPORT_MAX_CHARS, `content is longer than ${IMPORT_MAX_CHARS} characters`),
    format: z
      .enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(', ')}` })
      .optional(),
    locale: z.string({ error: 'locale must be a locale code' }).min(1).optional(),
    filename: z.string().max(255).optional(),
    review: review.optional(),
    allowDuplicate: z.boolean({ error: 'allowDuplicate must be true or false' }).optional(),
    dryRun: z.boolean({ error: 'dryRun must be true or false' }).optional(),
  },
  { error: 'The body must be a JSON object' }
);

/** `dryRun` is the content API's; the admin has a route for each. */
export const parseImportRequest = (body: unknown, { api = false } = {}): ImportApiRequest => {
  const parsed = request.safeParse(body);
  if (parsed.success) {
    if (!api && parsed.data.dryRun !== undefined)
      throw invalid('dryRun', 'dryRun belongs to the content API; here, use the preview route');
    return parsed.data as ImportApiRequest;
  }
  const issue =
    parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [path, issue.keys[0]].filter(Boolean).join('.');
    throw invalid(key, `Unknown key "${key}"`);
  }
  if (!path) throw invalid('body', issue.message);
  throw invalid(path, `${path}: ${issue.message}`);
};
