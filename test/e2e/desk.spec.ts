// The fact-checker's desk, one round trip and back: the author submits, the editor assigns, the
// fact-checker finds it under "Assigned to me", checks the quotes in the panel and sends it back;
// the author reads the email, answers in the thread and resubmits; the fact-checker approves and the
// desk page shows the round's times. Each person has their own browser session.
import type { Browser, Page } from '@playwright/test';
import { readMailbox, type Mail } from './mailbox';
import { ARTICLE } from './newsroom-api';
import { editViewUrl, escapeRegExp, expect, SCREENSHOTS, test, workflowPanel } from './fixtures';
import { baseUrl, storageStatePath, USERS, type Role } from './users';

// From the sample wire copy (src/demo/wire/belarus-sochi-talks.txt), like the demo content.
const TITLE = 'Tens of thousands of Belarus protesters rally on eve of Putin-Lukashenko talks';
const QUOTES = [
  '«Given their scale and number, all reports of torture and other forms of ill-treatment by security forces must be documented and investigated.»',
  '«Everyone who has been detained for peaceful protest must be released.»',
  '«The Kremlin will take part in the talks only to secure a loan.»',
];
const DISPUTE_NOTE = 'The Kremlin transcript says no such thing: find the recording.';
const CHANGES = 'Quote 3 is not in the transcript: source it or cut it.';
const REPLY = 'Replaced it with the wording from the recording.';

const mailDir = () => {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run through playwright.config.ts');
  return dir;
};
const mailsTo = (email: string, after: number): Mail[] =>
  readMailbox(mailDir())
    .slice(after)
    .filter((m) => m.to.includes(email));

/** A browser session of `role`, as the fixtures' own context is set up (viewport, offline answers). */
const sessionOf = async (browser: Browser, role: Role, fix: (c: any) => Promise<void>) => {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    storageState: storageStatePath(role),
    viewport: { width: 1440, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  await fix(context);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({ status: 204, body: '' })
  );
  return context.newPage();
};

