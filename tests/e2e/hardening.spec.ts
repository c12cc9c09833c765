/**
 * Trust: the app talks to nobody but its own origin, runs under a CSP without `unsafe-eval`, and renders
 * hostile text as text everywhere a user can see it.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCustomer, customerGrid, EN, openApp } from './helpers';

test.use({ locale: 'en-US' });

/** Every top-level screen, reached the way a user does: through the main navigation. */
const SECTIONS = ['Customers', 'Analytics', 'Dashboard', 'Import', 'SQL console', 'Backups', 'Settings'];

async function visitEverySection(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of SECTIONS) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.locator('main h1').first()).toBeVisible();
  }
}

test('no request leaves the app’s origin, from first load through demo data and every screen', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const own: string[] = [];
  const foreign: string[] = [];
  // Intercepting (not just listening) means a foreign request would be stopped, and is counted either way.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) {
      own.push(url);
      await route.continue();
    } else {
      foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });

  await openApp(page, { store: 'hardening-network' });
  await page.getByRole('button', { name: 'Load demo data' }).first().click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Load/ }).last().click();
  await expect(page.getByText(/^[1-9][\d,]* customers$/)).toBeVisible({ timeout: 60_000 });
  await customerGrid(page).getByRole('link').first().click();
  await expect(page.locator('main h1')).toBeVisible();
  await visitEverySection(page);
  // An analysis starts the analytics worker, which reads from the DB worker: still nothing leaves.
  await page.evaluate(() => (location.hash = '#/analytics/rfm'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.locator('main h1').first()).toBeVisible();

  expect(foreign).toEqual([]);
  expect(own.some((url) => /analytics\.worker[^/]*\.js$/.test(url))).toBe(true);
  // The interception really saw the app's traffic, including the worker's WebAssembly fetch.
  expect(own.some((url) => url.endsWith('.wasm'))).toBe(true);
  expect(own.some((url) => /\.js$/.test(url))).toBe(true);
});

test('the Content-Security-Policy allows only the app’s origin, and nothing the app does violates it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await openApp(page, { store: 'hardening-csp' });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toMatch(/https?:|\*/);

  await createCustomer(page, { name: 'CSP check Ltd' });
  await visitEverySection(page);
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
});

/**
 * Classic payloads (OWASP XSS filter evasion cheat sheet, trimmed to ones that need no network): each one
 * bumps `window.__xss` if it ever runs.
 */
const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<svg onload="window.__xss=(window.__xss||0)+1"></svg>',
  '"><script>window.__xss=(window.__xss||0)+1</script>',
  '\'><details open ontoggle="window.__xss=(window.__xss||0)+1">',
  '<iframe srcdoc="<script>parent.__xss=(parent.__xss||0)+1</script>"></iframe>',
  '<a href="javascript:window.__xss=(window.__xss||0)+1">click</a>',
  '{@html "<b>x</b>"} {{constructor.constructor("window.__xss=1")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '=HYPERLINK("https://evil.example","x") +cmd|\' /C calc\'!A0 @SUM(1)',
  '<body onload="window.__xss=1">\u202Egnp.exe',
];

async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // No element the payloads would have created exists anywhere in the document.
  expect(
    await page.locator('[onerror], [onload], [ontoggle], [srcdoc], iframe, a[href^="javascript:"]').count(),
  ).toBe(0);
}

test('hostile text in every customer and contact field stays text in the list, detail, search and form', async ({
  page,
}) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a payload opened a ${dialog.type()} dialog`);
  });
  await openApp(page, { store: 'hardening-xss' });
  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    await createCustomer(page, {
      name: `X${index} ${payload}`,
      industry: payload,
      address: payload,
      phone: '010-1234 5678',
    });
  }
  const grid = customerGrid(page);
  await expect(page.getByText(`${XSS_PAYLOADS.length} customers`)).toBeVisible();
  for (const [index, payload] of XSS_PAYLOADS.entries())
    await expect(grid.getByRole('link', { name: `X${index} ${payload}`, exact: true })).toBeVisible();
  await expectInert(page);

  await page.getByLabel(EN.search).fill('onerror');
  await expect(grid.getByRole('link', { name: /^X0 / })).toBeVisible();
  await expectInert(page);
  await page.getByLabel(EN.search).fill('');

  // The detail page shows every field, then a contact carrying the payloads too.
  await grid.getByRole('link', { name: /^X0 / }).click();
  await expect(page.getByRole('heading', { name: `X0 ${XSS_PAYLOADS[0]}` })).toBeVisible();
  await page.getByRole('button', { name: EN.addContact }).click();
  const contact = page.getByRole('dialog', { name: EN.newContact });
  await contact.getByLabel(EN.contactName).fill(XSS_PAYLOADS[1]!);
  await contact.getByLabel(EN.jobTitle).fill(XSS_PAYLOADS[2]!);
  await contact.getByRole('button', { name: EN.save, exact: true }).click();
  await expect(contact).toBeHidden();
  await expect(page.getByRole('row', { name: /svg onload/ })).toContainText(XSS_PAYLOADS[2]!);
  await expectInert(page);

  // Editing shows the stored text back in the inputs unchanged.
  await page.getByRole('button', { name: EN.edit, exact: true }).first().click();
  const edit = page.getByRole('dialog', { name: EN.editCustomer });
  await expect(edit.getByLabel(EN.industry)).toHaveValue(XSS_PAYLOADS[0]!);
  await expectInert(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: `X0 ${XSS_PAYLOADS[0]}` })).toBeVisible();
  await expectInert(page);
});
