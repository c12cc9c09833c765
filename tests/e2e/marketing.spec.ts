import { expect, test, type Page } from '@playwright/test';
import { createCustomer, openApp } from './helpers';

/** A marketer fills a campaign from a saved customer view and tracks responses; customers' relationships. */

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

test.describe('campaigns and relationships', () => {
  test.use({ locale: 'en-US' });

  test('adds a saved view as the target segment, one more customer, responses and a removal', async ({
    page,
  }) => {
    await openApp(page, { store: `marketing-${Date.now()}` });
    for (const [name, industry] of [
      ['Northwind', 'Retail'],
      ['Contoso', 'Retail'],
      ['Fabrikam', 'Cloud'],
    ] as const) {
      await go(page, '#/customers');
      await createCustomer(page, { name, industry });
    }

    // A saved customer view: industry is Retail.
    await go(page, '#/customers');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Field of condition 1').selectOption({ label: 'Industry' });
    await page.getByLabel('Operator of condition 1').selectOption({ label: 'is' });
    await page.getByLabel('Value of condition 1').fill('Retail');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Save view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save this view' });
    await save.getByLabel('Name').fill('Retail customers');
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('View “Retail customers” saved.')).toBeVisible();

    await go(page, '#/campaigns');
    await page.getByRole('button', { name: 'New Campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Campaign' });
    await dialog.getByLabel('Name *').fill('Spring fair');
    await dialog.getByLabel('Location', { exact: true }).fill('Shanghai');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const panel = page.getByRole('region', { name: /Members/ });
    await expect(panel.getByText('No members yet.')).toBeVisible();
    await expect(panel.getByText('No target segment chosen yet.')).toBeVisible();
    await panel.getByLabel('Saved customer view').selectOption({ label: 'Retail customers' });
    await expect(panel.getByText('2 customers match this view.')).toBeVisible();
    await panel.getByRole('button', { name: 'Add matching customers' }).click();
    await expect(page.getByText('Added 2 of 2 matching customers (0 were members already).')).toBeVisible();
    await expect(panel.getByText('Current segment: saved view “Retail customers”')).toBeVisible();
    const table = panel.getByRole('table', { name: 'Campaign members' });
    await expect(table.getByRole('link')).toHaveCount(2);
    // Members keep the order they were added in; the segment's own order is SQLite's.
    const segment = await table.getByRole('link').allTextContents();
    expect([...segment].sort()).toEqual(['Contoso', 'Northwind']);

    // Adding the segment again adds nobody twice.
    await panel.getByLabel('Saved customer view').selectOption({ label: 'Retail customers' });
    await panel.getByRole('button', { name: 'Add matching customers' }).click();
    await expect(page.getByText('Added 0 of 2 matching customers (2 were members already).')).toBeVisible();

    // One more customer by hand.
    await panel.getByLabel('Add a customer').selectOption({ label: 'Fabrikam' });
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(table.getByRole('link')).toHaveText([...segment, 'Fabrikam']);
    await expect(panel.getByRole('heading', { name: /3 members/ })).toBeVisible();

    // Responses: Northwind attended (gets a time), counts follow, the filter shows just them.
    await table.getByLabel('Response of Northwind').selectOption({ label: 'Attended' });
    await expect(page.getByText('Northwind: Attended')).toBeVisible();
    const counts = panel.getByRole('group', { name: 'Responses' });
    await expect(counts.getByRole('button', { name: 'Attended 1' })).toBeVisible();
    await expect(counts.getByRole('button', { name: 'Pending 2' })).toBeVisible();
    await expect(
      table
        .getByRole('row', { name: /Northwind/ })
        .getByRole('cell')
        .nth(2),
    ).not.toHaveText('—');
    await counts.getByRole('button', { name: 'Attended 1' }).click();
    await expect(table.getByRole('link')).toHaveText(['Northwind']);
    await counts.getByRole('button', { name: /All responses/ }).click();

    // Remove Contoso after confirming.
    await table.getByRole('button', { name: 'Remove Contoso' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove member' });
    await expect(confirm.getByText('Remove “Contoso” from this campaign?')).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(table.getByRole('link')).toHaveText(['Northwind', 'Fabrikam']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(table.getByRole('link')).toHaveText([...segment, 'Fabrikam']);
  });

  test('a relationship shows on both customers with direction and health; self and duplicates are refused', async ({
    page,
  }) => {
    await openApp(page, { store: `relationships-${Date.now()}` });
    await createCustomer(page, { name: 'Fabrikam' });
    await go(page, '#/customers');
    await createCustomer(page, { name: 'Northwind' });
    await page.getByRole('grid').getByRole('link', { name: 'Northwind' }).click();

    const panel = page.getByRole('region', { name: /Relationships/ });
    await expect(panel.getByText('No relationships with other customers yet.')).toBeVisible();
    await panel.getByRole('button', { name: 'Add relationship' }).click();
    let dialog = page.getByRole('dialog', { name: 'New relationship' });
    // Saving without choosing the other customer says what is missing.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Choose the other customer.')).toBeVisible();
    await dialog.getByLabel('Other customer *').selectOption({ label: 'Northwind' });
    await dialog.getByLabel('Relationship').selectOption({ label: 'Client' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('cannot have a relationship with itself');

    await dialog.getByLabel('Other customer *').selectOption({ label: 'Fabrikam' });
    await dialog.getByLabel('Health').selectOption({ label: 'Deteriorating' });
    await dialog.getByLabel('Notes').fill('Late payments since March.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const list = panel.getByRole('list', { name: 'Relationships with other customers' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('Regards Fabrikam as a client');
    await expect(list.getByText('Health: Deteriorating')).toBeVisible();
    await expect(list.getByText('Late payments since March.')).toBeVisible();

    // The same relationship twice is refused, with the dialog kept open.
    await panel.getByRole('button', { name: 'Add relationship' }).click();
    dialog = page.getByRole('dialog', { name: 'New relationship' });
    await dialog.getByLabel('Other customer *').selectOption({ label: 'Fabrikam' });
    await dialog.getByLabel('Relationship').selectOption({ label: 'Client' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('already have this relationship');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // On Fabrikam's page it reads the other way round; edit the health there.
    await list.getByRole('link', { name: 'Fabrikam' }).click();
    const other = page.getByRole('region', { name: /Relationships|客户关系/ });
    await expect(other.getByRole('listitem')).toContainText('Is regarded by Northwind as a client');
    await other.getByRole('button', { name: 'Edit relationship with Northwind' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit relationship' });
    await dialog.getByLabel('Health').selectOption({ label: 'Good' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(other.getByText('Health: Good')).toBeVisible();
    await expect(other.getByRole('listitem')).toContainText('Is regarded by Northwind as a client');

    // In Chinese the name sits inside the sentence: 被 Northwind 视为客户.
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await expect(other.getByRole('listitem')).toContainText('被 Northwind 视为客户');
    await expect(other.getByText('健康度：良好')).toBeVisible();
    await page.getByLabel('语言').selectOption({ label: 'English' });

    await other.getByRole('button', { name: 'Delete relationship with Northwind' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete relationship' });
    await expect(
      confirm.getByText('Delete the relationship between “Northwind” and “Fabrikam”?'),
    ).toBeVisible();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(other.getByText('No relationships with other customers yet.')).toBeVisible();
  });
});
