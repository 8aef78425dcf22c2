import { adminApi } from '@strapi/strapi/admin';
import type {
  CacheStats,
  DocumentState,
  Pagination,
  QueueItem,
  TransitionRequest,
  WorkflowInfo,
} from '../../shared/contracts';

export interface StageRow {
  documentId: string;
  stage: string;
  version: number;
  enteredStageAt: string;
}

export interface ApiError {
  status?: number;
  name?: string;
  message?: string;
  details?: { problems?: string[]; [key: string]: unknown };
}

interface Target {
  uid: string;
  documentId: string;
  locale?: string;
}

const docTag = (uid: string, documentId: string) => ({
  type: 'Document' as const,
  id: `${uid}_${documentId}`,
});
const stateTag = (t: Target) => ({
  type: 'EditorialWorkflowState' as const,
  id: `${t.uid}_${t.documentId}_${t.locale ?? ''}`,
});
const localeParams = (locale?: string) => (locale ? { locale } : {});

// RTK Query endpoints on the admin's own API slice: sharing it lets a transition invalidate the
// Content Manager's `Document` cache (status badge, published version) the same way core does.
const workflowApi = adminApi
  .enhanceEndpoints({
    addTagTypes: [
      'EditorialWorkflowState',
      'EditorialWorkflowQueue',
      'EditorialWorkflowCache',
      'Document',
    ],
  })
  .injectEndpoints({
    endpoints: (builder) => ({
      getWorkflow: builder.query<WorkflowInfo, void>({
        query: () => '/editorial-workflow/workflow',
        transformResponse: (res: { data: WorkflowInfo }) => res.data,
      }),
      getDocumentState: builder.query<DocumentState, Target>({
        query: ({ uid, documentId, locale }) => ({
          url: `/editorial-workflow/state/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`,
          method: 'GET',
          config: { params: localeParams(locale) },
        }),
        transformResponse: (res: { data: DocumentState }) => res.data,
        // Also tagged as the CM document: a save in the edit view (which can send an approved story
        // back to draft) refetches the panel too.
        providesTags: (_res, _err, t) => [stateTag(t), docTag(t.uid, t.documentId)],
      }),
      transition: builder.mutation<DocumentState, Target & TransitionRequest>({
        query: ({ uid, documentId, locale, ...body }) => ({
          url: `/editorial-workflow/state/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}/transition`,
          method: 'POST',
          data: body,
          config: { params: localeParams(locale) },
        }),
        transformResponse: (res: { data: DocumentState }) => res.data,
        invalidatesTags: (_res, _err, t) => [
          stateTag(t),
          docTag(t.uid, t.documentId),
          { type: 'Document', id: `${t.uid}_LIST` },
          'EditorialWorkflowQueue',
        ],
      }),
      getContentTypeSchemas: builder.query<
        { uid: string; attributes: Record<string, { type: string; target?: string }> }[],
        void
      >({
        query: () => '/content-manager/content-types',
        transformResponse: (res: {
          data: { uid: string; attributes: Record<string, { type: string; target?: string }> }[];
        }) => res.data,
      }),
      // Not `getLocales`: that name is i18n's own endpoint on the same slice.
      getWorkflowLocales: builder.query<{ code: string; name: string; isDefault: boolean }[], void>(
        {
          query: () => '/i18n/locales',
        }
      ),
      getQueue: builder.query<
        { data: QueueItem[]; meta: { pagination: Pagination } },
        {
          stage?: string;
          uid?: string;
          locale?: string;
          page?: number;
          pageSize?: number;
          assigned?: 'me' | 'none';
          sort?: 'newest';
        }
      >({
        query: (params) => ({
          url: '/editorial-workflow/queue',
          method: 'GET',
          config: {
            params: Object.fromEntries(
              Object.entries(params).filter(([, v]) => v !== undefined && v !== '')
            ),
          },
        }),
        providesTags: ['EditorialWorkflowQueue'],
      }),
      // A scheduled row's time in the list view (the row itself carries only the stage copy).
      getPublishAt: builder.query<
        string | null,
        { uid: string; documentId: string; locale?: string }
      >({
        query: ({ uid, documentId, locale }) => ({
          url: '/editorial-workflow/stages',
          method: 'GET',
          config: { params: { uid, documentIds: documentId, ...localeParams(locale) } },
        }),
        transformResponse: (res: { data: { publishAt?: string | null }[] }) =>
          res.data[0]?.publishAt ?? null,
        providesTags: (_res, _err, t) => [docTag(t.uid, t.documentId)],
      }),
      // Settings → Response cache: this server process's figures, and a purge of every process.
      getCacheStats: builder.query<CacheStats, void>({
        query: () => '/editorial-workflow/cache',
        transformResponse: (res: { data: CacheStats }) => res.data,
        providesTags: ['EditorialWorkflowCache'],
      }),
      /** `removed`: the answers this server process dropped (the others drop theirs too). */
      purgeCache: builder.mutation<{ stats: CacheStats; removed: number }, void>({
        query: () => ({ url: '/editorial-workflow/cache/purge', method: 'POST' }),
        transformResponse: (res: { data: CacheStats; meta: { removed: number } }) => ({
          stats: res.data,
          removed: res.meta.removed,
        }),
        invalidatesTags: ['EditorialWorkflowCache'],
      }),
    }),
  });

export const {
  useGetWorkflowQuery,
  useGetDocumentStateQuery,
  useTransitionMutation,
  useGetQueueQuery,
  useGetPublishAtQuery,
  useGetContentTypeSchemasQuery,
  useGetWorkflowLocalesQuery,
  useGetCacheStatsQuery,
  usePurgeCacheMutation,
} = workflowApi;

export const asApiError = (error: unknown): ApiError | null =>
  error && typeof error === 'object' ? (error as ApiError) : null;
