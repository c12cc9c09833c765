import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createCustomer, customerGrid, openApp } from './helpers';

test.describe('export (English)', () => {
  test.use({ locale: 'en-US' });

  test('the customer list as shown downloads as an Excel-safe CSV', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: '华信科技', email: 'info@huaxin.example' });
    await createCustomer(page, { name: '=HYPERLINK("http://evil.example","Click")' });
    await createCustomer(page, { name: 'Filtered Out Ltd' });
    await expect(page.getByText('3 customers')).toBeVisible();

    // Only what the list shows: search narrows it to two customers.
    await page.getByLabel('Search customers').fill('h');
    await expect(page.getByText('2 customers')).toBeVisible();
    await expect(customerGrid(page).getByRole('row', { name: /Filtered Out Ltd/ })).toBeHidden();

    await page.getByRole('button', { name: 'Export' }).click();
    const menu = page.getByRole('menu', { name: 'Export the list' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    const downloading = page.waitForEvent('download');
    await menu.getByRole('menuitem', { name: 'Customers · CSV (Excel)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,name,kind,stage,owner,industry,phone,email,address,notes,createdAt,updatedAt');
    expect(text).toContain(',华信科技,');
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(text).not.toContain('Filtered Out Ltd');
    expect(lines.filter((line) => line !== '')).toHaveLength(3);
    await expect(page.getByText(/Exported 2 records to customers-/)).toBeVisible();
  });

  test('the Export menu is keyboard operable and Escape closes it', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Contoso Ltd' });
    const trigger = page.getByRole('button', { name: 'Export' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export the list' });
    await expect(menu).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Customers · JSON' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
  });
});
