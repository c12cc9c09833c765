import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp } from './helpers';

test.use({ locale: 'en-US' });

const goTo = (page: Page, section: 'Backups' | 'Customers') =>
  page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();

const backupTable = (page: Page) => page.getByRole('table', { name: 'Backups' });

test('a manual backup brings back the data it holds after a confirmed restore', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: 'Alpha Trading', email: 'alpha@example.com' });

  await goTo(page, 'Backups');
  await page.getByLabel('Label (optional)').fill('before the changes');
  await page.getByRole('button', { name: 'Take backup now' }).click();
  const row = backupTable(page).getByRole('row', { name: /before the changes/ });
  await expect(row).toContainText('Manual');
  await expect(row).toContainText('Customers 1');

  await goTo(page, 'Customers');
  await createCustomer(page, { name: 'Beta Foods' });
  await expect(customerGrid(page).getByRole('row', { name: /Beta Foods/ })).toBeVisible();

  await goTo(page, 'Backups');
  await row.getByRole('button', { name: /^Restore backup of/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('A “before restore” backup of your current data is taken first');
  const customersRow = confirm.getByRole('row', { name: /Customers/ });
  await expect(customersRow.getByRole('cell').nth(0)).toHaveText('2'); // now
  await expect(customersRow.getByRole('cell').nth(1)).toHaveText('1'); // the backup
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Restored.', { exact: false })).toBeVisible();
  await expect(backupTable(page).getByRole('row', { name: /Before restore/ })).toBeVisible();

  await goTo(page, 'Customers');
  await expect(customerGrid(page).getByRole('row', { name: /Alpha Trading/ })).toBeVisible();
  await expect(customerGrid(page).getByRole('row', { name: /Beta Foods/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('status', { name: EN.status })).toContainText(EN.saved);
  await expect(customerGrid(page).getByRole('row', { name: /Alpha Trading/ })).toBeVisible();
  await expect(customerGrid(page).getByRole('row', { name: /Beta Foods/ })).toHaveCount(0);
});

test('a downloaded .sqlite file restores through the file input, and the reminder clock restarts', async ({
  page,
}) => {
  await openApp(page, { hash: '#/customers' });
  await createCustomer(page, { name: 'Gamma Steel' });
  await goTo(page, 'Backups');
  await expect(page.getByText('No backup file downloaded yet.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .sqlite backup' }).click();
  const download = await downloading;
  const bytes = readFileSync((await download.path())!);
  await expect(page.getByText(/^Last downloaded:/)).toBeVisible();

  await goTo(page, 'Customers');
  await createCustomer(page, { name: 'Delta Paper' });
  await goTo(page, 'Backups');
  await page.getByLabel('Choose a .sqlite file to restore').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/vnd.sqlite3',
    buffer: bytes,
  });
  const confirm = page.getByRole('dialog', { name: 'Replace your data with this file?' });
  await expect(confirm).toContainText(download.suggestedFilename());
  const customersRow = confirm.getByRole('row', { name: /Customers/ });
  await expect(customersRow.getByRole('cell').nth(0)).toHaveText('2'); // now
  await expect(customersRow.getByRole('cell').nth(1)).toHaveText('1'); // the file
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(backupTable(page).getByRole('row', { name: /Before restore/ })).toContainText(
    download.suggestedFilename(),
  );

  await goTo(page, 'Customers');
  await expect(customerGrid(page).getByRole('row', { name: /Gamma Steel/ })).toBeVisible();
  await expect(customerGrid(page).getByRole('row', { name: /Delta Paper/ })).toHaveCount(0);
});

test('a junk file is refused with a clear message and changes nothing', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: 'Keep Me Ltd' });
  await goTo(page, 'Backups');
  await page.getByLabel('Choose a .sqlite file to restore').setInputFiles({
    name: 'customers.sqlite',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('name,email\nAcme,acme@example.com\n'.repeat(50)),
  });
  await expect(page.getByRole('alert')).toContainText('This is not a SQLite database file');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(backupTable(page).getByRole('row', { name: /Before restore/ })).toHaveCount(0);

  await goTo(page, 'Customers');
  await expect(customerGrid(page).getByRole('row', { name: /Keep Me Ltd/ })).toBeVisible();
});

test('merging a colleague’s file adds their customer and takes their value where chosen', async ({
  page,
}) => {
  await openApp(page);
  await createCustomer(page, { name: 'Shared Client', email: 'shared@example.com', industry: 'Retail' });
  await goTo(page, 'Backups');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .sqlite backup' }).click();
  const colleague = readFileSync((await (await downloading).path())!);

  // My side changes after the hand-off file was made: their copy now differs from mine.
  await goTo(page, 'Customers');
  await customerGrid(page).getByRole('link', { name: 'Shared Client' }).click();
  await page.getByRole('button', { name: EN.edit, exact: true }).first().click();
  const edit = page.getByRole('dialog', { name: EN.editCustomer });
  await edit.getByLabel(EN.industry).fill('Wholesale');
  await edit.getByRole('button', { name: EN.save, exact: true }).click();
  await expect(edit).toBeHidden();

  await goTo(page, 'Backups');
  await page.getByLabel('Choose a colleague’s .sqlite file').setInputFiles({
    name: 'colleague.sqlite',
    mimeType: 'application/vnd.sqlite3',
    buffer: colleague,
  });
  const dialog = page.getByRole('dialog', { name: 'Merge “colleague.sqlite”' });
  await expect(dialog).toContainText('matched by email');
  await dialog.getByRole('radio', { name: 'Industry: Theirs' }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Merge report' })).toContainText('Updated: 1');

  await goTo(page, 'Customers');
  await expect(customerGrid(page).getByRole('row', { name: /Shared Client.*Retail/ })).toBeVisible();
});

test('after 7 days without a downloaded file a reminder offers the download, and "later" hides it', async ({
  page,
}) => {
  await openApp(page);
  // A workspace whose reminder clock started long ago and never saw a download.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kehu-crm');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(
            { keep: 7, lastDownloadAt: null, snoozedUntil: null, since: '2020-01-01T00:00:00.000Z' },
            'backup-settings',
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  const reminder = page
    .getByRole('status')
    .filter({ hasText: 'No backup file was downloaded in the last 7 days' });
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: 'Remind me later' }).click();
  await expect(reminder).toBeHidden();
  await page.reload();
  await expect(page.getByRole('status', { name: EN.status })).toContainText(EN.saved);
  await expect(reminder).toBeHidden();

  // Downloading also ends the reminder (after "later" expires it would otherwise come back).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kehu-crm');
        request.onsuccess = () => {
          const tx = request.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(
            { keep: 7, lastDownloadAt: null, snoozedUntil: null, since: '2020-01-01T00:00:00.000Z' },
            'backup-settings',
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await expect(reminder).toBeVisible();
  const downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Download backup now' }).click();
  await downloading;
  await expect(reminder).toBeHidden();
});
