/**
 * `node scripts/screenshots.mjs`: the README's screenshots. Serves the built site (dist/, or
 * SCREENSHOTS_DIST) with `vite preview` on port 4192, opens it in the system Chromium (find-chromium.mjs),
 * loads the demo data through the app's own button into a workspace of its own (`?store=screenshots-…`) and
 * saves PNGs to docs/screenshots/: the customer list and a customer at 375 × 812 (phone) and the pipeline
 * and the analytics dashboard at 1280 × 800 (desktop), in English and in Chinese — 8 files.
 *
 * Build first (`npm run build`). The demo data is seeded, its dates relative to today (the workers use the
 * real clock, so the page does too: a fixed page clock would disagree with the data's dates).
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const PORT = 4192;
const ORIGIN = `http://localhost:${PORT}`;
const DIST = process.env.SCREENSHOTS_DIST ?? 'dist';
const OUT = 'docs/screenshots';
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const SHOTS = [
  // Scrolled to the list (the page scrolls on a phone): the cards are the point of this picture.
  { name: 'customers-phone', device: PHONE, hash: '#/customers', scrollTo: '[role="grid"]' },
  { name: 'customer-phone', device: PHONE, hash: '#/customers/1' },
  { name: 'pipeline-desktop', device: DESKTOP, hash: '#/pipeline' },
  { name: 'analytics-desktop', device: DESKTOP, hash: '#/analytics' },
];
const LOCALES = [
  { code: 'en', locale: 'en-US' },
  { code: 'zh-CN', locale: 'zh-CN' },
];
const log = (...args) => console.log('[screenshots]', ...args);

async function serve() {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error(`${DIST}/index.html not found: run npm run build first`);
  const server = spawn('npx', ['vite', 'preview', '--outDir', DIST, '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (is port ${PORT} in use?)`);
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(-server.pid);
  throw new Error(`vite preview did not start on port ${PORT}`);
}

/** A page in the given language and device, on its own workspace, with the demo data loaded. */
async function openWorkspace(browser, { code, locale }, device) {
  const context = await browser.newContext({ ...device, locale, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/?store=screenshots-${code}#/customers`);
  const zh = code === 'zh-CN';
  const count = page.getByText(zh ? /^共 [1-9][\d,]* 位客户$/ : /^[1-9][\d,]* customers?$/);
  const load = page.getByRole('button', { name: zh ? '加载演示数据' : 'Load demo data' }).first();
  await count.or(load).first().waitFor({ timeout: 120_000 });
  if (!(await count.isVisible())) {
    log(`${code}: loading the demo data…`);
    await load.click();
    const confirm = page.getByRole('dialog');
    if (await confirm.isVisible()) await confirm.getByRole('button').last().click();
    await count.waitFor({ timeout: 180_000 });
    // The "demo data loaded" toast would sit over the pictures.
    await page
      .getByRole('button', { name: zh ? /关闭/ : /Dismiss|Close/ })
      .first()
      .click()
      .catch(() => {});
  }
  return { context, page };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await serve();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    for (const language of LOCALES) {
      for (const device of [PHONE, DESKTOP]) {
        const shots = SHOTS.filter((shot) => shot.device === device);
        const { context, page } = await openWorkspace(browser, language, device);
        for (const shot of shots) {
          await page.evaluate((hash) => (location.hash = hash), shot.hash);
          await page.locator('main h1').first().waitFor();
          // Charts and lists fill in from the workers; wait until nothing is loading, then let paint settle.
          await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
          if (shot.scrollTo)
            await page.evaluate((selector) => {
              const top = document.querySelector(selector)?.getBoundingClientRect().top ?? 0;
              window.scrollTo(0, Math.max(0, top - 260));
            }, shot.scrollTo);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 600))),
          );
          const file = `${OUT}/${shot.name}-${language.code}.png`;
          await page.screenshot({ path: file });
          log(`saved ${file}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
