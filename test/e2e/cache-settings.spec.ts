// Settings → Response cache: an editor sees what the cache of public reads holds and purges it;
// the next public read comes from the database again. A fact-checker has no such page.
import { databaseKind } from '../helpers/test-env.cjs';
import { seedStory } from './newsroom-api';
import { expect, test } from './fixtures';

test.describe('as an editor', () => {
  test.use({ role: 'editor' });

  test('an editor opens Settings → Response cache, sees the entries a public read left, and purges them', async ({
    page,
    api,
    tag,
    capture,
  }) => {
    const { story } = await seedStory(api, {
      title: `Cached election night ${tag}`,
      quote: '«Every vote will be counted.»',
      stage: 'published',
    });
    expect(await api.reader.storyFromCache(story)).toBe('MISS');
    expect(await api.reader.storyFromCache(story)).toBe('HIT');

    await page.goto('/admin/settings');
    await page.getByRole('link', { name: 'Response cache' }).click();
    await expect(page.getByRole('heading', { name: 'Response cache' })).toBeVisible();
    const entries = page.getByRole('group', { name: 'Cached answers' });
    await expect(entries).toHaveText(/\d/);
    const shown = Number((await entries.innerText()).replace(/\D/g, ''));
    expect(shown).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('group', { name: 'Size' })).toContainText(/of 64 MB/);
    await expect(page.getByRole('group', { name: 'Hit ratio' })).toContainText(/\d+(\.\d)?%/);
    await expect(page.getByRole('group', { name: 'Other server processes' })).toContainText(
      databaseKind() === 'postgres' ? 'PostgreSQL LISTEN: listening' : 'This process only (SQLite)'
    );
    await capture('settings-response-cache.png');

    await page.getByRole('button', { name: 'Purge the cache' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Purge the response cache?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Purge', exact: true }).click();
    await expect(
      page
        .getByText(
          `Cache purged on every server process (${shown} answer${shown === 1 ? '' : 's'} removed here).`
        )
        .first()
    ).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(entries).toContainText(/^Cached answers\s*0$/);
    expect((await api.editor.cacheStats()).entries).toBe(0);
    expect(await api.reader.storyFromCache(story)).toBe('MISS');
  });
});

test.describe('as a fact-checker', () => {
  test.use({ role: 'checker' });

  test('a fact-checker who opens the page by its address is told it is not theirs', async ({
    page,
  }) => {
    await page.goto('/admin/settings/editorial-workflow/cache');
    await expect(page.getByText(/don't have the permissions/i).first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Cached answers' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Purge the cache' })).toHaveCount(0);
  });
});
