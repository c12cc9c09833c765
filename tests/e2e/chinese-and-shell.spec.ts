import { expect, test } from '@playwright/test';
import { createCustomer, customerGrid, openApp, ZH } from './helpers';

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('follows the browser language; create, edit and contact a customer in Chinese, reload, still there', async ({
    page,
  }) => {
    await openApp(page, { labels: ZH });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

    await createCustomer(
      page,
      {
        name: '北京华信科技有限公司',
        phone: '010-6552 8888',
        email: 'info@huaxin.example',
        address: '北京市朝阳区建国路88号',
      },
      ZH,
    );
    await createCustomer(page, { name: '张伟', phone: '138 0013 8000' }, ZH);
    const grid = customerGrid(page);
    await expect(page.getByText('共 2 位客户')).toBeVisible();

    await grid.getByRole('link', { name: '北京华信科技有限公司' }).click();
    await page.getByRole('button', { name: ZH.addContact }).click();
    const contact = page.getByRole('dialog', { name: ZH.newContact });
    await contact.getByLabel(ZH.contactName).fill('李娜');
    await contact.getByLabel(ZH.jobTitle).fill('采购经理');
    await contact.getByLabel(ZH.phone).fill('+86 139 1234 5678');
    await contact.getByRole('button', { name: ZH.save, exact: true }).click();
    await expect(contact).toBeHidden();

    await page.reload();
    await expect(page.getByRole('heading', { name: '北京华信科技有限公司' })).toBeVisible();
    await expect(page.getByText('北京市朝阳区建国路88号')).toBeVisible();
    await expect(page.getByRole('row', { name: /李娜/ })).toContainText('采购经理');

    await page.getByRole('link', { name: ZH.customers, exact: true }).click();
    await page.getByLabel(ZH.search).fill('华信');
    await expect.poll(() => grid.getByRole('link').allInnerTexts()).toEqual(['北京华信科技有限公司']);
  });

  test('Chinese validation messages', async ({ page }) => {
    await openApp(page, { labels: ZH });
    await page.getByRole('button', { name: ZH.newCustomer, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: ZH.newCustomer });
    await dialog.getByLabel(ZH.email).fill('wrong@');
    await dialog.getByRole('button', { name: ZH.save, exact: true }).click();
    await expect(dialog.getByText(/有效的邮箱地址/)).toBeVisible();
    await expect(dialog.getByText('此项为必填项。')).toBeVisible();
  });
});

test.describe('shell', () => {
  test.use({ locale: 'en-US', colorScheme: 'dark' });

  test('language and theme switchers apply at once and are remembered', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark'); // follows the system
    await page.getByLabel('Theme').first().selectOption({ label: 'Light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByLabel('Language').first().selectOption({ label: '简体中文' });
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('routes work from the address bar and unknown routes say so', async ({ page }) => {
    await openApp(page, { hash: '#/settings' });
    await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    await page.goto('./#/customers/424242');
    await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
    await page.goto('./#/no-such-page');
    await expect(page.getByRole('link', { name: 'Customers', exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(/not found|doesn’t exist|does not exist/i);
  });
});
