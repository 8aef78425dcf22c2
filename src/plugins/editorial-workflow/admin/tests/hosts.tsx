// Stand-ins for the Content Manager's renderers of plugin descriptions (core's
// DescriptionComponentRenderer calls each description function as a hook inside its own component,
// then renders what it returned). Here: a panel as a labelled region, document and bulk actions as
// buttons, a bulk action's dialog as a dialog with its confirm button.
import * as React from 'react';
import type {
  BulkActionComponent,
  BulkActionComponentProps,
  DocumentActionComponent,
  DocumentActionProps,
  PanelComponent,
  PanelComponentProps,
} from '@strapi/content-manager/strapi-admin';

export const PanelHost = ({
  panel,
  ...props
}: { panel: PanelComponent } & Partial<PanelComponentProps>) => {
  const description = panel({
    activeTab: 'draft',
    collectionType: 'collection-types',
    model: '',
    ...props,
  } as PanelComponentProps);
  if (!description) return null;
  return (
    <section aria-label={description.title}>
      <h2>{description.title}</h2>
      {description.content}
    </section>
  );
};

const DocumentAction = ({
  action,
  props,
}: {
  action: DocumentActionComponent;
  props: DocumentActionProps;
}) => {
  const description = action(props);
  if (!description) return null;
  return (
    <button
      type="button"
      disabled={description.disabled}
      onClick={() => description.onClick?.(undefined as never)}
    >
      {description.label}
    </button>
  );
};

export const DocumentActionsHost = ({
  actions,
  ...props
}: { actions: DocumentActionComponent[] } & Partial<DocumentActionProps>) => {
  const full = {
    activeTab: 'draft',
    collectionType: 'collection-types',
    model: '',
    ...props,
  } as DocumentActionProps;
  return (
    <div role="toolbar" aria-label="Document actions">
      {actions.map((action, i) => (
        <DocumentAction key={i} action={action} props={full} />
      ))}
    </div>
  );
};

const BulkAction = ({
  action,
  props,
}: {
  action: BulkActionComponent;
  props: BulkActionComponentProps;
}) => {
  const description = action(props);
  const [open, setOpen] = React.useState(false);
  if (!description) return null;
  const dialog = description.dialog as
    | {
        type: string;
        title: string;
        content: React.ReactNode;
        confirmLabel?: string;
        onConfirm?: () => void;
      }
    | undefined;
  return (
    <>
      <button
        type="button"
        disabled={description.disabled}
        onClick={() => (dialog ? setOpen(true) : description.onClick?.(undefined as never))}
      >
        {description.label}
      </button>
      {open && dialog ? (
        <div role="dialog" aria-label={dialog.title}>
          <h2>{dialog.title}</h2>
          {dialog.content}
          <button type="button" onClick={() => dialog.onConfirm?.()}>
            {dialog.confirmLabel ?? 'Confirm'}
          </button>
        </div>
      ) : null}
    </>
  );
};

export const BulkActionsHost = ({
  actions,
  ...props
}: { actions: BulkActionComponent[] } & Partial<BulkActionComponentProps>) => {
  const full = {
    collectionType: 'collection-types',
    documents: [],
    model: '',
    ...props,
  } as BulkActionComponentProps;
  return (
    <div role="toolbar" aria-label="Bulk actions">
      {actions.map((action, i) => (
        <BulkAction key={i} action={action} props={full} />
      ))}
    </div>
  );
};
