import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ARTICLE,
  PERSON,
  author,
  documentState,
  factChecker,
  historyEntry,
  statePath,
  workflow,
} from '../../tests/fixtures';
import { PanelHost } from '../../tests/hosts';
import { renderInAdmin } from '../../tests/render';
import {
  emptyPanelSections,
  notifications,
  ok,
  server,
  strapiError,
  type FakeRequest,
  type FakeResponse,
} from '../../tests/strapi-admin';
import type { DocumentState } from '../../../shared/contracts';
import { WorkflowPanel } from './WorkflowPanel';

// Strapi's admin is not loaded: its hooks, fetch client and RTK api are the strict doubles.
vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const STATE = statePath(ARTICLE, 'doc-1');
const TRANSITION = `${STATE}/transition`;

const showPanel = ({
  state,
  modified = false,
  url = '/content-manager/collection-types/api::article.article/doc-1',
}: { state?: DocumentState | FakeResponse; modified?: boolean; url?: string } = {}) => {
  server.on('GET', '/editorial-workflow/workflow', ok(workflow));
  if (state) server.on('GET', STATE, 'status' in state ? state : ok(state));
  // The checklist and the thread have their own tests (ChecklistSection, ThreadSection).
  emptyPanelSections();
  return renderInAdmin(
    <PanelHost
      panel={WorkflowPanel}
      model={ARTICLE}
      documentId="doc-1"
      document={{ documentId: 'doc-1', locale: 'en' } as never}
    />,
    {
      url,
      form: { modified },
    }
  );
};

const panel = () => screen.findByRole('region', { name: 'Editorial workflow' });
/** The panel's own controls: the discussion thread's textarea and buttons are not moves. */
const outsideThread = (elements: HTMLElement[]) =>
  elements.filter((e) => !e.closest('[data-testid="ew-thread"]'));
const badge = (root: HTMLElement) => within(root).getByTestId('ew-stage-badge');
/** A deferred server answer: the test decides when the request completes. */
const deferred = () => {
  let resolve!: (r: FakeResponse) => void;
  const promise = new Promise<FakeResponse>((r) => (resolve = r));
  return { promise, resolve };
};

