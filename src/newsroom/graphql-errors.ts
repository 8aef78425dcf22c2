// An Apollo Server plugin (config/plugins.ts, graphql.config.apolloServer.plugins). Strapi's GraphQL
// error formatter answers an unexpected error with INTERNAL_SERVER_ERROR but copies the error's
// name and message into `extensions.error`: a database error would show the client its SQL. The
// server log keeps them (the formatter logs every such error); the client gets the code only.
// No imports: config files load it at `strapi build` too.

interface FormattedError {
  extensions?: { code?: unknown; error?: unknown };
}

export const hideInternalErrors = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }: { response: any }) {
        const errors: FormattedError[] | undefined =
          response?.body?.kind === 'single' ? response.body.singleResult?.errors : undefined;
        for (const error of errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') delete error.extensions.error;
        }
      },
    };
  },
};
