// Refuses request bodies under /api/ and /content-manager/ that carry prototype keys (`__proto__`,
// `constructor`, `prototype`, any depth), and Content Manager document bodies that set `id` or
// `documentId` (stock Strapi writes them as given, or answers 500 on a taken id).
// Runs right after `strapi::body`; `onBodyParseError` is that parser's hook for `__proto__`, which
// it refuses itself before any middleware sees the body.
import { errors } from '@strapi/utils';
import {
  identityKeys,
  documentIdInPath,
  isDocumentWrite,
  prototypeKeyPaths,
} from '../newsroom/body-keys';

const GUARDED = /^\/(api|content-manager)\//;

const refusePrototypeKeys = (paths: string[][]) =>
  new errors.ValidationError(
    paths
      .map(
        (p) => `\`${p.join('.')}\`: ${p[p.length - 1]} is not allowed as a key in a request body.`
      )
      .join(' '),
    {
      errors: paths.map((path) => ({
        path,
        message: `${path[path.length - 1]} is not allowed as a key`,
        name: 'ValidationError',
      })),
    }
  );

// A multipart REST body carries its JSON in a `data` string field.
const parsedMultipartData = (body: any) => {
  if (!body || typeof body.data !== 'string') return undefined;
  try {
    return JSON.parse(body.data);
  } catch {
    return undefined; // Strapi answers malformed JSON itself
  }
};

/** `strapi::body` option: its JSON parser refuses `__proto__`; say where, as a ValidationError. */
export const onBodyParseError = (error: any, _ctx: unknown) => {
  if (
    error instanceof SyntaxError &&
    /forbidden prototype property/.test(error.message) &&
    typeof (error as any).body === 'string'
  ) {
    const paths = prototypeKeyPaths(JSON.parse((error as any).body));
    if (paths.length > 0) throw refusePrototypeKeys(paths);
  }
  throw error;
};

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  if (!GUARDED.test(ctx.path)) return next();
  const body = ctx.request.body;
  const paths = [
    ...prototypeKeyPaths(body),
    ...prototypeKeyPaths(parsedMultipartData(body)).map((p) => ['data', ...p]),
  ];
  if (paths.length > 0) throw refusePrototypeKeys(paths);

  if (isDocumentWrite(ctx.method, ctx.path)) {
    const keys = identityKeys(body, documentIdInPath(ctx.path));
    if (keys.length > 0) {
      throw new errors.ValidationError(
        `${keys.map((k) => `\`${k}\``).join(' and ')} ${keys.length > 1 ? 'are' : 'is'} set by the server: leave ${keys.length > 1 ? 'them' : 'it'} out of the request body.`,
        {
          errors: keys.map((key) => ({
            path: [key],
            message: `${key} is set by the server`,
            name: 'ValidationError',
          })),
        }
      );
    }
  }
  return next();
};
