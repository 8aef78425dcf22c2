import * as React from 'react';
import {
  Box,
  Button,
  Dialog,
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
import { ArrowClockwise, Trash, WarningCircle } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CACHE_PURGE_ACTION, CACHE_READ_ACTION, type CacheStats } from '../../../shared/contracts';
import { asApiError, useGetCacheStatsQuery, usePurgeCacheMutation } from '../api';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import { FigureCard } from '../components/FigureCard';
import { formatBytes, formatRatio, formatShareOfLimit } from '../utils/cache-stats';
import { formatDateTime } from '../utils/time';
import { getTrad } from '../utils/translations';

// Core's useRBAC names each answer after the action's last segment: canCacheRead, canCachePurge.
const PERMISSIONS = [
  { action: CACHE_READ_ACTION, subject: null },
  { action: CACHE_PURGE_ACTION, subject: null },
];

const COUNTERS = [
  ['hits', 'Hits (served from memory)'],
  ['misses', 'Misses (read from the database, then kept)'],
  ['bypasses', 'Bypasses (requests with credentials: never cached)'],
  ['stores', 'Answers stored'],
  ['refused', 'Stores refused (the content changed while it was read)'],
  ['evictions', 'Evictions (changes, the size limit, purges)'],
  ['invalidations', 'Invalidations announced by changes'],
] as const satisfies readonly (readonly [keyof CacheStats, string])[];

const SYNC_LABELS: Record<CacheStats['sync'], string> = {
  listening: 'PostgreSQL LISTEN: listening',
  reconnecting: 'PostgreSQL LISTEN: reconnecting (nothing is served from the cache meanwhile)',
  local: 'This process only (SQLite)',
};

/**
 * Settings → Response cache: what the publish-aware cache of public reads holds in this server
 * process, how often it answers, and (with `cache-purge`) a purge of every process's cache.
 */
const CacheSettingsContent = () => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingRBAC } = useRBAC(PERMISSIONS);
  const {
    data: stats,
    error,
    isLoading,
    isFetching,
    refetch,
  } = useGetCacheStatsQuery(undefined, {
    skip: !allowedActions.canCacheRead,
    refetchOnMountOrArgChange: true,
  });
  const [purge, { isLoading: purging }] = usePurgeCacheMutation();
  const [confirming, setConfirming] = React.useState(false);

  const t = (key: string, defaultMessage: string, values?: Record<string, React.ReactNode>) =>
    formatMessage({ id: getTrad(`cache.${key}`), defaultMessage }, values) as string;

  const onPurge = async () => {
    const result = await purge();
    setConfirming(false);
    if ('error' in result) {
      toggleNotification({
        type: 'danger',
        message:
          asApiError(result.error)?.message ?? t('purge.failed', 'The cache could not be purged.'),
      });
      return;
    }
    toggleNotification({
      type: 'success',
      message: t(
        'purge.done',
        'Cache purged on every server process ({count, plural, =0 {this one was empty} one {# answer removed here} other {# answers removed here}}).',
        { count: result.data.removed }
      ),
    });
  };

  const title = t('title', 'Response cache');
  if (loadingRBAC) return <Page.Loading />;
  if (!allowedActions.canCacheRead) return <Page.NoPermissions />;

  const err = asApiError(error);
  const ratio = stats ? formatRatio(stats.hitRatio, intl.locale) : null;
  const number = (n: number) => intl.formatNumber(n);

  const purgeButton =
    allowedActions.canCachePurge && stats ? (
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Trigger>
          <Button variant="danger-light" startIcon={<Trash />} disabled={!stats.enabled || purging}>
            {t('purge', 'Purge the cache')}
          </Button>
        </Dialog.Trigger>
        <Dialog.Content>
          <Dialog.Header>{t('purge.confirm.title', 'Purge the response cache?')}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="danger600" />}>
            {t(
              'purge.confirm.body',
              'Every server process drops every cached answer; the next reads go to the database. Nothing readers see changes: the cache never serves an outdated story.'
            )}
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary" fullWidth>
                {t('purge.confirm.cancel', 'Cancel')}
              </Button>
            </Dialog.Cancel>
            <Button variant="danger" fullWidth loading={purging} onClick={onPurge}>
              {t('purge.confirm.action', 'Purge')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'subtitle',
          'Public content-API reads, kept in memory until the workflow changes what they show. Figures of this server process.'
        )}
        primaryAction={purgeButton}
        secondaryAction={
          stats ? (
            <Button
              variant="tertiary"
              startIcon={<ArrowClockwise />}
              onClick={() => refetch()}
              loading={isFetching}
            >
              {t('refresh', 'Refresh')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {err ? (
          <Box
            role="alert"
            background="danger100"
            padding={4}
            hasRadius
            data-testid="ew-cache-error"
          >
            <Typography textColor="danger700">
              {t('error', 'The cache statistics could not be loaded: {message}', {
                message: err.message ?? err.name ?? 'unknown error',
              })}
            </Typography>
          </Box>
        ) : isLoading || !stats ? (
          <Loader>{t('loading', 'Loading the cache statistics')}</Loader>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {!stats.enabled ? (
              <Box background="warning100" padding={4} hasRadius data-testid="ew-cache-off">
                <Typography textColor="warning700">
                  {t(
                    'off',
                    'The response cache is off (RESPONSE_CACHE_ENABLED=false): every public read goes to the database.'
                  )}
                </Typography>
              </Box>
            ) : null}
            <Flex gap={4} wrap="wrap" alignItems="stretch">
              <FigureCard testId="ew-cache-entries" label={t('entries', 'Cached answers')}>
                <Typography variant="beta">{number(stats.entries)}</Typography>
              </FigureCard>
              <FigureCard testId="ew-cache-size" label={t('size', 'Size')}>
                <Typography variant="beta">
                  {t('size.value', '{bytes} of {limit}', {
                    bytes: formatBytes(stats.bytes, intl.locale),
                    limit: formatBytes(stats.maxBytes, intl.locale),
                  })}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t('size.share', '{share} of the limit in use', {
                    share: formatShareOfLimit(stats.bytes, stats.maxBytes, intl.locale),
                  })}
                </Typography>
              </FigureCard>
              <FigureCard testId="ew-cache-ratio" label={t('ratio', 'Hit ratio')}>
                <Typography variant="beta">{ratio ?? t('ratio.none', 'No reads yet')}</Typography>
              </FigureCard>
              <FigureCard testId="ew-cache-sync" label={t('sync', 'Other server processes')}>
                <Typography fontWeight="semiBold">
                  {t(`sync.${stats.sync}`, SYNC_LABELS[stats.sync])}
                </Typography>
              </FigureCard>
            </Flex>
            <Table colCount={2} rowCount={COUNTERS.length + 1} data-testid="ew-cache-counters">
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('col.counter', 'Counter')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('col.since', 'Since {date}', {
                        date: formatDateTime(intl, stats.since),
                      })}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {COUNTERS.map(([key, label]) => (
                  <Tr key={key}>
                    <Td>
                      <Typography>{t(`counter.${key}`, label)}</Typography>
                    </Td>
                    <Td>
                      <Typography fontWeight="semiBold">{number(stats[key] as number)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export const CacheSettings = () => (
  <PluginErrorBoundary where="response cache settings">
    <CacheSettingsContent />
  </PluginErrorBoundary>
);

export default CacheSettings;
