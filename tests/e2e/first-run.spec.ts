import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp, ZH, type Labels } from './helpers';

/**
 * The welcome on a new, empty workspace: four ways to start, each doing what it says — start empty (and
 * stay dismissed), load the demo data, go to the CSV import, open a `.sqlite` backup — in both languages.
 */

const CHOICES_EN = ['Start empty', 'Load demo data', 'Import a CSV', 'Open a .sqlite file'];
const CHOICES_ZH = ['从空白开始', '加载演示数据', '导入 CSV 文件', '打开 .sqlite 文件'];

const welcome = (page: Page, title: string) => page.getByRole('region', { name: title });

test.describe('first run', () => {
  test('offers four ways to start; "Start empty" dismisses it for good, by keyboard', async ({ page }) => {
    await openApp(page, { labels: EN });
    const region = welcome(page, 'Welcome! How would you like to start?');
    await expect(region).toBeVisible();
    await expect(region.getByRole('list', { name: 'Ways to start' }).getByRole('button')).toHaveCount(4);
    for (const name of CHOICES_EN)
      await expect(region.getByRole('button', { name, exact: true })).toBeEnabled();
    await expect(region.getByRole('button', { name: 'Start empty' })).toHaveAccessibleDescription(
      'Enter your own customers, leads and deals.',
    );

    await region.getByRole('button', { name: 'Start empty' }).focus();
    await page.keyboard.press('Enter');
    await expect(region).toBeHidden();
    await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
    await expect(region).toBeHidden();
  });

  test('"Import a CSV" opens the import page; the welcome is still there until data arrives', async ({
    page,
  }) => {
    await openApp(page, { labels: EN });
    const region = welcome(page, 'Welcome! How would you like to start?');
    await region.getByRole('button', { name: 'Import a CSV' }).click();
    await expect(page).toHaveURL(/#\/import$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await page.goBack();
    await expect(region).toBeVisible();
  });

  test('"Open a .sqlite file" restores a downloaded backup into the new workspace', async ({ page }) => {
    // A workspace with one customer, downloaded as a file…
    await openApp(page, { labels: EN, store: 'first-run-source' });
    await createCustomer(page, { name: 'Quill & Ink Ltd' });
    // (through the command palette's backup action)
    await page.keyboard.press('Control+k');
    await page.keyboard.type('download');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('option', { selected: true })).toHaveText('Download backup (.sqlite)');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloading;
    const bytes = readFileSync((await download.path())!);

    // …opened from the welcome of another, new workspace.
    await page.goto('./?store=first-run-target#/customers');
    const region = welcome(page, 'Welcome! How would you like to start?');
    const choosing = page.waitForEvent('filechooser');
    await region.getByRole('button', { name: 'Open a .sqlite file' }).click();
    const chooser = await choosing;
    await chooser.setFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/vnd.sqlite3',
      buffer: bytes,
    });
    const confirm = page.getByRole('dialog', { name: 'Replace your data with this file?' });
    await expect(confirm).toContainText(download.suggestedFilename());
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(customerGrid(page).getByRole('row', { name: /Quill & Ink Ltd/ })).toBeVisible();
    await expect(region).toBeHidden();
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('offers the four choices in Chinese, and "加载演示数据" fills the list with Chinese customers', async ({
      page,
    }) => {
      await openApp(page, { labels: ZH as Labels });
      const region = welcome(page, '欢迎！想怎样开始？');
      await expect(region).toBeVisible();
      for (const name of CHOICES_ZH)
        await expect(region.getByRole('button', { name, exact: true })).toBeVisible();
      await region.getByRole('button', { name: '加载演示数据', exact: true }).click();
      await expect(page.getByRole('progressbar', { name: '演示数据进度' })).toBeVisible();
      // As in search.spec.ts: the list may ask to try again while the generator is still writing.
      await expect(async () => {
        const retry = page.getByRole('button', { name: '重试' });
        if (await retry.isVisible()) await retry.click();
        await expect(page.getByText(/^共 [1-9][\d,]* 位客户$/)).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 90_000 });
      const names = await customerGrid(page).getByRole('link').allInnerTexts();
      expect(names.length).toBeGreaterThan(5);
      expect(names.every((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
      await expect(region).toBeHidden();

      await page.reload();
      await expect(page.getByText(/^共 [1-9][\d,]* 位客户$/)).toBeVisible();
      await expect(region).toBeHidden();
    });
  });
});
