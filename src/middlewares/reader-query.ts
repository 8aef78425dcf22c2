// Route middleware on the content-API `find`/`findOne` of the newsroom types (see src/api/*/routes):
// runs after authentication, so it knows whether the caller is a reader, and before Strapi turns the
// query into SQL. The rules are in src/newsroom/reader-query.ts.
import type { Core } from '@strapi/strapi';
import { readQueryProblems } from '../newsroom/reader-query';
import { readerHiddenFields } from '../newsroom/reader-visibility';
import { isReaderRequest } from '../newsroom/request-actor';
import { queryRefusal } from '../newsroom/errors';

export default (config: { uid: string }, { strapi }: { strapi: Core.Strapi }) => {
  if (!config?.uid) throw new Error('global::reader-query needs { uid } in its route config');
  return async (ctx: any, next: () => Promise<unknown>) => {
    const reader = isReaderRequest(ctx);
    const problems = readQueryProblems(
      (uid) => strapi.getModel(uid as any) as any,
      config.uid,
      ctx.query,
      {
        reader,
        hidden: reader ? readerHiddenFields(strapi) : {},
      }
    );
    if (problems.length > 0) throw queryRefusal(problems);
    return next();
  };
};
