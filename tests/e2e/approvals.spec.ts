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

const actAs = (page: Page, name: string) =>
  page.getByRole('banner').getByLabel('Acting as').selectOption({ label: name });

async function openRecord(page: Page, list: string, name: string) {
  await page.goto(page.url().replace(/#.*$/, `#/${list}`));
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

async function setStage(page: Page, stage: string) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Opportunity' });
  await dialog.getByRole('combobox', { name: 'Stage' }).selectOption({ label: stage });
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test.describe('approvals and roles (English)', () => {
  test.use({ locale: 'en-US' });

  test('a rep’s 20 % discount waits for the manager, who approves it with a comment; then the deal can be won', async ({
    page,
  }) => {
    await openApp(page, { store: 'approvals-e2e' });
    await runChange(
      page,
      "INSERT INTO users (name, role) VALUES ('Ada Admin', 'admin'), ('Mia Manager', 'manager'), ('Owen Other', 'rep')",
    );
    await runChange(
      page,
      "INSERT INTO users (name, role, manager_id) SELECT 'Rita Rep', 'rep', id FROM users WHERE name = 'Mia Manager'",
    );
    await runChange(
      page,
      `INSERT INTO customers (name, owner_id) SELECT v.column1, u.id
       FROM (VALUES ('Acme', 'Rita Rep'), ('Globex', 'Owen Other')) v JOIN users u ON u.name = v.column2`,
    );
    await runChange(
      page,
      `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, owner_id)
       SELECT 'Acme deal', c.id, s.id, 100000, c.owner_id FROM customers c
       JOIN pipeline_stages s ON s.code = 'negotiation' WHERE c.name = 'Acme'`,
    );

    // The rep saves a 20 % discount: a request is opened for her manager.
    await actAs(page, 'Rita Rep');
    await openRecord(page, 'opportunities', 'Acme deal');
    const state = page.getByTestId('approval-state');
    await expect(state).toHaveAttribute('data-state', 'not_needed');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Opportunity' });
    await dialog.getByLabel('Discount %').fill('20');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(state).toHaveAttribute('data-state', 'pending');
    await expect(state).toContainText('The discount 20 % is waiting for a manager’s approval');
    await expect(page.getByRole('button', { name: /^Approve the discount/ })).toHaveCount(0);

    // Not won before the approval: the form says why and keeps the stage.
    const refused = await setStage(page, 'Won');
    await expect(refused.getByText('needs a manager’s approval before the deal can be won')).toBeVisible();
    await refused.getByRole('button', { name: 'Cancel' }).click();

    // The manager sees it waiting (badge and list) and approves with a comment.
    await actAs(page, 'Mia Manager');
    await expect(page.getByRole('navigation').getByRole('link', { name: /Approvals/ })).toContainText('1');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Approvals/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
    await page.screenshot({ path: '/tmp/approvals-pending.png' });
    await page.getByRole('button', { name: 'Approve the discount of Acme deal' }).click();
    const decision = page.getByRole('dialog', { name: 'Approve a 20 % discount on “Acme deal”' });
    await decision.getByLabel('Comment (optional)').fill('Strategic customer');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('No approval requests are waiting.')).toBeVisible();

    // The opportunity shows the approval and its history, and can now be won.
    await actAs(page, 'Rita Rep');
    await openRecord(page, 'opportunities', 'Acme deal');
    await expect(state).toHaveAttribute('data-state', 'approved');
    const history = page.getByRole('table', { name: 'Requests' });
    await expect(history).toContainText('Approved');
    await expect(history).toContainText('Strategic customer');
    await expect(history).toContainText('Mia Manager');
    const won = await setStage(page, 'Won');
    await expect(won).toBeHidden();
    await expect(page.locator('.record-fields')).toContainText('Won');
    await page
      .getByRole('region', { name: 'Discount approval' })
      .screenshot({ path: '/tmp/approvals-record.png' });
  });

  test('a rep deletes her own customer but sees no Delete on another owner’s, nor the stage configuration', async ({
    page,
  }) => {
    await openApp(page, { store: 'approvals-roles-e2e' });
    await runChange(
      page,
      "INSERT INTO users (name, role) VALUES ('Ada Admin', 'admin'), ('Rita Rep', 'rep'), ('Owen Other', 'rep')",
    );
    await runChange(
      page,
      `INSERT INTO customers (name, owner_id) SELECT v.column1, u.id
       FROM (VALUES ('Acme', 'Rita Rep'), ('Globex', 'Owen Other')) v JOIN users u ON u.name = v.column2`,
    );
    await actAs(page, 'Rita Rep');
    await openRecord(page, 'customers', 'Globex');
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await openRecord(page, 'customers', 'Acme');
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();

    await page.goto(page.url().replace(/#.*$/, '#/pipeline'));
    await expect(page.getByRole('heading', { name: 'Sales pipeline' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Configure stages' })).toHaveCount(0);

    await page.goto(page.url().replace(/#.*$/, '#/users'));
    await expect(page.getByRole('link', { name: 'Owen Other' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^New / })).toHaveCount(0);

    // Automation rules are the admin's: the rep reads them and their templates but changes nothing.
    await page.goto(page.url().replace(/#.*$/, '#/automation'));
    await expect(page.getByText(/Only an admin changes automation rules/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'New rule' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Templates' }).click();
    await expect(page.getByRole('heading', { name: 'Round-robin assignment of new leads' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Install/ })).toHaveCount(0);
    await actAs(page, 'Ada Admin');
    await expect(page.getByRole('button', { name: /^Install/ }).first()).toBeVisible();
  });
});
