// The fact-checker's side: the queue, the guard's reason in words before approving, verifying a quote, approving;
// readers then get the story. Each story is the author's, submitted through the API.
import { ARTICLE, QUOTE, seedStory } from './newsroom-api';
import { editViewUrl, escapeRegExp, expect, test, workflowPanel } from './fixtures';

const TITLE = 'UN rights chief calls for torture inquiry';
const QUOTE_TEXT =
  '«Given their scale and number, all reports of torture and other forms of ill-treatment by security forces must be documented and investigated.»';

test.use({ role: 'checker' });

test('the fact-checker finds the story in the queue, is told the quote is unverified, verifies it and approves', async ({
  page,
  api,
  tag,
  capture,
}) => {
  const title = `${TITLE} ${tag}`;
  const { story, quote } = await seedStory(api, { title, quote: QUOTE_TEXT, stage: 'fact_check' });

  await page.goto('/admin');
  await page.getByRole('link', { name: 'Fact-check queue' }).click();
  await expect(page).toHaveURL(/\/admin\/plugins\/editorial-workflow/);
  const row = page
    .getByTestId('ew-queue')
    .getByRole('row', { name: new RegExp(escapeRegExp(title)) });
  await expect(row).toContainText('Ada E2e');
  await expect(row.getByRole('gridcell', { name: 'en', exact: true })).toBeVisible();
  await capture('queue.png');

  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(story));
  const ew = workflowPanel(page);
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');

  // Approving is refused, and the panel says which quote and why.
  // Before it is pressed: approve is disabled, with the guard's reason under it.
  await expect(ew.button('Approve and publish')).toBeDisabled();
  const blocked = page.getByTestId('ew-blocked-approve');
  await expect(blocked).toHaveText(/Given their scale and number.*unverified.*must be verified/);
  await blocked.scrollIntoViewIfNeeded();
  await capture('side-panel-refused.png');

  // The verdict on the quote, in the quote's own edit view.
  await page.goto(editViewUrl(QUOTE, quote));
  await page.getByRole('combobox', { name: 'verification', exact: true }).click();
  await page.getByRole('option', { name: 'verified', exact: true }).click();
  await page
    .getByRole('textbox', { name: 'verificationNote', exact: true })
    .fill('Confirmed against the ministry transcript.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved document').first()).toBeVisible();

  await page.goto(editViewUrl(ARTICLE, story));
  await ew.comment.fill('Quote checked against the transcript.');
  await ew.button('Approve and publish').click();
  await expect(ew.stage).toHaveAttribute('data-stage', 'published');
  await expect(ew.live).toHaveText(/A published version is live/);
  await expect(ew.refusal).toHaveCount(0);
  await expect(ew.history).toHaveText(
    /^Approve and publish.*Fact-check → Published.*Fiona E2e.*Quote checked against the transcript.*Submit for fact-check/
  );
  // The document's own status follows without a reload.
  await expect(page.getByRole('tab', { name: 'Published' })).toBeEnabled();
  await capture('side-panel-approved.png');

  // Nothing left to check of this story.
  await page.getByRole('link', { name: 'Fact-check queue' }).click();
  await expect(
    page.getByTestId('ew-queue').or(page.getByTestId('ew-queue-empty')).first()
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(title)) })).toHaveCount(0);

  // Readers get the approved story with its quote.
  const live = await api.reader.story(story);
  expect(live?.title).toBe(title);
  expect(live?.quotes.map((q) => [q.text, q.verification])).toEqual([[QUOTE_TEXT, 'verified']]);
});

test('Request changes needs a comment: the box asks for it and the panel refuses before anything is sent', async ({
  page,
  api,
  tag,
}) => {
  const { story } = await seedStory(api, {
    title: `${TITLE} ${tag}`,
    quote: QUOTE_TEXT,
    stage: 'fact_check',
  });
  await page.goto(editViewUrl(ARTICLE, story));
  const ew = workflowPanel(page);
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');
  // The workflow config's commentPrompt: the same words are the box's hint and the refusal.
  const asked = 'Say what needs to change: the author sees this comment.';
  // The comment box's own hint (the approve form has hints of its own: the embargo fields').
  const commentField = ew.comment.locator('xpath=ancestor::*[.//*[contains(@id, "-hint")]][1]');
  await expect(commentField.locator('[id$="-hint"]')).toHaveText(asked);
  await ew.button('Request changes').click();
  await expect(ew.panel.locator('[data-strapi-field-error]')).toHaveText(asked);
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');

  await ew.comment.fill('Please add the ministry reference.');
  await ew.button('Request changes').click();
  await expect(ew.stage).toHaveAttribute('data-stage', 'draft');
  await expect(ew.history).toHaveText(
    /^Request changes.*Fact-check → Draft.*Fiona E2e.*Please add the ministry reference/
  );
});
