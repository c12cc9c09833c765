import { expect, test, type Page } from '@playwright/test';
import { openApp, ZH } from './helpers';

/**
 * Workflow automation as a sales manager uses it: templates installed from `#/automation`, rules firing on
 * records created in the normal dialogs, date rules run on demand, the header's inbox, a rule that fails
 * (the change is refused and logged), and the editor's validation. Test rows (users, a contract) go in
 * through the SQL console with "Allow changes"; dates use SQLite's clock, i.e. the DB worker's.
 */

/** Hash navigation without reloading the page (the test clock and the open workspace stay). */
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

async function runChange(page: Page, sql: string) {
  await go(page, '#/sql');
  await page.getByLabel('Allow changes (INSERT, UPDATE, DELETE)').check();
  await page.getByLabel('SQL statement').fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Change data?' })
    .getByRole('button', { name: 'Run and save' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /changed and saved/ })).toBeVisible();
}

/** Runs a read-only query in the SQL console; returns its result table. */
async function query(page: Page, sql: string) {
  await go(page, '#/sql');
  const allow = page.getByLabel('Allow changes (INSERT, UPDATE, DELETE)');
  if (await allow.isChecked()) await allow.uncheck();
  await page.getByLabel('SQL statement').fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  return page.getByRole('table', { name: 'Result' });
}

