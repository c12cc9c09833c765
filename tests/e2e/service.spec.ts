import { expect, test, type Page } from '@playwright/test';
import { createCustomer, openApp } from './helpers';

/** A support agent's day: cases with SLA deadlines, knowledge articles linked from them, the status flow. */

/** Hash navigation without reloading the page (the test clock stays installed). */
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

async function newArticle(page: Page, title: string, body: string) {
  await go(page, '#/articles');
  await page.getByRole('button', { name: 'New Article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Article' });
  await dialog.getByLabel('Title *').fill(title);
  await dialog.getByLabel('Status *').selectOption({ label: 'Published' });
  await dialog.getByLabel('Text', { exact: true }).fill(body);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

async function newCase(page: Page, subject: string, priority: string) {
  await go(page, '#/cases');
  await page.getByRole('button', { name: 'New Case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Case' });
  await dialog.getByLabel('Subject *').fill(subject);
  await dialog.getByLabel('Customer *').selectOption({ label: 'Northwind' });
  await dialog.getByLabel('Priority *').selectOption({ label: priority });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
}

test.describe('service cases and the knowledge base', () => {
  test.use({ locale: 'en-US' });

  test('links suggested and searched articles, walks the status flow, and highlights overdue cases', async ({
    page,
  }) => {
    await openApp(page, { store: `service-${Date.now()}` });
    await createCustomer(page, { name: 'Northwind' });
    await newArticle(page, 'Printer network troubleshooting', 'Check the cable, then restart the router.');
    await newArticle(page, 'Invoice questions', 'Invoices are sent on the first of the month.');
    await newCase(page, 'Lost invoice copy', 'Low');
    await newCase(page, 'Printer cannot reach the network', 'Urgent');

    // The subject suggests the printer article; linking moves it to the linked list.
    const panel = page.getByRole('region', { name: /Knowledge articles/ });
    const suggested = panel.getByRole('list', { name: 'Suggested from the subject' });
    await expect(suggested.getByRole('link')).toHaveText(['Printer network troubleshooting']);
    await suggested.getByRole('button', { name: 'Link “Printer network troubleshooting”' }).click();
    const linked = panel.getByRole('list', { name: 'Linked to this case' });
    await expect(linked.getByRole('link')).toHaveText(['Printer network troubleshooting']);
    await expect(panel.getByText('No other published article shares words with the subject.')).toBeVisible();

    // Search finds the other article; link it too, then unlink it with Undo available.
    await panel.getByLabel('Search published articles').fill('invoice');
    const results = panel.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: 'Link “Invoice questions”' }).click();
    await expect(linked.getByRole('link')).toHaveText([
      'Invoice questions',
      'Printer network troubleshooting',
    ]);
    await expect(results.getByText('Linked', { exact: true })).toBeVisible();
    await linked.getByRole('button', { name: 'Unlink “Invoice questions”' }).click();
    await expect(linked.getByRole('link')).toHaveText(['Printer network troubleshooting']);

    // The article's page lists the case that links it.
    await linked.getByRole('link', { name: 'Printer network troubleshooting' }).click();
    const usedBy = page.getByRole('region', { name: /Cases using this article/ });
    await expect(usedBy.getByRole('link', { name: 'Printer cannot reach the network' })).toBeVisible();
    await expect(usedBy.getByRole('cell', { name: 'Northwind' })).toBeVisible();
    await usedBy.getByRole('link', { name: 'Printer cannot reach the network' }).click();

    // Five hours later the urgent case (4 h SLA) is overdue, the low one (168 h) is not.
    await page.clock.setSystemTime(new Date(Date.now() + 5 * 3_600_000));
    await go(page, '#/cases');
    const grid = page.getByRole('grid', { name: 'Cases' });
    const urgentRow = grid.getByRole('row', { name: /Printer cannot reach the network/ });
    await expect(urgentRow.getByText('Overdue')).toBeVisible();
    await expect(grid.getByRole('row', { name: /Lost invoice copy/ }).getByText('Overdue')).toHaveCount(0);

    // Status flow on the case page: start, resolve (resolution required), close with a score, reopen.
    await urgentRow.getByRole('link', { name: 'Printer cannot reach the network' }).click();
    await expect(page.getByText('Overdue')).toBeVisible();
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByText('The case is now “In progress”.')).toBeVisible();
    await page.getByRole('button', { name: 'Resolve…' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve case' });
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect(resolve.getByText('Describe how the case was resolved.')).toBeVisible();
    await resolve.getByLabel('Resolution *').fill('Replaced the network cable.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect(resolve).toBeHidden();
    await expect(page.getByText('Replaced the network cable.')).toBeVisible();
    // A resolved case is no longer overdue, and has a resolution time.
    await expect(page.getByText('Overdue')).toHaveCount(0);

    await page.getByRole('button', { name: 'Close case…' }).click();
    const close = page.getByRole('dialog', { name: 'Close case' });
    await close.getByLabel('Customer satisfaction (optional)').selectOption({ label: '4 – Satisfied' });
    await close.getByRole('button', { name: 'Close case' }).click();
    await expect(close).toBeHidden();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText('Closed', { exact: true })).toBeVisible();
    await expect(details.getByText('4', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect(page.getByText('The case is now “Open”.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start work' })).toBeVisible();
    await expect(page.getByText('Overdue')).toBeVisible();
  });
});
