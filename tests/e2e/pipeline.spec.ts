import { expect, test, type Page } from '@playwright/test';
import { createCustomer, openApp, saveStatus, ZH } from './helpers';

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

const column = (page: Page, stage: string) =>
  page.getByRole('region', { name: new RegExp(`^${stage} \\d+$`) });

async function expectColumn(page: Page, stage: string, count: number, sum: string, weighted: string) {
  const region = column(page, stage);
  await expect(region.getByTestId('stage-count')).toHaveText(String(count));
  await expect(region.getByTestId('stage-sum')).toContainText(sum);
  await expect(region.getByTestId('stage-weighted')).toContainText(weighted);
}

test.describe('sales pipeline (English)', () => {
  // Wide enough for all six columns: a drag onto a column scrolled out of view is not what is tested here.
  test.use({ locale: 'en-US', viewport: { width: 1600, height: 900 } });

  test('moves cards by keyboard and by drag, keeps totals right, asks why a deal was lost, persists', async ({
    page,
  }) => {
    await openApp(page, { store: 'pipeline-board' });
    await createCustomer(page, { name: 'Acme' });
    await runChange(
      page,
      `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, probability, expected_close)
       SELECT v.column1, c.id, s.id, v.column3, s.probability, v.column4
       FROM (VALUES ('Server deal', 'qualification', 100000, '2026-04-01'),
                    ('Licence deal', 'qualification', 50000, '2026-04-15'),
                    ('Support deal', 'proposal', 20000, NULL)) v
       JOIN customers c ON c.name = 'Acme' JOIN pipeline_stages s ON s.code = v.column2`,
    );

    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));
    await expect(page.getByRole('heading', { name: 'Sales pipeline' })).toBeVisible();
    await expectColumn(page, 'Qualification', 2, '1,500.00', '150.00');
    await expectColumn(page, 'Proposal', 1, '200.00', '100.00');
    await expectColumn(page, 'Needs analysis', 0, '0.00', '0.00');

    // Keyboard: pick up, one stage to the right, drop. The deal takes the stage's 25 %.
    const server = page.getByRole('link', { name: 'Server deal' });
    await server.focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#pipeline-announcer')).toContainText('Picked up “Server deal”');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#pipeline-announcer')).toContainText('Needs analysis, stage 2 of 6');
    await page.keyboard.press('Space');
    await expect(page.locator('#pipeline-announcer')).toContainText('“Server deal” moved to Needs analysis');
    await expectColumn(page, 'Needs analysis', 1, '1,000.00', '250.00');
    await expectColumn(page, 'Qualification', 1, '500.00', '50.00');
    await expect(page.getByRole('link', { name: 'Server deal' })).toBeFocused();

    // Escape puts a lifted card back.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(page.locator('#pipeline-announcer')).toContainText('Move of “Server deal” cancelled');
    await expectColumn(page, 'Needs analysis', 1, '1,000.00', '250.00');

    // Mouse: drag a card onto another column.
    await page.getByRole('link', { name: 'Licence deal' }).dragTo(column(page, 'Proposal'));
    await expectColumn(page, 'Proposal', 2, '700.00', '350.00');
    await expectColumn(page, 'Qualification', 0, '0.00', '0.00');
    // Announced once the worker has saved the move.
    await expect(page.locator('#pipeline-announcer')).toContainText('“Licence deal” moved to Proposal');

    // Into the lost stage: a reason is required; cancelling leaves the deal where it was.
    await page.getByRole('link', { name: 'Support deal' }).dragTo(column(page, 'Lost'));
    const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(dialog.getByText('Say why the deal was lost')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('#pipeline-announcer')).toContainText('Move of “Support deal” cancelled');
    await expectColumn(page, 'Proposal', 2, '700.00', '350.00');
    await page.getByRole('link', { name: 'Support deal' }).dragTo(column(page, 'Lost'));
    await dialog.getByLabel('Why was it lost?').fill('Chose a cheaper vendor');
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await expectColumn(page, 'Lost', 1, '200.00', '0.00');
    await expectColumn(page, 'Proposal', 1, '500.00', '250.00');
    await expect(page.locator('#pipeline-announcer')).toContainText('“Support deal” moved to Lost');

    // Reload: everything was saved.
    await page.reload();
    await expect(saveStatus(page)).toContainText('Saved');
    await expectColumn(page, 'Needs analysis', 1, '1,000.00', '250.00');
    await expectColumn(page, 'Proposal', 1, '500.00', '250.00');
    await expectColumn(page, 'Lost', 1, '200.00', '0.00');
    await expect(column(page, 'Lost').getByRole('link', { name: 'Support deal' })).toBeVisible();

    // The reason and the closing time were stored with the move.
    await page.goto(page.url().replace(/#.*$/, '#/sql'));
    await page
      .getByLabel('SQL statement')
      .fill(
        "SELECT count(*) FROM opportunities WHERE lost_reason = 'Chose a cheaper vendor' AND closed_at IS NOT NULL AND probability = 0",
      );
    await page.getByLabel('SQL statement').press('Control+Enter');
    await expect(
      page.getByRole('table', { name: 'Result' }).getByRole('cell', { name: '1', exact: true }),
    ).toBeVisible();
  });

  test('configures stages: validation messages, a used stage cannot be deleted, renames show on the board', async ({
    page,
  }) => {
    await openApp(page, { store: 'pipeline-stages' });
    await createCustomer(page, { name: 'Acme' });
    await runChange(
      page,
      `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, probability)
       SELECT 'Only deal', c.id, s.id, 1000, s.probability FROM customers c, pipeline_stages s
       WHERE c.name = 'Acme' AND s.code = 'proposal'`,
    );
    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));
    await page.getByRole('button', { name: 'Configure stages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Configure stages' });
    await expect(dialog.getByLabel('Stage 1')).toHaveValue('Qualification');
    await expect(dialog.getByRole('button', { name: 'Delete “Proposal”' })).toBeDisabled();
    await expect(dialog.getByText('Used by 1 opportunity: move it to another stage first.')).toBeAttached();

    await dialog.getByLabel('Probability %').nth(1).fill('150');
    await dialog.getByLabel('Stage 1').fill('Needs analysis');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
    await expect(dialog.getByText('Another stage already has this name.')).toBeVisible();

    await dialog.getByLabel('Stage 1').fill('Discovery call');
    await dialog.getByLabel('Probability %').nth(1).fill('30');
    await dialog.getByRole('button', { name: 'Delete “Negotiation”' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(column(page, 'Discovery call')).toBeVisible();
    await expect(column(page, 'Negotiation')).toHaveCount(0);
    await expect(page.locator('section[data-stage-id]')).toHaveCount(5);
  });

  test('shows the first cards of a long column with totals over all of them, and more on request', async ({
    page,
  }) => {
    await openApp(page, { store: 'pipeline-more' });
    await createCustomer(page, { name: 'Acme' });
    await runChange(
      page,
      `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, probability, expected_close)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
       SELECT 'Deal ' || i, c.id, s.id, 10000, s.probability, date('2026-04-01', '+' || i || ' days')
       FROM n, customers c, pipeline_stages s WHERE s.code = 'qualification'`,
    );
    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));
    const qualification = column(page, 'Qualification');
    await expectColumn(page, 'Qualification', 25, '2,500.00', '250.00');
    await expect(qualification.locator('[data-card-id]')).toHaveCount(20);
    await expect(qualification.getByRole('link', { name: 'Deal 20', exact: true })).toBeVisible();
    await expect(qualification.getByRole('link', { name: 'Deal 21', exact: true })).toHaveCount(0);
    await qualification.getByRole('button', { name: 'Show 5 more (5 not shown)' }).click();
    await expect(qualification.locator('[data-card-id]')).toHaveCount(25);
    await expect(qualification.getByRole('button', { name: /Show .* more/ })).toHaveCount(0);
  });

  test('converts a lead into customer, contact and opportunity, warning about a look-alike customer', async ({
    page,
  }) => {
    await openApp(page, { store: 'pipeline-convert' });
    await createCustomer(page, { name: 'Acme', email: 'info@acme.com' });
    await runChange(
      page,
      `INSERT INTO leads (name, company, title, email, phone, status)
       VALUES ('Li Lei', 'ACME', 'Buyer', 'li.lei@acme.com', '+86 138 0013 8000', 'qualified')`,
    );
    await page.goto(page.url().replace(/#.*$/, '#/leads/1'));
    await page.getByRole('button', { name: 'Convert lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert lead' });
    await expect(dialog.getByRole('alert')).toContainText('A customer like this may exist already');
    await expect(dialog.getByLabel(/Add to existing customer “Acme”/)).toBeVisible();
    await expect(dialog.getByText('same name')).toBeVisible();

    // Create a new one anyway, with an opportunity.
    await dialog.getByLabel('Create a new customer “ACME”').check();
    await dialog.getByLabel('Opportunity name').fill('ACME rollout');
    await dialog.getByLabel('Amount (CNY)').fill('12,000.50');
    await dialog.getByLabel('Stage').selectOption({ label: 'Proposal (50%)' });
    await dialog.getByRole('button', { name: 'Convert', exact: true }).click();

    await expect(page).toHaveURL(/#\/customers\/2$/);
    await expect(page.getByRole('heading', { name: 'ACME', exact: true })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /Li Lei/ })).toBeVisible();

    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));
    await expectColumn(page, 'Proposal', 1, '12,000.50', '6,000.25');
    await expect(column(page, 'Proposal').getByText('ACME', { exact: true })).toBeVisible();

    // The lead now links to its customer and cannot be converted again.
    await page.goto(page.url().replace(/#.*$/, '#/leads/1'));
    await expect(page.getByRole('link', { name: 'Open customer' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Convert lead' })).toHaveCount(0);
  });
});

test.describe('sales pipeline (简体中文)', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1600, height: 900 } });

  test('shows the seeded stages and money in Chinese and wins a deal with the keyboard', async ({ page }) => {
    await openApp(page, { store: 'pipeline-zh', labels: ZH });
    await createCustomer(page, { name: '华信科技' }, ZH);
    await page.goto(page.url().replace(/#.*$/, '#/sql'));
    await page.getByLabel('允许修改（INSERT、UPDATE、DELETE）').check();
    await page.getByLabel('SQL 语句').fill(
      `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, probability)
         SELECT '年度采购', c.id, s.id, 1234500, s.probability FROM customers c, pipeline_stages s
         WHERE s.code = 'negotiation'`,
    );
    await page.getByRole('button', { name: '运行', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '运行并保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: /已修改并保存 1 行/ })).toBeVisible();
    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));

    await expect(page.getByRole('heading', { name: '销售漏斗' })).toBeVisible();
    await expectColumn(page, '商务谈判', 1, '12,345.00', '9,258.75');
    await page.getByRole('link', { name: '年度采购' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '标记为赢单' });
    await dialog.getByRole('button', { name: '标记为赢单' }).click();
    await expectColumn(page, '赢单', 1, '12,345.00', '12,345.00');
    await expect(page.locator('#pipeline-announcer')).toContainText('“年度采购”已移到赢单');
  });
});
