import { expect, test } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp } from './helpers';

test.describe('record history', () => {
  test.use({ locale: 'en-US' });

  test('two edits show in the history, and undoing the last brings the old value back', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Contoso Ltd', industry: 'Software' });
    await customerGrid(page).getByRole('link', { name: 'Contoso Ltd' }).click();

    for (const industry of ['Cloud software', 'Hardware']) {
      await page.getByRole('button', { name: EN.edit, exact: true }).first().click();
      const edit = page.getByRole('dialog', { name: EN.editCustomer });
      await edit.getByLabel(EN.industry).fill(industry);
      await edit.getByRole('button', { name: EN.save, exact: true }).click();
      await expect(edit).toBeHidden();
    }

    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Show history' }).click();
    const entries = history.getByRole('listitem').filter({ hasText: 'changed' });
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Industry: Cloud software → Hardware');
    await expect(entries.nth(1)).toContainText('Industry: Software → Cloud software');
    await expect(history.getByRole('listitem').filter({ hasText: 'created the record' })).toHaveCount(1);

    await history.getByRole('button', { name: 'Undo last change' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo the last change?' });
    await expect(confirm).toContainText('Industry');
    await confirm.getByRole('button', { name: 'Undo last change' }).click();
    await expect(page.getByText('Last change undone')).toBeVisible();
    // The field shows the previous value, and the undo itself is the newest history line.
    await expect(page.locator('dl.fields')).toContainText('Cloud software');
    await expect(page.locator('dl.fields')).not.toContainText('Hardware');
    await expect(history.getByRole('listitem').filter({ hasText: 'changed' }).first()).toContainText(
      'Industry: Hardware → Cloud software',
    );

    // It survives a reload: the undo was saved like any edit.
    await page.reload();
    await expect(page.locator('dl.fields')).toContainText('Cloud software');
  });
});
