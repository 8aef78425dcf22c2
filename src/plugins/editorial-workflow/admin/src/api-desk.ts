import { adminApi } from '@strapi/strapi/admin';
import type { DeskDays, DeskStats } from '../../shared/desk';

// The desk's figures, on the same admin slice as api.ts: tagged with the queue's tag, so every
// move (which invalidates 'EditorialWorkflowQueue') reads the desk again.
const deskApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['EditorialWorkflowQueue', 'EditorialWorkflowDesk'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      getDesk: builder.query<DeskStats, { days: DeskDays }>({
        query: ({ days }) => ({
          url: '/editorial-workflow/desk',
          method: 'GET',
          config: { params: { days } },
        }),
        transformResponse: (res: { data: DeskStats }) => res.data,
        providesTags: ['EditorialWorkflowQueue', 'EditorialWorkflowDesk'],
      }),
    }),
  });

export const { useGetDeskQuery } = deskApi;
