import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../shared/contracts';
import { actorFromRequest, CONTENT_API_TOKEN_STRATEGY } from './services/actor';
import { forbidden } from './services/errors';
import { getService } from './utils';
import { parseLocaleQuery } from './validation';

// The workflow on @strapi/plugin-graphql, when an app enables it: `editorialState` and
// `editorialTransition`, the content-API routes' twins (routes/content-api.ts). Same permissions
// (`plugin::editorial-workflow.state.findOne` / `.transition`, given to API tokens), API tokens
// only, and the same services, so every check of the REST route holds here. The plugin's own
// records (states, history, notes, notifications) never appear in the GraphQL schema: notes and
// history hold the newsroom's internal comments, and a read-only token reads every type it sees.

const RECORD_TYPES = [
  'workflow-state',
  'workflow-history',
  'workflow-note',
  'workflow-notification',
  'workflow-notification-preference',
];

const typeDefs = `
  type EditorialActor {
    type: String!
    id: Int
    name: String!
  }
  type EditorialAssignee {
    id: Int!
    name: String!
  }
  type EditorialHistoryEntry {
    transition: String!
    from: String
    to: String
    actor: EditorialActor!
    comment: String
    createdAt: String!
    assignee: EditorialAssignee
  }
  type EditorialTransitionOption {
    id: String!
    name: String!
    to: String!
    requireComment: Boolean!
    commentPrompt: String
    """Why the move would be refused now; empty when nothing stands in the way."""
    blockedBy: [String!]!
  }
  """A story's workflow state in one locale, as the calling API token sees it."""
  type EditorialState {
    uid: String!
    documentId: ID!
    locale: String!
    stage: String!
    version: Int!
    """A published version is readable by the public."""
    live: Boolean!
    enteredStageAt: String!
    allowedTransitions: [EditorialTransitionOption!]!
    history: [EditorialHistoryEntry!]!
    assignee: EditorialAssignee
  }
  extend type Query {
    editorialState(uid: String!, documentId: ID!, locale: String): EditorialState!
  }
  extend type Mutation {
    editorialTransition(
      uid: String!
      documentId: ID!
      locale: String
      transition: String!
      comment: String
      expectedVersion: Int
      "ISO 8601 with a zone: approve into the scheduled stage instead of publishing now"
      publishAt: String
      unpublishAt: String
    ): EditorialState!
  }
`;

// The route permission is the whole grant, as on the content-API routes: a token allowed to
// `transition` may make any move the rules allow (separation of duties and guards still apply).
const anyTransition = () => true;

const tokenOnly = (context: any) => {
  if (context?.state?.auth?.strategy?.name !== CONTENT_API_TOKEN_STRATEGY)
    throw forbidden('The editorial workflow is open to API tokens only', {
      workflow: PLUGIN_ID,
    });
};

const forClients = (state: any) => ({
  ...state,
  allowedTransitions: state.allowedTransitions.map((t: any) => ({
    ...t,
    blockedBy: t.blockedBy ?? [],
  })),
});

export const registerGraphQL = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as any;
  for (const name of RECORD_TYPES) extension.shadowCRUD(`plugin::${PLUGIN_ID}.${name}`).disable();

  const workflow = () => getService(strapi, 'workflow');
  const target = (args: any) =>
    workflow().resolveTarget(
      args.uid,
      args.documentId,
      parseLocaleQuery({ locale: args.locale ?? undefined })
    );

  extension.use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        async editorialState(_parent: unknown, args: any, context: any) {
          tokenOnly(context);
          const state = await workflow().getState(
            await target(args),
            actorFromRequest(context.koaContext),
            anyTransition
          );
          return forClients(state);
        },
      },
      Mutation: {
        async editorialTransition(_parent: unknown, args: any, context: any) {
          tokenOnly(context);
          const { uid: _uid, documentId: _id, locale: _locale, ...move } = args;
          // The same body as the REST route's, parsed by the workflow; absent arguments stay absent.
          const body = Object.fromEntries(Object.entries(move).filter(([, v]) => v != null));
          const state = await workflow().transition(
            await target(args),
            body,
            actorFromRequest(context.koaContext),
            anyTransition
          );
          return forClients(state);
        },
      },
    },
    resolversConfig: {
      'Query.editorialState': { auth: { scope: [`plugin::${PLUGIN_ID}.state.findOne`] } },
      'Mutation.editorialTransition': {
        auth: { scope: [`plugin::${PLUGIN_ID}.state.transition`] },
      },
    },
  }));
};
