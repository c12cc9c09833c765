import { expect, test, type Locator, type Page } from '@playwright/test';
import { EN, openApp, ZH, type Labels } from './helpers';

/**
 * The analytics dashboard (`#/analytics`), the sales funnel page and the customer satisfaction page on the
 * demo data, in both languages: KPI cards with figures, the forecast chart and table, the funnel's stages,
 * the satisfaction trends; a refresh only when asked, Cancel that stops it, nothing overflowing at 375 px.
 */

interface DemoLabels {
  load: RegExp;
  confirm: RegExp;
  count: RegExp;
  retry: string;
}

const EN_DEMO: DemoLabels = {
  load: /Load demo data/,
  confirm: /Replace with demo data|Load/,
  count: /^[1-9][\d,]* customers?$/,
  retry: 'Try again',
};
const ZH_DEMO: DemoLabels = {
  load: /加载演示数据/,
  confirm: /加载|确定|添加/,
  count: /^共 [1-9][\d,]* 位客户$/,
  retry: '重试',
};

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

/** Same document (the workspace and the dashboard's figures stay loaded), another page. */
async function go(page: Page, hash: string) {
  await page.goto(page.url().replace(/#.*$/, hash));
}

/** Waits until a chart has been drawn (a blank canvas encodes to a short PNG). */
async function expectDrawn(chart: Locator) {
  await expect
    .poll(() => chart.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL().length), { timeout: 10_000 })
    .toBeGreaterThan(8_000);
}

const kpi = (page: Page, label: string) =>
  page.getByRole('region', { name: label, exact: true }).getByTestId('kpi-value');
const bodyRows = (table: Locator) => table.locator('tbody tr');

/**
 * The page's content never scrolls sideways (wide tables scroll inside their own box). Measured on <main>,
 * the page's scroll container; charts resize on the next frame, hence the poll. On failure the message
 * names the widest elements that stick out.
 */
async function expectNoHorizontalOverflow(page: Page) {
  const main = page.locator('main');
  const overflow = () => main.evaluate((m) => m.scrollWidth - m.clientWidth);
  await expect
    .poll(overflow)
    .toBeLessThanOrEqual(0)
    .catch(async (error: Error) => {
      const culprits = await main.evaluate((m) => {
        const edge = m.getBoundingClientRect().right;
        const scrolls = (e: Element | null): boolean =>
          !!e && e !== m && (getComputedStyle(e).overflowX !== 'visible' || scrolls(e.parentElement));
        return [...m.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > edge + 1 && !scrolls(e.parentElement))
          .slice(0, 8)
          .map(
            (e) =>
              `<${e.tagName.toLowerCase()} class="${e.className}"> right=${Math.round(e.getBoundingClientRect().right)}`,
          );
      });
      throw new Error(`${error.message}\nsticking out: ${culprits.join('; ')}`);
    });
}

/**
 * Whole-page screenshots (main scrolls, so the window is made as tall as the page) at 1280 px, and at
 * 375 px in screen-high pieces (readable when looked at).
 */
async function screenshots(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 375) await expectNoHorizontalOverflow(page);
    const height = Math.ceil(
      await page.locator('main').evaluate((main) => main.scrollHeight + main.getBoundingClientRect().top),
    );
    await page.setViewportSize({ width, height: Math.min(12_000, height) });
    if (width === 1280) await page.screenshot({ path: `/tmp/${name}.png` });
    else
      for (let y = 0, piece = 0; y < height; y += 800, piece++)
        await page.screenshot({
          path: `/tmp/${name}-375-${piece}.png`,
          clip: { x: 0, y, width, height: Math.min(800, height - y) },
        });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('analytics dashboard (English)', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

  test('empty without sales, then KPI cards, forecast, funnel, segments, cohorts and rules on the demo data; refreshes only when asked', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: EN, store: 'analytics-dashboard' });
    await go(page, '#/analytics');
    await expect(page.getByRole('heading', { level: 2, name: 'No sales to analyse yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Load demo data in Settings' })).toHaveAttribute(
      'href',
      '#/settings',
    );
    await expect(page.getByRole('link', { name: 'Import data' })).toHaveAttribute('href', '#/import');
    // Every analysis page is listed even before there is data.
    await expect(page.getByRole('navigation', { name: 'All analyses' }).getByRole('link')).toHaveCount(10);
    await page.screenshot({ path: '/tmp/analytics-dashboard-empty-en.png' });

    await go(page, '#/customers');
    await loadDemo(page, EN_DEMO);
    await go(page, '#/analytics');
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

    // The first visit computes everything; the cards fill in with dollar amounts and shares.
    await expect(kpi(page, 'Revenue, last 12 months')).toHaveText(/^\$[\d,]+$/, { timeout: 60_000 });
    await expect(kpi(page, 'Open pipeline')).toHaveText(/^\$[\d,]+$/);
    await expect(kpi(page, 'Win rate')).toHaveText(/^\d+(\.\d)?%$/);
    await expect(kpi(page, 'Churn rate, last full month')).toHaveText(/^\d+(\.\d)?%$/, { timeout: 60_000 });
    await expect(kpi(page, 'Average customer lifetime value')).toHaveText(/^\$[\d,]+$/, { timeout: 60_000 });
    await expect(kpi(page, 'Customer satisfaction, last 3 months')).toHaveText(/^\d+% satisfied$/, {
      timeout: 60_000,
    });
    await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });

    const forecast = page.getByRole('region', { name: 'Revenue trend and forecast' });
    await expect(forecast.getByText(/^ARIMA\(\d,\d,\d\) chosen by AIC/)).toBeVisible();
    await expect(
      bodyRows(
        forecast.getByRole('table', { name: 'Revenue forecast per month with the prediction interval' }),
      ),
    ).toHaveCount(6);
    await expectDrawn(forecast.locator('canvas'));

    const funnel = page.getByRole('region', { name: 'Sales funnel' });
    const stages = funnel.getByRole('table', { name: /reached each stage/ });
    await expect(bodyRows(stages)).toHaveCount(4);
    await expect(bodyRows(stages).first().getByRole('rowheader')).toHaveText('Qualification');

    const segments = page.getByRole('region', { name: 'Customer segments (k-means on RFM)' });
    await expect(bodyRows(segments.getByRole('table'))).toHaveCount(4);
    const cohorts = page.getByRole('region', { name: 'Cohort retention' });
    await expect(bodyRows(cohorts.getByRole('table'))).toHaveCount(12);
    const baskets = page.getByRole('region', { name: 'Top basket rules by lift' });
    await expect(baskets.getByText(/rules from the newest [\d,]+ orders/)).toBeVisible();

    await screenshots(page, 'analytics-dashboard-en');

    // A data change does not recompute by itself: the figures stay and a notice offers Refresh.
    const revenue = await kpi(page, 'Revenue, last 12 months').innerText();
    await go(page, '#/sql');
    await page.getByLabel('Allow changes (INSERT, UPDATE, DELETE)').check();
    await page.getByLabel('SQL statement').fill("UPDATE customers SET notes = 'checked' WHERE id = 1");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Change data?' })
      .getByRole('button', { name: 'Run and save' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: /changed and saved/ })).toBeVisible();
    await go(page, '#/analytics');
    await expect(
      page.getByText('The data changed since these figures were computed.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeHidden();
    await expect(kpi(page, 'Revenue, last 12 months')).toHaveText(revenue);
    const started = Date.now();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
    test.info().annotations.push({ type: 'refresh-ms', description: String(Date.now() - started) });
    await expect(page.getByText('The data changed since', { exact: false })).toBeHidden();
    await expect(kpi(page, 'Revenue, last 12 months')).toHaveText(revenue);
  });

  test('Cancel stops a running refresh and the app keeps responding', async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: EN, store: 'analytics-dashboard-cancel' });
    await loadDemo(page, EN_DEMO);
    // On demo data a refresh takes well under a second, too short to click Cancel in reliably. So Cancel is
    // clicked the moment it appears (before the first analysis can answer): the refresh opening the
    // dashboard starts, its progress bar shows, and Cancel stops it with nothing computed.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const progress = document.querySelector('progress#dashboard-progress');
        const cancel = [...document.querySelectorAll('main button')].find(
          (b) => b.textContent?.trim() === 'Cancel',
        );
        if (!progress || !(cancel instanceof HTMLButtonElement)) return;
        observer.disconnect();
        cancel.click();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await go(page, '#/analytics');
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    await expect(page.getByText('The refresh was cancelled; some sections were not computed.')).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeHidden();
    // Nothing came back after the cancel: every card and section still asks for a refresh.
    await expect(page.getByRole('region', { name: 'Revenue, last 12 months' })).toContainText(
      'Not computed yet',
    );
    await expect(page.getByRole('region', { name: 'Revenue trend and forecast' })).toContainText(
      'Not computed yet',
    );
    await expect(page.getByTestId('kpi-value')).toHaveCount(0);

    // The app still responds: another page runs its analysis (on a fresh worker), and Refresh completes.
    await page.getByRole('link', { name: 'Sales funnel', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sales funnel' })).toBeVisible();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(bodyRows(page.getByRole('table', { name: /reached each stage/ }))).toHaveCount(4);
    await go(page, '#/analytics');
    await expect(page.getByText('The refresh was cancelled', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
    await expect(page.getByText('The refresh was cancelled', { exact: false })).toBeHidden();
    await expect(kpi(page, 'Revenue, last 12 months')).toHaveText(/^\$[\d,]+$/);
    await expect(kpi(page, 'Churn rate, last full month')).toHaveText(/^\d+(\.\d)?%$/);
  });

  test('funnel page: stages, win rate, owners and months; satisfaction page: trends and the least satisfied', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: EN, store: 'analytics-funnel' });
    await go(page, '#/analytics/satisfaction');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'No survey responses yet' })).toBeVisible();
    await page.screenshot({ path: '/tmp/analytics-satisfaction-empty-en.png' });

    await go(page, '#/customers');
    await loadDemo(page, EN_DEMO);

    await go(page, '#/analytics/funnel');
    await expect(page.getByRole('heading', { level: 1, name: 'Sales funnel' })).toBeVisible();
    const months = page.getByLabel('Months in the by-month table (3–36)');
    await months.fill('40');
    await expect(page.getByRole('alert')).toHaveText('Choose a whole number of months from 3 to 36.');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await months.fill('6');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const stages = page.getByRole('table', { name: /reached each stage/ });
    await expect(bodyRows(stages)).toHaveCount(4);
    await expect(bodyRows(stages).nth(1).getByRole('rowheader')).toHaveText('Needs analysis');
    await expect(page.getByText(/reach is inferred from each deal’s current stage/)).toBeVisible();
    await expect(page.getByTestId('funnel-win-rate')).toHaveText(/^\d+(\.\d)?%$/);
    const owners = page.getByRole('table', { name: 'By owner' });
    await expect(bodyRows(owners).first()).toBeVisible();
    await expect(
      bodyRows(page.getByRole('table', { name: 'Funnel figures per month of creation' })),
    ).toHaveCount(6);
    await expectDrawn(page.locator('canvas').nth(1));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).first().click();
    expect((await download).suggestedFilename()).toBe('funnel-stages.csv');
    await screenshots(page, 'analytics-funnel-en');

    await go(page, '#/analytics/satisfaction');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer satisfaction' })).toBeVisible();
    await page.getByLabel('Weight of quality').fill('0');
    await page.getByLabel('Weight of reliability').fill('0');
    await page.getByLabel('Weight of responsiveness').fill('0');
    await page.getByLabel('Weight of price').fill('0');
    await expect(page.getByRole('alert')).toHaveText(
      'All weights are zero: give at least one question a weight.',
    );
    await page.getByLabel('Weight of quality').fill('2');
    await page.getByLabel('Weight of price').fill('-1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('satisfaction-index')).toHaveText(/^\d+(\.\d+)?$/);
    await expect(bodyRows(page.getByRole('table', { name: 'CSAT per month' })).first()).toBeVisible();
    await expect(bodyRows(page.getByRole('table', { name: 'NPS per month' })).first()).toBeVisible();
    await expect(bodyRows(page.getByRole('table', { name: 'The 10 least satisfied customers' }))).toHaveCount(
      10,
    );
    await expectDrawn(page.locator('canvas').first());
    await screenshots(page, 'analytics-satisfaction-en');
  });
});

