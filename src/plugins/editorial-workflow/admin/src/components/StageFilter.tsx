import * as React from 'react';
import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { STAGE_FIELD } from '../../../shared/contracts';
import { useGetWorkflowQuery } from '../api';
import { rememberManaged } from '../utils/managed';
import { PluginErrorBoundary } from './ErrorBoundary';
import { getTrad } from '../utils/translations';

type Condition = Record<string, unknown>;
type ListQuery = { filters?: { $and?: Condition[] }; page?: string | number };

const isOurs = (c: Condition) => Boolean(c && typeof c === 'object' && STAGE_FIELD in c);
const stageOf = (c: Condition | undefined) => {
  const eq = (c?.[STAGE_FIELD] as { $eq?: unknown } | undefined)?.$eq;
  return typeof eq === 'string' ? eq : '';
};

/**
 * The list view's stage filter (listView.actions): a plain Content Manager filter on the document's
 * own stage copy, `filters.$and[…] = { editorialStage: { $eq: '<stage id>' } }`, beside the other
 * conditions; "all" removes it. The URL is the only state, so the CM's own filter bar and the back
 * button stay in step with it.
 */
const StageFilterSelect = () => {
  const { formatMessage } = useIntl();
  const { slug: uid = '' } = useParams<{ slug: string }>();
  const { data: workflow } = useGetWorkflowQuery();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const conditions = (Array.isArray(query.filters?.$and) ? query.filters.$and : []) as Condition[];
  const selected = stageOf(conditions.find(isOurs));

  React.useEffect(() => {
    if (workflow) rememberManaged(workflow.contentTypes);
  }, [workflow]);

  if (!workflow?.contentTypes.includes(uid)) return null;

  const apply = (value: string) => {
    const others = conditions.filter((c) => !isOurs(c));
    const next = value ? [...others, { [STAGE_FIELD]: { $eq: value } }] : others;
    setQuery({ page: 1, filters: next.length ? { $and: next } : undefined } as ListQuery);
  };

  return (
    <SingleSelect
      size="S"
      aria-label={formatMessage({
        id: getTrad('list.filter.label'),
        defaultMessage: 'Filter by workflow stage',
      })}
      value={selected}
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
