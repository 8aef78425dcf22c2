import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { Actor } from '../../../shared/contracts';
import {
  asApiError,
  useGetWorkflowLocalesQuery,
  useGetQueueQuery,
  useGetWorkflowQuery,
} from '../api';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import { StageBadge } from '../components/StageBadge';
import { formatDateTime, formatElapsed } from '../utils/time';
import { getTrad } from '../utils/translations';

type QueueQuery = {
  stage?: string;
  locale?: string;
  page?: string;
  pageSize?: string;
  assigned?: string;
  sort?: string;
};
const PAGE_SIZE_OPTIONS = ['10', '25', '50', '100'];

const editViewPath = (uid: string, documentId: string, locale?: string) =>
  `/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : ''}`;

const actorName = (actor: Actor | null) => actor?.name ?? '—';

const QueuePageContent = () => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const [{ query }, setQuery] = useQueryParams<QueueQuery>();
  const { data: workflow } = useGetWorkflowQuery();
  const { data: locales } = useGetWorkflowLocalesQuery();
  const defaultStage = workflow?.stages.find((s) => !s.initial && !s.publishes)?.id ?? 'fact_check';
  const stage = query.stage || defaultStage;
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = PAGE_SIZE_OPTIONS.includes(String(query.pageSize)) ? Number(query.pageSize) : 25;
  const { data, isLoading, isFetching, error } = useGetQueueQuery(
    {
      stage,
      locale: query.locale || undefined,
      page,
      pageSize,
      assigned: query.assigned === 'me' || query.assigned === 'none' ? query.assigned : undefined,
      sort: query.sort === 'newest' ? 'newest' : undefined,
    },
    { refetchOnMountOrArgChange: true }
  );
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);

  const stageLabel = (id: string) =>
    formatMessage({
      id: getTrad(`stage.${id}`),
      defaultMessage: workflow?.stages.find((s) => s.id === id)?.name ?? id,
    });
  const title = formatMessage({ id: getTrad('queue.title'), defaultMessage: 'Fact-check queue' });
  const pagination = data?.meta.pagination;
  const items = data?.data ?? [];
  const err = asApiError(error);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          {
            id: getTrad('queue.subtitle'),
            defaultMessage: 'Stories waiting in {stage}, the longest-waiting first',
          },
          { stage: stageLabel(stage) }
        )}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
          <Box minWidth="200px">
            <SingleSelect
              aria-label={formatMessage({
                id: getTrad('queue.filter.stage'),
                defaultMessage: 'Stage',
              })}
              value={stage}
              onChange={(value) => setQuery({ stage: String(value), page: '1' })}
              data-testid="ew-queue-stage"
            >
              {(workflow?.stages ?? []).map((s) => (
                <SingleSelectOption key={s.id} value={s.id}>
                  {formatMessage(
                    { id: getTrad('list.filter.option'), defaultMessage: 'Stage: {stage}' },
                    { stage: stageLabel(s.id) }
                  )}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="200px">
            <SingleSelect
              aria-label={formatMessage({
                id: getTrad('queue.filter.locale'),
                defaultMessage: 'Locale',
              })}
              value={query.locale ?? ''}
              onChange={(value) =>
                setQuery({ locale: String(value ?? '') || undefined, page: '1' })
              }
              data-testid="ew-queue-locale"
            >
              <SingleSelectOption value="">
                {formatMessage({
                  id: getTrad('queue.filter.allLocales'),
                  defaultMessage: 'All locales',
                })}
              </SingleSelectOption>
              {(locales ?? []).map((l) => (
                <SingleSelectOption key={l.code} value={l.code}>
                  {l.name || l.code}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="180px">
            <SingleSelect
              aria-label={formatMessage({
                id: getTrad('queue.filter.assigned'),
                defaultMessage: 'Assigned',
              })}
              value={query.assigned ?? ''}
              onChange={(value) =>
                setQuery({ assigned: String(value ?? '') || undefined, page: '1' })
              }
              data-testid="ew-queue-assigned"
            >
              <SingleSelectOption value="">
                {formatMessage({
                  id: getTrad('queue.filter.assigned.all'),
                  defaultMessage: "Everyone's",
                })}
              </SingleSelectOption>
              <SingleSelectOption value="me">
                {formatMessage({
                  id: getTrad('queue.filter.assigned.me'),
                  defaultMessage: 'Assigned to me',
                })}
              </SingleSelectOption>
              <SingleSelectOption value="none">
                {formatMessage({
                  id: getTrad('queue.filter.assigned.none'),
                  defaultMessage: 'Unassigned',
                })}
              </SingleSelectOption>
            </SingleSelect>
          </Box>
          <Box minWidth="180px">
            <SingleSelect
              aria-label={formatMessage({ id: getTrad('queue.sort'), defaultMessage: 'Sort' })}
              value={query.sort === 'newest' ? 'newest' : 'waiting'}
              onChange={(value) =>
                setQuery({ sort: value === 'newest' ? 'newest' : undefined, page: '1' })
              }
              data-testid="ew-queue-sort"
            >
              <SingleSelectOption value="waiting">
                {formatMessage({
                  id: getTrad('queue.sort.waiting'),
                  defaultMessage: 'Waiting longest',
                })}
              </SingleSelectOption>
              <SingleSelectOption value="newest">
                {formatMessage({
                  id: getTrad('queue.sort.newest'),
                  defaultMessage: 'Newest first',
                })}
              </SingleSelectOption>
            </SingleSelect>
          </Box>
          {isFetching ? (
            <Loader small>
              {formatMessage({ id: getTrad('queue.loading'), defaultMessage: 'Loading the queue' })}
            </Loader>
          ) : null}
        </Flex>

        {err ? (
          <Box role="alert" background="danger100" padding={4} hasRadius>
            <Typography textColor="danger700">{err.message}</Typography>
          </Box>
        ) : isLoading ? (
          <Loader>
            {formatMessage({ id: getTrad('queue.loading'), defaultMessage: 'Loading the queue' })}
          </Loader>
        ) : items.length === 0 ? (
          <Box background="neutral0" padding={8} hasRadius shadow="tableShadow">
            <Typography textColor="neutral600" data-testid="ew-queue-empty">
              {formatMessage({
                id: getTrad('queue.empty'),
                defaultMessage: 'Nothing is waiting here.',
              })}
            </Typography>
          </Box>
        ) : (
          <Table colCount={7} rowCount={items.length + 1} data-testid="ew-queue">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: getTrad('queue.col.title'), defaultMessage: 'Story' })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: getTrad('queue.col.stage'), defaultMessage: 'Stage' })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({
                      id: getTrad('queue.col.waiting'),
                      defaultMessage: 'Time in stage',
                    })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({
                      id: getTrad('queue.col.submittedBy'),
                      defaultMessage: 'Submitted by',
                    })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({
                      id: getTrad('queue.col.lastActor'),
                      defaultMessage: 'Last move by',
                    })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({
                      id: getTrad('queue.col.assignee'),
                      defaultMessage: 'Assignee',
                    })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: getTrad('queue.col.locale'), defaultMessage: 'Locale' })}
                  </Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((item) => {
                const s = workflow?.stages.find((x) => x.id === item.stage);
                return (
                  <Tr key={`${item.uid}|${item.documentId}|${item.locale}`}>
                    <Td>
                      <Link
                        tag={RouterLink}
                        to={editViewPath(item.uid, item.documentId, item.locale)}
                      >
                        {item.title ||
                          formatMessage(
                            {
                              id: getTrad('queue.untitled'),
                              defaultMessage: 'Untitled ({documentId})',
                            },
                            { documentId: item.documentId }
                          )}
                      </Link>
                    </Td>
                    <Td>
                      <StageBadge
                        stageId={item.stage}
                        stage={s ? { ...s, name: stageLabel(s.id) } : undefined}
                        publishAt={item.publishAt}
                      />
                    </Td>
                    <Td>
                      <Flex gap={2} alignItems="center">
                        <Typography title={formatDateTime(intl, item.enteredStageAt)}>
                          {formatElapsed(intl, item.enteredStageAt, now)}
                        </Typography>
                        {item.overdue ? (
                          <Badge
                            backgroundColor="danger100"
                            textColor="danger700"
                            data-testid="ew-overdue"
                            title={formatMessage(
                              {
                                id: getTrad('queue.overdue.title'),
                                defaultMessage:
                                  "Waiting longer than the stage's {hours, plural, one {# hour} other {# hours}} SLA",
                              },
                              { hours: item.slaHours ?? 0 }
                            )}
                          >
                            {formatMessage({
                              id: getTrad('queue.overdue'),
                              defaultMessage: 'Overdue',
                            })}
                          </Badge>
                        ) : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{actorName(item.submittedBy)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{actorName(item.lastActor)}</Typography>
                    </Td>
                    <Td>
                      <Typography data-testid="ew-queue-assignee">
                        {item.assignee?.name ?? '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{item.locale || '—'}</Typography>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}

        {pagination && pagination.total > 0 ? (
          <Flex justifyContent="space-between" paddingTop={4} gap={4} wrap="wrap">
            <Flex gap={2} alignItems="center">
              <Box minWidth="80px">
                <SingleSelect
                  size="S"
                  aria-label={formatMessage({
                    id: getTrad('queue.pageSize'),
                    defaultMessage: 'Entries per page',
                  })}
                  value={String(pageSize)}
                  onChange={(value) => setQuery({ pageSize: String(value), page: '1' })}
                >
                  {PAGE_SIZE_OPTIONS.map((n) => (
                    <SingleSelectOption key={n} value={n}>
                      {n}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Box>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(
                  {
                    id: getTrad('queue.total'),
                    defaultMessage: '{total, plural, one {# story} other {# stories}}',
                  },
                  { total: pagination.total }
                )}
              </Typography>
            </Flex>
            <Flex
              gap={2}
              alignItems="center"
              tag="nav"
              aria-label={formatMessage({
                id: getTrad('queue.pagination'),
                defaultMessage: 'Queue pages',
              })}
            >
              <Button
                variant="tertiary"
                size="S"
                disabled={page <= 1}
                onClick={() => setQuery({ page: String(page - 1) })}
              >
                {formatMessage({ id: getTrad('queue.previous'), defaultMessage: 'Previous page' })}
              </Button>
              <Typography variant="pi" aria-live="polite">
                {formatMessage(
                  { id: getTrad('queue.pageOf'), defaultMessage: 'Page {page} of {pageCount}' },
                  { page: pagination.page, pageCount: Math.max(1, pagination.pageCount) }
                )}
              </Typography>
              <Button
                variant="tertiary"
                size="S"
                disabled={page >= pagination.pageCount}
                onClick={() => setQuery({ page: String(page + 1) })}
              >
                {formatMessage({ id: getTrad('queue.next'), defaultMessage: 'Next page' })}
              </Button>
            </Flex>
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};

export const QueuePage = () => (
  <PluginErrorBoundary where="fact-check queue">
    <QueuePageContent />
  </PluginErrorBoundary>
);

export default QueuePage;
