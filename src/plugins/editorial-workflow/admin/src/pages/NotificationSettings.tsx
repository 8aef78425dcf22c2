import * as React from 'react';
import { Box, Button, Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { asApiError } from '../api';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import {
  useGetNotificationPreferencesQuery,
  useSetNotificationPreferencesMutation,
} from '../notify-api';
import { getTrad } from '../utils/translations';

/**
 * Settings → Email notifications: which workflow emails the signed-in user receives (one checkbox
 * per kind, on by default). Every signed-in user has this page: it changes only their own inbox.
 */
const NotificationSettingsContent = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { data, error, isLoading } = useGetNotificationPreferencesQuery(undefined, {
    refetchOnMountOrArgChange: true,
  });
  const [save, { isLoading: saving }] = useSetNotificationPreferencesMutation();
  // The user's edits; until the first one, what the server holds.
  const [edited, setDisabled] = React.useState<string[] | null>(null);
  const disabled = edited ?? data?.disabled ?? null;

  const t = (key: string, defaultMessage: string, values?: Record<string, React.ReactNode>) =>
    formatMessage({ id: getTrad(`notify.${key}`), defaultMessage }, values) as string;

  const onSave = async () => {
    if (!disabled) return;
    const result = await save({ disabled });
    if ('error' in result) {
      toggleNotification({
        type: 'danger',
        message:
          asApiError(result.error)?.message ??
          t('save.failed', 'Your notification settings could not be saved.'),
      });
      return;
    }
    toggleNotification({
      type: 'success',
      message: t('save.done', 'Notification settings saved.'),
    });
  };

  const title = t('title', 'Email notifications');
  const err = asApiError(error);
  const changed =
    data && disabled
      ? [...disabled].sort().join(',') !== [...data.disabled].sort().join(',')
      : false;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'subtitle',
          'Which editorial workflow emails you receive. You are never emailed about your own actions.'
        )}
        primaryAction={
          <Button
            startIcon={<Check />}
            onClick={onSave}
            loading={saving}
            disabled={!changed || saving}
            data-testid="ew-notify-save"
          >
            {t('save', 'Save')}
          </Button>
        }
      />
      <Layouts.Content>
        {err ? (
          <Box
            role="alert"
            background="danger100"
            padding={4}
            hasRadius
            data-testid="ew-notify-error"
          >
            <Typography textColor="danger700">
              {t('error', 'Your notification settings could not be loaded: {message}', {
                message: err.message ?? err.name ?? 'unknown error',
              })}
            </Typography>
          </Box>
        ) : isLoading || !data || !disabled ? (
          <Loader>{t('loading', 'Loading your notification settings')}</Loader>
        ) : (
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            <Flex direction="column" alignItems="flex-start" gap={4}>
              <Typography variant="delta" tag="h2">
                {t('heading', 'Email me when')}
              </Typography>
              {data.kinds.map((kind) => (
                <Checkbox
                  key={kind.id}
                  data-testid={`ew-notify-${kind.id}`}
                  checked={!disabled.includes(kind.id)}
                  onCheckedChange={(checked) =>
                    setDisabled((current) => {
                      const rest = (current ?? data.disabled).filter((k) => k !== kind.id);
                      return checked === true ? rest : [...rest, kind.id];
                    })
                  }
                >
                  {t(`kind.${kind.id}`, kind.name)}
                </Checkbox>
              ))}
            </Flex>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export const NotificationSettings = () => (
  <PluginErrorBoundary where="email notification settings">
    <NotificationSettingsContent />
  </PluginErrorBoundary>
);

export default NotificationSettings;
