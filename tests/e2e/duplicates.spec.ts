import { expect, test } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp } from './helpers';

test.describe('duplicates', () => {
  test.use({ locale: 'en-US' });

  test('finds two customers with one phone in different formats, merges them, and undoes the merge', async ({
    page,
  }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Huaxin Tech', phone: '+86 138-0013-8000', industry: 'Software' });
    await createCustomer(page, {
      name: 'Huaxin Technology',
      phone: '13800138000',
      email: 'info@huaxin.example',
    });
    await customerGrid(page).getByRole('link', { name: 'Huaxin Technology' }).click();
    await page.getByRole('button', { name: EN.addContact }).click();
    const contact = page.getByRole('dialog', { name: EN.newContact });
    await contact.getByLabel(EN.contactName).fill('Li Na');
    await contact.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(contact).toBeHidden();

    await page.goto('./#/duplicates');
    await expect(page.getByRole('heading', { name: 'Duplicates', level: 1 })).toBeVisible();
    const group = page.getByRole('listitem').filter({ hasText: 'Same phone' });
    await expect(group).toHaveCount(1);
    await expect(group).toContainText('Huaxin Tech');
    await expect(group).toContainText('Huaxin Technology');
    await group.getByRole('button', { name: /Review/ }).click();

    // The older record is kept; its name stays, the other's email is taken over.
    await expect(page.getByRole('heading', { name: 'Compare and merge' })).toBeVisible();
    await expect(page.getByText('Contacts: 1')).toBeVisible();
    await page.getByRole('radio', { name: /^Email #\d+: info@huaxin\.example$/ }).check();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Merge these records?' });
    await expect(confirm).toContainText('merged into “Huaxin Tech”');
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByText('Merged into “Huaxin Tech”')).toBeVisible();
    await expect(page.getByText('No likely duplicates found.')).toBeVisible();

    await page.goto('./#/customers');
    await expect(customerGrid(page).getByRole('link', { name: 'Huaxin Technology' })).toBeHidden();
    await customerGrid(page).getByRole('link', { name: 'Huaxin Tech' }).click();
    await expect(page.locator('dl.fields')).toContainText('info@huaxin.example');
    await expect(page.locator('dl.fields')).toContainText('Software');
    await expect(page.getByRole('row', { name: /Li Na/ })).toBeVisible();

    // Undo from the toast (still showing): both customers are back, the contact with its own.
    await page.getByRole('button', { name: EN.undo }).click();
    await expect(page.getByText('Merge undone')).toBeVisible();
    await expect(page.locator('dl.fields')).not.toContainText('info@huaxin.example');
    await expect(page.getByRole('row', { name: /Li Na/ })).toBeHidden();
    await page.goto('./#/customers');
    await customerGrid(page).getByRole('link', { name: 'Huaxin Technology' }).click();
    await expect(page.getByRole('row', { name: /Li Na/ })).toBeVisible();
  });
});