describe('WorkflowPanel', () => {
  it('is absent on a type the workflow does not manage, and on a document not yet created', async () => {
    server.on('GET', '/editorial-workflow/workflow', ok(workflow));
    const { rerender } = renderInAdmin(
      <PanelHost panel={WorkflowPanel} model={PERSON} documentId="p-1" />,
      { form: { modified: false } }
    );
    await waitFor(() =>
      expect(server.requestsTo('GET', '/editorial-workflow/workflow')).toHaveLength(1)
    );
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    rerender(<PanelHost panel={WorkflowPanel} model={ARTICLE} documentId="create" />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    // Neither asked for a state.
    expect(server.requests.map((r) => r.url)).toEqual(['/editorial-workflow/workflow']);
  });

  it('says it is loading until the state arrives, for the edit view’s locale', async () => {
    const answer = deferred();
    server.on('GET', STATE, () => answer.promise);
    showPanel();
    const root = await panel();
    expect(await within(root).findByText('Loading workflow state')).toBeInTheDocument();
    await waitFor(() => expect(server.requestsTo('GET', STATE)).toHaveLength(1));
    expect(server.requestsTo('GET', STATE)[0].params).toEqual({ locale: 'en' });
    answer.resolve(ok(documentState({ moves: ['submit'] })));
    expect(
      await within(root).findByRole('button', { name: 'Submit for fact-check' })
    ).toBeInTheDocument();
    expect(within(root).queryByText('Loading workflow state')).not.toBeInTheDocument();
  });

  it('reads the locale from the URL when the document does not carry one', async () => {
    server.on('GET', '/editorial-workflow/workflow', ok(workflow));
    server.on('GET', STATE, ok(documentState({ locale: 'ru', moves: ['submit'] })));
    emptyPanelSections();
    renderInAdmin(
      <PanelHost
        panel={WorkflowPanel}
        model={ARTICLE}
        documentId="doc-1"
        document={{ documentId: 'doc-1' } as never}
      />,
      {
        url: '/content-manager/collection-types/api::article.article/doc-1?plugins[i18n][locale]=ru',
        form: { modified: false },
      }
    );
    await within(await panel()).findByRole('button', { name: 'Submit for fact-check' });
    expect(server.requestsTo('GET', STATE).map((r) => r.params)).toEqual([{ locale: 'ru' }]);
  });

  it('disables a move the server says would be refused now, with the reasons under it', async () => {
    const state = documentState({ stage: 'fact_check', moves: ['request_changes', 'approve'] });
    state.allowedTransitions[1].blockedBy = [
      'The quote «Words» is unverified: it must be verified.',
    ];
    showPanel({ state });
    const root = await panel();
    expect(await within(root).findByRole('button', { name: 'Approve and publish' })).toBeDisabled();
    expect(within(root).getByRole('button', { name: 'Request changes' })).toBeEnabled();
    expect(within(root).getByTestId('ew-blocked-approve')).toHaveTextContent(
      'Not possible yet:The quote «Words» is unverified: it must be verified.'
    );
    expect(within(root).queryByTestId('ew-blocked-request_changes')).not.toBeInTheDocument();
  });

  it('shows the round’s own submitter approve disabled, with the separation-of-duties reason', async () => {
    const state = documentState({ stage: 'fact_check', moves: ['request_changes', 'approve'] });
    const reason =
      'Separation of duties: someone else must make "Approve and publish", because you submitted this story for this round';
    state.allowedTransitions[1].blockedBy = [reason];
    const { user } = showPanel({ state });
    const root = await panel();
    const approve = await within(root).findByRole('button', { name: 'Approve and publish' });
    expect(approve).toBeDisabled();
    expect(within(root).getByTestId('ew-blocked-approve')).toHaveTextContent(
      `Not possible yet:${reason}`
    );
    // Pressing it sends nothing; the other move stays available.
    await user.click(approve);
    expect(server.requestsTo('POST', TRANSITION)).toHaveLength(0);
    expect(within(root).getByRole('button', { name: 'Request changes' })).toBeEnabled();
  });

  it('shows why the state could not be loaded', async () => {
    showPanel({
      state: strapiError(
        403,
        'ForbiddenError',
        'You may not read this document: you lack plugin::content-manager.explorer.read.'
      ),
    });
    const root = await panel();
    const alert = await within(root).findByRole('alert');
    expect(alert).toHaveTextContent('The workflow state could not be loaded.');
    expect(alert).toHaveTextContent(
      'You may not read this document: you lack plugin::content-manager.explorer.read.'
    );
    expect(within(root).queryByRole('button')).not.toBeInTheDocument();
  });

  it('asks to save a document that has no state yet (404)', async () => {
    showPanel({ state: strapiError(404, 'NotFoundError', 'Document not found') });
    const root = await panel();
    expect(
      await within(root).findByText('Save the document to start its workflow.')
    ).toBeInTheDocument();
    expect(within(root).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a draft with its stage, that nothing is live, and the Submit button', async () => {
    showPanel({ state: documentState({ stage: 'draft', moves: ['submit'] }) });
    const root = await panel();
    await within(root).findByRole('button', { name: 'Submit for fact-check' });
    expect(badge(root)).toHaveTextContent('Draft');
    expect(within(root).getByText('No version is published.')).toBeInTheDocument();
    expect(outsideThread(within(root).getAllByRole('button')).map((b) => b.textContent)).toEqual([
      'Submit for fact-check',
    ]);
    expect(within(root).getByText('No moves yet.')).toBeInTheDocument();
  });

  it('in fact-check offers Approve and Request changes, and requires a comment to request changes', async () => {
    server.on('POST', TRANSITION, (req) =>
      ok(
        documentState({
          stage: 'draft',
          version: 3,
          moves: ['submit'],
          history: [
            historyEntry({
              transition: 'request_changes',
              from: 'fact_check',
              to: 'draft',
              comment: String((req.data as { comment: string }).comment),
              createdAt: '2026-12-01T10:00:00.000Z',
              actor: factChecker,
            }),
          ],
        })
      )
    );
    const { user } = showPanel({
      state: documentState({
        stage: 'fact_check',
        version: 2,
        moves: ['approve', 'request_changes'],
      }),
    });
    const root = await panel();
    const requestChanges = await within(root).findByRole('button', { name: 'Request changes' });
    expect(within(root).getByRole('button', { name: 'Approve and publish' })).toBeEnabled();
    expect(badge(root)).toHaveTextContent('Fact-check');
    const comment = within(root).getByRole('textbox', { name: 'Comment' });
    // The box asks in the workflow config's words (the transition's commentPrompt).
    const asked = 'Say what needs to change: the author sees this comment.';
    expect(within(root).getByText(asked)).toBeInTheDocument();
    expect(comment).not.toHaveAttribute('aria-invalid', 'true');

    // Without a comment: the same words at the field, as its error; nothing sent.
    await user.click(requestChanges);
    await waitFor(() => expect(comment).toHaveAttribute('aria-invalid', 'true'));
    expect(within(root).getAllByText(asked).length).toBeGreaterThan(0);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(server.requestsTo('POST', TRANSITION)).toHaveLength(0);

    // Only blanks: still no comment.
    await user.type(comment, '   ');
    await user.click(requestChanges);
    expect(server.requestsTo('POST', TRANSITION)).toHaveLength(0);

    await user.clear(comment);
    await user.type(comment, '  Second source for the quote, please.  ');
    await user.click(requestChanges);
    await waitFor(() => expect(server.requestsTo('POST', TRANSITION)).toHaveLength(1));
    const [sent] = server.requestsTo('POST', TRANSITION);
    expect(sent.data).toEqual({
      transition: 'request_changes',
      comment: 'Second source for the quote, please.',
      expectedVersion: 2,
    });
    expect(sent.params).toEqual({ locale: 'en' });
    await waitFor(() => expect(comment).not.toHaveAttribute('aria-invalid', 'true'));
  });

  it('an approval of a live story with a public note sends it as a correction', async () => {
    server.on('POST', TRANSITION, () =>
      ok(documentState({ stage: 'published', version: 3, live: true }))
    );
    const approve = {
      id: 'approve',
      name: 'Approve and publish',
      to: 'published',
      requireComment: false,
      publicNote: 'correction' as const,
    };
    const { user } = showPanel({
      state: documentState({
        stage: 'fact_check',
        version: 2,
        live: true,
        allowedTransitions: [approve],
      }),
    });
    const root = await panel();
    const note = await within(root).findByRole('textbox', {
      name: 'Public note (correction or withdrawal)',
    });
    await user.type(note, '  An earlier version misspelt a name.  ');
    await user.click(within(root).getByRole('button', { name: 'Approve and publish' }));
    await waitFor(() => expect(server.requestsTo('POST', TRANSITION)).toHaveLength(1));
    expect(server.requestsTo('POST', TRANSITION)[0].data).toEqual({
      transition: 'approve',
      expectedVersion: 2,
      correction: { note: 'An earlier version misspelt a name.' },
    });
  });

  it('a withdrawal needs the public note: refused in the panel without it, sent as publicNote', async () => {
    server.on('POST', TRANSITION, () => ok(documentState({ stage: 'draft', version: 6 })));
    const { user } = showPanel({
      state: documentState({
        stage: 'published',
        version: 5,
        live: true,
        allowedTransitions: [
          {
            id: 'withdraw',
            name: 'Withdraw with a notice',
            to: 'draft',
            requireComment: true,
            publicNote: 'notice',
          },
        ],
      }),
    });
    const root = await panel();
    const withdraw = await within(root).findByRole('button', { name: 'Withdraw with a notice' });
    await user.type(within(root).getByRole('textbox', { name: 'Comment' }), 'Legal hold.');
    await user.click(withdraw);
    expect(
      await within(root).findByText(
        'A withdrawal needs a public note: readers see it in place of the story.'
      )
    ).toBeInTheDocument();
    expect(server.requestsTo('POST', TRANSITION)).toHaveLength(0);

    await user.type(
      within(root).getByRole('textbox', { name: 'Public note (correction or withdrawal)' }),
      'This story was withdrawn.'
    );
    await user.click(withdraw);
    await waitFor(() => expect(server.requestsTo('POST', TRANSITION)).toHaveLength(1));
    expect(server.requestsTo('POST', TRANSITION)[0].data).toEqual({
      transition: 'withdraw',
      comment: 'Legal hold.',
      expectedVersion: 5,
      publicNote: 'This story was withdrawn.',
    });
  });

  it('asks for a comment in general words when the transition has no prompt of its own', async () => {
    const { user } = showPanel({
      state: documentState({ stage: 'published', live: true, version: 3, moves: ['retract'] }),
    });
    const root = await panel();
    await user.click(await within(root).findByRole('button', { name: 'Retract' }));
    expect(
      await within(root).findByText('This move needs a comment: say why.')
    ).toBeInTheDocument();
    expect(within(root).getByRole('textbox', { name: 'Comment' })).toHaveAttribute(
      'aria-invalid',
      'true'
    );
    expect(server.requestsTo('POST', TRANSITION)).toHaveLength(0);
  });

  it('shows every guard problem of a refused move, and sends nothing else', async () => {
    const problems = [
      'Quote “We will not give up” is unverified: verify it before approving.',
      'Quote “Talks went well” is disputed: verify it before approving.',
    ];
    server.on(
      'POST',
      TRANSITION,
      strapiError(400, 'ValidationError', 'The move "approve" is refused by its guards', {
        problems,
      })
    );
    const { user } = showPanel({
      state: documentState({ stage: 'fact_check', moves: ['approve', 'request_changes'] }),
    });
    const root = await panel();
    await user.click(await within(root).findByRole('button', { name: 'Approve and publish' }));
    const alert = await within(root).findByRole('alert');
    expect(alert).toHaveTextContent('The move was refused.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(problems);
    // Still in fact-check: the refusal changed nothing.
    expect(badge(root)).toHaveTextContent('Fact-check');
    expect(notifications).toEqual([]);
  });

  it('says who may not make a move (403) in words', async () => {
    server.on(
      'POST',
      TRANSITION,
      strapiError(
        403,
        'ForbiddenError',
        'Separation of duties: you wrote part of this version, so another person must approve it.'
      )
    );
    const { user } = showPanel({
      state: documentState({ stage: 'fact_check', moves: ['approve'] }),
    });
    const root = await panel();
    await user.click(await within(root).findByRole('button', { name: 'Approve and publish' }));
    const alert = await within(root).findByRole('alert');
    expect(alert).toHaveTextContent('You may not make this move.');
    expect(alert).toHaveTextContent(
      'Separation of duties: you wrote part of this version, so another person must approve it.'
    );
  });

  it('shows no buttons and no comment box to a user with no allowed move', async () => {
    showPanel({ state: documentState({ stage: 'fact_check', moves: [] }) });
    const root = await panel();
    expect(
      await within(root).findByText('You have no move to make in this stage.')
    ).toBeInTheDocument();
    expect(outsideThread(within(root).queryAllByRole('button'))).toEqual([]);
    expect(outsideThread(within(root).queryAllByRole('textbox'))).toEqual([]);
  });

  it('keeps the moves disabled while the form has unsaved changes', async () => {
    showPanel({ state: documentState({ stage: 'draft', moves: ['submit'] }), modified: true });
    const root = await panel();
    expect(
      await within(root).findByRole('button', { name: 'Submit for fact-check' })
    ).toBeDisabled();
    expect(within(root).getByRole('status')).toHaveTextContent(
      'Save your changes first: the workflow moves the saved version.'
    );
  });

  it('lists the history newest first, with who, the stages and the comment', async () => {
    showPanel({
      state: documentState({
        stage: 'published',
        live: true,
        moves: ['retract'],
        history: [
          historyEntry({
            transition: 'approve',
            from: 'fact_check',
            to: 'published',
            actor: factChecker,
            createdAt: '2026-12-01T12:00:00.000Z',
          }),
          historyEntry({
            transition: 'submit',
            from: 'draft',
            to: 'fact_check',
            createdAt: '2026-12-01T11:00:00.000Z',
          }),
          historyEntry({
            transition: 'request_changes',
            from: 'fact_check',
            to: 'draft',
            actor: factChecker,
            comment: 'Name the second source.',
            createdAt: '2026-12-01T10:00:00.000Z',
          }),
          historyEntry({
            transition: 'edit',
            from: 'published',
            to: 'draft',
            createdAt: '2026-11-30T10:00:00.000Z',
          }),
        ],
      }),
    });
    const root = await panel();
    expect(await within(root).findByText('A published version is live.')).toBeInTheDocument();
    const history = within(root).getByRole('list', { name: 'History (newest first)' });
    const items = within(history).getAllByRole('listitem');
    expect(items.map((li) => within(li).getAllByRole('paragraph')[0].textContent)).toEqual([
      'Approve and publish',
      'Submit for fact-check',
      'Request changes',
      'Edited after approval',
    ]);
    expect(items[0]).toHaveTextContent('Fact-check → Published');
    expect(items[0]).toHaveTextContent(`${factChecker.name}, Dec 1, 2026`);
    expect(items[1]).toHaveTextContent(author.name);
    expect(items[2]).toHaveTextContent('“Name the second source.”');
  });

  it('after a successful move shows the new stage (refetched) and says so', async () => {
    let current = documentState({ stage: 'draft', version: 1, moves: ['submit'] });
    server.on('GET', STATE, () => ok(current));
    server.on('POST', TRANSITION, (req: FakeRequest) => {
      expect(req.data).toEqual({ transition: 'submit', expectedVersion: 1 });
      current = documentState({
        stage: 'fact_check',
        version: 2,
        moves: [],
        history: [
          historyEntry({
            transition: 'submit',
            from: 'draft',
            to: 'fact_check',
            createdAt: '2026-12-01T11:00:00.000Z',
          }),
        ],
      });
      return ok(current);
    });
    const { user } = showPanel();
    const root = await panel();
    await user.click(await within(root).findByRole('button', { name: 'Submit for fact-check' }));
    await waitFor(() => expect(badge(root)).toHaveTextContent('Fact-check'));
    expect(within(root).getByText('You have no move to make in this stage.')).toBeInTheDocument();
    expect(
      within(within(root).getByRole('list', { name: 'History (newest first)' })).getAllByRole(
        'listitem'
      )
    ).toHaveLength(1);
    expect(notifications).toEqual([{ type: 'success', message: 'Moved to Fact-check.' }]);
    // The move invalidated the state: it was read again from the server, not patched locally.
    expect(server.requestsTo('GET', STATE)).toHaveLength(2);
  });

  it('on a lost race (409) says so and shows the state someone else left', async () => {
    let current = documentState({ stage: 'fact_check', version: 2, moves: ['approve'] });
    server.on('GET', STATE, () => ok(current));
    server.on('POST', TRANSITION, () => {
      current = documentState({ stage: 'draft', version: 3, moves: ['submit'] });
      return strapiError(409, 'ConflictError', 'The document moved meanwhile (version 3, not 2).');
    });
    const { user } = showPanel();
    const root = await panel();
    await user.click(await within(root).findByRole('button', { name: 'Approve and publish' }));
    expect(await within(root).findByRole('alert')).toHaveTextContent(
      'Someone else moved this story meanwhile. The panel now shows its current state.'
    );
    await waitFor(() => expect(badge(root)).toHaveTextContent('Draft'));
    expect(within(root).getByRole('button', { name: 'Submit for fact-check' })).toBeInTheDocument();
  });
});
