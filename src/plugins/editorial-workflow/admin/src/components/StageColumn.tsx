import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StageRow } from '../api';
import { useGetWorkflowQuery } from '../api';
import { knownManaged, rememberManaged, uidFromLocation } from '../utils/managed';
import { loadStage } from '../utils/stages';
import { getTrad } from '../utils/translations';
import { PluginErrorBoundary } from './ErrorBoundary';
import { StageBadge } from './StageBadge';

const StageCell = ({ documentId, locale, model }: { documentId: string; locale?: string; model: string }) => {
  const { formatMessage } = useIntl();
  const { data: workflow } = useGetWorkflowQuery();
  const [row, setRow] = React.useState<StageRow | null | undefined>(undefined);
  const managed = workflow?.contentTypes.includes(model);

  React.useEffect(() => {
    if (workflow) rememberManaged(workflow.contentTypes);
  }, [workflow]);

  React.useEffect(() => {
    if (!managed) return;
    let live = true;
    loadStage(model, locale, documentId).then(
      (r) => live && setRow(r),
      () => live && setRow(null)
    );
    return () => {
      live = false;
    };
  }, [managed, model, locale, documentId]);

  if (!managed || row === undefined) return <Typography textColor="neutral600">-</Typography>;
  if (row === null) return <Typography textColor="neutral600">-</Typography>;
  const stage = workflow?.stages.find((s) => s.id === row.stage);
  return (
    <StageBadge
      stageId={row.stage}
      stage={stage ? { ...stage, name: formatMessage({ id: getTrad(`stage.${stage.id}`), defaultMessage: stage.name }) } : undefined}
    />
  );
};

const STAGE_COLUMN = {
  name: 'editorial-workflow_stage',
  attribute: { type: 'string' },
  label: { id: getTrad('list.column.stage'), defaultMessage: 'Stage' },
  searchable: false,
  sortable: false,
  cellFormatter: (row: { documentId: string; locale?: string }, _header: unknown, { model }: { model: string }) => (
    <PluginErrorBoundary where="stage column" message="-">
      <StageCell documentId={row.documentId} locale={row.locale ?? undefined} model={model} />
    </PluginErrorBoundary>
  ),
};

/** `Admin/CM/pages/ListView/inject-column-in-table`: a Stage column on workflow-managed types. */
export const addStageColumn = ({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: unknown }) => {
  const uid = uidFromLocation();
  const managed = knownManaged();
  // Unknown definition (first visit): add it; the cell shows "-" on a type the workflow does not manage.
  if (managed && (!uid || !managed.includes(uid))) return { displayedHeaders, layout };
  return { displayedHeaders: [...displayedHeaders, STAGE_COLUMN], layout };
};
