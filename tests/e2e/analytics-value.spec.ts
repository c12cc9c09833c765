import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCustomer, EN, openApp, ZH, type Labels } from './helpers';

/**
 * The customer-value and sales analysis pages (CLV, churn and cohorts, revenue forecast, campaign spend →
 * revenue) run on the demo data in both languages and show their results as a sales manager reads them:
 * money in the workspace currency, tables with the expected rows, parameter errors in words.
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

/** Opens an analysis page (same document: the workspace stays loaded), runs it and waits for the result. */
async function runAnalysis(page: Page, path: string, title: string, run: string) {
  await page.goto(page.url().replace(/#.*$/, `#/analytics/${path}`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: run, exact: true }).click();
}

/** Waits until a chart has been drawn (a blank canvas encodes to a short PNG). */
async function expectDrawn(chart: Locator) {
  await expect
    .poll(() => chart.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL().length), { timeout: 10_000 })
    .toBeGreaterThan(8_000);
}

const bodyRows = (table: Locator) => table.locator('tbody tr');

/** Test rows go in through the SQL console with "Allow changes", as a user with SQL could do. */
async function runChange(page: Page, sql: string) {
  await page.goto(page.url().replace(/#.*$/, '#/sql'));
  await page.getByLabel('Allow changes (INSERT, UPDATE, DELETE)').check();
  await page.getByLabel('SQL statement').fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Change data?' })
    .getByRole('button', { name: 'Run and save' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /changed and saved/ })).toBeVisible();
}

/** A screenshot of the whole page for review (the app scrolls inside <main>, so the viewport grows first). */
async function screenshot(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height + 100, viewport.height), 8_000),
  });
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  await page.setViewportSize(viewport);
}

test.describe('customer value and sales analyses (English)', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

  test('CLV, churn, forecast and campaign ROI run on the demo data and read right', async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: EN });
    await loadDemo(page, {
      load: /Load demo data/,
      confirm: /Replace with demo data|Load/,
      count: /^[1-9][\d,]* customers?$/,
      retry: 'Try again',
    });

    // CLV: money in dollars, retention estimated, then entered; the top-20 table links to customers.
    await runAnalysis(page, 'clv', 'Customer lifetime value', 'Run');
    await expect(page.getByTestId('clv-simple')).toHaveText(/^\$[\d,]+$/);
    await expect(page.getByTestId('clv-discounted')).toHaveText(/^\$[\d,]+$/);
    await expect(page.getByTestId('clv-retention')).toContainText(/\d+(\.\d)?%.*estimated/);
    const top = page.getByRole('table', { name: 'Top 20 customers by discounted CLV' });
    await expect(bodyRows(top)).toHaveCount(20);
    await expect(bodyRows(top).first().getByRole('link')).toHaveAttribute('href', /^#\/customers\/\d+$/);
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'clv-en');

    const lifespan = page.getByLabel('Expected lifespan (years)');
    await lifespan.fill('30');
    await expect(page.getByRole('alert')).toHaveText(
      'Expected lifespan (years) must be a whole number from 1 to 20.',
    );
    await expect(lifespan).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Run again', exact: true })).toBeDisabled();
    await lifespan.fill('5');
    await page.getByLabel('Yearly retention (%)').fill('80');
    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await expect(page.getByTestId('clv-retention')).toContainText('80% (as entered)');
    await expect(page.getByText('5 years', { exact: true })).toBeVisible();

    // Churn: one row per month asked for, cohorts coloured with their percentage in each cell.
    await runAnalysis(page, 'churn', 'Churn and cohort retention', 'Run');
    const monthly = page.getByRole('table', { name: 'Monthly churn rate' });
    await expect(bodyRows(monthly)).toHaveCount(12);
    await expect(bodyRows(monthly).first().locator('td').last()).toHaveText(/^\d+(\.\d)?%$/);
    await expect(
      page.getByText(/Customers acquired during the month are shown but left out of the rate/),
    ).toBeVisible();
    const cohorts = page.getByRole('table', { name: 'Cohort retention' });
    await expect(bodyRows(cohorts).first().locator('td').nth(1)).toHaveText('100%');
    await expect(bodyRows(cohorts).first().locator('td').nth(1)).toHaveAttribute('style', /background-color/);
    // The newest cohort has only its first month observed: the later cells are blank.
    await expect(bodyRows(cohorts).last().locator('td').last()).toHaveText('');
    await screenshot(page, 'churn-en');

    // Forecast: the table has `horizon` rows with bounds around the forecast.
    await page.goto(page.url().replace(/#.*$/, '#/analytics/forecast'));
    await page.getByLabel('Months ahead').fill('8');
    await page.getByLabel('Prediction interval').selectOption({ label: '90 %' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('forecast-model')).toContainText(/ARIMA\(\d, \d, \d\).*AIC/);
    const forecast = page.getByRole('table', { name: 'Forecast by month' });
    await expect(bodyRows(forecast)).toHaveCount(8);
    const cells = await bodyRows(forecast).first().locator('td').allInnerTexts();
    const [mean, lower, upper] = cells.map((text) => Number(text.replace(/[^\d.-]/g, '')));
    expect(lower).toBeLessThanOrEqual(mean!);
    expect(upper).toBeGreaterThanOrEqual(mean!);
    const pipeline = page.getByRole('table', { name: 'Weighted pipeline by expected close' });
    await expect(
      pipeline.getByRole('rowheader', { name: 'Overdue (expected before this month)' }),
    ).toBeVisible();
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'forecast-en');

    // Campaign ROI: a plain-language reading of the slope, and the CSV holds the campaigns of the table.
    await runAnalysis(page, 'campaign-roi', 'Campaign spend and revenue', 'Run');
    await expect(page.getByTestId('roi-reading')).toHaveText(
      /^Across these \d+ campaigns, each extra \$1\.00 spent went with \$[\d,]+\.\d\d (more|less) revenue\.$/,
    );
    await expect(page.getByTestId('roi-r-squared')).toHaveText(/^0(\.\d+)?$|^1$/);
    const campaigns = page.getByRole('table', { name: 'Campaigns' });
    const campaignCount = await bodyRows(campaigns).count();
    expect(campaignCount).toBeGreaterThanOrEqual(3);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('campaign-spend-revenue.csv');
    const csv = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('ID,Campaign,Spend,Revenue,Revenue per $1.00 spent');
    expect(csv).toHaveLength(campaignCount + 1);
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'roi-en');
  });

  test('campaign ROI explains what is missing with fewer than 3 campaigns', async ({ page }) => {
    await openApp(page, { labels: EN });
    // One customer with one sale and one campaign.
    await createCustomer(page, { name: 'Acme' });
    await runChange(
      page,
      `INSERT INTO orders (customer_id, order_date, currency, total_minor)
       SELECT id, '2025-01-10', 'USD', 50000 FROM customers WHERE name = 'Acme'`,
    );
    await runChange(
      page,
      `INSERT INTO campaigns (name, status, start_date, currency, budget_minor)
       VALUES ('Winter mailing', 'completed', '2025-01-01', 'USD', 10000)`,
    );

    await runAnalysis(page, 'campaign-roi', 'Campaign spend and revenue', 'Run');
    await expect(page.getByRole('heading', { name: 'Not enough campaigns yet' })).toBeVisible();
    await expect(page.getByText(/needs at least 3 campaigns in USD .* there are 1\./)).toBeVisible();
    await expect(bodyRows(page.getByRole('table', { name: 'Campaigns' }))).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Winter mailing' })).toHaveAttribute(
      'href',
      /^#\/campaigns\/\d+$/,
    );
  });
});

