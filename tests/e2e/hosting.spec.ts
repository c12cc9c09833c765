/**
 * Hosting (README): the same built dist/ runs at a domain's root (the preview server on 4173) and under
 * a sub-path of a plain static server (as a GitHub Pages project site is served under /<repo>/), without
 * rebuilding. In both the app loads, saves, is taken over by its service worker whose scope is the app's
 * folder, and survives a reload; Chromium (with a real profile) offers to install it from the sub-path.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomer, customerGrid, EN, saveStatus } from './helpers';
import { untilControlled } from './service-worker';
import { serveDist, type StaticSite } from './static-server';

test.use({ locale: 'en-US' });

/** What Chromium says would stop it from offering "Install app" (an empty list: it offers it). */
async function installabilityErrors(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  await cdp.detach();
  return installabilityErrors.map((error) => error.errorId);
}

async function checkHostedApp(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(`${appUrl}?store=hosting#/customers`);
  await expect(saveStatus(page)).toContainText(EN.saved);
  await createCustomer(page, { name });
  await expect(customerGrid(page).getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // The worker's scope is the folder the app was opened in, so it never answers for a sibling site.
  expect(await untilControlled(page)).toBe(appUrl);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    const response = await fetch(link!.href);
    const json = (await response.json()) as { start_url: string; scope: string; name: string };
    return {
      name: json.name,
      startUrl: new URL(json.start_url, response.url).href,
      scope: new URL(json.scope, response.url).href,
    };
  });
  expect(manifest).toEqual({ name: '客户管理系统 · CRM', startUrl: appUrl, scope: appUrl });

  await page.reload();
  await expect(saveStatus(page)).toContainText(EN.saved);
  await expect(customerGrid(page).getByRole('row', { name: new RegExp(name) })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${appUrl}sw.js`);
}

test.describe('under a sub-path of a plain static server', () => {
  let site: StaticSite;
  test.beforeAll(async () => {
    site = await serveDist('/crm/');
  });
  test.afterAll(async () => {
    await site.close();
  });

  test('loads, saves, installs its service worker for /crm/ only, and reloads', async ({ page }) => {
    await checkHostedApp(page, site.url, 'Sub-path Trading Co');
    // Relative URLs everywhere: nothing — page, workers, WebAssembly, service worker — asked outside /crm/.
    expect(site.requested.filter((path) => !path.startsWith('/crm/'))).toEqual([]);
    expect(site.requested).toEqual(
      expect.arrayContaining(['/crm/sw.js', '/crm/manifest.webmanifest', expect.stringMatching(/\.wasm$/)]),
    );
  });

  test('Chromium offers to install it from the sub-path', async ({ playwright, launchOptions }) => {
    // Test contexts are incognito-like, where Chromium never offers installation ("in-incognito"); a
    // persistent profile is what a user's browser has.
    const profile = await mkdtemp(join(tmpdir(), 'crm-install-'));
    const context = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      locale: 'en-US',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${site.url}?store=install#/customers`);
      await expect(saveStatus(page)).toContainText(EN.saved);
      await untilControlled(page);
      expect(await installabilityErrors(page)).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});

test('at the root of the preview server', async ({ page, baseURL }) => {
  await checkHostedApp(page, new URL('/', baseURL).href, 'Root Trading Co');
});
