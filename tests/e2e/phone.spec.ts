/**
 * On a 375 × 812 phone (touch, mobile viewport), in English and Chinese, on the demo data: no screen scrolls
 * the page sideways, every control a finger uses is at least 44 px tall, the customer list is a list of
 * cards that open the customer when tapped, and a customer can be created through the form.
 *
 * Which controls count (WCAG 2.5.8's inline exception): buttons, text-like inputs, selects, disclosure
 * summaries, links styled as buttons, breadcrumbs and the navigation's links; a checkbox or radio counts
 * through its label. Links inside running text (a sentence, a table cell, a card's title) are text, not
 * targets, and rows inside a list grid are tapped as whole cards, which are measured separately.
 */
import { expect, test } from '@playwright/test';
import { createCustomer, EN, openApp, ZH } from './helpers';
import { loadDemo, SCREENS } from './screens';

const WIDTH = 375;
const MIN_TARGET = 44;

/** What is wrong on the current screen for a phone user: a too-wide page, too-small targets. */
function phoneProblems(limits: { width: number; minTarget: number }): string[] {
  const problems: string[] = [];
  const width = document.documentElement.scrollWidth;
  if (width > limits.width) problems.push(`the page is ${width} px wide`);
  const selector = [
    'button',
    'select',
    'summary',
    'input',
    'textarea',
    'a.button',
    '.breadcrumb a',
    '.crumb a',
    'nav#side-nav a',
  ]
    .flatMap((s) => [`main ${s}`, `header ${s}`, `nav#side-nav ${s}`])
    .join(', ');
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    if (element.closest('[role="grid"], .visually-hidden')) continue;
    let target: HTMLElement = element;
    if (element instanceof HTMLInputElement) {
      if (element.type === 'hidden') continue;
      if (element.type === 'checkbox' || element.type === 'radio')
        target = element.closest('label') ?? element.labels?.[0] ?? element;
    }
    const box = target.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue; // not rendered (closed menu, visually hidden)
    if (box.height < limits.minTarget - 0.5) {
      const name = (element.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 30);
      problems.push(`${element.tagName.toLowerCase()} "${name}" is ${Math.round(box.height)} px tall`);
    }
  }
  return problems;
}

for (const [locale, labels] of [
  ['en-US', EN],
  ['zh-CN', ZH],
] as const) {
  test.describe(`phone, ${locale}`, () => {
    test.use({ locale, viewport: { width: WIDTH, height: 812 }, isMobile: true, hasTouch: true });

    test('no screen scrolls sideways and every control is a 44 px target', async ({ page }) => {
      test.setTimeout(600_000);
      await openApp(page, { store: `phone-${locale}`, labels });
      await loadDemo(page, labels);
      const found: string[] = [];
      for (const screen of SCREENS) {
        await test.step(screen, async () => {
          await page.evaluate((hash) => (location.hash = hash), `#/${screen}`);
          await expect(page.locator('main h1').first()).toBeVisible();
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
          const problems = await page.evaluate(phoneProblems, { width: WIDTH, minTarget: MIN_TARGET });
          found.push(...problems.map((p) => `${screen}: ${p}`));
        });
      }
      // The navigation is behind the Menu button on a phone: open it and measure its links too.
      await page.getByRole('button', { name: labels === EN ? /Menu/ : /菜单/ }).tap();
      const nav = page.getByRole('navigation', { name: labels === EN ? 'Main' : '主导航' });
      await expect(nav.getByRole('link').first()).toBeVisible();
      found.push(
        ...(await page.evaluate(phoneProblems, { width: WIDTH, minTarget: MIN_TARGET })).map(
          (p) => `menu: ${p}`,
        ),
      );
      expect(found).toEqual([]);
    });

    test('the customer list is cards; tapping one opens the customer; the form creates one', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await openApp(page, { store: `phone-cards-${locale}`, labels });
      await loadDemo(page, labels);

      const grid = page.getByRole('grid', { name: labels === EN ? 'Customer list' : '客户列表' });
      const card = grid.locator('[role="row"][data-index="0"]');
      await expect(card).toBeVisible();
      // A card: the name as its title and label / value lines (Stage among them), inside the screen.
      const title = card.getByRole('link');
      await expect(title).toBeVisible();
      const stage = card.getByRole('gridcell').filter({ hasText: labels.stage });
      await expect(stage).toBeVisible();
      await expect(stage).toContainText(
        labels === EN ? /New|Existing|Prospect|Lost/ : /潜在客户|新客户|老客户|已流失/,
      );
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      expect(box.height).toBeGreaterThanOrEqual(MIN_TARGET);
      // No sideways scrolling inside the list either.
      expect(await grid.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      // The column headers are still there for screen readers.
      await expect(grid.getByRole('columnheader').nth(1)).toBeAttached();

      // The selection box is tapped through a 44 px label without opening the customer.
      const checkbox = card.getByRole('checkbox');
      const hit = (await card.locator('label').first().boundingBox())!;
      expect(hit.height).toBeGreaterThanOrEqual(MIN_TARGET);
      await card.locator('label').first().tap();
      await expect(checkbox).toBeChecked();
      await checkbox.tap();
      await expect(checkbox).not.toBeChecked();

      // Tapping the card (not its link) opens the customer.
      const name = (await title.innerText()).trim();
      await stage.tap();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

      // Create a customer on the phone: the form is one column and fits the screen.
      await page.evaluate(() => (location.hash = '#/customers'));
      await page.getByRole('button', { name: labels.newCustomer, exact: true }).first().tap();
      const dialog = page.getByRole('dialog', { name: labels.newCustomer });
      await expect(dialog).toBeVisible();
      const nameBox = (await dialog.getByLabel(labels.name, { exact: false }).first().boundingBox())!;
      const emailBox = (await dialog.getByLabel(labels.email).boundingBox())!;
      expect(emailBox.y).toBeGreaterThan(nameBox.y + nameBox.height - 1); // stacked, not side by side
      expect(nameBox.height).toBeGreaterThanOrEqual(MIN_TARGET);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      const newName = labels === EN ? 'Pocket Phone Works' : '掌上通讯有限公司';
      await createCustomer(page, { name: newName, email: 'hello@pocket.example' }, labels);
      await page.getByRole('searchbox', { name: labels.search }).fill(newName);
      const found = grid.locator('[role="row"][data-index="0"]');
      await expect(found.getByRole('link', { name: newName })).toBeVisible();
      await found.getByRole('gridcell').filter({ hasText: labels.stage }).tap();
      await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
    });
  });
}
