// Wire copy in, checkable draft out (issue 12): the author pastes the raw sample into Import wire
// copy, reviews what was cleaned and matched, corrects a quote's source, creates the draft and
// submits it from the Content Manager; the fact-checker finds the extracted quotes unverified in the
// story's checklist. The same copy was imported before (as the development demo does), so the
// review warns of it and the author imports it again on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { ARTICLE } from './newsroom-api';
import { editViewUrl, escapeRegExp, expect, test, workflowPanel } from './fixtures';
import { ROOT } from './server';

const SAMPLE = fs.readFileSync(
  path.join(ROOT, 'src', 'demo', 'wire', 'belarus-sochi-talks.txt'),
  'utf8'
);
const TITLE = 'Lukashenko and Putin: negotiations amid protests';
const BACHELET = '«Given their scale and number, all reports of torture';
const TIKHANOVSKAYA = '«I want to remind Vladimir Putin';

// One story, two people: the author imports it, then the fact-checker checks it.
test.describe.configure({ mode: 'serial' });
let imported: { documentId: string; source: string } | null = null;

test.describe('as the author', () => {
  test.use({ role: 'author' });

  test('imports the raw sample: review, correct a quote’s source, create the draft, submit it', async ({
    page,
    api,
    tag,
    capture,
  }) => {
    // The copy is in already (the demo imports it in development; the production server of
    // these tests has no demo): this creates its people and sources, matched below.
    const before = await api.author.importWire({ content: SAMPLE, allowDuplicate: true });
    const earlier = before.stories[0].documentId;

    await page.goto('/admin');
    await page.getByRole('link', { name: 'Import wire copy' }).click();
    await page.getByRole('textbox', { name: 'Wire copy' }).fill(SAMPLE);
    await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveText(/en/i);
    await page.getByRole('button', { name: 'Review' }).click();

    const review = page.getByTestId('ew-import-review');
    await expect(review.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
    await expect(review.getByRole('textbox', { name: 'Body' })).not.toHaveValue(
      /&#|\.\.|Subscribe|Similar articles/
    );
    // Imported before: the warning links the earlier story, and Create draft waits for a decision.
    const duplicates = review.getByTestId('ew-import-duplicates');
    await expect(duplicates).toBeVisible();
    await expect(duplicates.getByRole('link', { name: `«${TITLE}» (en)` }).first()).toHaveAttribute(
      'href',
      new RegExp(escapeRegExp(earlier))
    );
    await expect(page.getByTestId('ew-import-create')).toBeDisabled();

    // Both quotes, their speakers matched to the people the first import created.
    const quote1 = review.getByRole('group', { name: 'Quote 1' });
    const quote2 = review.getByRole('group', { name: 'Quote 2' });
    await expect(quote1).toContainText(BACHELET);
    await expect(quote2).toContainText(TIKHANOVSKAYA);
    await expect(review.getByTestId('ew-import-quote-0-speaker-status')).toHaveText(
      'matched: Michelle Bachelet'
    );
    await expect(review.getByTestId('ew-import-quote-1-speaker-status')).toHaveText(
      'matched: Svetlana Tikhanovskaya'
    );
    await capture('import-review.png');

    // The correction: Bachelet spoke for her Office, not for the Council.
    const source = `Office of the UN High Commissioner for Human Rights ${tag}`;
    await review.getByRole('combobox', { name: 'Source of quote 1' }).click();
    await page.getByRole('option', { name: 'A new source…' }).click();
    await review.getByRole('textbox', { name: 'Name of quote 1’s source' }).fill(source);

    await duplicates.getByRole('checkbox', { name: 'Import it again anyway' }).click();
    await page.getByTestId('ew-import-create').click();

    const done = page.getByTestId('ew-import-done');
    await expect(done).toBeVisible();
    const open = done.locator('[data-testid^="ew-import-open-"]');
    await expect(open).toHaveCount(1);
    const documentId = (await open.getAttribute('data-testid'))!.replace('ew-import-open-', '');
    expect(documentId).not.toBe(earlier);
    await open.click();

    // The draft in the Content Manager, submitted from the workflow panel.
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(ARTICLE)}/${documentId}`));
    await expect(page.getByRole('textbox', { name: 'title', exact: true })).toHaveValue(TITLE);
    const ew = workflowPanel(page);
    await expect(ew.stage).toHaveAttribute('data-stage', 'draft');
    await expect(page.getByTestId('ew-checklist-progress')).toHaveText('0 of 2 verified');
    await ew.button('Submit for fact-check').click();
    await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');
    imported = { documentId, source };
  });
});

test.describe('as the fact-checker', () => {
  test.use({ role: 'checker' });

  test('sees the extracted quotes unverified in the story’s checklist', async ({
    page,
    capture,
  }) => {
    if (!imported) throw new Error('the author’s import did not finish');
    await page.goto(editViewUrl(ARTICLE, imported.documentId));
    const ew = workflowPanel(page);
    await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');
    const checklist = page.getByTestId('ew-checklist');
    await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('0 of 2 verified');
    const items = checklist.locator(
      '[data-testid^="ew-quote-"]:not([data-testid="ew-quote-status"])'
    );
    await expect(items).toHaveCount(2);
    const bachelet = items.filter({ hasText: BACHELET });
    const tikhanovskaya = items.filter({ hasText: TIKHANOVSKAYA });
    // The corrected source, and the one the import matched.
    await expect(bachelet).toContainText(`Michelle Bachelet · ${imported.source}`);
    await expect(tikhanovskaya).toContainText(
      "Svetlana Tikhanovskaya · Svetlana Tikhanovskaya's Telegram channel"
    );
    for (const item of [bachelet, tikhanovskaya])
      await expect(item.getByTestId('ew-quote-status')).toHaveText(/unverified/i);
    // The verdict buttons are the fact-checker's.
    await expect(bachelet.getByTestId('ew-verdict-verified')).toBeVisible();
    await checklist.scrollIntoViewIfNeeded();
    await capture('import-checklist.png');
  });
});
