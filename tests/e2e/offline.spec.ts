/**
 * Offline after the first visit, and updates that never cut a write off.
 *
 * 1. With the network off, a reload still boots the app (page, DB worker, sql.js WebAssembly from the
 *    service worker's precache), keeps and takes new customers, loads the demo data (its lazily loaded
 *    generator and Chinese name pools) and runs an analysis (analytics worker and chart chunk).
 * 2. A new deploy (the served sw.js and index.html change, as after copying a new dist/) shows "A new
 *    version is available"; Reload while a write (demo data) still waits for the write lock lets the write
 *    finish first, then reloads into the new version with the data saved. Reloading at once would have
 *    ended the DB worker and lost the write.
 */
import { expect, test, type Locator } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp, saveStatus, ZH } from './helpers';
import { untilControlled } from './service-worker';
import { serveDist } from './static-server';

/** Waits until a chart has been drawn (a blank canvas encodes to a short PNG). */
async function expectDrawn(chart: Locator) {
  await expect
    .poll(() => chart.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL().length), { timeout: 15_000 })
    .toBeGreaterThan(8_000);
}

test.describe('offline (zh-CN)', () => {
  test.use({ locale: 'zh-CN' });

  test('after the first visit the whole app works with the network off', async ({ page, context }) => {
    test.setTimeout(180_000);
    await openApp(page, { store: 'offline', labels: ZH });
    await untilControlled(page);
    await createCustomer(page, { name: '离线前客户' }, ZH);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await expect(saveStatus(page, ZH)).toContainText(ZH.saved);
    await expect(customerGrid(page).getByRole('row', { name: /离线前客户/ })).toBeVisible();
    await createCustomer(page, { name: '离线时客户' }, ZH);
    await expect(customerGrid(page).getByRole('row', { name: /离线时客户/ })).toBeVisible();

    // Demo data (it replaces the workspace): the generator and its Chinese name pools are chunks the DB
    // worker loads only now.
    await page.getByRole('link', { name: ZH.settings, exact: true }).click();
    await page.getByRole('button', { name: '加载演示数据' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '替换为演示数据' }).click();
    await expect(page.getByText(/^演示数据已加载：/)).toBeVisible({ timeout: 90_000 });

    // An analysis: the analytics worker, its kernels and Chart.js, all first requested offline.
    await page.goto(page.url().replace(/#.*$/, '#/analytics/rfm'));
    await expect(page.getByRole('heading', { level: 1, name: 'RFM 分析' })).toBeVisible();
    await page.getByRole('button', { name: '运行', exact: true }).click();
    await expect(page.getByRole('table').first()).toBeVisible({ timeout: 60_000 });
    await expectDrawn(page.locator('canvas').first());

    // Still offline, what was written offline is there after another reload.
    await page.goto(page.url().replace(/#.*$/, '#/customers'));
    await createCustomer(page, { name: '离线后客户' }, ZH);
    await page.reload();
    await expect(page.getByText(/^共 [1-9][\d,]* 位客户$/)).toBeVisible();
    await page.getByLabel(ZH.search).fill('离线后');
    await expect(customerGrid(page).getByRole('row', { name: /离线后客户/ })).toBeVisible();
  });
});

test.describe('a new deploy (en)', () => {
  test.use({ locale: 'en-US' });

  test('shows the update prompt, lets a pending write finish, then reloads into the new version', async ({
    page,
  }) => {
    const site = await serveDist('/');
    try {
      await page.goto(`${site.url}?store=update#/customers`);
      await expect(saveStatus(page)).toContainText(EN.saved);
      await untilControlled(page);
      const prompt = page.getByRole('status', { name: 'App update' });
      await expect(prompt).toBeEmpty();

      // The new deploy: a changed app shell, and the service worker that precaches it.
      site.transform = (file, body) => {
        const text = body.toString('utf8');
        if (file === 'index.html') return text.replace('<head>', '<head><meta name="app-build" content="2">');
        if (file === 'sw.js') return text.replace(/(url:"index\.html",revision:)"[^"]*"/, '$1"build-2"');
        return body;
      };
      // What the app does hourly (and the browser on every navigation): ask for a newer sw.js.
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())!.update();
      });
      await expect(prompt).toContainText('A new version is available.');
      await page.screenshot({ path: test.info().outputPath('update-prompt.png') });

      // Another tab holds the write lock, so a write started now stays in flight until it lets go.
      await page.evaluate(
        () =>
          new Promise<void>((held) => {
            void navigator.locks.request('crm-write:update', () => {
              held();
              return new Promise<void>((release) => {
                (window as unknown as { releaseWriteLock: () => void }).releaseWriteLock = release;
              });
            });
          }),
      );
      // A long write: demo data into the empty workspace (a modal dialog would make the prompt inert).
      const loadDemo = page.getByRole('button', { name: 'Load demo data' }).first();
      await loadDemo.click();
      await expect(loadDemo).toBeDisabled();

      await prompt.getByRole('button', { name: 'Reload' }).click();
      await expect(prompt).toHaveText('Finishing saving your changes, then reloading…');
      await expect(loadDemo).toBeDisabled();
      expect(await page.locator('meta[name="app-build"]').count()).toBe(0);

      await page.evaluate(() => (window as unknown as { releaseWriteLock: () => void }).releaseWriteLock());
      // The demo data is saved, the new version takes over and the page reloads into it by itself.
      await expect(page.locator('meta[name="app-build"]')).toHaveAttribute('content', '2', {
        timeout: 90_000,
      });
      await expect(saveStatus(page)).toContainText(EN.saved);
      await expect(page.getByText(/^[1-9][\d,]* customers$/)).toBeVisible();
      await expect(prompt).toBeEmpty();
    } finally {
      await site.close();
    }
  });
});
