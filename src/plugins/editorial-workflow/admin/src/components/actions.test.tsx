import * as React from 'react';
import { screen, within } from '@testing-library/react';
import type {
  BulkActionComponent,
  DocumentActionComponent,
} from '@strapi/content-manager/strapi-admin';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, PERSON, QUOTE, workflow } from '../../tests/fixtures';
import { BulkActionsHost, DocumentActionsHost } from '../../tests/hosts';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError, type FakeResponse } from '../../tests/strapi-admin';
import { gateBulkAction, gateDocumentAction } from './actions';

// Strapi's admin is not loaded: its fetch client and RTK api are the strict doubles.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

// Fake core actions, shaped as the Content Manager's: a function of the view's props returning a
// description (or null when the user may not use it), with a static `type` for most.
const documentAction = (type: DocumentActionComponent['type'], label: string) => {
  const onClick = vi.fn();
  const Action: DocumentActionComponent = () => ({ label, onClick });
  Action.type = type;
  return Object.assign(Action, { onClick });
};

const core = () => ({
  publish: documentAction('publish', 'Publish'),
  update: documentAction('update', 'Save'),
  unpublish: documentAction('unpublish', 'Unpublish'),
  discard: documentAction('discard', 'Discard changes'),
});

/** i18n's "Publish Multiple Locales" has no static type: only its (translated) label says what it is. */
const I18nPublishMany: DocumentActionComponent = () => ({
  label: 'Publish Multiple Locales',
  onClick: () => {},
});

/** The Content Manager's schemas, as far as the gate reads them (which relations point where). */
const SCHEMAS = [
  {
    uid: ARTICLE,
    attributes: { title: { type: 'string' }, quotes: { type: 'relation', target: QUOTE } },
  },
  {
    uid: QUOTE,
    attributes: { text: { type: 'string' }, article: { type: 'relation', target: ARTICLE } },
  },
  {
    uid: PERSON,
    attributes: { name: { type: 'string' }, quotes: { type: 'relation', target: QUOTE } },
  },
];

const serve = (workflowAnswer: FakeResponse | (() => Promise<FakeResponse>) = ok(workflow)) => {
  server.on('GET', '/editorial-workflow/workflow', workflowAnswer);
  server.on('GET', '/content-manager/content-types', ok(SCHEMAS));
};

const labels = () =>
  within(screen.getByRole('toolbar'))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('document actions on the edit view', () => {
  it('on a workflow-managed story drop Publish, Unpublish and i18n’s multi-locale publishing, and keep the rest as they were', async () => {
    let answer!: (r: FakeResponse) => void;
    serve(() => new Promise((r) => (answer = r)));
    const a = core();
    const actions = [a.publish, a.update, a.unpublish, a.discard, I18nPublishMany].map(
      gateDocumentAction
    );
    const { user, settled } = renderInAdmin(
      <DocumentActionsHost
        actions={actions}
        model={ARTICLE}
        documentId="doc-1"
        document={{ documentId: 'doc-1' } as never}
      />
    );

    // While the definition loads, publishing stays hidden: it never flashes.
    expect(labels()).toEqual(['Save', 'Discard changes']);
    answer(ok(workflow));
    await settled();
    expect(labels()).toEqual(['Save', 'Discard changes']);

    // What passes through is core's own description: same label, same handler.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(a.update.onClick).toHaveBeenCalledTimes(1);
    // A managed type needs no schemas.
    expect(server.requestsTo('GET', '/content-manager/content-types')).toHaveLength(0);
  });

  it('keep static order and metadata, so core sorts and de-duplicates the wrapped actions as its own', () => {
    const a = core();
    a.publish.position = 'panel';
    const gated = gateDocumentAction(a.publish);
    expect(gated.type).toBe('publish');
    expect(gated.position).toBe('panel');
    expect(gated.name).toBe('EditorialWorkflowGated(Action)');
  });

  it('on a type the workflow does not manage pass everything through', async () => {
    serve();
    const a = core();
    const actions = [a.publish, a.update, a.unpublish, a.discard, I18nPublishMany].map(
      gateDocumentAction
    );
    const { settled } = renderInAdmin(
      <DocumentActionsHost
        actions={actions}
        model={PERSON}
        documentId="p-1"
        document={{ documentId: 'p-1', quotes: { count: 2 } } as never}
      />
    );
    await settled();
    expect(labels()).toEqual([
      'Publish',
      'Save',
      'Unpublish',
      'Discard changes',
      'Publish Multiple Locales',
    ]);
  });

  it('on a quote linked to a managed story drop publishing (it goes live with its story); on a stray quote keep it', async () => {
    serve();
    const a = core();
    const actions = [a.publish, a.update, a.unpublish].map(gateDocumentAction);
    const linked = renderInAdmin(
      <DocumentActionsHost
        actions={actions}
        model={QUOTE}
        documentId="q-1"
        document={{ documentId: 'q-1', article: { count: 1 } } as never}
      />
    );
    await linked.settled();
    expect(labels()).toEqual(['Save']);
    linked.unmount();

    const stray = renderInAdmin(
      <DocumentActionsHost
        actions={actions}
        model={QUOTE}
        documentId="q-2"
        document={{ documentId: 'q-2', article: { count: 0 } } as never}
      />
    );
    await stray.settled();
    expect(labels()).toEqual(['Publish', 'Save', 'Unpublish']);
  });

  it('render nothing where core renders nothing (a user without the publish right)', async () => {
    serve();
    const NoRight: DocumentActionComponent = () => null;
    NoRight.type = 'publish';
    const { settled } = renderInAdmin(
      <DocumentActionsHost
        actions={[gateDocumentAction(NoRight)]}
        model={PERSON}
        documentId="p-1"
      />
    );
    await settled();
    expect(labels()).toEqual([]);
  });
});

