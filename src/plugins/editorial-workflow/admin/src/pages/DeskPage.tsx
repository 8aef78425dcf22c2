import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { DESK_DAYS, type DeskDays, type DeskStats } from '../../../shared/desk';
import { asApiError, useGetWorkflowQuery } from '../api';
import { useGetDeskQuery } from '../api-desk';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import { FigureCard } from '../components/FigureCard';
import { barShare, chartGeometry, formatDuration, toPoints } from '../utils/desk';
import { formatDateTime, formatElapsed } from '../utils/time';
import { getTrad } from '../utils/translations';

type T = (key: string, defaultMessage: string, values?: Record<string, React.ReactNode>) => string;

// The design system's light-theme tokens (primary600, warning600, neutral300) as fixed values: the
// plugin's bundle holds its own styled-components, outside the admin's ThemeProvider (useTheme throws).
const CHART_COLOURS = { p50: '#4945ff', p90: '#d9822f', axis: '#dcdce4' };

/** Time in the review stage per day: p50 and p90 lines, with a hidden table for screen readers. */
const Chart = ({ stats, t }: { stats: DeskStats; t: T }) => {
  const g = chartGeometry(stats.series);
  const title = t('chart.title', 'Time in review per day');
  const desc = t(
    'chart.desc',
    'Median (p50) and 90th percentile (p90) of the time stories spent in review, by the day the round ended; the highest value is {max}.',
    { max: formatDuration(g.max) }
  );
  const lines = [
    ['p50', g.p50, CHART_COLOURS.p50],
    ['p90', g.p90, CHART_COLOURS.p90],
  ] as const;
  return (
    <Box
      background="neutral0"
      padding={5}
      hasRadius
      shadow="tableShadow"
      data-testid="ew-desk-chart"
    >
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <svg
        role="img"
        aria-labelledby="ew-desk-chart-title ew-desk-chart-desc"
        viewBox={`0 0 ${g.width} ${g.height}`}
        width="100%"
        style={{ maxWidth: g.width }}
      >
        <title id="ew-desk-chart-title">{title}</title>
        <desc id="ew-desk-chart-desc">{desc}</desc>
        <line
          x1={24}
          x2={g.width - 24}
          y1={g.height - 24}
          y2={g.height - 24}
          stroke={CHART_COLOURS.axis}
        />
        {lines.flatMap(([key, runs, stroke]) =>
          runs.map((run, i) =>
            run.length === 1 ? (
              <circle key={`${key}-${i}`} cx={run[0].x} cy={run[0].y} r={3} fill={stroke} />
            ) : (
              <polyline
                key={`${key}-${i}`}
                points={toPoints(run)}
                fill="none"
                stroke={stroke}
                strokeWidth={2}
              />
            )
          )
        )}
      </svg>
      <Flex gap={4}>
        {lines.map(([key, , stroke]) => (
          <Flex key={key} gap={1} alignItems="center">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={stroke} />
            </svg>
            <Typography variant="pi">{key}</Typography>
          </Flex>
        ))}
      </Flex>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th>{t('chart.day', 'Day')}</th>
              <th>{t('chart.rounds', 'Rounds')}</th>
              <th>p50</th>
              <th>p90</th>
            </tr>
          </thead>
          <tbody>
            {stats.series.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.rounds}</td>
                <td>{formatDuration(d.p50)}</td>
                <td>{formatDuration(d.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
};

const DeskPageContent = () => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const [days, setDays] = React.useState<DeskDays>(7);
  const {
    data: stats,
    error,
    isLoading,
    isFetching,
  } = useGetDeskQuery({ days }, { refetchOnMountOrArgChange: true });
  const { data: workflow } = useGetWorkflowQuery();
  const t: T = (key, defaultMessage, values) =>
    formatMessage({ id: getTrad(`desk.${key}`), defaultMessage }, values) as string;
  const stageLabel = (id: string) =>
    formatMessage({
      id: getTrad(`stage.${id}`),
      defaultMessage: workflow?.stages.find((s) => s.id === id)?.name ?? id,
    });
  const title = t('title', 'Newsroom desk');
  const err = asApiError(error);
  const number = (n: number) => intl.formatNumber(n);

  const toggle = (
    <Flex gap={2} role="group" aria-label={t('days', 'Period')}>
      {DESK_DAYS.map((d) => (
        <Button
          key={d}
          variant={d === days ? 'default' : 'tertiary'}
          aria-pressed={d === days}
          onClick={() => setDays(d)}
          data-testid={`ew-desk-days-${d}`}
        >
          {t('days.option', 'Last {days} days', { days: d })}
        </Button>
      ))}
    </Flex>
  );

  const funnel = stats
    ? ([
        ['submitted', t('funnel.submitted', 'Submitted'), stats.funnel.submitted],
        [
          'changesRequested',
          t('funnel.changesRequested', 'Changes requested'),
          stats.funnel.changesRequested,
        ],
        ['approved', t('funnel.approved', 'Approved'), stats.funnel.approved],
      ] as const)
    : [];
  const counts = funnel.map(([, , n]) => n);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'subtitle',
          'What waits where, how long review takes and who does it, over the last {days} days',
          { days }
        )}
        primaryAction={toggle}
      />
      <Layouts.Content>
        <Box data-testid="ew-desk">
          {isFetching && stats ? <Loader small>{t('loading', 'Loading the desk')}</Loader> : null}
          {err ? (
            <Box
              role="alert"
              background="danger100"
              padding={4}
              hasRadius
              data-testid="ew-desk-error"
            >
              <Typography textColor="danger700">
                {t('error', 'The desk could not be loaded: {message}', {
                  message: err.message ?? err.name ?? 'unknown error',
                })}
              </Typography>
            </Box>
          ) : isLoading || !stats ? (
            <Loader>{t('loading', 'Loading the desk')}</Loader>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Flex gap={4} wrap="wrap" alignItems="stretch">
                <FigureCard testId="ew-desk-waiting" label={t('waiting', 'Waiting now')}>
                  {stats.waiting.length === 0 ? (
                    <Typography>{t('waiting.none', 'Nothing is waiting.')}</Typography>
                  ) : (
                    stats.waiting.map((w) => (
                      <Flex key={w.stage} direction="column" alignItems="flex-start">
                        <Typography fontWeight="semiBold">
                          {t('waiting.stage', '{stage}: {count}', {
                            stage: stageLabel(w.stage),
                            count: number(w.count),
                          })}
                        </Typography>
                        {w.oldestEnteredAt ? (
                          <Typography
                            variant="pi"
                            textColor="neutral600"
                            title={formatDateTime(intl, w.oldestEnteredAt)}
                          >
                            {t('waiting.oldest', 'oldest waiting {elapsed}', {
                              elapsed: formatElapsed(intl, w.oldestEnteredAt),
                            })}
                          </Typography>
                        ) : null}
                      </Flex>
                    ))
                  )}
                </FigureCard>
                <FigureCard testId="ew-desk-median" label={t('median', 'Median time in review')}>
                  <Typography variant="beta">{formatDuration(stats.medianSeconds)}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {t('rounds', '{rounds, plural, one {# round} other {# rounds}}', {
                      rounds: stats.rounds,
                    })}
                  </Typography>
                </FigureCard>
                <FigureCard testId="ew-desk-p90" label={t('p90', '90th percentile in review')}>
                  <Typography variant="beta">{formatDuration(stats.p90Seconds)}</Typography>
                </FigureCard>
                <FigureCard testId="ew-desk-rate" label={t('rate', 'Changes requested rate')}>
                  <Typography variant="beta">
                    {stats.requestChangesRate === null
                      ? '—'
                      : intl.formatNumber(stats.requestChangesRate, {
                          style: 'percent',
                          maximumFractionDigits: 1,
                        })}
                  </Typography>
                </FigureCard>
              </Flex>

              <Chart stats={stats} t={t} />

              <Box
                background="neutral0"
                padding={5}
                hasRadius
                shadow="tableShadow"
                data-testid="ew-desk-funnel"
              >
                <Typography variant="delta" tag="h2">
                  {t('funnel', 'Funnel')}
                </Typography>
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
                  {funnel.map(([key, label, count]) => (
                    <Flex
                      key={key}
                      gap={3}
                      alignItems="center"
                      data-testid={`ew-desk-funnel-${key}`}
                    >
                      <Box minWidth="160px">
                        <Typography>{label}</Typography>
                      </Box>
                      <Box flex="1" background="neutral150" hasRadius>
                        <Box
                          background="primary600"
                          hasRadius
                          height="12px"
                          style={{ width: `${barShare(count, counts)}%` }}
                        />
                      </Box>
                      <Box minWidth="48px">
                        <Typography fontWeight="semiBold">{number(count)}</Typography>
                      </Box>
                    </Flex>
                  ))}
                </Flex>
              </Box>

              <Table
                colCount={3}
                rowCount={stats.checkers.length + 1}
                data-testid="ew-desk-checkers"
              >
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('checkers.name', 'Fact-checker')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {t('checkers.approvals', 'Approvals')}
                      </Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {t('checkers.changesRequested', 'Changes requested')}
                      </Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {stats.checkers.length === 0 ? (
                    <Tr>
                      <Td colSpan={3}>
                        <Typography textColor="neutral600">
                          {t('checkers.none', 'No reviews in this period.')}
                        </Typography>
                      </Td>
                    </Tr>
                  ) : (
                    stats.checkers.map((c) => (
                      <Tr key={`${c.id ?? 'none'}-${c.name}`}>
                        <Td>
                          <Typography>{c.name}</Typography>
                        </Td>
                        <Td>
                          <Typography>{number(c.approvals)}</Typography>
                        </Td>
                        <Td>
                          <Typography>{number(c.changesRequested)}</Typography>
                        </Td>
                      </Tr>
                    ))
                  )}
                </Tbody>
              </Table>
            </Flex>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export const DeskPage = () => (
  <PluginErrorBoundary where="newsroom desk">
    <DeskPageContent />
  </PluginErrorBoundary>
);

export default DeskPage;
