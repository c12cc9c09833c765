import { expect, test, type Page } from '@playwright/test';
import { createCustomer, customerGrid, openApp } from './helpers';

/** Test rows go in through the SQL console with "Allow changes", as a user with SQL could do. */
async function runChange(page: Page, sql: string) {
  await page.goto(page.url().replace(/#.*$/, '#/sql'));
  await page.getByLabel('Allow changes (INSERT, UPDATE, DELETE)').check();
  await page.getByLabel('SQL statement').fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Change data?' })
    .getByRole('button', { name: 'Run and save' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /changed and saved/ })).toBeVisible();
}

async function pickProduct(scope: Page | ReturnType<Page['getByRole']>, line: number, code: string) {
  const picker = scope.getByRole('combobox', { name: `Product of line ${line}` });
  await picker.fill(code);
  await scope.getByRole('option', { name: new RegExp(code) }).click();
}

test.describe('orders and renewals (English)', () => {
  // FIXED_TIME is 2026-03-16 09:30 in Shanghai: order dates and "days left" follow the browser's day.
  test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US' });

  test('an order from a customer page: two lines, live total, refused over stock, saved total from SQL, reopened', async ({
    page,
  }) => {
    await openApp(page, { store: 'orders-e2e' });
    await page.getByRole('button', { name: 'Load demo data' }).first().click();
    const confirm = page.getByRole('dialog');
    if (await confirm.isVisible())
      await confirm.getByRole('button', { name: 'Replace with demo data' }).click();
    await expect(customerGrid(page).getByRole('link').first()).toBeVisible({ timeout: 60_000 });
    await runChange(
      page,
      `INSERT INTO products (code, name, price_minor, stock) VALUES ('E2E-A', 'Test widget', 1999, 5), ('E2E-B', 'Test gadget', 500, 3)`,
    );

    await page.goto(page.url().replace(/#.*$/, '#/customers'));
    const firstCustomer = customerGrid(page).getByRole('link').first();
    const customerName = (await firstCustomer.innerText()).trim();
    await firstCustomer.click();
    await page.getByRole('button', { name: 'New order' }).click();
    const dialog = page.getByRole('dialog', { name: 'New order' });
    await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveValue(customerName);
    await expect(dialog.getByLabel('Order date')).toHaveValue('2026-03-16');

    await pickProduct(dialog, 1, 'E2E-A');
    await expect(dialog.getByLabel('Unit price of line 1')).toHaveValue('19.99');
    await dialog.getByLabel('Quantity of line 1').fill('2');
    await dialog.getByLabel('Discount % of line 1').fill('10');
    await dialog.getByRole('button', { name: 'Add line' }).click();
    await pickProduct(dialog, 2, 'E2E-B');
    await dialog.getByLabel('Quantity of line 2').fill('4');
    // 2 × 19.99 − 10 % = 35.982 → 35.98; 4 × 5.00 = 20.00.
    await expect(dialog.getByTestId('preview-total')).toContainText('55.98');

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Not enough stock: nothing was saved');
    await expect(dialog.getByText('E2E-B Test gadget: 3 in stock, 4 requested.')).toBeVisible();
    await expect(dialog.getByLabel('Quantity of line 2')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Quantity of line 1')).toHaveValue('2'); // nothing typed is lost

    await dialog.getByLabel('Quantity of line 2').fill('3');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/orders\/\d+$/);
    const lines = page.getByRole('region', { name: /Order lines/ });
    await expect(lines.getByTestId('order-total')).toContainText('50.98');
    await expect(lines.getByRole('row', { name: /E2E-A/ })).toContainText('35.98');

    // Reopened from storage: the same lines and total; the gadget's stock went to 0 with the order.
    await page.reload();
    await expect(lines.getByTestId('order-total')).toContainText('50.98');
    await lines.getByRole('button', { name: 'Edit lines' }).click();
    await expect(lines.getByLabel('Quantity of line 1')).toHaveValue('2');
    await expect(lines.getByLabel('Discount % of line 1')).toHaveValue('10');
    await expect(lines.getByLabel('Quantity of line 2')).toHaveValue('3');
    await expect(lines.getByRole('row', { name: /E2E-B/ })).toContainText('0 in stock');
    // One more gadget is refused here too, and the saved total stays.
    await lines.getByLabel('Quantity of line 2').fill('4');
    await lines.getByRole('button', { name: 'Save' }).click();
    await expect(lines.getByText('E2E-B Test gadget: 3 in stock, 4 requested.')).toBeVisible();
    await lines.getByRole('button', { name: 'Cancel' }).click();
    await expect(lines.getByTestId('order-total')).toContainText('50.98');
  });

  test('renewals page lists contracts due in the window, overdue ones highlighted, with links', async ({
    page,
  }) => {
    await openApp(page, { store: 'renewals-e2e' });
    await createCustomer(page, { name: 'Renewal Co' });
    await runChange(
      page,
      `INSERT INTO contracts (contract_no, title, customer_id, status, start_date, end_date, renewal_date, amount_minor)
       SELECT no, title, (SELECT id FROM customers WHERE name = 'Renewal Co'), status, '2025-04-01', end_date, renewal, 1200000
       FROM (SELECT 'K-1' AS no, 'Soon support' AS title, 'active' AS status, '2026-04-25' AS end_date, '2026-03-26' AS renewal
             UNION ALL SELECT 'K-2', 'Late licence', 'active', '2026-03-01', NULL
             UNION ALL SELECT 'K-3', 'Later hosting', 'active', '2026-06-30', '2026-05-05'
             UNION ALL SELECT 'K-4', 'Ended deal', 'expired', '2026-03-20', '2026-03-20')`,
    );
    await page.goto(page.url().replace(/#.*$/, '#/renewals'));
    await expect(page.getByRole('heading', { name: 'Contract renewals' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: '1 overdue · 1 due within 30 days' }),
    ).toBeVisible();

    const soon = page.getByRole('row', { name: /Soon support/ });
    await expect(soon).toContainText('In 10 days');
    await expect(soon).toContainText('Renewal Co');
    const late = page.getByRole('row', { name: /Late licence/ });
    await expect(late).toContainText('Overdue by 15 days');
    await expect(late).toHaveClass(/overdue/);
    await expect(page.getByRole('row', { name: /Later hosting/ })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Ended deal/ })).toHaveCount(0);

    await page.getByLabel('60 days').check();
    await expect(page.getByRole('row', { name: /Later hosting/ })).toContainText('In 50 days');
    await page.getByLabel('Custom').check();
    await page.getByLabel('Number of days').fill('abc');
    await expect(page.getByText('Enter a whole number of days from 0 to 3650.')).toBeVisible();
    await page.getByLabel('Number of days').fill('5');
    await expect(
      page.getByRole('status').filter({ hasText: '1 overdue · 0 due within 5 days' }),
    ).toBeVisible();

    await page.getByRole('link', { name: 'Late licence' }).click();
    await expect(page).toHaveURL(/#\/contracts\/\d+$/);
  });
});
