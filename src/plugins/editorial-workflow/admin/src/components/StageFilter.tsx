import * as React from 'react';
import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { getFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import type { Pagination, QueueItem } from '../../../shared/contracts';
import { useGetWorkflowQuery } from '../api';
import { rememberManaged } from '../utils/managed';
import { PluginErrorBoundary } from './ErrorBoundary';
import { getTrad } from '../utils/translations';

type Filters = { $and?: Record<string, unknown>[] };
type ListQuery = { filters?: Filters; page?: string | number; plugins?: { i18n?: { locale?: string } } };

const NONE = '__editorial-workflow-none__';
const MAX_PAGES = 10;
const storageKey = (uid: string) => `editorial-workflow:stage-filter:${uid}`;
const isOurs = (f: Record<string, unknown>) => {
  const d = f.documentId as { $in?: unknown } | undefined;
  return Boolean(d && typeof d === 'object' && Array.isArray(d.$in));
};

/**
 * The list view's stage filter (listView.actions). The stage lives in the workflow's own store, not
 * on the document, so the selection becomes a `documentId $in [...]` filter the Content Manager
 * understands, built from the workflow queue of that stage.
 */
const StageFilterSelect = () => {
  const { formatMessage } = useIntl();
  const { slug: uid = '' } = useParams<{ slug: string }>();
  const { data: workflow } = useGetWorkflowQuery();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const { toggleNotification } = useNotification();
  const [stage, setStage] = React.useState<string>(() => {
    try {
      return window.sessionStorage.getItem(storageKey(uid)) ?? '';
    } catch {
      return '';
    }
  });
  const [busy, setBusy] = React.useState(false);
  const locale = query.plugins?.i18n?.locale;
  const conditions = (query.filters?.$and ?? []) as Record<string, unknown>[];
  const active = conditions.some(isOurs);

  React.useEffect(() => {
    if (workflow) rememberManaged(workflow.contentTypes);
  }, [workflow]);

  // The filter was removed from the CM's filter bar: forget the selection.
  React.useEffect(() => {
    if (!active && stage && !busy) {
      setStage('');
      try {
        window.sessionStorage.removeItem(storageKey(uid));
      } catch {
        /* ignore */
      }
    }
  }, [active, stage, busy, uid]);

  if (!workflow?.contentTypes.includes(uid)) return null;

  const apply = async (value: string) => {
    setBusy(true);
    try {
      const others = conditions.filter((c) => !isOurs(c));
      if (!value) {
        setStage('');
        window.sessionStorage.removeItem(storageKey(uid));
        setQuery({ page: 1, filters: others.length ? { $and: others } : undefined } as ListQuery);
        return;
      }
      const { get } = getFetchClient();
      const ids: string[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await get<{ data: QueueItem[]; meta: { pagination: Pagination } }>('/editorial-workflow/queue', {
          params: { stage: value, uid, pageSize: 100, page, ...(locale ? { locale } : {}) },
        });
        ids.push(...res.data.data.map((item) => item.documentId));
        if (page >= res.data.meta.pagination.pageCount) break;
      }
      setStage(value);
      window.sessionStorage.setItem(storageKey(uid), value);
      setQuery({ page: 1, filters: { $and: [...others, { documentId: { $in: ids.length ? ids : [NONE] } }] } } as ListQuery);
    } catch (e) {
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: getTrad('list.filter.error'), defaultMessage: 'Could not load the stage filter.' }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SingleSelect
      size="S"
      aria-label={formatMessage({ id: getTrad('list.filter.label'), defaultMessage: 'Filter by workflow stage' })}
      value={active ? stage : ''}
      disabled={busy}
      onChange={(value) => apply(String(value ?? ''))}
      data-testid="ew-stage-filter"
    >
      <SingleSelectOption value="">
        {formatMessage({ id: getTrad('list.filter.all'), defaultMessage: 'Stage: all' })}
      </SingleSelectOption>
      {workflow.stages.map((s) => (
        <SingleSelectOption key={s.id} value={s.id}>
          {formatMessage(
            { id: getTrad('list.filter.option'), defaultMessage: 'Stage: {stage}' },
            { stage: formatMessage({ id: getTrad(`stage.${s.id}`), defaultMessage: s.name }) }
          )}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};

export const StageFilter = () => (
  <PluginErrorBoundary where="stage filter">
    <StageFilterSelect />
  </PluginErrorBoundary>
);
