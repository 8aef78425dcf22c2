// The author's side: writing a story and its quote in the Content Manager, with no way to publish
// but the workflow, and submitting it; editing a live story sends it back to draft.
import { ARTICLE, QUOTE, seedStory } from './newsroom-api';
import { editViewUrl, escapeRegExp, expect, test, workflowPanel } from './fixtures';

// From the sample wire copy (src/demo/wire/belarus-sochi-talks.txt), like the demo content.
const TITLE = 'Lukashenko and Putin: negotiations amid protests';
const STANDFIRST = 'This is the first meeting of the two presidents after the elections in Belarus';
const QUOTE_TEXT =
  '«Given their scale and number, all reports of torture and other forms of ill-treatment by security forces must be documented and investigated.»';

test.use({ role: 'author' });

test('the author writes a story with a quote, sees no Publish button, and submits it', async ({
  page,
  api,
  tag,
  capture,
}) => {
  // People and sources come from the API, by the author: an Author reads only what they created.
  const speaker = `Michelle Bachelet ${tag}`;
  const source = `UN Human Rights Council ${tag}`;
  await api.author.createPerson({ name: speaker, role: 'UN High Commissioner for Human Rights' });
  await api.author.createSource({ name: source, type: 'official', reliability: 'A' });
  const title = `${TITLE} ${tag}`;

  await page.goto(
    `/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=en`
  );
  await page.getByRole('textbox', { name: 'title', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'standfirst', exact: true }).fill(STANDFIRST);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(ARTICLE)}/(?!create)[a-z0-9]+`));
  const articleId = new URL(page.url()).pathname.split('/').pop()!;

  // The quote: who said it, where it was said, which story it belongs to.
  await page.goto(
    `/admin/content-manager/collection-types/${QUOTE}/create?plugins[i18n][locale]=en`
  );
  await page.getByRole('textbox', { name: 'text', exact: true }).fill(QUOTE_TEXT);
  for (const [field, option] of [
    ['speaker', speaker],
    ['source', source],
    ['article', title],
  ]) {
    const box = page.getByRole('combobox', { name: field, exact: true });
    await box.click();
    await box.fill(tag);
    await page.getByRole('option', { name: new RegExp(escapeRegExp(option)) }).click();
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(QUOTE)}/(?!create)[a-z0-9]+`));
  // Linked to a story, the quote goes live with it: no Publish of its own.
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  await page.goto(editViewUrl(ARTICLE, articleId));
  const ew = workflowPanel(page);
  await expect(ew.stage).toHaveAttribute('data-stage', 'draft');
  await expect(ew.live).toHaveText(/No version is published/);
  // The Content Manager's own publishing is gone: no Publish button, nothing in the "more" menu.
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  const more = page.getByRole('button', { name: 'More document actions' });
  if (await more.count()) {
    await more.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(page.getByRole('menu').getByRole('menuitem', { name: /publish/i })).toHaveCount(0);
    await page.keyboard.press('Escape');
  }

  // The only move an author has is to submit; it is a labelled, keyboard-reachable button (the
  // panel's other buttons belong to the thread: the quote checklist offers an Author no verdicts).
  await expect(ew.panel.locator('button[data-transition]')).toHaveCount(1);
  await expect(ew.panel.getByTestId('ew-verdicts-locked')).toBeVisible();
  await expect(ew.panel.locator('[data-testid^="ew-verdict-"]')).toHaveCount(0);
  await expect(ew.comment).toHaveCount(1);
  await ew.button('Submit for fact-check').focus();
  await page.keyboard.press('Enter');
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');
  await expect(ew.history).toHaveText(/Submit for fact-check.*Draft → Fact-check.*Ada E2e/);
  await expect(ew.panel.locator('button[data-transition]')).toHaveCount(0);
  await capture('side-panel-author-submitted.png');
});

test('an edit to the live story sends it back to draft; readers keep the approved version', async ({
  page,
  api,
  tag,
  capture,
}) => {
  const { story } = await seedStory(api, {
    title: `${TITLE} ${tag}`,
    standfirst: STANDFIRST,
    quote: QUOTE_TEXT,
    stage: 'published',
  });

  await page.goto(editViewUrl(ARTICLE, story));
  const ew = workflowPanel(page);
  await expect(ew.stage).toHaveAttribute('data-stage', 'published');
  await page
    .getByRole('textbox', { name: 'standfirst', exact: true })
    .fill('UPDATED: the talks in Sochi lasted about four hours.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(ew.stage).toHaveAttribute('data-stage', 'draft');
  await expect(ew.live).toHaveText(/A published version is live/);
  await expect(ew.button('Submit for fact-check')).toHaveCount(1);
  await capture('side-panel-edited-live-story.png');

  const live = await api.reader.story(story);
  expect(live?.standfirst).toBe(STANDFIRST);
  expect(live?.quotes).toHaveLength(1);
});
