import { expect, test, type Page } from '@playwright/test';
import { createCustomer, openApp } from './helpers';

/**
 * Every record type without a screen of its own goes through the same list, form and page: create with a
 * missing required field (refused, message by the field), create, see it on its page, edit, delete, undo.
 */
const TYPES: {
  path: string;
  plural: string;
  one: string;
  required: Record<string, string>;
  title: string;
}[] = [
  {
    path: 'products',
    plural: 'Products',
    one: 'Product',
    required: { 'Code *': 'P-100', 'Name *': 'Laser printer' },
    title: 'Laser printer',
  },
  {
    path: 'articles',
    plural: 'Knowledge base',
    one: 'Article',
    required: { 'Title *': 'Resetting a printer' },
    title: 'Resetting a printer',
  },
  {
    path: 'campaigns',
    plural: 'Campaigns',
    one: 'Campaign',
    required: { 'Name *': 'Spring webinar' },
    title: 'Spring webinar',
  },
  { path: 'users', plural: 'Users', one: 'User', required: { 'Name *': 'Zhao Min' }, title: 'Zhao Min' },
  {
    path: 'activities',
    plural: 'Activities',
    one: 'Activity',
    required: { 'Subject *': 'Call back about renewal' },
    title: 'Call back about renewal',
  },
];

async function fillAndSave(page: Page, one: string, values: Record<string, string>) {
  const dialog = page.getByRole('dialog', { name: `New ${one}` });
  for (const [label, value] of Object.entries(values))
    await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test.describe('every record type', () => {
  test.use({ locale: 'en-US' });

  test('create (with a refused empty required field), view, edit, delete and undo', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, { store: `types-${Date.now()}` });
    for (const type of TYPES) {
      await page.getByRole('navigation').getByRole('link', { name: type.plural, exact: true }).click();
      await expect(page.getByRole('heading', { name: type.plural, level: 1 })).toBeVisible();
      await page.getByRole('button', { name: `New ${type.one}` }).click();
      const [firstLabel] = Object.keys(type.required);
      const dialog = await fillAndSave(page, type.one, {});
      await expect(dialog.getByText('This field is required.').first(), type.path).toBeVisible();
      await expect(dialog.getByLabel(firstLabel!, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await fillAndSave(page, type.one, type.required);
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(type.title);

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = page.getByRole('dialog', { name: `Edit ${type.one}` });
      await edit.getByLabel(firstLabel!, { exact: true }).fill(`${type.required[firstLabel!]} 2`);
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit).toBeHidden();

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('heading', { name: type.plural, level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'Undo' }).click();
      // Undo brings the record back and opens it again.
      await expect(page.getByRole('heading', { level: 1 })).toContainText(type.title);
    }
  });

  test('a contract needs its customer and dates; the customer is chosen with the picker', async ({
    page,
  }) => {
    await openApp(page, { store: `contract-${Date.now()}` });
    await createCustomer(page, { name: 'Tailspin Toys' });
    await page.getByRole('navigation').getByRole('link', { name: 'Contracts', exact: true }).click();
    await page.getByRole('button', { name: 'New Contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Contract' });
    await dialog.getByLabel('Title *', { exact: true }).fill('Support 2026');
    await dialog.getByLabel('End date', { exact: true }).fill('2025-12-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('This field is required.').first()).toBeVisible();
    await dialog.getByLabel('Customer *', { exact: true }).selectOption({ label: 'Tailspin Toys' });
    await dialog.getByLabel('Start date *', { exact: true }).fill('2026-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The end date before the start date is refused by the database's own rule, and nothing is lost.
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByLabel('End date', { exact: true }).fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Support 2026');
    await expect(page.getByRole('link', { name: 'Tailspin Toys' })).toBeVisible();
  });
});
