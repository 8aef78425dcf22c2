import { Typography } from '@strapi/design-system';
import { ASSIGNEE_FIELD } from '../../../shared/assignment';
import { STAGE_FIELD } from '../../../shared/contracts';
import { useGetWorkflowQuery } from '../api';
import { useGetAssigneesQuery } from '../api-assign';
import { insertAfterMainField } from '../utils/columns';
import { knownManaged, uidFromLocation } from '../utils/managed';
import { getTrad } from '../utils/translations';
import { PluginErrorBoundary } from './ErrorBoundary';

/**
 * The row's own assignee copy (an admin user id), named from the stage's eligible reviewers: one
 * request per stage for the whole page, cached, none per row.
 */
const AssigneeCell = ({ assigneeId, stageId }: { assigneeId: unknown; stageId: unknown }) => {
  const { data: workflow } = useGetWorkflowQuery();
  const takes =
    typeof stageId === 'string' && workflow?.stages.find((s) => s.id === stageId)?.assignTo;
  const { data } = useGetAssigneesQuery(
    { stage: String(stageId) },
    { skip: !takes || typeof assigneeId !== 'number' }
  );
  if (typeof assigneeId !== 'number') return <Typography textColor="neutral600">-</Typography>;
  const name = data?.users.find((u) => u.id === assigneeId)?.name ?? `#${assigneeId}`;
  return <Typography data-testid="ew-list-assignee">{name}</Typography>;
};

const ASSIGNEE_COLUMN = {
  name: ASSIGNEE_FIELD,
  attribute: { type: 'integer' },
  label: { id: getTrad('list.column.assignee'), defaultMessage: 'Assignee' },
  searchable: false,
  sortable: false,
  cellFormatter: (row: Record<string, unknown>) => (
    <PluginErrorBoundary where="assignee column" message="-">
      <AssigneeCell assigneeId={row[ASSIGNEE_FIELD]} stageId={row[STAGE_FIELD]} />
    </PluginErrorBoundary>
  ),
};

type Header = { name: string };
type ListLayout = { settings?: { mainField?: string } };

/** `Admin/CM/pages/ListView/inject-column-in-table`: an Assignee column right after the Stage column. */
export const addAssigneeColumn = ({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: Header[];
  layout: ListLayout;
}) => {
  const uid = uidFromLocation();
  const managed = knownManaged();
  if (managed && (!uid || !managed.includes(uid))) return { displayedHeaders, layout };
  if (displayedHeaders.some((h) => h.name === ASSIGNEE_FIELD)) return { displayedHeaders, layout };
  const stageAt = displayedHeaders.findIndex((h) => h.name === STAGE_FIELD);
  const headers =
    stageAt >= 0
      ? [
          ...displayedHeaders.slice(0, stageAt + 1),
          ASSIGNEE_COLUMN,
          ...displayedHeaders.slice(stageAt + 1),
        ]
      : insertAfterMainField(displayedHeaders, ASSIGNEE_COLUMN, layout?.settings?.mainField);
  return { displayedHeaders: headers, layout };
};
