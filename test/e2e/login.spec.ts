// The one test that logs in through the form; the others start with a session (fixtures.ts).
import { expect, test } from './fixtures';
import { PASSWORD, USERS } from './users';

test('a fact-checker logs in through the login form and finds the fact-check queue', async ({
  page,
}) => {
  await page.goto('/admin/auth/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(USERS.checker.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await page.getByRole('link', { name: 'Fact-check queue' }).click();
  await expect(page.getByRole('heading', { name: 'Fact-check queue' })).toBeVisible();
});
