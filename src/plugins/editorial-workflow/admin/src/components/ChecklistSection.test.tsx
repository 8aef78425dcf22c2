import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Checklist, ChecklistItem } from '../../../shared/checklist';
import { ARTICLE, QUOTE } from '../../tests/fixtures';
import { renderInAdmin } from '../../tests/render';
import { notifications, ok, server, strapiError } from '../../tests/strapi-admin';
import { ChecklistSection } from './ChecklistSection';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const CHECKLIST = `/editorial-workflow/checklist/${encodeURIComponent(ARTICLE)}/doc-1`;
const quoteUrl = (id: string) => `/content-manager/collection-types/${QUOTE}/${id}`;

const item = (over: Partial<ChecklistItem> = {}): ChecklistItem => ({
  uid: QUOTE,
  documentId: 'q-1',
  locale: 'en',
  text: '«We will build it»',
  speaker: 'Mayor Jones',
  source: { name: 'City Wire', reliability: 'B' },
  saidAt: '2026-11-30',
  url: 'https://example.org/speech',
  verification: 'unverified',
  verificationNote: null,
  verifiedBy: null,
  verifiedAt: null,
  ...over,
});
const checklist = (items: ChecklistItem[], over: Partial<Checklist> = {}): Checklist => ({
  items,
  progress: {
    done: items.filter((i) => i.verification === 'verified').length,
    total: items.length,
  },
  warnings: [],
  blocking: false,
  canVerify: true,
  ...over,
});

const show = () => renderInAdmin(<ChecklistSection uid={ARTICLE} documentId="doc-1" locale="en" />);