test.describe('customer value and sales analyses (Chinese)', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

  test('every page runs on the Chinese demo data with yuan amounts and Chinese labels', async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: ZH as Labels });
    await loadDemo(page, {
      load: /加载演示数据/,
      confirm: /加载|确定|添加/,
      count: /^共 [1-9][\d,]* 位客户$/,
      retry: '重试',
    });

    await runAnalysis(page, 'clv', '客户终身价值', '运行');
    await expect(page.getByTestId('clv-simple')).toHaveText(/^¥[\d,]+$/);
    await expect(bodyRows(page.getByRole('table', { name: '折现 CLV 前 20 位客户' }))).toHaveCount(20);
    await page.getByLabel('折现率（%/年）').fill('150');
    await expect(page.getByRole('alert')).toHaveText('折现率（%/年）必须是 0 到 100 之间的数字。');
    await page.getByLabel('折现率（%/年）').fill('10');
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'clv-zh');

    await runAnalysis(page, 'churn', '客户流失与同期群留存', '运行');
    await expect(bodyRows(page.getByRole('table', { name: '月流失率' }))).toHaveCount(12);
    await expect(
      bodyRows(page.getByRole('table', { name: '同期群留存' }))
        .first()
        .locator('td')
        .nth(1),
    ).toHaveText('100%');
    await screenshot(page, 'churn-zh');

    await runAnalysis(page, 'forecast', '收入预测', '运行');
    await expect(bodyRows(page.getByRole('table', { name: '按月预测' }))).toHaveCount(6);
    await expect(bodyRows(page.getByRole('table', { name: '按月预测' })).first()).toContainText('¥');
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'forecast-zh');

    await runAnalysis(page, 'campaign-roi', '营销活动投入与收入', '运行');
    await expect(page.getByTestId('roi-reading')).toHaveText(
      /^在这 \d+ 个活动中，每多投入 ¥1\.00，收入平均(多|少) ¥[\d,]+\.\d\d。$/,
    );
    await expectDrawn(page.locator('canvas').first());
    await screenshot(page, 'roi-zh');
  });
});
