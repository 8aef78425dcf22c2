import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../shared/notes';
import { ARTICLE, author, factChecker, workflow } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError } from '../../tests/strapi-admin';
import { mentionQuery, ThreadSection } from './ThreadSection';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const NOTES = `/editorial-workflow/notes/${encodeURIComponent(ARTICLE)}/doc-1`;
const MENTIONABLE = '/editorial-workflow/mentionable';

const note = (over: Partial<Note>): Note => ({
  id: 1,
  body: 'A note',
  author,
  mentions: [],
  mentioned: [],
  transition: null,
  createdAt: '2026-01-02T10:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

const show = (notes: Note[]) => {
  server.on('GET', NOTES, ok(notes));
  return renderInAdmin(
    <ThreadSection uid={ARTICLE} documentId="doc-1" locale="en" workflow={workflow} />
  );
};
const notesShown = () => screen.findAllByTestId('ew-note');

describe('mentionQuery', () => {
  it('is the @word being typed at the end, or null', () => {
    expect(mentionQuery('hello @Fi')).toBe('Fi');
    expect(mentionQuery('@')).toBe('');
    expect(mentionQuery('mail a@b')).toBeNull();
    expect(mentionQuery('@Fiona done')).toBeNull();
  });
});

describe('ThreadSection', () => {
  it('lists notes: author, move marker, highlighted mentions, resolved ones greyed with who', async () => {
    show([
      note({ id: 1, body: 'Ready', transition: 'submit' }),
      note({ id: 4, body: 'Source?', transition: 'request_changes' }),
      note({
        id: 2,
        body: '@Fiona Factchecker check the date',
        author,
        mentions: [4],
        mentioned: [{ id: 4, name: 'Fiona Factchecker' }],
      }),
      note({
        id: 3,
        body: 'Old point',
        resolvedAt: '2026-01-03T00:00:00Z',
        resolvedBy: factChecker,
      }),
    ]);
    const [first, fromRequest, second, third] = await notesShown();
    expect(first).toHaveAttribute('data-note-id', '1');
    expect(first).toHaveTextContent('Anna Author');
    // A move's comment names the move as the workflow does, not by its id.
    expect(first).toHaveTextContent('from the move “Submit for fact-check”');
    expect(fromRequest).toHaveTextContent('from the move “Request changes”');
    expect(fromRequest).not.toHaveTextContent('request_changes');
    const mention = second.querySelector('[data-mention]');
    expect(mention).toHaveTextContent('@Fiona Factchecker');
    expect(third).toHaveTextContent('Resolved by Fiona Factchecker');
    expect(third).not.toHaveTextContent('Old point');
    expect(within(third).getByTestId('ew-note-reopen')).toBeInTheDocument();
    expect(within(first).getByTestId('ew-note-resolve')).toBeInTheDocument();
  });

  it('@ then letters offers mentionable users; picking inserts @Name and posts its id', async () => {
    server.on('GET', MENTIONABLE, ok([{ id: 4, name: 'Fiona Factchecker' }]));
    server.on('POST', NOTES, (req) => ok(note({ id: 9, body: String((req.data as any).body) })));
    const { user } = show([]);
    const box = await screen.findByTestId('ew-note-body');
    await user.type(box, 'Please @Fi');
    const option = await screen.findByTestId('ew-mention-option');
    expect(server.requestsTo('GET', MENTIONABLE).at(-1)?.params).toEqual({
      uid: ARTICLE,
      documentId: 'doc-1',
      locale: 'en',
      q: 'Fi',
    });
    await user.click(option);
    expect(box).toHaveValue('Please @Fiona Factchecker ');
    await user.type(box, 'check');
    await user.click(screen.getByTestId('ew-note-post'));
    await waitFor(() => expect(server.requestsTo('POST', NOTES)).toHaveLength(1));
    const sent = server.requestsTo('POST', NOTES)[0];
    expect(sent.data).toEqual({ body: 'Please @Fiona Factchecker check', mentions: [4] });
    expect(sent.params).toEqual({ locale: 'en' });
    await waitFor(() => expect(box).toHaveValue(''));
  });

  it('shows the server’s refusal and keeps the text', async () => {
    server.on(
      'POST',
      NOTES,
      strapiError(400, 'ValidationError', 'body must be at most 5000 characters')
    );
    const { user } = show([]);
    const box = await screen.findByTestId('ew-note-body');
    await user.type(box, 'long');
    await user.click(screen.getByTestId('ew-note-post'));
    expect(await screen.findByText('body must be at most 5000 characters')).toBeInTheDocument();
    expect(box).toHaveValue('long');
  });

  it('Resolve and Reopen call their routes', async () => {
    server.on('POST', '/editorial-workflow/notes/1/resolve', ok(note({ id: 1 })));
    server.on('POST', '/editorial-workflow/notes/2/reopen', ok(note({ id: 2 })));
    const { user } = show([
      note({ id: 1 }),
      note({ id: 2, resolvedAt: '2026-01-03T00:00:00Z', resolvedBy: factChecker }),
    ]);
    const [first, second] = await notesShown();
    await user.click(within(first).getByTestId('ew-note-resolve'));
    await user.click(within(second).getByTestId('ew-note-reopen'));
    await waitFor(() => {
      expect(server.requestsTo('POST', '/editorial-workflow/notes/1/resolve')).toHaveLength(1);
      expect(server.requestsTo('POST', '/editorial-workflow/notes/2/reopen')).toHaveLength(1);
    });
  });
});
