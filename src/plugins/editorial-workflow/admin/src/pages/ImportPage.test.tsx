import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportProposal, ImportResult } from '../../../shared/contracts';
import { renderInAdmin } from '../../tests/render';
import { ok, server, strapiError } from '../../tests/strapi-admin';
import { ImportPage } from './ImportPage';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const ARTICLE = 'api::article.article';
const PREVIEW = `/editorial-workflow/import/${encodeURIComponent(ARTICLE)}/preview`;
const CREATE = `/editorial-workflow/import/${encodeURIComponent(ARTICLE)}`;
const PEOPLE = '/content-manager/collection-types/api::person.person';
const SOURCES = '/content-manager/collection-types/api::source.source';
const COPY = 'Talks in Sochi\n\nBachelet said: «All reports must be investigated.».';

const proposal = (p: Partial<ImportProposal> = {}): ImportProposal => ({
  uid: ARTICLE,
  locale: 'en',
  format: 'text',
  language: 'en',
  title: 'Talks in Sochi',
  standfirst: 'Leaders met.',
  paragraphs: ['First paragraph.', 'Second paragraph.', 'Farmers blocked roads.'],
  quotes: [
    {
      index: 0,
      text: '«All reports must be investigated.»',
      context: 'Bachelet said: «All reports must be investigated.»',
      speaker: 'p1',
      source: 's1',
      language: 'en',
      paragraph: 0,
    },
    {
      index: 1,
      text: '«It will not be valid.»',
      context: 'Tikhanovskaya wrote: «It will not be valid.»',
      speaker: 'p2',
      language: 'ru',
      paragraph: 1,
    },
  ],
  people: [
    {
      key: 'p1',
      name: 'Michelle Bachelet',
      role: 'UN High Commissioner',
      mentions: ['Bachelet'],
      match: { documentId: 'bachelet', name: 'Michelle Bachelet', by: 'name' },
    },
    { key: 'p2', name: 'Svetlana Tikhanovskaya', mentions: ['Tikhanovskaya'], match: null },
  ],
  sources: [
    { key: 's1', name: 'Reuters', type: 'news_agency', mentions: ['Reuters'], match: null },
  ],
  flagged: [{ text: '«Slavic brotherhood»', paragraph: 1, reason: 'scare-quotes' }],
  removed: [{ text: 'Talks in Sochi', reason: 'repeated-headline' }],
  secondStory: { title: 'Farmers block roads', fromParagraph: 2 },
  duplicates: [],
  ...p,
});

const created: ImportResult = {
  stories: [
    { uid: ARTICLE, documentId: 'story-1', locale: 'en', title: 'Talks in Sochi', quotes: ['q1'] },
    { uid: ARTICLE, documentId: 'story-2', locale: 'en', title: 'Farmers block roads', quotes: [] },
  ],
  people: ['new-person'],
  sources: [],
};

const show = () =>
  renderInAdmin(<ImportPage />, {
    url: '/plugins/editorial-workflow/import',
    path: '/plugins/editorial-workflow/import',
  });

const pasteAndReview = async (user: ReturnType<typeof show>['user'], copy = COPY) => {
  await user.click(await screen.findByRole('textbox', { name: 'Wire copy' }));
  await user.paste(copy);
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Locale' })).toHaveTextContent('English (en)')
  );
  await user.click(screen.getByRole('button', { name: 'Review' }));
  return screen.findByTestId('ew-import-review');
};

const choose = async (user: ReturnType<typeof show>['user'], select: string, option: string) => {
  await user.click(screen.getByRole('combobox', { name: select }));
  await user.click(await screen.findByRole('option', { name: option }));
};