const shoot = async (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/${name}`, animations: 'disabled', fullPage: true });

test.use({ role: 'checker' });

test('the desk: assign, check quotes in the panel, request changes by email, reply in the thread, resubmit, approve, see the times', async ({
  page,
  browser,
  api,
  tag,
  capture,
  idleCallbackFix,
}) => {
  test.setTimeout(480_000);
  const title = `${TITLE} ${tag}`;
  const speaker = await api.author.createPerson({ name: `Michelle Bachelet ${tag}` });
  const source = await api.author.createSource({
    name: `UN Human Rights Council ${tag}`,
    type: 'official',
    reliability: 'A',
  });
  const story = await api.author.createStory({ title });
  const quotes: string[] = [];
  for (const text of QUOTES)
    quotes.push(await api.author.createQuote({ text, speaker, source, article: story }));
  const mailsBefore = readMailbox(mailDir()).length;

  // The author submits from the panel.
  const author = await sessionOf(browser, 'author', idleCallbackFix);
  await author.goto(editViewUrl(ARTICLE, story));
  const authorPanel = workflowPanel(author);
  // The author sees the quotes to check, and no verdict buttons: verdicts are not theirs to give.
  await expect(author.getByTestId('ew-checklist-progress')).toHaveText('0 of 3 verified');
  await expect(author.getByTestId('ew-verdicts-locked')).toBeVisible();
  await expect(
    author.getByTestId('ew-checklist').locator('[data-testid^="ew-verdict-"]')
  ).toHaveCount(0);
  await authorPanel.button('Submit for fact-check').click();
  await expect(authorPanel.stage).toHaveAttribute('data-stage', 'fact_check');

  // The editor assigns it to the fact-checker.
  const editor = await sessionOf(browser, 'editor', idleCallbackFix);
  await editor.goto(editViewUrl(ARTICLE, story));
  const checkerName = `${USERS.checker.firstname} ${USERS.checker.lastname}`;
  await editor.getByRole('combobox', { name: 'Assign to' }).click();
  await editor.getByRole('option', { name: checkerName, exact: true }).click();
  await editor.getByTestId('ew-assign').click();
  await expect(editor.getByTestId('ew-assignee')).toContainText(checkerName);
  await editor.context().close();
  // The assignee is told.
  await expect
    .poll(() => mailsTo(USERS.checker.email, mailsBefore).map((m) => m.subject))
    .toContainEqual(expect.stringMatching(/^Assigned to you: /));

  // The fact-checker finds it under "Assigned to me".
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Fact-check queue' }).click();
  await page.getByRole('combobox', { name: 'Assigned' }).click();
  await page.getByRole('option', { name: 'Assigned to me' }).click();
  const row = page
    .getByTestId('ew-queue')
    .getByRole('row', { name: new RegExp(escapeRegExp(title)) });
  await expect(row.getByTestId('ew-queue-assignee')).toHaveText(checkerName);
  await capture('queue-assigned-to-me.png');
  await row.getByRole('link', { name: title }).click();
  const ew = workflowPanel(page);
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');

  // Two quotes verified and one disputed, from the panel; approve says why it cannot be done yet.
  const checklist = page.getByTestId('ew-checklist');
  await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('0 of 3 verified');
  const verdict = async (quote: string, value: string, note: string) => {
    const item = checklist.getByTestId(`ew-quote-${quote}`);
    await item.getByTestId(`ew-verdict-${value}`).click();
    await item.getByTestId('ew-verdict-note').fill(note);
    await item.getByTestId('ew-verdict-save').click();
    await expect(item.getByTestId('ew-quote-status')).toHaveText(new RegExp(value, 'i'));
  };
  await verdict(quotes[0], 'verified', 'Matches the OHCHR statement.');
  await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('1 of 3 verified');
  await verdict(quotes[1], 'verified', 'Matches the OHCHR statement.');
  await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('2 of 3 verified');
  await verdict(quotes[2], 'disputed', DISPUTE_NOTE);
  await expect(checklist.getByTestId(`ew-quote-${quotes[2]}`)).toContainText(DISPUTE_NOTE);
  await expect(ew.button('Approve and publish')).toBeDisabled();
  await expect(page.getByTestId('ew-blocked-approve')).toContainText(/disputed/);
  await checklist.scrollIntoViewIfNeeded();
  await capture('panel-checklist.png');

  await ew.comment.fill(CHANGES);
  await ew.button('Request changes').click();
  await expect(ew.stage).toHaveAttribute('data-stage', 'draft');

  // The author gets the request-changes email, with the comment.
  await expect
    .poll(() => mailsTo(USERS.author.email, mailsBefore).map((m) => m.subject))
    .toContainEqual(`Changes requested: ${title} (en)`);
  const changesMail = mailsTo(USERS.author.email, mailsBefore).find((m) =>
    m.subject.startsWith('Changes requested')
  )!;
  expect(changesMail.text).toContain(CHANGES);

  // The author answers in the thread, mentioning the fact-checker, fixes the quote and resubmits.
  await author.goto(editViewUrl(ARTICLE, story));
  const thread = author.getByTestId('ew-thread');
  await expect(thread.getByTestId('ew-note').filter({ hasText: CHANGES })).toHaveCount(1);
  const body = thread.getByTestId('ew-note-body');
  await body.fill('@Fio');
  await author.getByTestId('ew-mention-option').filter({ hasText: checkerName }).click();
  await body.press('End');
  await body.pressSequentially(` ${REPLY}`);
  await thread.getByTestId('ew-note-post').click();
  await expect(thread.getByTestId('ew-note').filter({ hasText: REPLY })).toHaveCount(1);
  await thread.scrollIntoViewIfNeeded();
  await shoot(author, 'thread.png');
  await expect
    .poll(() => mailsTo(USERS.checker.email, mailsBefore).map((m) => m.subject))
    .toContainEqual(expect.stringMatching(/mentioned you: /));

  await api.author.updateQuote(quotes[2], {
    text: '«Minsk will not trade its sovereignty for a loan.»',
  });
  await author.reload();
  await authorPanel.button('Submit for fact-check').click();
  await expect(authorPanel.stage).toHaveAttribute('data-stage', 'fact_check');
  await author.context().close();
  // Resubmitted: the assignee hears of it, not every fact-checker.
  await expect
    .poll(() => mailsTo(USERS.checker.email, mailsBefore).map((m) => m.subject))
    .toContainEqual(expect.stringMatching(/^Submitted for fact-check: /));

  // The fact-checker checks the new wording and approves.
  await page.reload();
  await expect(ew.stage).toHaveAttribute('data-stage', 'fact_check');
  await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('2 of 3 verified');
  await verdict(quotes[2], 'verified', 'Confirmed against the recording.');
  await expect(checklist.getByTestId('ew-checklist-progress')).toHaveText('3 of 3 verified');
  await ew.button('Approve and publish').click();
  await expect(ew.stage).toHaveAttribute('data-stage', 'published');
  const live = await api.reader.story(story);
  expect(live?.quotes.map((q) => q.verification)).toEqual(['verified', 'verified', 'verified']);

  // The desk page shows the round: two rounds in fact-check, one sent back, one approved.
  await page.getByRole('link', { name: 'Newsroom desk' }).click();
  const desk = page.getByTestId('ew-desk');
  await expect(desk.getByTestId('ew-desk-median')).not.toHaveText(/—/);
  await expect(desk.getByTestId('ew-desk-funnel')).toContainText(/approved/i);
  await expect(desk.getByTestId('ew-desk-checkers')).toContainText(checkerName);
  await expect(desk.getByTestId('ew-desk-chart')).toBeVisible();
  await capture('desk.png');
});
