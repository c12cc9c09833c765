import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

// Screens other than the customer list are loaded on first use. No service worker here, so every chunk
// comes from the network, as on a first visit before the app has been cached for offline use.
test.use({ serviceWorkers: 'block', locale: 'en-US' });

test('a screen whose code cannot be fetched says so, and Try again loads it once the network is back', async ({
  page,
}) => {
  await openApp(page);
  let blocked = true;
  await page.route(/\/assets\/settings-view-[\w-]+\.js$/, (route) =>
    blocked ? route.abort('internetdisconnected') : route.fallback(),
  );

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(problem).toBeVisible();
  await expect(problem.getByRole('heading', { name: 'This page could not be loaded' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toHaveCount(0);

  // The rest of the app keeps working meanwhile.
  await problem.getByRole('link', { name: 'Back to customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  await page.goBack();
  await expect(problem).toBeVisible();

  blocked = false;
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(problem).toBeHidden();
});

test('navigating to a screen loaded on demand moves focus to its heading, and the language switch still works', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Analytics', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeFocused();

  // The Chinese messages are a chunk of their own, fetched when the language changes.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeFocused();
});
