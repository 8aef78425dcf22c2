import * as React from 'react';
import { Typography } from '@strapi/design-system';
import type {
  BulkActionComponent,
  BulkActionComponentProps,
  DocumentActionComponent,
  DocumentActionProps,
} from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/contracts';
import { useGetContentTypeSchemasQuery, useGetWorkflowQuery } from '../api';
import { getTrad } from '../utils/translations';

const hasValue = (value: unknown) => {
  if (!value) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const v = value as { count?: number; documentId?: string; id?: number; connect?: unknown[] };
    if (typeof v.count === 'number') return v.count > 0;
    return Boolean(v.documentId ?? v.id);
  }
  return false;
};

/**
 * Publishing of a workflow-managed document goes through the workflow only; so does publishing of
 * a document linked to one (an article's quote goes live with its article). `undefined` while the
 * definitions load: the gated action stays hidden until it is known to be allowed.
 */
const usePublishingIsWorkflowOwned = (
  model: string,
  document?: Record<string, unknown>
): boolean | undefined => {
  const { data: workflow, isError } = useGetWorkflowQuery();
  const managed = workflow?.contentTypes.includes(model);
  const { data: schemas, isError: schemasError } = useGetContentTypeSchemasQuery(undefined, {
    skip: !workflow || managed,
  });
  if (isError) return false;
  if (!workflow) return undefined;
  if (managed) return true;
  if (schemasError) return false;
  if (!schemas) return undefined;
  const schema = schemas.find((s) => s.uid === model);
  if (!schema || !document) return false;
  return Object.entries(schema.attributes).some(
    ([name, attr]) =>
      attr.type === 'relation' &&
      attr.target &&
      workflow.contentTypes.includes(attr.target) &&
      hasValue(document[name])
  );
};

const GATED_TYPES = ['publish', 'unpublish'];
// i18n's "Publish multiple locales" / "Unpublish multiple locales" carry no static type: known by their label.
const I18N_BULK_LABELS = [
  'i18n.CMEditViewBulkLocale.publish-title',
  'i18n.CMEditViewBulkLocale.unpublish-title',
];

/**
 * Wraps a Content Manager document action: Publish, Unpublish and i18n's bulk-locale publishing are
 * dropped where the workflow owns publishing. The original always runs (hooks keep their order).
 */
export const gateDocumentAction = (Action: DocumentActionComponent): DocumentActionComponent => {
  const Gated: DocumentActionComponent = (props: DocumentActionProps) => {
    const { formatMessage } = useIntl();
    const owned = usePublishingIsWorkflowOwned(
      props.model,
      props.document as Record<string, unknown> | undefined
    );
    const description = Action(props);
    if (!description) return description;
    const publishing =
      GATED_TYPES.includes(String(Action.type)) ||
      GATED_TYPES.includes(String(description.type)) ||
      I18N_BULK_LABELS.some(
        (id) => formatMessage({ id, defaultMessage: id }) === description.label
      );
    if (!publishing) return description;
    return owned === false ? description : null;
  };
  Gated.type = Action.type;
  Gated.position = Action.position;
  (Gated as unknown as { __editorialWorkflowGated: boolean }).__editorialWorkflowGated = true;
  Object.defineProperty(Gated, 'name', {
    value: `EditorialWorkflowGated(${Action.name || Action.type})`,
  });
  return Gated;
};

/**
 * Wraps a list-view bulk action. On a workflow-managed type, bulk Publish (core's carries no static
 * type, only `actionType: 'publish'` on what it returns) becomes a button that explains the
 * workflow, and bulk Unpublish goes away. Shown only to whom core would have shown Publish.
 */
export const gateBulkAction = (Action: BulkActionComponent): BulkActionComponent => {
  const Gated: BulkActionComponent = (props: BulkActionComponentProps) => {
    const { formatMessage } = useIntl();
    const navigate = useNavigate();
    const { data: workflow, isError } = useGetWorkflowQuery();
    const description = Action(props);
    if (!description || isError) return description;
    const kind = Action.type ?? (description as { actionType?: string }).actionType;
    if (kind !== 'publish' && kind !== 'unpublish') return description;
    if (!workflow) return null;
    if (!workflow.contentTypes.includes(props.model)) return description;
    if (kind === 'unpublish') return null;
    return {
      variant: 'tertiary',
      label: formatMessage({ id: 'app.utils.publish', defaultMessage: 'Publish' }),
      dialog: {
        type: 'dialog',
        title: formatMessage({
          id: getTrad('bulk.publish.title'),
          defaultMessage: 'Publishing goes through the editorial workflow',
        }),
        content: (
          <Typography tag="p" data-testid="ew-bulk-publish-explanation">
            {formatMessage({
              id: getTrad('bulk.publish.body'),
              defaultMessage:
                'Stories are not published from this list. Submit each story for fact-check from its edit view; it goes live when a fact-checker approves it.',
            })}
          </Typography>
        ),
        confirmLabel: formatMessage({
          id: getTrad('bulk.publish.toQueue'),
          defaultMessage: 'Open the fact-check queue',
        }),
        onConfirm: () => navigate(`/plugins/${PLUGIN_ID}`),
      },
    } as ReturnType<BulkActionComponent>;
  };
  Gated.type = Action.type;
  (Gated as unknown as { __editorialWorkflowGated: boolean }).__editorialWorkflowGated = true;
  return Gated;
};