// Core's bulk Publish carries no static type: its description says `actionType: 'publish'`.
const bulkActions = () => {
  const publishClick = vi.fn();
  const Publish: BulkActionComponent = () =>
    ({
      actionType: 'publish',
      variant: 'tertiary',
      label: 'Publish',
      dialog: {
        type: 'dialog',
        title: 'Publish entries',
        content: <p>Core publish dialog</p>,
        onConfirm: publishClick,
      },
    }) as never;
  const Unpublish: BulkActionComponent = () =>
    ({ variant: 'tertiary', label: 'Unpublish', onClick: () => {} }) as never;
  Unpublish.type = 'unpublish';
  const Delete: BulkActionComponent = () =>
    ({ variant: 'danger-light', label: 'Delete', onClick: () => {} }) as never;
  Delete.type = 'delete';
  return { actions: [Publish, Unpublish, Delete], publishClick };
};

const LIST_URL = `/content-manager/collection-types/${ARTICLE}`;
const LIST_PATH = '/content-manager/collection-types/:slug';

describe('bulk actions in the list view', () => {
  it('on a workflow-managed type turn Publish into an explanation that leads to the queue, and drop Unpublish', async () => {
    serve();
    const { actions, publishClick } = bulkActions();
    const { user, settled, location } = renderInAdmin(
      <BulkActionsHost
        actions={actions.map(gateBulkAction)}
        model={ARTICLE}
        documents={[{ documentId: 'doc-1' }] as never}
      />,
      {
        url: LIST_URL,
        path: LIST_PATH,
      }
    );
    await settled();
    expect(labels()).toEqual(['Publish', 'Delete']);

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Publishing goes through the editorial workflow',
    });
    expect(dialog).toHaveTextContent(
      'Stories are not published from this list. Submit each story for fact-check from its edit view; it goes live when a fact-checker approves it.'
    );
    expect(within(dialog).queryByText('Core publish dialog')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Open the fact-check queue' }));
    expect(location().pathname).toBe('/plugins/editorial-workflow');
    expect(publishClick).not.toHaveBeenCalled();
  });

  it('on a type the workflow does not manage pass every bulk action through', async () => {
    serve();
    const { actions } = bulkActions();
    const { user, settled } = renderInAdmin(
      <BulkActionsHost
        actions={actions.map(gateBulkAction)}
        model={PERSON}
        documents={[{ documentId: 'p-1' }] as never}
      />
    );
    await settled();
    expect(labels()).toEqual(['Publish', 'Unpublish', 'Delete']);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(screen.getByRole('dialog', { name: 'Publish entries' })).toHaveTextContent(
      'Core publish dialog'
    );
  });

  it('show no explanation to whom core shows no Publish', async () => {
    serve();
    const NoRight: BulkActionComponent = () => null;
    const { settled } = renderInAdmin(
      <BulkActionsHost actions={[gateBulkAction(NoRight)]} model={ARTICLE} />
    );
    await settled();
    expect(labels()).toEqual([]);
  });

  it('hide Publish while the definition loads, and leave it to core when the definition cannot be read', async () => {
    let answer!: (r: FakeResponse) => void;
    serve(() => new Promise((r) => (answer = r)));
    const { actions } = bulkActions();
    const { settled } = renderInAdmin(
      <BulkActionsHost actions={actions.map(gateBulkAction)} model={ARTICLE} />
    );
    expect(labels()).toEqual(['Delete']);
    // The server refuses publishing anyway (403 naming the workflow); the list stays usable.
    answer(strapiError(500, 'InternalServerError', 'Internal Server Error'));
    await settled();
    expect(labels()).toEqual(['Publish', 'Unpublish', 'Delete']);
  });
});
