// The REST rules for read queries (reader-query.ts), applied to GraphQL arguments. Pure: the caller
// passes `getModel` and `toStrapiFilters` (the GraphQL plugin's own filter mapper).
//
// One difference, on purpose: REST ignores `?status=draft` from a reader (the Document Service
// serves the published rows instead), but GraphQL hands a root query's `status`,
// `publicationFilter` and `hasPublishedVersion` down to every nested list it loads, past the
// Document Service. Ignored at the root, they would still pick draft rows two levels down, so a
// reader's query that asks for drafts is refused as a whole.

import { readQueryProblems, type Caller, type GetModel, type QueryProblem } from './reader-query';

/** The arguments Strapi's GraphQL lists and single-document queries take (after enum coercion). */
export interface GraphQLReadArgs {
  filters?: unknown;
  sort?: unknown;
  pagination?: unknown;
  status?: unknown;
  publicationFilter?: unknown;
  hasPublishedVersion?: unknown;
}

const DRAFT_SELECTORS = ['publicationFilter', 'hasPublishedVersion'] as const;

/** A reader's arguments that would select draft rows (any root query: nested lists inherit them). */
export const publicationArgProblems = (args: GraphQLReadArgs, reader: boolean): QueryProblem[] => {
  if (!reader) return [];
  const problems: QueryProblem[] = [];
  if (args.status === 'draft') {
    problems.push({
      path: 'status',
      message:
        '`status: DRAFT` reads working copies, which only API tokens may preview: readers see published content only.',
    });
  }
  for (const key of DRAFT_SELECTORS) {
    if (args[key] !== undefined && args[key] !== null) {
      problems.push({
        path: key,
        message: `\`${key}\` selects documents by their drafts, which only API tokens may preview: readers see published content only.`,
      });
    }
  }
  return problems;
};

/**
 * Problems of one GraphQL field's read arguments: a root query of `uid`, or (`caller.nested`) a
 * nested list of `uid` rows. Empty when Strapi may run it.
 */
export const graphqlReadProblems = (
  getModel: GetModel,
  uid: string,
  args: GraphQLReadArgs,
  caller: Caller,
  toStrapiFilters: (filters: unknown) => unknown
): QueryProblem[] => [
  ...publicationArgProblems(args, caller.reader),
  ...readQueryProblems(
    getModel,
    uid,
    {
      ...(args.filters == null ? {} : { filters: toStrapiFilters(args.filters) }),
      ...(args.sort == null ? {} : { sort: args.sort }),
      ...(args.pagination == null ? {} : { pagination: args.pagination }),
    },
    caller
  ),
];
