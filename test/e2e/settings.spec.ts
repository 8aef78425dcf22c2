// Settings → Editorial workflow events: subscribing a webhook to the workflow's event, which core's
// own webhook form (it lists core events only) keeps when it saves.
import { expect, test } from './fixtures';

test.use({ role: 'chief' });

test("an administrator subscribes a webhook to editorial-workflow.transition; core's webhook form keeps it", async ({
  page,
  api,
  tag,
  capture,
}) => {
  // Production refuses webhook URLs that are not on the public internet; nothing is sent here.
  const name = `Newsroom bus ${tag}`;
  const { id } = await api.chief.createWebhook({
    name,
    url: 'https://1.1.1.1/newsroom-hook',
    events: ['entry.create'],
  });

  await page.goto('/admin/settings/editorial-workflow/webhooks');
  await page
    .getByRole('checkbox', { name: `Send editorial-workflow.transition to ${name}` })
    .check();
  await expect(page.getByText('Webhook saved.').first()).toBeVisible();
  expect((await api.chief.webhook(id)).events.sort()).toEqual([
    'editorial-workflow.transition',
    'entry.create',
  ]);
  // The CDN's event, beside it: every change to what readers see, with its cache tags.
  await page
    .getByRole('checkbox', { name: `Send editorial-workflow.cache-purge to ${name}` })
    .check();
  await expect
    .poll(async () => (await api.chief.webhook(id)).events.sort())
    .toEqual(['editorial-workflow.cache-purge', 'editorial-workflow.transition', 'entry.create']);
  await capture('settings-webhook-events.png');

  // Edited and saved in core's own form, which does not list the event: it stays subscribed.
  await page.goto(`/admin/settings/webhooks/${id}`);
  await page.getByRole('textbox', { name: 'Name' }).fill(`${name} renamed`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i }).first()).toBeVisible();
  const saved = await api.chief.webhook(id);
  expect(saved.name).toBe(`${name} renamed`);
  expect(saved.events).toContain('editorial-workflow.transition');
});
