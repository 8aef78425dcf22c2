import { adminApi } from '@strapi/strapi/admin';
import type { DocumentState } from '../../shared/contracts';
import type { AssignRequest, EligibleAssignee } from '../../shared/assignment';

interface Target {
  uid: string;
  documentId: string;
  locale?: string;
}

export interface Assignees {
  users: EligibleAssignee[];
  me: number | null;
  mayAssign: boolean;
}

const stateTag = (t: Target) => ({
  type: 'EditorialWorkflowState' as const,
  id: `${t.uid}_${t.documentId}_${t.locale ?? ''}`,
});

// Assignment endpoints, on the same admin slice as api.ts (so an assignment refreshes the panel,
// the queue and the list view).
const assignApi = adminApi
  .enhanceEndpoints({
    addTagTypes: ['EditorialWorkflowState', 'EditorialWorkflowQueue', 'Document'],
  })
  .injectEndpoints({
    endpoints: (builder) => ({
      /** By story (its stage), or by stage id. */
      getAssignees: builder.query<Assignees, Partial<Target> & { stage?: string }>({
        query: (params) => ({
          url: '/editorial-workflow/assignees',
          method: 'GET',
          config: {
            params: Object.fromEntries(
              Object.entries(params).filter(([, v]) => v !== undefined && v !== '')
            ),
          },
        }),
        transformResponse: (res: {
          data: EligibleAssignee[];
          meta: { me: number | null; mayAssign: boolean };
        }) => ({ users: res.data, me: res.meta.me, mayAssign: res.meta.mayAssign }),
        providesTags: ['EditorialWorkflowState'],
      }),
      assign: builder.mutation<DocumentState, Target & AssignRequest>({
        query: ({ uid, documentId, locale, ...body }) => ({
          url: `/editorial-workflow/state/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}/assign`,
          method: 'POST',
          data: body,
          config: { params: locale ? { locale } : {} },
        }),
        transformResponse: (res: { data: DocumentState }) => res.data,
        invalidatesTags: (_res, _err, t) => [
          stateTag(t),
          { type: 'Document', id: `${t.uid}_LIST` },
          'EditorialWorkflowQueue',
        ],
      }),
    }),
  });

export const { useGetAssigneesQuery, useAssignMutation } = assignApi;