describe('ChecklistSection', () => {
  it('shows progress, each quote with speaker, source and grade, date, link, status and verifier', async () => {
    server.on(
      'GET',
      CHECKLIST,
      ok(
        checklist(
          [
            item(),
            item({
              documentId: 'q-2',
              text: '«Taxes go down»',
              verification: 'verified',
              verifiedBy: 'Fiona Tester',
              verifiedAt: '2026-12-01T10:00:00.000Z',
            }),
            item({ documentId: 'q-3', verification: 'verified', verifiedBy: 'Fiona Tester' }),
          ],
          {
            warnings: [
              { code: 'single-source', message: 'All 3 quotes rest on one source, City Wire.' },
            ],
          }
        )
      )
    );
    show();
    expect(await screen.findByTestId('ew-checklist-progress')).toHaveTextContent('2 of 3 verified');
    const row = screen.getByTestId('ew-quote-q-1');
    expect(row).toHaveTextContent('«We will build it»');
    expect(row).toHaveTextContent('Mayor Jones · City Wire (grade B) · 2026-11-30');
    expect(within(row).getByRole('link')).toHaveAttribute('href', 'https://example.org/speech');
    expect(within(row).getByTestId('ew-quote-status')).toHaveTextContent('Unverified');
    expect(screen.getByTestId('ew-quote-q-2')).toHaveTextContent('Fiona Tester');
    expect(screen.getByTestId('ew-source-warnings')).toHaveTextContent(
      'All 3 quotes rest on one source, City Wire.'
    );
    // The current verdict is not offered again.
    expect(within(row).queryByTestId('ew-verdict-unverified')).not.toBeInTheDocument();
  });

  it('is absent for a story without quotes', async () => {
    server.on('GET', CHECKLIST, ok(checklist([])));
    const { settled } = show();
    await settled();
    expect(screen.queryByTestId('ew-checklist')).not.toBeInTheDocument();
  });

  it('asks a note for a dispute, then writes the verdict through the Content Manager and refetches', async () => {
    let answer = checklist([item()]);
    server.on('GET', CHECKLIST, () => ok(answer));
    server.on('PUT', quoteUrl('q-1'), (req) => {
      answer = checklist([
        item({
          verification: 'disputed',
          verificationNote: (req.data as any).verificationNote,
          verifiedBy: 'Fiona Tester',
        }),
      ]);
      return ok({ documentId: 'q-1', verification: 'disputed' });
    });
    const { user } = show();
    const row = await screen.findByTestId('ew-quote-q-1');
    await user.click(within(row).getByTestId('ew-verdict-disputed'));
    await user.click(within(row).getByTestId('ew-verdict-save'));
    expect(await within(row).findByText('Say why: this verdict needs a note.')).toBeInTheDocument();
    expect(server.requestsTo('PUT', quoteUrl('q-1'))).toHaveLength(0);

    await user.type(within(row).getByTestId('ew-verdict-note'), '  The tape says otherwise ');
    await user.click(within(row).getByTestId('ew-verdict-save'));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('ew-quote-q-1')).getByTestId('ew-quote-status')
      ).toHaveTextContent('Disputed')
    );
    const [put] = server.requestsTo('PUT', quoteUrl('q-1'));
    expect(put.data).toEqual({
      verification: 'disputed',
      verificationNote: 'The tape says otherwise',
    });
    expect(put.params).toEqual({ locale: 'en' });
    expect(server.requestsTo('GET', CHECKLIST)).toHaveLength(2);
    expect(screen.getByTestId('ew-quote-q-1')).toHaveTextContent('The tape says otherwise');
  });

  it('verifies without a note, and says why when the server refuses', async () => {
    server.on('GET', CHECKLIST, ok(checklist([item()])));
    server.on(
      'PUT',
      quoteUrl('q-1'),
      strapiError(
        403,
        'ForbiddenError',
        'Only holders of the "Verify quotes" permission may change it'
      )
    );
    const { user } = show();
    const row = await screen.findByTestId('ew-quote-q-1');
    await user.click(within(row).getByTestId('ew-verdict-verified'));
    await user.click(within(row).getByTestId('ew-verdict-save'));
    await waitFor(() =>
      expect(notifications).toEqual([
        {
          type: 'danger',
          message: 'Only holders of the "Verify quotes" permission may change it',
        },
      ])
    );
    expect(server.requestsTo('PUT', quoteUrl('q-1'))[0].data).toEqual({
      verification: 'verified',
      verificationNote: null,
    });
  });

  it('says so when the Content Manager left the verdict out (a role without the field)', async () => {
    server.on('GET', CHECKLIST, ok(checklist([item()])));
    server.on('PUT', quoteUrl('q-1'), ok({ documentId: 'q-1', verification: 'unverified' }));
    const { user } = show();
    const row = await screen.findByTestId('ew-quote-q-1');
    await user.click(within(row).getByTestId('ew-verdict-verified'));
    await user.click(within(row).getByTestId('ew-verdict-save'));
    await waitFor(() =>
      expect(notifications).toEqual([
        {
          type: 'warning',
          message:
            'The verdict was not saved: your role may not set verdicts (Verify quotes permission).',
        },
      ])
    );
    // The verdict editor stays open.
    expect(within(row).getByTestId('ew-verdict-save')).toBeInTheDocument();
  });

  it('offers no verdict buttons to a user the server says may not verify, and says who may', async () => {
    server.on(
      'GET',
      CHECKLIST,
      ok(checklist([item(), item({ documentId: 'q-2' })], { canVerify: false }))
    );
    show();
    const row = await screen.findByTestId('ew-quote-q-1');
    expect(screen.getByTestId('ew-verdicts-locked')).toHaveTextContent(
      'Verdicts are given by those who hold the Verify quotes permission (fact-checkers and editors).'
    );
    // The quote, its status and progress are still shown; nothing to press.
    expect(within(row).getByTestId('ew-quote-status')).toHaveTextContent('Unverified');
    expect(screen.getByTestId('ew-checklist-progress')).toHaveTextContent('0 of 2 verified');
    expect(screen.queryByTestId(/^ew-verdict-/)).not.toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('shows verdict buttons, and no locked hint, to a user who may verify', async () => {
    server.on('GET', CHECKLIST, ok(checklist([item()])));
    show();
    const row = await screen.findByTestId('ew-quote-q-1');
    expect(
      within(row)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(['Verified', 'Disputed', 'Misattributed', 'Unverifiable']);
    expect(screen.queryByTestId('ew-verdicts-locked')).not.toBeInTheDocument();
  });
});
