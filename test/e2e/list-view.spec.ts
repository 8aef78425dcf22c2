// The Content Manager's list view of stories: the workflow's Stage column and Stage filter, and bulk
// Publish, which explains that publishing goes through the workflow.
import { ARTICLE, seedStory } from './newsroom-api';
import { escapeRegExp, expect, listViewUrl, test } from './fixtures';

const QUOTE_TEXT = '«We have agreed on the main points and will keep talking.»';

test.describe('as the author', () => {
  test.use({ role: 'author' });

  test("list view: the Stage column shows each story's stage and the Stage filter narrows the list", async ({
    page,
    api,
    tag,
    capture,
  }) => {
    const drafted = `Minsk talks postponed ${tag}`;
    const submitted = `Sochi talks end without a statement ${tag}`;
    await seedStory(api, { title: drafted, quote: QUOTE_TEXT, stage: 'draft' });
    await seedStory(api, { title: submitted, quote: QUOTE_TEXT, stage: 'fact_check' });

    await page.goto(listViewUrl(ARTICLE, tag));
    const row = (title: string) => page.getByRole('row', { name: new RegExp(escapeRegExp(title)) });
    await expect(row(drafted).getByTestId('ew-stage-badge')).toHaveAttribute('data-stage', 'draft');
    await expect(row(submitted).getByTestId('ew-stage-badge')).toHaveAttribute(
      'data-stage',
      'fact_check'
    );

    const filter = page.getByRole('combobox', { name: 'Filter by workflow stage' });
    await filter.click();
    await page.getByRole('option', { name: 'Stage: Draft' }).click();
    await expect(row(submitted)).toHaveCount(0);
    await expect(row(drafted)).toBeVisible();

    await filter.click();
    await page.getByRole('option', { name: 'Stage: Fact-check' }).click();
    await expect(row(drafted)).toHaveCount(0);
    await expect(row(submitted)).toBeVisible();
    // A plain Content Manager filter on the document's own stage (no id list), and the column right
    // after the title, where an editor looks first.
    await expect(page).toHaveURL(
      /filters%5B%24and%5D%5B\d+%5D%5BeditorialStage%5D%5B%24eq%5D=fact_check|filters\[\$and\]\[\d+\]\[editorialStage\]\[\$eq\]=fact_check/
    );
    const headers = (await page.locator('thead th').allInnerTexts()).map((h) =>
      h.trim().toLowerCase()
    );
    expect(headers.indexOf('stage'), headers.join(' | ')).toBe(headers.indexOf('title') + 1);
    await capture('list-view.png');
  });
});

test.describe('as an administrator', () => {
  // Core shows bulk Publish only to whom may publish: an administrator.
  test.use({ role: 'chief' });

  test('bulk Publish in the list view explains that publishing goes through the workflow', async ({
    page,
    api,
    tag,
    capture,
  }) => {
    const title = `Belarus opposition calls for talks ${tag}`;
    await seedStory(api, { title, quote: QUOTE_TEXT, stage: 'draft' });

    await page.goto(listViewUrl(ARTICLE, tag));
    const row = page.getByRole('row', { name: new RegExp(escapeRegExp(title)) });
    await row.getByRole('checkbox').check();
    const bulkPublish = page.getByRole('button', { name: 'Publish', exact: true });
    await expect(bulkPublish).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unpublish', exact: true })).toHaveCount(0);
    await bulkPublish.click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByTestId('ew-bulk-publish-explanation')).toHaveText(/fact-check/);
    await expect(dialog).toContainText('Publishing goes through the editorial workflow');
    await capture('list-view-bulk-publish.png');
    await dialog.getByRole('button', { name: 'Open the fact-check queue' }).click();
    await expect(page).toHaveURL(/\/admin\/plugins\/editorial-workflow/);
  });
});
