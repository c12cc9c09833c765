import { expect, test, type Locator, type Page } from '@playwright/test';
import { customerGrid, EN, openApp, ZH, type Labels } from './helpers';

/**
 * The keyboard: the command palette (Ctrl+K) jumps to records and runs actions without the mouse, the "?"
 * list of shortcuts, "g" + letter navigation, "n" for a new record — and none of the single keys fire while
 * the user types in a field or while a dialog is open.
 */

const palette = (page: Page, title: string) => page.getByRole('dialog', { name: title });

/** Arrow down until `option` is the highlighted one (the box keeps focus; aria-activedescendant moves). */
async function highlight(page: Page, option: Locator): Promise<void> {
  for (let step = 0; step < 60; step++) {
    if ((await option.getAttribute('aria-selected')) === 'true') return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('the option was never highlighted');
}

test.describe('keyboard', () => {
  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('the palette loads demo data, jumps to a customer by part of its Chinese name, and runs actions typed in English', async ({
      page,
    }) => {
      await openApp(page, { labels: ZH as Labels });
      await expect(page.getByRole('heading', { name: '欢迎！想怎样开始？' })).toBeVisible();

      // An action by its Chinese name: Ctrl+K, type, Enter (an empty workspace asks nothing first).
      await page.keyboard.press('Control+k');
      const dialog = palette(page, '命令面板');
      const box = dialog.getByRole('combobox', { name: '输入命令或搜索记录' });
      await expect(box).toBeFocused();
      await page.keyboard.type('演示数据');
      await expect(dialog.getByRole('option', { selected: true })).toHaveText('加载演示数据');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      // As in search.spec.ts: the list may ask to try again while the generator is still writing.
      await expect(async () => {
        const retry = page.getByRole('button', { name: '重试' });
        if (await retry.isVisible()) await retry.click();
        await expect(page.getByText(/^共 [1-9][\d,]* 位客户$/)).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 90_000 });

      const names = await customerGrid(page).getByRole('link').allInnerTexts();
      const name = names.find((n) => /^[\u4e00-\u9fff]{6,}$/.test(n)) ?? names[0]!;
      const part = name.slice(2, 5);

      // A record: part of its name, arrows to it, Enter opens its page.
      await page.keyboard.press('Control+k');
      await expect(box).toBeFocused();
      await page.keyboard.type(part);
      const option = dialog.getByRole('option').filter({ hasText: name }).first();
      await expect(option).toBeVisible();
      await highlight(page, option);
      await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(/#\/customers\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

      // English words find Chinese actions: "pipe" → 前往：销售漏斗.
      await page.keyboard.press('Control+k');
      await page.keyboard.type('pipe');
      await expect(dialog.getByRole('option', { selected: true })).toHaveText(/前往：销售漏斗/);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#\/pipeline$/);
      await expect(page.getByRole('heading', { level: 1, name: '销售漏斗' })).toBeVisible();

      // Escape closes the palette and gives focus back to where it was (here the header's search box).
      await page.keyboard.press('/');
      const search = page.getByRole('combobox', { name: '搜索全部记录' });
      await expect(search).toBeFocused();
      await page.keyboard.press('Control+k');
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(search).toBeFocused();

      // "lang" switches the interface to English.
      await page.keyboard.press('Control+k');
      await page.keyboard.type('lang');
      await expect(dialog.getByRole('option', { selected: true })).toHaveText('切换语言：English');
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Sales pipeline' })).toBeVisible();
    });

    test('"?" lists the shortcuts in Chinese', async ({ page }) => {
      await openApp(page, { labels: ZH as Labels });
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: '键盘快捷键' });
      await expect(help).toBeVisible();
      await expect(help.getByRole('row', { name: /前往：销售漏斗/ })).toContainText('P');
      await expect(help.getByRole('row', { name: /打开命令面板/ })).toContainText('K');
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();
    });
  });

  test('"?" opens the list and Escape closes it; g + letter goes to pages; n creates; nothing fires while typing or in a dialog', async ({
    page,
  }) => {
    await openApp(page, { labels: EN });

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /Go to Pipeline/ })).toContainText('G');
    // A dialog owns the keyboard: "g p" does not navigate behind it.
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/#\/customers$/);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await expect(page).toHaveURL(/#\/pipeline$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sales pipeline' })).toBeVisible();

    await page.keyboard.press('g');
    await page.keyboard.press('l');
    await expect(page).toHaveURL(/#\/leads$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
    await page.keyboard.press('n');
    const newLead = page.getByRole('dialog', { name: 'New Lead' });
    await expect(newLead).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(newLead).toBeHidden();

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(page).toHaveURL(/#\/customers$/);

    // Typing in a field: the keys are text, not shortcuts.
    const field = page.getByRole('searchbox', { name: EN.search });
    await field.click();
    await page.keyboard.type('gp?n/');
    await expect(field).toHaveValue('gp?n/');
    await expect(page).toHaveURL(/#\/customers$/);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The palette with the mouse: type, click an option.
    await page.keyboard.press('Control+k');
    const dialog = palette(page, 'Command palette');
    await page.keyboard.type('sett');
    await dialog.getByRole('option', { name: 'Go to Settings' }).click();
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(dialog).toBeHidden();
  });
});
