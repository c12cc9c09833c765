import { expect, test, type Page } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp, saveStatus } from './helpers';

test.use({ locale: 'en-US' });

const PASSPHRASE = 'harbour lantern 山水 seven';

/**
 * Where `text` occurs in the workspace's IndexedDB database — as a JS string or as UTF-8 bytes, in any
 * key or (nested) value. Runs in the page, as anyone with access to the browser profile could.
 */
function findInIndexedDb(page: Page, store: string, text: string): Promise<string[]> {
  return page.evaluate(
    async ({ store, text }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(store);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const os = db.transaction(db.objectStoreNames[0]!, 'readonly').objectStore(db.objectStoreNames[0]!);
      const [keys, values] = await Promise.all(
        [os.getAllKeys(), os.getAll()].map(
          (request) =>
            new Promise<unknown[]>((resolve) => (request.onsuccess = () => resolve(request.result))),
        ),
      );
      db.close();
      const needle = new TextEncoder().encode(text);
      const hasBytes = (bytes: Uint8Array) => {
        outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
          for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
          return true;
        }
        return false;
      };
      const found: string[] = [];
      const walk = (value: unknown, where: string): void => {
        if (typeof value === 'string') {
          if (value.includes(text)) found.push(where);
        } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
          const view = value instanceof ArrayBuffer ? new Uint8Array(value) : value;
          if (hasBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))) found.push(where);
        } else if (Array.isArray(value)) {
          value.forEach((item, index) => walk(item, `${where}[${index}]`));
        } else if (typeof value === 'object' && value !== null) {
          for (const [key, item] of Object.entries(value)) {
            walk(key, where);
            walk(item, `${where}.${key}`);
          }
        }
      };
      keys!.forEach((key, index) => {
        walk(key, JSON.stringify(key));
        walk(values![index], JSON.stringify(key));
      });
      return found;
    },
    { store, text },
  );
}

