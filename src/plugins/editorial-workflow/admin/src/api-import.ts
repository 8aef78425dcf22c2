import { adminApi } from '@strapi/strapi/admin';
import type { ImportProposal, ImportRequest, ImportResult } from '../../shared/contracts';

export const ARTICLE_UID = 'api::article.article';
const importUrl = (uid: string) => `/editorial-workflow/import/${encodeURIComponent(uid)}`;

export interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}
/** An existing person or source to link instead of a proposal. */
export interface Reference {
  documentId: string;
  name: string;
}

// Import page: the proposal (nothing saved), the creation, and what the review picks from: the
// configured locales (i18n's admin route) and existing people and sources (the Content Manager's
// list, sorted by name; an Author reads every person and source there).
const importApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['EditorialWorkflowQueue'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      previewImport: builder.mutation<ImportProposal, { uid: string; request: ImportRequest }>({
        query: ({ uid, request }) => ({
          url: `${importUrl(uid)}/preview`,
          method: 'POST',
          data: request,
        }),
        transformResponse: (res: { data: ImportProposal }) => res.data,
      }),
      createImport: builder.mutation<ImportResult, { uid: string; request: ImportRequest }>({
        query: ({ uid, request }) => ({ url: importUrl(uid), method: 'POST', data: request }),
        transformResponse: (res: { data: ImportResult }) => res.data,
        invalidatesTags: ['EditorialWorkflowQueue'],
      }),
      getLocales: builder.query<Locale[], void>({
        query: () => '/i18n/locales',
        transformResponse: (res: Locale[]) => res,
      }),
      getReferences: builder.query<Reference[], 'api::person.person' | 'api::source.source'>({
        query: (uid) => ({
          url: `/content-manager/collection-types/${uid}`,
          method: 'GET',
          config: { params: { page: 1, pageSize: 100, sort: 'name:ASC' } },
        }),
        transformResponse: (res: { results: Reference[] }) =>
          res.results.map((r) => ({ documentId: r.documentId, name: r.name })),
      }),
    }),
  });

export const {
  usePreviewImportMutation,
  useCreateImportMutation,
  useGetLocalesQuery,
  useGetReferencesQuery,
} = importApi;
