import { adminApi } from '@strapi/strapi/admin';
import type { Checklist } from '../../shared/checklist';

interface Target {
  uid: string;
  documentId: string;
  locale?: string;
}

export interface VerdictRequest {
  /** The story whose checklist, state and edit view refetch afterwards. */
  story: Target;
  /** The quote: written through the Content Manager's own update route, so its rules apply. */
  uid: string;
  documentId: string;
  locale: string;
  verification: string;
  verificationNote: string | null;
}

const checklistTag = (t: Target) => ({
  type: 'EditorialWorkflowChecklist' as const,
  id: `${t.uid}_${t.documentId}_${t.locale ?? ''}`,
});

const checklistApi = adminApi
  .enhanceEndpoints({
    addTagTypes: ['EditorialWorkflowChecklist', 'EditorialWorkflowState', 'Document'],
  })
  .injectEndpoints({
    endpoints: (builder) => ({
      getChecklist: builder.query<Checklist, Target>({
        query: ({ uid, documentId, locale }) => ({
          url: `/editorial-workflow/checklist/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`,
          method: 'GET',
          config: { params: locale ? { locale } : {} },
        }),
        transformResponse: (res: { data: Checklist }) => res.data,
        // A save in the edit view (a quote reconnected, say) refetches it too.
        providesTags: (_res, _err, t) => [
          checklistTag(t),
          { type: 'Document', id: `${t.uid}_${t.documentId}` },
        ],
      }),
      setVerdict: builder.mutation<{ verification?: string } | null, VerdictRequest>({
        query: ({ uid, documentId, locale, verification, verificationNote }) => ({
          url: `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}`,
          method: 'PUT',
          data: { verification, verificationNote },
          config: { params: { locale } },
        }),
        // The Content Manager answers with the saved document.
        transformResponse: (res: { data?: { verification?: string } }) => res?.data ?? null,
        invalidatesTags: (_res, _err, { story, uid, documentId }) => [
          checklistTag(story),
          {
            type: 'EditorialWorkflowState',
            id: `${story.uid}_${story.documentId}_${story.locale ?? ''}`,
          },
          { type: 'Document', id: `${story.uid}_${story.documentId}` },
          { type: 'Document', id: `${uid}_${documentId}` },
        ],
      }),
    }),
  });

export const { useGetChecklistQuery, useSetVerdictMutation } = checklistApi;