describe('ImportPage (Import wire copy)', () => {
  beforeEach(() => {
    server.on('GET', '/i18n/locales', {
      status: 200,
      body: [
        { code: 'en', name: 'English (en)', isDefault: true },
        { code: 'ru', name: 'Russian (ru)', isDefault: false },
      ],
    });
    server.on('GET', PEOPLE, {
      status: 200,
      body: {
        results: [
          { documentId: 'luka', name: 'Alexander Lukashenko' },
          { documentId: 'bachelet', name: 'Michelle Bachelet' },
        ],
      },
    });
    server.on('GET', SOURCES, {
      status: 200,
      body: { results: [{ documentId: 'tass', name: 'TASS' }] },
    });
  });

  it('sends the pasted copy in the chosen locale and shows the review before anything is saved', async () => {
    server.on('POST', PREVIEW, ok(proposal()));
    const { user } = show();
    expect(await screen.findByRole('heading', { name: 'Import wire copy' })).toBeInTheDocument();
    await user.click(await screen.findByRole('textbox', { name: 'Wire copy' }));
    await user.paste(COPY);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Locale' })).toHaveTextContent('English (en)')
    );
    await choose(user, 'Locale', 'Russian (ru)');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await screen.findByTestId('ew-import-review');
    expect(server.requestsTo('POST', PREVIEW)[0].data).toEqual({
      content: COPY,
      format: 'auto',
      locale: 'ru',
    });
    expect(server.requestsTo('POST', CREATE)).toHaveLength(0);

    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Talks in Sochi');
    expect(screen.getByRole('textbox', { name: 'Standfirst' })).toHaveValue('Leaders met.');
    expect(screen.getByRole('textbox', { name: 'Body' })).toHaveValue(
      'First paragraph.\n\nSecond paragraph.\n\nFarmers blocked roads.'
    );
    const first = screen.getByRole('group', { name: 'Quote 1' });
    expect(first).toHaveTextContent('«All reports must be investigated.»');
    expect(screen.getByTestId('ew-import-quote-0-speaker-status')).toHaveTextContent(
      'matched: Michelle Bachelet'
    );
    expect(screen.getByTestId('ew-import-quote-0-source-status')).toHaveTextContent('new');
    expect(screen.getByTestId('ew-import-quote-1-speaker-status')).toHaveTextContent('new');
    expect(screen.getByTestId('ew-import-quote-1-source-status')).toHaveTextContent('none');
    expect(screen.getByRole('combobox', { name: 'Speaker of quote 2' })).toHaveTextContent(
      'Svetlana Tikhanovskaya (from the copy)'
    );
    expect(screen.getByTestId('ew-import-person-p1')).toHaveTextContent(
      'matched: Michelle Bachelet'
    );
    expect(screen.getByTestId('ew-import-person-p2')).toHaveTextContent('new');
    expect(screen.getByTestId('ew-import-flagged')).toHaveTextContent(
      '«Slavic brotherhood»: scare quotes'
    );
    expect(screen.getByTestId('ew-import-removed')).toHaveTextContent(
      'Talks in Sochi (repeated headline)'
    );
    expect(screen.getByTestId('ew-import-second')).toHaveTextContent('«Farmers block roads»');
    expect(screen.queryByTestId('ew-import-duplicates')).not.toBeInTheDocument();
  });

  it('sends the corrections with Create draft, then links to each created story', async () => {
    server.on('POST', PREVIEW, ok(proposal()));
    server.on('POST', CREATE, { status: 201, body: { data: created } });
    const { user } = show();
    await pasteAndReview(user);

    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Talks in Sochi, checked');
    await user.click(screen.getByRole('checkbox', { name: 'Drop quote 1' }));
    await choose(user, 'Source of quote 2', 'TASS (existing)');
    await choose(user, 'What becomes of Svetlana Tikhanovskaya', 'Merge into Alexander Lukashenko');
    await user.click(
      screen.getByRole('radio', { name: 'Make it a separate draft story, with its paragraphs' })
    );
    await user.click(screen.getByRole('button', { name: 'Create draft' }));

    await screen.findByTestId('ew-import-done');
    expect(server.requestsTo('POST', CREATE)[0].data).toEqual({
      content: COPY,
      format: 'auto',
      locale: 'en',
      review: {
        title: 'Talks in Sochi, checked',
        people: { p2: { documentId: 'luka' } },
        quotes: [
          { index: 0, drop: true },
          { index: 1, source: { documentId: 'tass' } },
        ],
        secondStory: 'split',
      },
    });
    expect(screen.getByTestId('ew-import-done')).toHaveTextContent(
      '2 draft stories in stage draft, with their quotes unverified; 1 new person, no new source.'
    );
    const open = screen.getByRole('link', { name: 'Open «Talks in Sochi» in the Content Manager' });
    expect(open).toHaveAttribute(
      'href',
      '/content-manager/collection-types/api::article.article/story-1?plugins[i18n][locale]=en'
    );
    expect(
      screen.getByRole('link', { name: 'Open «Farmers block roads» in the Content Manager' })
    ).toBeInTheDocument();
  }, 60_000); // the longest form in the suite, typed key by key: slow on a loaded 2-core machine

  it('asks a name for a new speaker before it sends one', async () => {
    server.on('POST', PREVIEW, ok(proposal({ secondStory: null })));
    server.on('POST', CREATE, {
      status: 201,
      body: { data: { ...created, stories: [created.stories[0]] } },
    });
    const { user } = show();
    await pasteAndReview(user);
    await choose(user, 'Speaker of quote 1', 'A new person…');
    expect(screen.getByRole('button', { name: 'Create draft' })).toBeDisabled();
    expect(screen.getByTestId('ew-import-missing')).toHaveTextContent('quote 1');
    await user.type(screen.getByRole('textbox', { name: 'Name of quote 1’s speaker' }), 'Jane Roe');
    await user.type(
      screen.getByRole('textbox', { name: 'Role of quote 1’s speaker' }),
      'Spokesperson'
    );
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await screen.findByTestId('ew-import-done');
    expect(server.requestsTo('POST', CREATE)[0].data).toMatchObject({
      review: {
        quotes: [{ index: 0, speaker: { new: { name: 'Jane Roe', role: 'Spokesperson' } } }],
      },
    });
    expect(server.requestsTo('POST', CREATE)[0].data).not.toHaveProperty('review.secondStory');
  });

  it('warns of a duplicate: Create draft waits for "Import it again anyway"', async () => {
    server.on(
      'POST',
      PREVIEW,
      ok(proposal({ duplicates: [{ documentId: 'old-1', title: 'Talks in Sochi', locale: 'en' }] }))
    );
    server.on('POST', CREATE, { status: 201, body: { data: created } });
    const { user } = show();
    await pasteAndReview(user);
    const warning = screen.getByTestId('ew-import-duplicates');
    expect(warning).toHaveTextContent('This copy was imported before:');
    expect(within(warning).getByRole('link', { name: '«Talks in Sochi» (en)' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/api::article.article/old-1?plugins[i18n][locale]=en'
    );
    expect(screen.getByRole('button', { name: 'Create draft' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Import it again anyway' }));
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await screen.findByTestId('ew-import-done');
    expect(server.requestsTo('POST', CREATE)[0].data).toMatchObject({ allowDuplicate: true });
  });

  it('shows a refusal in Strapi’s words and stays where it was', async () => {
    server.on(
      'POST',
      PREVIEW,
      strapiError(400, 'ValidationError', 'The copy is binary (NUL bytes)')
    );
    const { user } = show();
    await user.click(await screen.findByRole('textbox', { name: 'Wire copy' }));
    await user.paste('x');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Review' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(await screen.findByTestId('ew-import-error')).toHaveTextContent(
      'Not imported: The copy is binary (NUL bytes)'
    );
    expect(screen.getByRole('textbox', { name: 'Wire copy' })).toHaveValue('x');

    server.on('POST', PREVIEW, ok(proposal()));
    server.on(
      'POST',
      CREATE,
      strapiError(409, 'ConflictError', 'This copy was imported before: «Talks in Sochi»')
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await screen.findByTestId('ew-import-review');
    expect(screen.queryByTestId('ew-import-error')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByTestId('ew-import-error')).toHaveTextContent(
      'This copy was imported before: «Talks in Sochi»'
    );
    expect(screen.getByTestId('ew-import-review')).toBeInTheDocument();
  });

  it('reads a chosen file, taking the format from its name', async () => {
    server.on('POST', PREVIEW, ok(proposal({ format: 'ninjs' })));
    const { user } = show();
    const json = '{"headline":"Talks in Sochi","body_text":"Leaders met."}';
    await user.upload(
      await screen.findByLabelText('Or drop a .txt, .html, .json or .xml file here, or choose one'),
      new File([json], 'feed.json', { type: 'application/json' })
    );
    expect(await screen.findByTestId('ew-import-filename')).toHaveTextContent(
      'Read from feed.json'
    );
    expect(screen.getByRole('textbox', { name: 'Wire copy' })).toHaveValue(json);
    expect(screen.getByRole('combobox', { name: 'Format' })).toHaveTextContent('ninjs (JSON)');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Review' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await screen.findByTestId('ew-import-review');
    expect(server.requestsTo('POST', PREVIEW)[0].data).toEqual({
      content: json,
      format: 'ninjs',
      locale: 'en',
      filename: 'feed.json',
    });
  });
});
