/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical violation on any
 * screen — every navigation section, every record list and record page, every analysis page — in both
 * languages and both themes, on the demo data.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EN, openApp, ZH } from './helpers';
import { loadDemo, SCREENS } from './screens';

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
