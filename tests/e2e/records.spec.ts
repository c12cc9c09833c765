import { expect, test, type Page } from '@playwright/test';
import { createCustomer, openApp } from './helpers';

/** The generic record screens as a sales rep uses them: create with validation, filter, group, bulk edit, views. */

async function newLead(
  page: Page,
  fields: { name: string; email?: string; company?: string; score?: string },
) {
  await page.getByRole('button', { name: 'New Lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Lead' });
  await dialog.getByLabel('Name *').fill(fields.name);
  if (fields.company) await dialog.getByLabel('Company', { exact: true }).fill(fields.company);
  if (fields.email) await dialog.getByLabel('Email', { exact: true }).fill(fields.email);
  if (fields.score) await dialog.getByLabel('Score', { exact: true }).fill(fields.score);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test.describe('record lists and pages', () => {
  test.use({ locale: 'en-US' });

  test('creates leads with field errors, filters, groups, bulk-edits with undo and saves a view', async ({
    page,
  }) => {
    await openApp(page, { hash: '#/leads', store: `records-${Date.now()}` });
    await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
    await expect(page.getByText('No Leads yet.')).toBeVisible();

    // Invalid input: the dialog stays open with a message next to each field, nothing is saved.
    const dialog = await newLead(page, { name: 'Wang Fang', email: 'wang@', score: '130' });
    await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
    await expect(dialog.getByText('outside the allowed range')).toBeVisible();
    await dialog.getByLabel('Email', { exact: true }).fill('wang.fang@example.cn');
    await dialog.getByLabel('Score', { exact: true }).fill('80');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Wang Fang');
    await expect(page.getByText('wang.fang@example.cn')).toBeVisible();

    await page.getByRole('link', { name: /Back to Leads/ }).click();
    await newLead(page, { name: 'Li Lei', company: '上海某某贸易有限公司', score: '20' });
    await page.getByRole('link', { name: /Back to Leads/ }).click();
    await newLead(page, { name: 'Zhang Wei', company: 'Acme', score: '65' });
    await page.getByRole('link', { name: /Back to Leads/ }).click();
    await expect(page.getByText('3 records')).toBeVisible();

    // Filter builder: score at least 50 → two leads.
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Field of condition 1').selectOption({ label: 'Score' });
    await page.getByLabel('Operator of condition 1').selectOption({ label: 'at least' });
    await page.getByLabel('Value of condition 1').fill('50');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('2 records')).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Leads' });
    await expect(grid.getByRole('link', { name: 'Li Lei' })).toHaveCount(0);

    // Sort by score, descending: Wang Fang (80) before Zhang Wei (65).
    await grid.getByRole('button', { name: /Score/ }).click();
    await grid.getByRole('button', { name: /Score/ }).click();
    await expect(grid.getByRole('link')).toHaveText(['Wang Fang', 'Zhang Wei']);

    // Save the view, clear filters, bring it back.
    await page.getByRole('button', { name: 'Save view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save this view' });
    await save.getByLabel('Name').fill('Hot leads');
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('View “Hot leads” saved.')).toBeVisible();
    await page.getByLabel('Saved views').selectOption({ label: 'Default view' });
    await expect(page.getByText('3 records')).toBeVisible();
    const hot = await page
      .getByLabel('Saved views')
      .getByRole('option', { name: /^Hot leads/ })
      .getAttribute('value');
    await page.getByLabel('Saved views').selectOption(hot!);
    await expect(page.getByText('2 records')).toBeVisible();
    await page.getByLabel('Saved views').selectOption({ label: 'Default view' });

    // Group by status: all three are "New".
    await page.getByLabel('Group by').selectOption({ label: 'Status' });
    const groups = page.getByRole('table', { name: 'Groups' });
    await expect(groups.getByRole('row', { name: /New\s+3/ })).toBeVisible();

    // Bulk edit two selected leads to "Contacted", then undo.
    await grid.getByRole('checkbox', { name: 'Select Li Lei' }).check();
    await grid.getByRole('checkbox', { name: 'Select Zhang Wei' }).check();
    await expect(page.getByText('2 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Edit fields…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Edit 2 records' });
    await bulk.getByLabel('Field').selectOption({ label: 'Status' });
    await bulk.getByLabel('New value').selectOption({ label: 'Contacted' });
    await bulk.getByRole('button', { name: 'Change 2 records' }).click();
    await expect(groups.getByRole('row', { name: /Contacted\s+2/ })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Bulk edit undone.')).toBeVisible();
    await expect(groups.getByRole('row', { name: /New\s+3/ })).toBeVisible();

    await page.screenshot({ path: 'test-results/records-leads.png', fullPage: true });

    // Survives a reload (the view is stored in the workspace).
    await page.reload();
    await expect(page.getByLabel('Saved views').getByRole('option', { name: /^Hot leads/ })).toHaveCount(1);
  });
});

test.describe('the customer list', () => {
  test.use({ locale: 'en-US' });

  test('filters with the builder, groups by stage, bulk-edits and bulk-deletes with undo', async ({
    page,
  }) => {
    await openApp(page, { store: `customers-bulk-${Date.now()}` });
    await createCustomer(page, { name: 'Northwind', industry: 'Retail' });
    await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
    await createCustomer(page, { name: 'Contoso', industry: 'Retail' });
    await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
    await createCustomer(page, { name: 'Fabrikam', industry: 'Cloud' });
    await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
    const grid = page.getByRole('grid');
    await expect(grid.getByRole('link')).toHaveCount(3);

    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Field of condition 1').selectOption({ label: 'Industry' });
    await page.getByLabel('Operator of condition 1').selectOption({ label: 'is' });
    await page.getByLabel('Value of condition 1').fill('Retail');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(grid.getByRole('link')).toHaveText(['Contoso', 'Northwind']);

    await page.getByLabel('Group by').selectOption({ label: 'Stage' });
    const groups = page.getByRole('table', { name: 'Groups' });
    await expect(groups.getByRole('row', { name: /Prospect\s+2/ })).toBeVisible();

    // Select all matching, move them to "Existing", undo.
    await grid.getByRole('checkbox', { name: 'Select Contoso' }).check();
    await page.getByRole('button', { name: 'Select all 2 matching records' }).click();
    await page.getByRole('button', { name: 'Edit fields…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Edit 2 records' });
    await bulk.getByLabel('Field').selectOption({ label: 'Stage' });
    await bulk.getByLabel('New value').selectOption({ label: 'Existing' });
    await bulk.getByRole('button', { name: 'Change 2 records' }).click();
    await expect(groups.getByRole('row', { name: /Existing\s+2/ })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(groups.getByRole('row', { name: /Prospect\s+2/ })).toBeVisible();

    // Delete one with the keyboard-free checkbox, then undo brings it back.
    await grid.getByRole('checkbox', { name: 'Select Northwind' }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 1 record?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(grid.getByRole('link')).toHaveText(['Contoso']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(grid.getByRole('link')).toHaveText(['Contoso', 'Northwind']);
  });
});
