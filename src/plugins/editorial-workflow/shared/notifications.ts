// Email notification shapes shared by the server and the admin panel.

export interface NotificationKindInfo {
  id: string;
  name: string;
}

/** `GET`/`PUT /editorial-workflow/notification-preferences`: the caller's own. */
export interface NotificationPreferences {
  /** Every kind, in the order the settings page lists them. */
  kinds: NotificationKindInfo[];
  /** The kinds the caller turned off. */
  disabled: string[];
}

export const NOTIFICATION_PREFERENCES_PATH = '/editorial-workflow/notification-preferences';
