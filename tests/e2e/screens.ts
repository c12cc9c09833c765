/**
 * Every screen of the app on the demo data (the axe and phone specs visit them all), and loading the demo
 * data from an empty workspace.
 */
import { expect, type Page } from '@playwright/test';
import { EN, type Labels } from './helpers';

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
export const SCREENS = [
  ...SECTIONS,
  ...RECORDS.flatMap((path) => [path, `${path}/1`]),
  'analytics',
  ...ANALYSES.map((page) => `analytics/${page}`),
];

export async function loadDemo(page: Page, labels: Labels) {
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
