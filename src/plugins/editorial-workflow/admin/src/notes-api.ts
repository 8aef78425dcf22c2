import { adminApi } from '@strapi/strapi/admin';
import type { Mentionable, Note } from '../../shared/notes';

interface Target {
  uid: string;
  documentId: string;
  locale?: string;
}

const threadTag = (t: Target) => ({
  type: 'EditorialWorkflowThread' as const,
  id: `${t.uid}_${t.documentId}_${t.locale ?? ''}`,
});
const path = (t: Target) =>
  `/editorial-workflow/notes/${encodeURIComponent(t.uid)}/${encodeURIComponent(t.documentId)}`;
const localeParams = (locale?: string) => (locale ? { locale } : {});

// A story's discussion thread, on the admin's API slice. A move's comment lands in the thread too:
// the panel refetches it with the state (the `EditorialWorkflowState` tag).
const notesApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['EditorialWorkflowThread', 'EditorialWorkflowState'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      getNotes: builder.query<Note[], Target>({
        query: (t) => ({ url: path(t), method: 'GET', config: { params: localeParams(t.locale) } }),
        transformResponse: (res: { data: Note[] }) => res.data,
        providesTags: (_r, _e, t) => [
          threadTag(t),
          { type: 'EditorialWorkflowState', id: `${t.uid}_${t.documentId}_${t.locale ?? ''}` },
        ],
      }),
      postNote: builder.mutation<Note, Target & { body: string; mentions: number[] }>({
        query: ({ body, mentions, ...t }) => ({
          url: path(t),
          method: 'POST',
          data: { body, mentions },
          config: { params: localeParams(t.locale) },
        }),
        transformResponse: (res: { data: Note }) => res.data,
        invalidatesTags: (_r, _e, t) => [threadTag(t)],
      }),
      setNoteResolved: builder.mutation<Note, Target & { id: number; resolved: boolean }>({
        query: ({ id, resolved }) => ({
          url: `/editorial-workflow/notes/${id}/${resolved ? 'resolve' : 'reopen'}`,
          method: 'POST',
          data: {},
        }),
        transformResponse: (res: { data: Note }) => res.data,
        invalidatesTags: (_r, _e, t) => [threadTag(t)],
      }),
      getMentionable: builder.query<Mentionable[], Target & { q: string }>({
        query: ({ uid, documentId, locale, q }) => ({
          url: '/editorial-workflow/mentionable',
          method: 'GET',
          config: { params: { uid, documentId, q, ...localeParams(locale) } },
        }),
        transformResponse: (res: { data: Mentionable[] }) => res.data,
      }),
    }),
  });

export const {
  useGetNotesQuery,
  usePostNoteMutation,
  useSetNoteResolvedMutation,
  useGetMentionableQuery,
} = notesApi;