/** Fills the New Lead dialog with no owner (so the assignment rule has work to do) or with `owner`. */
async function newLead(page: Page, name: string, owner: string | null) {
  await go(page, '#/leads');
  await page.getByRole('button', { name: 'New Lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Lead' });
  await dialog.getByLabel('Name *').fill(name);
  const ownerSelect = dialog.getByLabel('Owner', { exact: true });
  if (owner === null) await ownerSelect.selectOption('');
  else await ownerSelect.selectOption({ label: owner });
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test.describe('workflow automation (English)', () => {
  test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } });

  test('round-robin template assigns new leads in turn; renewal reminder reaches the inbox; a failing rule refuses the change', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, { store: `automation-${Date.now()}` });
    await runChange(
      page,
      `INSERT INTO users (name, role, team) VALUES ('Ann Lee', 'rep', 'East'), ('Bo Chen', 'rep', 'East')`,
    );
    await runChange(
      page,
      `INSERT INTO customers (name, owner_id) SELECT 'Acme', id FROM users WHERE name = 'Ann Lee'`,
    );
    await runChange(
      page,
      `INSERT INTO contracts (contract_no, title, customer_id, status, start_date, end_date, owner_id)
       SELECT 'C-1', 'Acme support', c.id, 'active', date('now', '-300 days'), date('now', '+10 days'), c.owner_id
       FROM customers c WHERE c.name = 'Acme'`,
    );
    await page.getByRole('banner').getByLabel('Acting as').selectOption({ label: 'Ann Lee' });

    // Install the round-robin template for team East, enabled.
    await go(page, '#/automation');
    await expect(page.getByRole('heading', { name: 'Automation', level: 1 })).toBeVisible();
    await expect(page.getByText('No rules yet.')).toBeVisible();
    await page.getByRole('tab', { name: 'Templates' }).click();
    const roundRobin = page.getByRole('listitem').filter({ hasText: 'Round-robin assignment of new leads' });
    await roundRobin.getByRole('button', { name: 'Install' }).click();
    await expect(roundRobin.getByText('Choose a team.')).toBeVisible();
    await roundRobin.getByLabel('Team').selectOption('East');
    await roundRobin.getByRole('button', { name: 'Install' }).click();
    await expect(page.getByRole('tab', { name: 'Rules' })).toHaveAttribute('aria-selected', 'true');
    const rule = page.getByRole('row').filter({ hasText: 'Round-robin assignment of new leads' });
    await expect(rule).toContainText('When created');
    const enabled = rule.getByRole('switch', { name: /^Enable / });
    await expect(enabled).not.toBeChecked();
    await enabled.check();
    await expect(page.getByText('“Round-robin assignment of new leads” is on')).toBeVisible();

    // Two new leads without an owner go to the two members of East, one each.
    for (const name of ['Wang Fang', 'Li Lei']) {
      const dialog = await newLead(page, name, null);
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    }
    const owners = await query(
      page,
      `SELECT group_concat(u.name, ' + ') AS owners FROM (SELECT owner_id FROM leads ORDER BY id) l
       JOIN users u ON u.id = l.owner_id`,
    );
    await expect(
      owners.getByRole('cell', { name: /^(Ann Lee \+ Bo Chen|Bo Chen \+ Ann Lee)$/ }),
    ).toBeVisible();

    // The run log lists both runs, linked to their records.
    await go(page, '#/automation');
    await page.getByRole('tab', { name: 'Run log' }).click();
    const runs = page.getByRole('table', { name: 'Rule runs' });
    await expect(runs.getByRole('row')).toHaveCount(3);
    await expect(runs.getByRole('link', { name: /Lead #\d+/ })).toHaveCount(2);
    await expect(runs.getByText('OK', { exact: true })).toHaveCount(2);

    // The contract renewal reminder: installed enabled, run now → a notification for the owner (Ann).
    await page.getByRole('tab', { name: 'Templates' }).click();
    const renewal = page.getByRole('listitem').filter({ hasText: 'Contract renewal reminder' });
    await renewal.getByLabel('Enable it right away').check();
    await renewal.getByRole('button', { name: 'Install' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Contract renewal reminder' })).toContainText(
      '30 day(s) before',
    );
    await page.getByRole('button', { name: 'Run date rules now' }).click();
    // (The worker's own minute timer may have fired it first: the count is not asserted, the outcome is.)
    await expect(page.getByText(/Date rules checked: 1 rule\(s\)/)).toBeVisible();
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await expect(bell).toBeVisible();
    await bell.click();
    const inbox = page.getByRole('region', { name: 'Inbox' });
    const note = inbox.getByRole('listitem').filter({ hasText: 'Acme support' });
    await expect(note).toBeVisible();
    await expect(note.getByRole('link')).toHaveAttribute('href', /#\/contracts\/\d+$/);
    await page.screenshot({ path: '/tmp/automation-inbox-en.png' });
    await note.getByRole('button', { name: 'Mark read' }).click();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    // The editor checks a rule before saving it.
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByText('Give the rule a name.')).toBeVisible();
    await expect(page.getByText('Add at least one action.')).toBeVisible();
    await page.getByLabel('Rule name').fill('Tell the manager about new leads');
    await page.getByLabel('Add action').selectOption('notify');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByLabel('Recipient').selectOption('manager');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByText('Enter a message.')).toBeVisible();
    await page.getByLabel(/^Message/).fill('New lead {title}');
    await page.screenshot({ path: '/tmp/automation-editor-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByText('Saved the rule “Tell the manager about new leads”')).toBeVisible();

    // Ann has no manager: the rule cannot run, so a lead she would own is not saved.
    const dialog = await newLead(page, 'Zhou Min', 'Ann Lee');
    await expect(dialog.getByText(/workflow rule/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await go(page, '#/leads');
    await expect(page.getByRole('grid', { name: 'Leads' })).toContainText('Wang Fang');
    await expect(page.getByRole('grid', { name: 'Leads' })).not.toContainText('Zhou Min');

    // The failure is in the run log with its reason.
    await go(page, '#/automation');
    await page.getByRole('button', { name: 'Run date rules now' }).click();
    await page.getByRole('tab', { name: 'Run log' }).click();
    const failed = runs.getByRole('row').filter({ hasText: 'Failed' });
    await expect(failed).toContainText('Tell the manager about new leads');
    await expect(failed).toContainText('no manager');
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.screenshot({ path: '/tmp/automation-en.png', fullPage: true });

    // Test a rule against a record: what would happen, nothing saved.
    await page.getByRole('button', { name: 'Edit Round-robin assignment of new leads' }).click();
    await page.getByRole('button', { name: 'Test against a record' }).click();
    const tester = page.getByRole('dialog', { name: /^Test “Round-robin assignment of new leads”/ });
    await tester.getByLabel('Record').selectOption({ label: 'Wang Fang' });
    await tester.getByRole('button', { name: 'Test', exact: true }).click();
    const outcome = tester.getByTestId('test-outcome');
    await expect(outcome).toContainText('The trigger applies to this record.');
    // Wang Fang has an owner now, so the "no owner" condition does not match.
    await expect(outcome).toContainText('The conditions do not match.');
    await page.screenshot({ path: '/tmp/automation-test-en.png' });
    await tester.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Delete asks first.
    await page.getByRole('button', { name: 'Delete Tell the manager about new leads' }).click();
    await page.getByRole('dialog', { name: 'Delete rule' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Tell the manager' })).toHaveCount(0);
  });
});

test.describe('workflow automation (Chinese)', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });

  test('shows the templates, the editor and the inbox in Chinese', async ({ page }) => {
    await openApp(page, {
      store: `automation-zh-${Date.now()}`,
      hash: '#/automation',
      labels: ZH,
    });
    await expect(page.getByRole('heading', { name: '自动化', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: '自动化' })).toBeVisible();
    await page.getByRole('tab', { name: '模板' }).click();
    await expect(page.getByText('合同续约提醒')).toBeVisible();
    await page.screenshot({ path: '/tmp/automation-templates-zh.png', fullPage: true });
    await page
      .getByRole('listitem')
      .filter({ hasText: '合同续约提醒' })
      .getByRole('button', { name: '安装' })
      .click();
    await page.getByRole('tab', { name: '规则' }).click();
    await page.getByRole('button', { name: '编辑 合同续约提醒' }).click();
    await expect(page.getByLabel('规则名称')).toHaveValue('合同续约提醒');
    await expect(page.getByLabel('天数')).toHaveValue('30');
    await expect(page.getByLabel('之前或之后')).toHaveValue('before');
    await page.screenshot({ path: '/tmp/automation-editor-zh.png', fullPage: true });
    await page.getByRole('button', { name: '通知', exact: true }).click();
    await expect(page.getByRole('region', { name: '收件箱' })).toContainText('请先选择您的身份');
    await page.screenshot({ path: '/tmp/automation-inbox-zh.png' });
  });
});
