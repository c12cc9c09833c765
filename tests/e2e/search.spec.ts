import { expect, test, type Page } from '@playwright/test';
import { customerGrid, EN, openApp, ZH, type Labels } from './helpers';

/** Loads the demo data from the empty customer list and returns the names on the first page. */
async function loadDemo(
  page: Page,
  labels: { load: RegExp; confirm: RegExp; count: RegExp; retry: string },
): Promise<string[]> {
  await page.getByRole('button', { name: labels.load }).first().click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: labels.confirm }).last().click();
  // The list may fail to render a progress step while the demo generator grows (the page's "try again"
  // recovers); what this spec checks is the search over the loaded data.
  await expect(async () => {
    const retry = page.getByRole('button', { name: labels.retry });
    if (await retry.isVisible()) await retry.click();
    await expect(page.getByText(labels.count)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  return customerGrid(page).getByRole('link').allInnerTexts();
}

/** The global box (shown on the search page until the header carries it). */
async function openSearch(page: Page, label: string) {
  await page.goto('./#/search');
  const box = page.getByRole('combobox', { name: label });
  await expect(box).toBeVisible();
  return box;
}

test.describe('global search', () => {
  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('finds a customer by part of its Chinese name and opens it from the suggestions', async ({
      page,
    }) => {
      await openApp(page, { labels: ZH as Labels });
      const names = await loadDemo(page, {
        load: /加载演示数据/,
        confirm: /加载|确定|添加/,
        count: /^共 [1-9][\d,]* 位客户$/,
        retry: '重试',
      });
      // A company name's middle (no spaces in Chinese: 上海华信科技有限公司 → 华信科技) or a person's whole name.
      const name = names.find((n) => /^[\u4e00-\u9fff]{5,}$/.test(n)) ?? names[0]!;
      const part = name.length > 4 ? name.slice(2, 5) : name;

      const box = await openSearch(page, '搜索全部记录');
      await box.fill(part);
      const listbox = page.getByRole('listbox', { name: '搜索结果' });
      const option = listbox.getByRole('option').filter({ hasText: name }).first();
      await expect(option).toBeVisible();
      // Keyboard: arrow down to the match, Enter opens it.
      const options = await listbox.getByRole('option').allInnerTexts();
      const index = options.findIndex((text) => text.includes(name));
      for (let i = 0; i <= index; i++) await box.press('ArrowDown');
      await expect(option).toHaveAttribute('aria-selected', 'true');
      await box.press('Enter');
      await expect(page).toHaveURL(/#\/customers\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

      // Enter without a highlighted suggestion opens the results page, grouped by type.
      const again = await openSearch(page, '搜索全部记录');
      await again.fill(part);
      await expect(listbox.getByRole('option').first()).toBeVisible();
      await again.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/search\\?q=${encodeURIComponent(part)}`));
      const customers = page.getByRole('region', { name: '客户' });
      await expect(customers.getByRole('link', { name })).toBeVisible();
      await customers.getByRole('link', { name }).first().click();
      await expect(page).toHaveURL(/#\/customers\/\d+$/);
    });
  });

  test('finds an English customer by a word prefix, and says so when nothing matches', async ({ page }) => {
    await openApp(page, { labels: EN });
    const names = await loadDemo(page, {
      load: /Load demo data/,
      confirm: /Replace with demo data|Load/,
      count: /^[1-9][\d,]* customers?$/,
      retry: 'Try again',
    });
    const name = names.find((n) => /^[A-Za-z][A-Za-z]+ /.test(n)) ?? names[0]!;
    const prefix = name.split(' ')[0]!.slice(0, 4);

    const box = await openSearch(page, 'Search all records');
    await box.fill(prefix.toLowerCase());
    const option = page.getByRole('listbox').getByRole('option').filter({ hasText: name }).first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(/#\/customers\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

    await page.goto('./#/search?q=zzqxv%22%20AND%20*');
    await expect(page.getByText('Nothing matches “zzqxv" AND *”.')).toBeVisible();
  });

  test('"/" focuses the search box from anywhere on the page; Ctrl+K opens the command palette', async ({
    page,
  }) => {
    await openApp(page, { labels: EN, hash: '#/search' });
    await page.getByRole('heading', { name: 'Search', level: 1 }).click();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search all records' }).first();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(''); // the "/" itself is not typed into the box

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await expect(palette.getByRole('combobox', { name: 'Type a command or search records' })).toBeFocused();
  });
});
