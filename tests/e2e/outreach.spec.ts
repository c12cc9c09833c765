import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

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

test.describe('outreach (English UI, Chinese data)', () => {
  test.use({ locale: 'en-US' });

  test('creates a template, previews it, sends to a saved view via mail links, logs the activities', async ({
    page,
  }) => {
    await openApp(page, { store: 'outreach' });
    // The SQL console runs one statement at a time.
    await runChange(
      page,
      `INSERT INTO customers (name, industry) VALUES ('上海华联', 'Retail'), ('北京百货', 'Retail'),
         ('Energy Co', 'Energy')`,
    );
    await runChange(
      page,
      `INSERT INTO contacts (customer_id, name, email, is_primary, unsubscribed)
         SELECT id, '张伟', 'zhangwei@hualian.cn', 1, 0 FROM customers WHERE name = '上海华联'
         UNION ALL SELECT id, '李娜', 'lina@baihuo.cn', 1, 1 FROM customers WHERE name = '北京百货'
         UNION ALL SELECT id, 'Eve', 'eve@energy.com', 1, 0 FROM customers WHERE name = 'Energy Co'`,
    );
    await runChange(
      page,
      `INSERT INTO saved_views (entity, name, filter) VALUES ('customer', 'Retail customers',
         '{"conditions":[{"field":"industry","op":"eq","value":"Retail"}]}')`,
    );

    await page.goto(page.url().replace(/#.*$/, '#/outreach'));
    await expect(page.getByRole('heading', { name: 'Outreach', level: 1 })).toBeVisible();
    await page.getByLabel('Name *').fill('Spring news');
    await page.getByLabel('Subject *').fill('春季新品 for {{customer.name}}');
    // An unknown field is reported while typing and refused on save.
    await page.getByLabel('Body').fill('Dear {{contact.nmae}}');
    await expect(page.getByText('Unknown merge fields: {{contact.nmae}}')).toBeVisible();
    await page.getByLabel('Body').fill('Dear {{contact.name}},\n<b>our</b> spring catalogue is out.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Template “Spring news” saved' })).toBeVisible();

    await page.getByLabel('Preview for contact').selectOption({ label: '张伟' });
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByTestId('template-preview');
    await expect(preview).toContainText('Subject: 春季新品 for 上海华联');
    // Shown as text: the markup stays visible, not rendered.
    await expect(preview.locator('pre')).toHaveText('Dear 张伟,\n<b>our</b> spring catalogue is out.');

    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Spring news (Email)' });
    await page.getByRole('radio', { name: 'A saved customer view' }).check();
    await page.getByLabel('Saved customer view', { exact: true }).selectOption({ label: 'Retail customers' });
    await page.getByRole('button', { name: 'Prepare messages' }).click();
    await expect(page.getByTestId('recipient-count')).toHaveText('1 recipient');
    await expect(page.getByTestId('skipped-count')).toHaveText('Skipped: 1');
    await expect(page.getByText('unsubscribed: 1')).toBeVisible();
    const batch = page.getByRole('link', { name: 'Open in mail app (batch 1 of 1)' });
    await expect(batch).toBeVisible();
    const href = (await batch.getAttribute('href'))!;
    expect(href.startsWith('mailto:zhangwei%40hualian.cn?subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('春季新品 for 上海华联');
    await expect(page.getByRole('button', { name: 'Download 1 .eml file' })).toBeVisible();
    await page.getByRole('region', { name: 'Send' }).screenshot({ path: '/tmp/outreach-send.png' });
    await page.getByRole('region', { name: 'Templates' }).screenshot({ path: '/tmp/outreach.png' });

    await page.getByRole('button', { name: 'I sent it — log activities' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 email activity logged' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'I sent it — log activities' })).toBeDisabled();

    await page.goto(page.url().replace(/#.*$/, '#/customers'));
    await page.getByRole('link', { name: '上海华联' }).first().click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem').filter({ hasText: '春季新品 for 上海华联' })).toBeVisible();

    // A survey response typed in on the customer page is listed there.
    const satisfaction = page.getByRole('region', { name: 'Satisfaction' });
    await satisfaction.getByRole('button', { name: 'Add response' }).click();
    await satisfaction.getByLabel('Survey *').fill('2026 满意度');
    await satisfaction.getByLabel('Date *').fill('2026-03-10');
    await satisfaction.getByLabel('CSAT (1–5)').fill('4');
    await satisfaction.getByLabel('NPS (0–10)').fill('11');
    await satisfaction.getByRole('button', { name: 'Save' }).click();
    await expect(satisfaction.getByRole('alert')).toBeVisible();
    await satisfaction.getByLabel('NPS (0–10)').fill('9');
    await satisfaction.getByRole('button', { name: 'Save' }).click();
    await expect(satisfaction.getByRole('row').filter({ hasText: '2026 满意度' })).toContainText(
      '2026-03-10',
    );

    // CSV import: a bad file is reported row by row and imports nothing; a good one imports.
    await satisfaction.getByText('Import survey responses (CSV)').click();
    await satisfaction.getByLabel('Survey name *').fill('CSV 调查');
    const file = satisfaction.getByLabel('CSV file');
    const csv = (rows: string[]) => ({
      name: 'responses.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['customer,date,csat,nps', ...rows].join('\n')),
    });
    await file.setInputFiles(csv(['上海华联,2026-03-11,5,10', 'Nobody,2026-03-12,9,1']));
    await satisfaction.getByRole('button', { name: 'Check file' }).click();
    await expect(
      satisfaction.getByText('Row 3, customer: no customer with this email or name'),
    ).toBeVisible();
    await expect(satisfaction.getByText('Row 3, csat: out of range “9”')).toBeVisible();
    await file.setInputFiles(csv(['上海华联,2026-03-11,5,10']));
    await satisfaction.getByRole('button', { name: 'Check file' }).click();
    await satisfaction.getByRole('button', { name: 'Import 1 response' }).click();
    await expect(satisfaction.getByRole('row').filter({ hasText: 'CSV 调查' })).toContainText('2026-03-11');
    await satisfaction.screenshot({ path: '/tmp/outreach-satisfaction.png' });
  });
});
