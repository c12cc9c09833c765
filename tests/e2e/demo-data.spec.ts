import { expect, test } from '@playwright/test';
import { customerGrid, openApp, ZH } from './helpers';

test.describe('demo data', () => {
  test.use({ locale: 'zh-CN' });

  test('fills the workspace with seeded customers in the current language, and the database checks ok', async ({
    page,
  }) => {
    await openApp(page, { labels: ZH });
    await page.getByRole('button', { name: '加载演示数据' }).first().click();
    const confirm = page.getByRole('dialog');
    if (await confirm.isVisible())
      await confirm
        .getByRole('button', { name: /加载|确定/ })
        .last()
        .click();
    const count = page.getByText(/^共 [1-9][\d,]* 位客户$/);
    await expect(count).toBeVisible({ timeout: 60_000 });
    const total = Number((await count.innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(400);
    const firstNames = await customerGrid(page).getByRole('link').allInnerTexts();
    expect(firstNames.length).toBeGreaterThan(5);
    expect(firstNames.every((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);

    await page.reload();
    await expect(page.getByText(`共 ${total.toLocaleString('zh-CN')} 位客户`)).toBeVisible();
    await page.getByRole('link', { name: ZH.settings, exact: true }).click();
    await page.getByRole('button', { name: '检查数据库' }).click();
    await expect(
      page.getByRole('status').or(page.locator('output')).filter({ hasText: /^ok$/ }).first(),
    ).toBeVisible();
  });
});