test.describe('analytics dashboard (Chinese)', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

  test('the dashboard, funnel and satisfaction pages read in Chinese with yuan amounts', async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, { labels: ZH as Labels, store: 'analytics-dashboard-zh' });
    await loadDemo(page, ZH_DEMO);
    await go(page, '#/analytics');
    await expect(kpi(page, '近 12 个月销售额')).toHaveText(/^¥[\d,]+$/, { timeout: 60_000 });
    await expect(kpi(page, '平均客户终身价值')).toHaveText(/^¥[\d,]+$/, { timeout: 60_000 });
    await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
    const forecast = page.getByRole('region', { name: '销售额趋势与预测' });
    await expect(bodyRows(forecast.getByRole('table', { name: '各月销售额预测及预测区间' }))).toHaveCount(6);
    await expect(page.getByRole('navigation', { name: '全部分析' }).getByRole('link')).toHaveCount(10);
    await screenshots(page, 'analytics-dashboard-zh');

    await go(page, '#/analytics/funnel');
    await page.getByRole('button', { name: '运行', exact: true }).click();
    await expect(
      bodyRows(page.getByRole('table', { name: '到达各阶段的商机数及其向下一阶段的转化率' })),
    ).toHaveCount(4);
    await screenshots(page, 'analytics-funnel-zh');

    await go(page, '#/analytics/satisfaction');
    await page.getByRole('button', { name: '运行', exact: true }).click();
    await expect(bodyRows(page.getByRole('table', { name: '每月 CSAT' })).first()).toBeVisible();
    await screenshots(page, 'analytics-satisfaction-zh');
  });
});
