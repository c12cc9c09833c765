/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical violation on any
 * screen — every navigation section, every record list and record page, every analysis page — in both
 * languages and both themes, on the demo data.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EN, openApp, ZH, type Labels } from './helpers';

const SECTIONS = [
  'customers',
  'customers/1',
  'dashboard',
  'pipeline',
  'calendar',
  'tasks',
  'renewals',
  'search?q=a',
  'duplicates',
  'import',
  'sql',
  'backups',
  'settings',
  'automation',
  'outreach',
  'approvals',
];
const RECORDS = [
  'contacts',
  'leads',
  'opportunities',
  'products',
  'orders',
  'contracts',
  'cases',
  'articles',
  'campaigns',
  'activities',
  'users',
];
const ANALYSES = [
  'rfm',
  'clv',
  'churn',
  'segments',
  'churn-model',
  'forecast',
  'baskets',
  'campaign-roi',
  'funnel',
  'satisfaction',
];
const SCREENS = [
  ...SECTIONS,
  ...RECORDS.flatMap((path) => [path, `${path}/1`]),
  'analytics',
  ...ANALYSES.map((page) => `analytics/${page}`),
];

async function loadDemo(page: Page, labels: Labels) {
  await page
    .getByRole('button', { name: labels === EN ? 'Load demo data' : '加载演示数据' })
    .first()
    .click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible())
    await confirm
      .getByRole('button', { name: /Load|加载/ })
      .last()
      .click();
  await expect(
    page.getByText(labels === EN ? /^[1-9][\d,]* customers$/ : /^共 [1-9][\d,]* 位客户$/),
  ).toBeVisible({
    timeout: 60_000,
  });
}

/** Serious and critical violations on the current screen, one line each. */
async function violations(page: Page, screen: string): Promise<string[]> {
  // Rows of a list share one template: the first five stand for the rest (axe's contrast check walks every
  // cell, minutes on a page of a hundred order rows).
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('tbody tr:nth-child(n+6)')
    .exclude('[role="rowgroup"] [role="row"]:nth-child(n+6)')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const [locale, labels] of [
  ['en-US', EN],
  ['zh-CN', ZH],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme, viewport: { width: 1280, height: 900 } });

      test('axe finds no serious or critical violation on any screen', async ({ page }) => {
        test.setTimeout(900_000);
        await openApp(page, { store: `a11y-${locale}-${colorScheme}`, labels });
        await loadDemo(page, labels);
        const found: string[] = [];
        for (const screen of SCREENS) {
          await test.step(screen, async () => {
            await page.evaluate((hash) => (location.hash = hash), `#/${screen}`);
            await expect(page.locator('main h1').first()).toBeVisible();
            // Lists and pages fill in from the worker; measure what the user then sees.
            await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
            const started = Date.now();
            found.push(...(await violations(page, screen)));
            console.log(`${screen}: ${Date.now() - started} ms`);
          });
        }
        expect(found).toEqual([]);
      });
    });
  }
}
