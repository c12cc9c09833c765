import { expect, test, type Page } from '@playwright/test';

/**
 * Demo and training scenarios: `?scenario=<name>` loads a shipped scenario into its own workspace, the
 * training page tracks the exercises as the user works in the app, and Reset scenario starts over.
 */

const banner = (page: Page, label: string) => page.getByRole('region', { name: label });

test.describe('training scenarios in English', () => {
  test.use({ locale: 'en-US' });

  test('retail: the data shows, logging a call completes an exercise, progress persists, reset starts over', async ({
    page,
  }) => {
    await page.goto('./?scenario=retail');
    const strip = banner(page, 'Training scenario');
    await expect(strip).toContainText('Retail store: Yuejia Home');
    await expect(strip.getByRole('link', { name: '0 of 5 exercises done' })).toBeVisible();
    // The scenario's own records (the duplicate pair included), not an empty workspace.
    await expect(page.getByRole('link', { name: 'Hangzhou Yunqi Technology Co., Ltd.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Liu Yang', exact: true })).toHaveCount(2);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }).click();
    await expect(page.getByRole('heading', { name: 'Training exercises' })).toBeVisible();
    await expect(page.getByText('0 of 5 done')).toBeVisible();
    const exercise = page.getByRole('listitem').filter({ hasText: 'Call Zhao Min back and log the call' });
    await expect(exercise).toContainText('Not done yet');
    await expect(exercise).toContainText('log an activity of type “Call”');

    // Do it the way the instructions say: her customer page, the timeline's Log activity form.
    await page.evaluate(() => (location.hash = '#/customers'));
    await page.getByRole('link', { name: 'Zhao Min', exact: true }).click();
    const form = page.getByRole('region', { name: 'Timeline' }).getByRole('form', { name: 'Log activity' });
    await form.getByLabel('Type').selectOption({ label: 'Call' });
    await form.getByLabel('Subject').fill('Replacement air fryer is on its way');
    await form.getByRole('button', { name: 'Log activity' }).click();
    await expect(page.getByText('Exercise done: Call Zhao Min back and log the call')).toBeVisible();
    await expect(strip.getByRole('link', { name: '1 of 5 exercises done' })).toBeVisible();

    // Progress is the data itself: a reload still counts the call.
    await page.reload();
    await expect(strip.getByRole('link', { name: '1 of 5 exercises done' })).toBeVisible();
    await strip.getByRole('link', { name: '1 of 5 exercises done' }).click();
    await expect(page.getByText('1 of 5 done')).toBeVisible();
    await expect(exercise).toContainText('✓ Done');

    // Reset: asks first, then the initial data and progress are back.
    await page.getByRole('main').getByRole('button', { name: 'Reset scenario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the scenario?' });
    await expect(dialog).toContainText('Your own workspace is not touched');
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('The scenario is back to its initial data.')).toBeVisible();
    await expect(page.getByText('0 of 5 done')).toBeVisible();
    await expect(exercise).toContainText('Not done yet');
    await page.evaluate(() => (location.hash = '#/customers'));
    await page.getByRole('link', { name: 'Zhao Min', exact: true }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText('Follow-up call: how is the casserole?')).toBeVisible();
    await expect(timeline.getByText('Replacement air fryer is on its way')).toHaveCount(0);
  });

  test("the user's own workspace stays as it was", async ({ page }) => {
    await page.goto('./?scenario=retail#/customers');
    await expect(banner(page, 'Training scenario')).toContainText('Retail store: Yuejia Home');
    await page.goto('./#/customers');
    await expect(page.getByRole('status', { name: 'Save status' })).toContainText('Saved');
    await expect(page.getByRole('link', { name: 'Zhao Min', exact: true })).toHaveCount(0);
    await expect(banner(page, 'Training scenario')).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }),
    ).toHaveCount(0);
  });

  test('a scenario that does not exist, or a name that cannot be one, says so clearly', async ({ page }) => {
    await page.goto('./?scenario=wholesale');
    const alert = page.getByRole('alert').filter({ hasText: 'The training scenario could not be opened' });
    await expect(alert).toContainText('There is no scenario “wholesale”');
    await expect(alert).toContainText('scenarios/wholesale.json was not found on this site');
    await expect(alert.getByRole('link', { name: 'b2b-sales' })).toBeVisible();
    await expect(alert.getByRole('link', { name: 'Open your own workspace' })).toBeVisible();

    await page.goto('./?scenario=..%2Fsecret');
    await expect(page.getByRole('alert').filter({ hasText: 'is not a scenario name' })).toContainText(
      '“../secret”',
    );
  });
});

test.describe('training scenarios in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('b2b-sales: three deals moved to Won with the keyboard complete the exercise', async ({ page }) => {
    await page.goto('./?scenario=b2b-sales#/pipeline');
    const strip = banner(page, '培训场景');
    await expect(strip).toContainText('B2B 销售：智联工业物联网');
    await expect(strip.getByRole('link', { name: '已完成 0/5 个练习' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '销售漏斗' })).toBeVisible();

    const won = page.getByRole('region', { name: /^赢单 \d+$/ });
    for (const deal of [
      '恒达：二期产线设备监测扩容',
      '海联：冲压车间预测性维护',
      '绿源：电池车间 OEE 提升',
    ]) {
      // Negotiation is next to Won: pick up, one stage to the right, drop, confirm (the reason is optional).
      await page.getByRole('link', { name: deal }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      const dialog = page.getByRole('dialog', { name: '标记为赢单' });
      await dialog.getByRole('button', { name: '标记为赢单' }).click();
      await expect(dialog).toBeHidden();
      await expect(won.getByRole('link', { name: deal })).toBeVisible();
    }
    await expect(page.getByText('练习完成：把三笔商机移到“赢单”')).toBeVisible();
    await expect(strip.getByRole('link', { name: '已完成 1/5 个练习' })).toBeVisible();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '练习' }).click();
    await expect(page.getByRole('heading', { name: '培训练习' })).toBeVisible();
    await expect(page.getByText('已完成 1/5', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: '转化展会线索“陈志远”' })).toContainText(
      '未完成',
    );
  });
});
