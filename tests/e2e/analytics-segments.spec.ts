import { copyFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EN, openApp, ZH, type Labels } from './helpers';

/**
 * Segmentation, churn prediction, market-basket rules and "also bought" on the demo data, as a sales
 * manager uses them: k-means segments saved with an edited label and found again with the customer
 * list's filter builder; a churn model's AUC and at-risk customers; rules sorted and an empty result
 * explained; a product page's co-purchases. Both languages.
 */

interface DemoLabels {
  load: RegExp;
  confirm: RegExp;
  count: RegExp;
  retry: string;
}

async function loadDemo(page: Page, labels: DemoLabels): Promise<void> {
  await page.getByRole('button', { name: labels.load }).first().click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: labels.confirm }).last().click();
  // As in search.spec.ts: the list may ask to try again while the generator is still writing.
  await expect(async () => {
    const retry = page.getByRole('button', { name: labels.retry });
    if (await retry.isVisible()) await retry.click();
    await expect(page.getByText(labels.count)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
}

/** Hash navigation in the same document (the workspace and the test clock stay). */
async function go(page: Page, hash: string) {
  await page.goto(page.url().replace(/#.*$/, hash));
}

async function runAnalysis(page: Page, path: string, title: string, run: string) {
  await go(page, `#/analytics/${path}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: run, exact: true }).click();
}

/** Waits until a chart has been drawn (a blank canvas encodes to a short PNG). */
async function expectDrawn(chart: Locator) {
  await expect
    .poll(() => chart.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL().length), { timeout: 10_000 })
    .toBeGreaterThan(5_000);
}

const bodyRows = (table: Locator) => table.locator('tbody tr');
const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** The whole page (the app scrolls inside <main>, so the viewport grows first), kept for review in /tmp. */
async function screenshot(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height + 100, viewport.height), 8_000),
  });
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await copyFile(path, `/tmp/${name}.png`);
  await page.setViewportSize(viewport);
}

test.describe('segments, churn model and baskets (English)', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

  test('saves k-means segments with an edited label, filters customers by it, predicts churn, mines rules', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openApp(page, { labels: EN });
    await loadDemo(page, {
      load: /Load demo data/,
      confirm: /Replace with demo data|Load/,
      count: /^[1-9][\d,]* customers?$/,
      retry: 'Try again',
    });

    // Segmentation: a bad k is explained before anything runs.
    await go(page, '#/analytics/segments');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer segmentation' })).toBeVisible();
    const k = page.getByLabel('Number of segments (k)');
    await k.fill('13');
    await expect(page.getByRole('alert')).toHaveText(
      'The number of segments must be a whole number from 2 to 12.',
    );
    await expect(k).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await k.fill('3');
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const clusters = page.getByRole('table', {
      name: 'Segments with their customers, share and mean of each feature',
    });
    await expect(bodyRows(clusters)).toHaveCount(3);
    await expect(page.getByTestId('silhouette')).toHaveText(/^0\.\d{1,3}$/);
    await expect(bodyRows(page.getByRole('table', { name: /Inertia .* by k/ }))).toHaveCount(8);
    // Labels are suggested from the mean monetary value, one of each.
    const labelInputs = page.getByLabel(/^Label of segment \d+$/);
    await expect(labelInputs).toHaveCount(3);
    const suggested = await labelInputs.evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
    expect([...suggested].sort()).toEqual(['High value', 'Low value', 'Mid value']);
    const high = suggested.indexOf('High value');
    await labelInputs.nth(high).fill('Top spenders e2e');
    const topRow = bodyRows(clusters).filter({ hasText: 'Top spenders e2e' });
    await expect(topRow).toHaveCount(1);
    const topCount = (await topRow.locator('td').nth(1).innerText()).trim();
    expect(Number(topCount.replace(/,/g, ''))).toBeGreaterThan(0);
    await expectDrawn(page.locator('canvas').first());
    // The scatter's axes can be swapped.
    await page.getByLabel('Horizontal axis').selectOption({ label: 'Frequency (sales)' });
    await expect(page.getByRole('img', { name: /Frequency \(sales\) against Monetary/ })).toBeVisible();
    await screenshot(page, 'segments-en');

    await page.getByRole('button', { name: 'Save to customers' }).click();
    await page
      .getByRole('dialog', { name: 'Save to customers?' })
      .getByRole('button', { name: 'Save to customers' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Saved to [\d,]+ customers?\.$/ }),
    ).toBeVisible();

    // Ward and DBSCAN run on the same page; DBSCAN asks for eps instead of k and reports its noise.
    await page.getByLabel('Method').selectOption({ label: 'Ward (hierarchical)' });
    await expect(page.getByLabel('k-means restarts (n_init)')).toBeHidden();
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(bodyRows(clusters)).toHaveCount(3);
    await expect(labelInputs.first()).not.toHaveValue('Top spenders e2e');
    await page.getByLabel('Method').selectOption({ label: 'DBSCAN (density)' });
    await expect(page.getByLabel('Number of segments (k)')).toBeHidden();
    await page.getByLabel('Radius eps (standardised)').fill('0');
    await expect(page.getByRole('alert')).toHaveText('The radius eps must be greater than 0.');
    await page.getByLabel('Radius eps (standardised)').fill('0.5');
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(page.getByText('Noise (no segment)', { exact: true })).toBeVisible();
    await expect(bodyRows(clusters).last()).toContainText('Noise');

    // The customer list finds exactly that segment's customers with the filter builder.
    await go(page, '#/customers');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Field of condition 1').selectOption({ label: 'Segment' });
    await page.getByLabel('Operator of condition 1').selectOption({ label: 'is' });
    await page.getByLabel('Value of condition 1').fill('Top spenders e2e');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText(`${topCount} customers`, { exact: true })).toBeVisible();
    await expect(
      page.getByRole('grid').or(page.getByRole('table')).first().getByRole('link').first(),
    ).toBeVisible();

    // Churn model: metrics on the held-out set, the 20 customers most at risk linked to their pages.
    await runAnalysis(page, 'churn-model', 'Churn prediction', 'Run');
    await expect(page.getByTestId('churn-auc')).toHaveText(/^(0\.\d{1,3}|1)$/);
    const auc = Number(await page.getByTestId('churn-auc').innerText());
    expect(auc).toBeGreaterThan(0.5);
    const atRisk = page.getByRole('table', { name: 'Top 20 customers most at risk' });
    await expect(bodyRows(atRisk)).toHaveCount(20);
    await expect(bodyRows(atRisk).first().getByRole('link')).toHaveAttribute('href', /^#\/customers\/\d+$/);
    const risks = (await bodyRows(atRisk).locator('td').allInnerTexts()).map(percent);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const confusion = page.getByRole('table', { name: 'Confusion matrix (test set)' });
    await expect(confusion.getByRole('rowheader', { name: 'Actual: churns' })).toBeVisible();
    await expect(page.getByText(/features are taken as they were on the cut-off day/)).toBeVisible();
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'churn-model-en');
    // A random forest asks for its number of trees.
    await page.getByLabel('Model').selectOption({ label: 'Random forest' });
    await page.getByLabel('Number of trees').fill('50');
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Random forest' })).toBeVisible();
    await expect(page.getByTestId('churn-auc')).toHaveText(/^(0\.\d{1,3}|1)$/);
    // Logistic regression shows coefficients, and says so.
    await page.getByLabel('Model').selectOption({ label: 'Logistic regression' });
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Logistic regression' })).toBeVisible();
    await expect(page.getByText(/standardised coefficients, not importances/)).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'Feature importance' })
        .getByRole('columnheader', { name: 'Coefficient' }),
    ).toBeVisible();

    // Basket rules: sortable; no rule at 50 % support is explained.
    await runAnalysis(page, 'baskets', 'Market-basket analysis', 'Run');
    await expect(page.getByTestId('basket-rules')).toHaveText(/^[1-9][\d,]*$/);
    const rules = page.getByRole('table', { name: 'Association rules with support, confidence and lift' });
    await expect(bodyRows(rules).first()).toBeVisible();
    const lifts = (await bodyRows(rules).locator('td:nth-child(6)').allInnerTexts()).map(Number);
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    await rules.getByRole('button', { name: 'Confidence' }).click();
    await expect(rules.getByRole('columnheader', { name: /Confidence/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const confidences = (await bodyRows(rules).locator('td:nth-child(5)').allInnerTexts()).map(percent);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'baskets-en');
    await page.getByLabel('Minimum support (%)').fill('50');
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(
      page.getByText(/^No rule passes these thresholds\. Lower the minimum support \(now 50%\)/),
    ).toBeVisible();

    // A product's page lists what is bought with it; a new product has nothing yet.
    await go(page, '#/products');
    await page.getByRole('grid').or(page.getByRole('table')).first().getByRole('link').first().click();
    const also = page.getByRole('region', { name: 'Customers who bought this also bought' });
    await expect(also.getByRole('listitem').first()).toContainText(/Bought together \d+ times?/);
    expect(await also.getByRole('listitem').count()).toBeLessThanOrEqual(5);
    await expect(also.getByRole('listitem').first().getByRole('link')).toHaveAttribute(
      'href',
      /^#\/products\/\d+$/,
    );
    await screenshot(page, 'also-bought-en');
    await go(page, '#/products');
    await page.getByRole('button', { name: 'New Product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Product' });
    await dialog.getByLabel('Code *', { exact: true }).fill('E2E-NEW');
    await dialog.getByLabel('Name *', { exact: true }).fill('Never sold gadget');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Never sold gadget');
    await expect(page.getByRole('region', { name: 'Customers who bought this also bought' })).toContainText(
      'Not bought together with anything yet',
    );
  });
});

test.describe('segments, churn model and baskets (Chinese)', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

  test('every page runs on the Chinese demo data with Chinese labels', async ({ page }) => {
    test.setTimeout(300_000);
    await openApp(page, { labels: ZH as Labels });
    await loadDemo(page, {
      load: /加载演示数据/,
      confirm: /加载|确定|添加/,
      count: /^共 [1-9][\d,]* 位客户$/,
      retry: '重试',
    });

    await runAnalysis(page, 'segments', '客户细分', '运行');
    await expect(bodyRows(page.getByRole('table', { name: '各细分的客户数、占比及各特征均值' }))).toHaveCount(
      3,
    );
    const suggested = await page
      .getByLabel(/^细分 \d+ 的名称$/)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect([...suggested].sort()).toEqual(['中等价值', '低价值', '高价值'].sort());
    await expect(page.getByText(/¥/).first()).toBeVisible();
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'segments-zh');

    await runAnalysis(page, 'churn-model', '流失预测', '运行');
    await expect(page.getByTestId('churn-auc')).toHaveText(/^(0\.\d{1,3}|1)$/);
    await expect(bodyRows(page.getByRole('table', { name: '流失风险最高的 20 位客户' }))).toHaveCount(20);
    await expect(page.getByRole('rowheader', { name: '实际：流失' })).toBeVisible();
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'churn-model-zh');

    await runAnalysis(page, 'baskets', '购物篮分析', '运行');
    const rules = page.getByRole('table', { name: '关联规则及其支持度、置信度和提升度' });
    await expect(bodyRows(rules).first()).toBeVisible();
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'baskets-zh');

    await go(page, '#/products');
    await page.getByRole('grid').or(page.getByRole('table')).first().getByRole('link').first().click();
    const also = page.getByRole('region', { name: '购买此产品的客户还购买了' });
    await expect(also.getByRole('listitem').first()).toContainText(/一起购买 \d+ 次/);
    await screenshot(page, 'also-bought-zh');
  });
});
