import { expect, test } from '@playwright/test';
import { createCustomer, openApp, ZH } from './helpers';

test.describe('SQL console (English)', () => {
  test.use({ locale: 'en-US' });

  test('runs a query with Ctrl+Enter, shows NULL distinctly and refuses a write', async ({ page }) => {
    await openApp(page, { store: 'sql-read' });
    await createCustomer(page, { name: '华信科技' });
    await createCustomer(page, { name: '<b>Not bold</b>' });
    await openApp(page, { store: 'sql-read', hash: '#/sql' });

    const editor = page.getByLabel('SQL statement');
    await editor.fill('SELECT name, NULL AS missing FROM customers ORDER BY name');
    await editor.press('Control+Enter');
    const result = page.getByRole('table', { name: 'Result' });
    await expect(result.getByRole('cell', { name: '华信科技' })).toBeVisible();
    await expect(result.getByRole('cell', { name: '<b>Not bold</b>' })).toBeVisible(); // text, not HTML
    await expect(result.locator('b')).toHaveCount(0);
    await expect(result.getByRole('cell', { name: 'NULL' }).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /2 rows · \d+ ms/ })).toBeVisible();

    await editor.fill('DELETE FROM customers');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The SQL console is read-only');

    await editor.fill('SELECT count(*) AS n FROM customers');
    await editor.press('Control+Enter');
    await expect(result.getByRole('cell', { name: '2', exact: true })).toBeVisible();

    await editor.fill('SELECT * FROM no_such_table');
    await editor.press('Control+Enter');
    await expect(page.getByRole('alert')).toContainText('no such table');
    await expect(page.getByRole('alert')).toContainText('Check the table name');
  });

  test('a saved query pinned as a table shows on the dashboard', async ({ page }) => {
    await openApp(page, { store: 'sql-pin' });
    await createCustomer(page, { name: 'Contoso Ltd' });
    await createCustomer(page, { name: 'Adventure Works' });
    await openApp(page, { store: 'sql-pin', hash: '#/sql' });

    await page
      .getByLabel('SQL statement')
      .fill('SELECT stage, count(*) AS customers FROM customers GROUP BY stage');
    await page.getByLabel('Query name').fill('Customers by stage');
    await page.getByRole('button', { name: 'Save query' }).click();
    await expect(page.getByText('Saved query “Customers by stage”.')).toBeVisible();
    const saved = page.getByRole('region', { name: 'Saved queries' });
    await saved
      .getByRole('combobox', { name: 'Show “Customers by stage” on the dashboard' })
      .selectOption({ label: 'As a table' });
    await expect(page.getByText('“Customers by stage” is on the dashboard.')).toBeVisible();

    await page.goto('./?store=sql-pin#/dashboard');
    const widget = page.getByRole('article', { name: 'Customers by stage' });
    await expect(widget.getByRole('columnheader', { name: 'customers' })).toBeVisible();
    await expect(widget.getByRole('cell', { name: 'prospect' })).toBeVisible();
    await expect(widget.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  });
});

test.describe('SQL console (中文)', () => {
  test.use({ locale: 'zh-CN' });

  test('拒绝写入并说明控制台是只读的', async ({ page }) => {
    await openApp(page, { hash: '#/sql', labels: ZH });
    await page.getByLabel('SQL 语句').fill('DROP TABLE customers');
    await page.getByLabel('SQL 语句').press('Control+Enter');
    await expect(page.getByRole('alert')).toContainText('SQL 控制台是只读的');
  });
});
