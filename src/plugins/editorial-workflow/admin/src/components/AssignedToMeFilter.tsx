import { Button } from '@strapi/design-system';
import { useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { ASSIGNEE_FIELD } from '../../../shared/assignment';
import { useGetWorkflowQuery } from '../api';
import { useGetAssigneesQuery } from '../api-assign';
import { getTrad } from '../utils/translations';
import { PluginErrorBoundary } from './ErrorBoundary';

type Condition = Record<string, unknown>;
type ListQuery = { filters?: { $and?: Condition[] }; page?: string | number };

const isOurs = (c: Condition) => Boolean(c && typeof c === 'object' && ASSIGNEE_FIELD in c);

/**
 * "Assigned to me" beside the stage filter: a plain Content Manager filter on the document's own
 * assignee copy, `filters.$and[…] = { editorialAssignee: { $eq: <my id> } }`; pressed again, removed.
 */
const AssignedToMeButton = () => {
  const { formatMessage } = useIntl();
  const { slug: uid = '' } = useParams<{ slug: string }>();
  const { data: workflow } = useGetWorkflowQuery();
  const stage = workflow?.stages.find((s) => s.assignTo)?.id;
  // The first stage that takes assignees answers who "me" is.
  const { data: who } = useGetAssigneesQuery({ stage }, { skip: !stage });
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  if (!workflow?.contentTypes.includes(uid) || !stage || who?.me == null) return null;
  const conditions = (Array.isArray(query.filters?.$and) ? query.filters.$and : []) as Condition[];
  const active = conditions.some(isOurs);
  const toggle = () => {
    const others = conditions.filter((c) => !isOurs(c));
    const next = active ? others : [...others, { [ASSIGNEE_FIELD]: { $eq: who.me } }];
    setQuery({ page: 1, filters: next.length ? { $and: next } : undefined } as ListQuery);
  };
  return (
    <Button
      size="S"
      variant={active ? 'default' : 'tertiary'}
      aria-pressed={active}
      onClick={toggle}
      data-testid="ew-assigned-to-me"
    >
      {formatMessage({ id: getTrad('list.filter.assignedToMe'), defaultMessage: 'Assigned to me' })}
    </Button>
  );
};

export const AssignedToMeFilter = () => (
  <PluginErrorBoundary where="assigned-to-me filter">
    <AssignedToMeButton />
  </PluginErrorBoundary>
);
