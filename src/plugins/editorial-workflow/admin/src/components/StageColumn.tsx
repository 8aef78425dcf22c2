import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { STAGE_FIELD } from '../../../shared/contracts';
import { useGetPublishAtQuery, useGetWorkflowQuery } from '../api';
import { insertAfterMainField } from '../utils/columns';
import { knownManaged, uidFromLocation } from '../utils/managed';
import { getTrad } from '../utils/translations';
import { PluginErrorBoundary } from './ErrorBoundary';
import { StageBadge } from './StageBadge';

/**
 * The row's own stage copy: the list view's request brought it, no request per row. A scheduled
 * row (only those) asks for its time.
 */
const StageCell = ({ stageId, row }: { stageId: unknown; row?: Record<string, unknown> }) => {
  const { formatMessage } = useIntl();
  const { data: workflow } = useGetWorkflowQuery();
  const stage =
    typeof stageId === 'string' ? workflow?.stages.find((s) => s.id === stageId) : undefined;
  const uid = uidFromLocation();
  const documentId = typeof row?.documentId === 'string' ? row.documentId : null;
  const { data: publishAt } = useGetPublishAtQuery(
    {
      uid: uid ?? '',
      documentId: documentId ?? '',
      locale: typeof row?.locale === 'string' ? row.locale : undefined,
    },
    { skip: !stage?.schedules || !uid || !documentId }
  );
  if (typeof stageId !== 'string' || !stageId)
    return <Typography textColor="neutral600">-</Typography>;
  return (
    <StageBadge
      stageId={stageId}
      publishAt={stage?.schedules ? publishAt : null}
      stage={
        stage
          ? {
              ...stage,
              name: formatMessage({ id: getTrad(`stage.${stage.id}`), defaultMessage: stage.name }),
            }
          : undefined
      }
    />
  );
};

// Named after the attribute, so that the header sorts with `sort=editorialStage:ASC` (by stage id).
const STAGE_COLUMN = {
  name: STAGE_FIELD,
  attribute: { type: 'string' },
  label: { id: getTrad('list.column.stage'), defaultMessage: 'Stage' },
  searchable: false,
  sortable: true,
  cellFormatter: (row: Record<string, unknown>) => (
    <PluginErrorBoundary where="stage column" message="-">
      <StageCell stageId={row[STAGE_FIELD]} row={row} />
    </PluginErrorBoundary>
  ),
};

type Header = { name: string };
type ListLayout = { settings?: { mainField?: string } };

/** `Admin/CM/pages/ListView/inject-column-in-table`: a Stage column on workflow-managed types. */
export const addStageColumn = ({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: Header[];
  layout: ListLayout;
}) => {
  const uid = uidFromLocation();
  const managed = knownManaged();
  // Unknown definition (first visit): add it; the cell shows "-" on a type without the stage copy.
  if (managed && (!uid || !managed.includes(uid))) return { displayedHeaders, layout };
  return {
    displayedHeaders: insertAfterMainField(
      displayedHeaders,
      STAGE_COLUMN,
      layout?.settings?.mainField
    ),
    layout,
  };
};
