import { adminApi } from '@strapi/strapi/admin';
import {
  NOTIFICATION_PREFERENCES_PATH,
  type NotificationPreferences,
} from '../../shared/notifications';

// Settings → Email notifications: the signed-in user's own preferences, on the admin's API slice.
const notifyApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['EditorialWorkflowNotificationPreferences'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      getNotificationPreferences: builder.query<NotificationPreferences, void>({
        query: () => NOTIFICATION_PREFERENCES_PATH,
        transformResponse: (res: { data: NotificationPreferences }) => res.data,
        providesTags: ['EditorialWorkflowNotificationPreferences'],
      }),
      setNotificationPreferences: builder.mutation<NotificationPreferences, { disabled: string[] }>(
        {
          query: (body) => ({ url: NOTIFICATION_PREFERENCES_PATH, method: 'PUT', data: body }),
          transformResponse: (res: { data: NotificationPreferences }) => res.data,
          invalidatesTags: ['EditorialWorkflowNotificationPreferences'],
        }
      ),
    }),
  });

export const { useGetNotificationPreferencesQuery, useSetNotificationPreferencesMutation } =
  notifyApi;
