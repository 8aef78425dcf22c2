import * as React from 'react';
import {
  Box,
  Checkbox,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CACHE_PURGE_EVENT, TRANSITION_EVENT } from '../../../shared/contracts';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import { getTrad } from '../utils/translations';

interface Webhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

const PERMISSIONS = {
  read: [{ action: 'admin::webhooks.read', subject: null }],
  update: [{ action: 'admin::webhooks.update', subject: null }],
};

/**
 * Settings → Editorial workflow events. Core's webhook form lists only its own events (the list is
 * hard-coded in @strapi/admin); here each webhook can subscribe to the plugin's events: every move
 * (`editorial-workflow.transition`) and every change to public answers (`…cache-purge`, for CDNs).
 * Core's form keeps events it does not show, so editing the webhook there later keeps this one.
 */
const EVENTS = [TRANSITION_EVENT, CACHE_PURGE_EVENT];

const WebhooksSettingsContent = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingRBAC } = useRBAC({
    read: PERMISSIONS.read,
    update: PERMISSIONS.update,
  });
  const [webhooks, setWebhooks] = React.useState<Webhook[] | null>(null);
  const [saving, setSaving] = React.useState<string | number | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    get<{ data: Webhook[] }>('/admin/webhooks').then(
      (res) => live && setWebhooks(res.data.data),
      (e) => live && setError(e?.message ?? String(e))
    );
    return () => {
      live = false;
    };
  }, [get]);

  const toggle = async (webhook: Webhook, event: string, on: boolean) => {
    setSaving(webhook.id);
    const events = on
      ? [...new Set([...webhook.events, event])]
      : webhook.events.filter((e) => e !== event);
    // Shown at once; put back if the server refuses.
    setWebhooks((all) => (all ?? []).map((w) => (w.id === webhook.id ? { ...w, events } : w)));
    try {
      const res = await put<{ data: Webhook }>(`/admin/webhooks/${webhook.id}`, {
        name: webhook.name,
        url: webhook.url,
        headers: webhook.headers ?? {},
        events,
        isEnabled: webhook.isEnabled,
      });
      setWebhooks((all) => (all ?? []).map((w) => (w.id === webhook.id ? res.data.data : w)));
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTrad('webhooks.saved'), defaultMessage: 'Webhook saved.' }),
      });
    } catch (e: any) {
      setWebhooks((all) => (all ?? []).map((w) => (w.id === webhook.id ? webhook : w)));
      toggleNotification({
        type: 'danger',
        message: e?.response?.data?.error?.message ?? e?.message ?? String(e),
      });
    } finally {
      setSaving(null);
    }
  };

  const title = formatMessage({
    id: getTrad('webhooks.title'),
    defaultMessage: 'Editorial workflow events',
  });
  if (loadingRBAC) return <Page.Loading />;
  if (!allowedActions.canRead) return <Page.NoPermissions />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          {
            id: getTrad('webhooks.subtitle'),
            defaultMessage:
              'Choose which webhooks receive {event}, sent after every workflow move, and {purge}, sent after every change to what readers see (its cache tags, for a CDN or a frontend to purge).',
          },
          { event: TRANSITION_EVENT, purge: CACHE_PURGE_EVENT }
        )}
      />
      <Layouts.Content>
        {error ? (
          <Box role="alert" background="danger100" padding={4} hasRadius>
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        ) : !webhooks ? (
          <Loader>
            {formatMessage({ id: getTrad('webhooks.loading'), defaultMessage: 'Loading webhooks' })}
          </Loader>
        ) : webhooks.length === 0 ? (
          <Box background="neutral0" padding={8} hasRadius shadow="tableShadow">
            <Typography textColor="neutral600">
              {formatMessage({
                id: getTrad('webhooks.empty'),
                defaultMessage:
                  'No webhooks yet. Create one in Settings → Webhooks, then choose it here.',
              })}
            </Typography>
          </Box>
        ) : (
          <Table
            colCount={2 + EVENTS.length}
            rowCount={webhooks.length + 1}
            data-testid="ew-webhooks"
          >
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: getTrad('webhooks.col.name'), defaultMessage: 'Webhook' })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: getTrad('webhooks.col.url'), defaultMessage: 'URL' })}
                  </Typography>
                </Th>
                {EVENTS.map((event) => (
                  <Th key={event}>
                    <Typography variant="sigma">{event}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {webhooks.map((webhook) => (
                <Tr key={webhook.id}>
                  <Td>
                    <Typography fontWeight="semiBold">{webhook.name}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{webhook.url}</Typography>
                  </Td>
                  {EVENTS.map((event) => (
                    <Td key={event}>
                      <Flex gap={2}>
                        <Checkbox
                          aria-label={formatMessage(
                            {
                              id: getTrad('webhooks.toggle'),
                              defaultMessage: 'Send {event} to {name}',
                            },
                            { event, name: webhook.name }
                          )}
                          checked={webhook.events.includes(event)}
                          disabled={!allowedActions.canUpdate || saving === webhook.id}
                          onCheckedChange={(checked) => toggle(webhook, event, checked === true)}
                        />
                      </Flex>
                    </Td>
                  ))}
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export const WebhooksSettings = () => (
  <PluginErrorBoundary where="webhook settings">
    <WebhooksSettingsContent />
  </PluginErrorBoundary>
);

export default WebhooksSettings;
