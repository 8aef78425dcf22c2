import type { Core } from '@strapi/strapi';
import { queryRefusal } from './errors';
import { graphqlReadProblems } from './graphql-reads';
import { liveMediaResolverGuard } from './live-media';
import {
  GRAPHQL_FILTERS,
  pinRelationFiltersToPublished,
  readerHiddenFields,
} from './reader-visibility';
import { isReaderRequest } from './request-actor';

// The REST content API's read guarantees on /graphql (@strapi/plugin-graphql), as resolver
// middlewares registered through the plugin's extension API.
//
// Where GraphQL reads pass: a root query (`articles`, `person`, `quotes_connection`, …) validates,
// sanitizes and calls the Document Service, so the reader-visibility middleware already serves
// readers published rows there, pins relation filters and drops hidden fields. A nested list
// (`Article.quotes`, `Person.quotes`, `UploadFile.related`) is loaded with `strapi.db.query().load()`,
// past the Document Service, with the publication status the root query was given. So:
// - every root query: the REST query rules (reader-query.ts), and for readers no argument that
//   selects drafts (nested lists inherit it; graphql-reads.ts);
// - every nested list: the same rules, its sort on its own fields, and for readers its relation
//   filters pinned to published rows (a person's quotes include drafts);
// - polymorphic relations (the upload file's `related`): not for readers, as in REST;
// - fields hidden from readers (PUBLIC_VERIFIER=none): null for them;
// - the upload plugin's file mutations: the live-media rule its REST routes have.

type Resolver = (parent: unknown, args: any, context: any, info: any) => unknown;
type ResolverMiddleware = (
  resolve: Resolver,
  parent: unknown,
  args: any,
  context: any,
  info: any
) => unknown;

const MEDIA_TARGET = 'plugin::upload.file';

const fieldName = (info: any) => `${info?.parentType?.name}.${info?.fieldName}`;
const isReader = (context: any) => isReaderRequest(context?.koaContext);

export const registerGraphQLGuards = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as any;
  // Evaluated when the schema is built (bootstrap), once every plugin has said which types it hides.
  extension.use(() => ({ resolversConfig: resolversConfig(strapi) }));
};

const resolversConfig = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  const extension = graphql.service('extension') as any;
  const { naming, mappers } = graphql.service('utils') as any;
  const getModel = (uid: string) => strapi.getModel(uid as any) as any;
  const hidden = readerHiddenFields(strapi);
  const toStrapiFilters = (uid: string) => (filters: unknown) =>
    mappers.graphQLFiltersToStrapiQuery(filters, getModel(uid));
  const callerOf = (context: any, nested = false) => {
    const reader = isReader(context);
    return { reader, hidden: reader ? hidden : {}, nested };
  };

  const rootGuard =
    (uid: string): ResolverMiddleware =>
    (resolve, parent, args, context, info) => {
      const problems = graphqlReadProblems(
        getModel,
        uid,
        args ?? {},
        callerOf(context),
        toStrapiFilters(uid)
      );
      if (problems.length > 0) throw queryRefusal(problems, fieldName(info));
      return resolve(parent, args, context, info);
    };

  const nestedGuard =
    (targetUid: string): ResolverMiddleware =>
    (resolve, parent, args, context, info) => {
      const caller = callerOf(context, true);
      const problems = graphqlReadProblems(
        getModel,
        targetUid,
        args ?? {},
        caller,
        toStrapiFilters(targetUid)
      );
      if (problems.length > 0) throw queryRefusal(problems, fieldName(info));
      const readerArgs =
        caller.reader && args?.filters
          ? {
              ...args,
              filters: pinRelationFiltersToPublished(
                getModel,
                targetUid,
                args.filters,
                GRAPHQL_FILTERS
              ),
            }
          : args;
      return resolve(parent, readerArgs, context, info);
    };

  const polymorphicGuard: ResolverMiddleware = (resolve, parent, args, context, info) => {
    if (isReader(context)) {
      const field = fieldName(info);
      throw queryRefusal(
        [
          {
            path: String(info?.fieldName),
            message: `\`${field}\` is polymorphic: it lists every entry that uses this one, unpublished ones included. Readers ask for the fields of their own.`,
          },
        ],
        field
      );
    }
    return resolve(parent, args, context, info);
  };

  const hiddenFromReaders: ResolverMiddleware = (resolve, parent, args, context, info) =>
    isReader(context) ? null : resolve(parent, args, context, info);

  const config: Record<string, { middlewares: ResolverMiddleware[] }> = {};
  const guard = (path: string, middleware: ResolverMiddleware) => {
    config[path] = { middlewares: [middleware] };
  };

  const models = [
    ...Object.values<any>(strapi.contentTypes),
    ...Object.values<any>(strapi.components),
  ];
  for (const model of models) {
    if (model.uid.startsWith('admin::') || !extension.shadowCRUD(model.uid).isEnabled()) continue;
    const isComponent = model.modelType === 'component';
    const typeName = isComponent ? naming.getComponentName(model) : naming.getTypeName(model);

    if (!isComponent) {
      const queries =
        model.kind === 'collectionType'
          ? [
              naming.getFindQueryName(model),
              naming.getFindConnectionQueryName(model),
              naming.getFindOneQueryName(model),
            ]
          : [naming.getFindOneQueryName(model)];
      for (const query of queries) guard(`Query.${query}`, rootGuard(model.uid));
    }

    for (const [name, attribute] of Object.entries<any>(model.attributes)) {
      const target =
        attribute.type === 'media'
          ? MEDIA_TARGET
          : attribute.type === 'relation'
            ? attribute.target
            : undefined;
      if (attribute.type === 'relation' && String(attribute.relation).startsWith('morph')) {
        guard(`${typeName}.${name}`, polymorphicGuard);
      } else if (target) {
        // `_connection` exists for lists only; a config for a field the schema lacks is unused.
        guard(`${typeName}.${name}`, nestedGuard(target));
        guard(`${typeName}.${name}_connection`, nestedGuard(target));
      }
    }
    for (const name of hidden[model.uid] ?? []) guard(`${typeName}.${name}`, hiddenFromReaders);
  }

  if (strapi.plugin('upload')) {
    guard('Mutation.updateUploadFile', liveMediaResolverGuard(strapi, 'change'));
    guard('Mutation.deleteUploadFile', liveMediaResolverGuard(strapi, 'delete'));
  }
  return config;
};