test('encryption at rest: switch on, lock screen after reload, wrong then right passphrase, no plaintext stored', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const store = `encryption-${Date.now()}`;
  await openApp(page, { store });
  await createCustomer(page, { name: 'Plainly Stored Before Ltd' });
  // The scan sees a name while the workspace is plaintext, so its empty answers below mean something.
  expect(await findInIndexedDb(page, store, 'Plainly Stored Before Ltd')).not.toEqual([]);

  await page.getByRole('link', { name: EN.settings, exact: true }).click();
  const section = page.getByRole('region', { name: 'Encryption at rest' });
  await expect(section.locator('output')).toHaveText('Off');
  await expect(section.getByText('the data cannot be recovered', { exact: false }).first()).toBeVisible();
  await expect(section.getByText('the downloaded file is not encrypted', { exact: false })).toBeVisible();

  await section.getByLabel('Passphrase', { exact: true }).fill('short');
  await section.getByLabel('Repeat the passphrase').fill('short');
  await section.getByLabel(/I understand/).check();
  await section.getByRole('button', { name: 'Switch encryption on' }).click();
  await expect(section.getByRole('alert')).toContainText('too short');

  await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Switch encryption on' }).click();
  await expect(section.locator('output')).toHaveText('On', { timeout: 30_000 });
  await expect(section.getByText('600,000 iterations', { exact: false })).toBeVisible();

  await page.getByRole('link', { name: EN.customers, exact: true }).click();
  await createCustomer(page, { name: 'Quetzalcoatl Secret Trading 密', email: 'q@secret.example' });
  await expect(saveStatus(page)).toContainText(EN.saved);
  for (const name of ['Quetzalcoatl', 'Plainly Stored Before Ltd'])
    expect(await findInIndexedDb(page, store, name)).toEqual([]);

  await page.reload();
  const lock = page.getByRole('region', { name: 'This workspace is locked' });
  await expect(lock).toBeVisible();
  await expect(page.getByText('Quetzalcoatl')).toHaveCount(0);
  await expect(customerGrid(page)).toHaveCount(0);

  // The lock screen speaks both languages.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '工作区已锁定' })).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  await lock.getByLabel('Passphrase').fill('harbour lantern wrong');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock.getByRole('alert')).toContainText('That passphrase is not correct', { timeout: 30_000 });
  await expect(page.getByText('Quetzalcoatl')).toHaveCount(0);

  await lock.getByLabel('Passphrase').fill(PASSPHRASE);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(customerGrid(page).getByRole('link', { name: 'Quetzalcoatl Secret Trading 密' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(customerGrid(page).getByRole('link', { name: 'Plainly Stored Before Ltd' })).toBeVisible();
  await expect(saveStatus(page)).toContainText(EN.saved);
  expect(await findInIndexedDb(page, store, 'Quetzalcoatl')).toEqual([]);
});

test('another open tab stops saving once encryption is switched on; passphrase change and switching off', async ({
  context,
}) => {
  test.setTimeout(150_000);
  const store = `encryption-tabs-${Date.now()}`;
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a, { store, hash: '#/settings' });
  await openApp(b, { store });

  const section = a.getByRole('region', { name: 'Encryption at rest' });
  await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await section.getByLabel(/I understand/).check();
  await section.getByRole('button', { name: 'Switch encryption on' }).click();
  await expect(section.locator('output')).toHaveText('On', { timeout: 30_000 });

  // Tab B still holds the plaintext view: its next save is refused, and it says why.
  await b.getByRole('button', { name: EN.newCustomer, exact: true }).first().click();
  const dialog = b.getByRole('dialog', { name: EN.newCustomer });
  await dialog.getByLabel(EN.name).first().fill('Leaky Tab Co');
  await dialog.getByRole('button', { name: EN.save, exact: true }).click();
  await expect(b.getByText(/switched on or off in another tab/).first()).toBeVisible();
  expect(await findInIndexedDb(a, store, 'Leaky Tab Co')).toEqual([]);

  // Change the passphrase in A: a wrong current one is refused, then the new one replaces the old.
  const newPassphrase = 'second passphrase 第二';
  await section.getByLabel('Current passphrase').first().fill('not it at all');
  await section.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await section.getByLabel('Repeat the new passphrase').fill(newPassphrase);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('alert')).toContainText('That passphrase is not correct', {
    timeout: 30_000,
  });
  await section.getByLabel('Current passphrase').first().fill(PASSPHRASE);
  await section.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await section.getByLabel('Repeat the new passphrase').fill(newPassphrase);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(a.getByText('The passphrase was changed')).toBeVisible({ timeout: 30_000 });

  await b.reload();
  const lock = b.getByRole('region', { name: 'This workspace is locked' });
  await lock.getByLabel('Passphrase').fill(PASSPHRASE);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock.getByRole('alert')).toContainText('That passphrase is not correct', { timeout: 30_000 });
  await lock.getByLabel('Passphrase').fill(newPassphrase);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(saveStatus(b)).toContainText(EN.saved, { timeout: 30_000 });
  await createCustomer(b, { name: 'Unlocked Tab Co' });
  expect(await findInIndexedDb(b, store, 'Unlocked Tab Co')).toEqual([]);

  // Switching off (confirmed with the passphrase) brings plaintext back and no lock screen.
  await b.getByRole('link', { name: EN.settings, exact: true }).click();
  const bSection = b.getByRole('region', { name: 'Encryption at rest' });
  await bSection.getByLabel('Current passphrase').last().fill(newPassphrase);
  await bSection.getByRole('button', { name: 'Switch encryption off' }).click();
  await expect(bSection.locator('output')).toHaveText('Off', { timeout: 30_000 });
  await b.reload();
  await expect(saveStatus(b)).toContainText(EN.saved);
  await b.getByRole('link', { name: EN.customers, exact: true }).click();
  await expect(customerGrid(b).getByRole('link', { name: 'Unlocked Tab Co' })).toBeVisible();
});
