import { expect, test, type Page } from '@playwright/test';
import { EN, openApp } from './helpers';

const SUBJECT = 'Call back about the quote';

/** Hash navigation without reloading the page (the test clock stays installed). */
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

test.describe('activities, timeline, calendar and my tasks', () => {
  // FIXED_TIME is 2026-03-16 09:30 in Shanghai; "today" and the calendar follow the browser's zone.
  test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US' });

  test('a task logged on a customer shows on its timeline, in my tasks and on the calendar; done sticks; a stage edit shows as a change', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Load demo data' }).first().click();
    const confirm = page.getByRole('dialog');
    if (await confirm.isVisible())
      await confirm.getByRole('button', { name: 'Replace with demo data' }).click();
    const firstCustomer = page.locator('main a[href^="#/customers/"]').first();
    await expect(firstCustomer).toBeVisible({ timeout: 60_000 });
    await firstCustomer.click();

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('list').first()).toBeVisible();
    // Demo customers come with history (activities, contacts, orders…).
    await expect(timeline.getByRole('listitem').first()).toBeVisible();

    // A bad entry is refused with the field named, and nothing typed is lost.
    const form = timeline.getByRole('form', { name: 'Log activity' });
    await form.getByLabel('Type').selectOption({ label: 'Task' });
    await form.getByLabel('Due / when').fill('2026-03-16T17:00');
    await form.getByRole('button', { name: 'Log activity' }).click();
    await expect(form.getByText('This field is required.')).toBeVisible();
    await expect(form.getByLabel('Due / when')).toHaveValue('2026-03-16T17:00');

    await form.getByLabel('Subject').fill(SUBJECT);
    await form.getByRole('button', { name: 'Log activity' }).click();
    await expect(form.getByLabel('Subject')).toHaveValue('');
    const logged = timeline.getByRole('listitem').filter({ hasText: SUBJECT });
    await expect(logged).toBeVisible();
    await expect(logged.getByRole('checkbox', { name: `Done: ${SUBJECT}` })).not.toBeChecked();
    const customerUrl = page.url();

    await go(page, '#/tasks');
    const today = page.getByRole('region', { name: /^Today/ });
    await expect(today.getByRole('link', { name: SUBJECT })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Overdue/ })).toBeVisible();

    await go(page, '#/calendar');
    await expect(page.getByRole('heading', { name: 'March 2026' })).toBeVisible();
    const event = page.getByRole('button', { name: new RegExp(SUBJECT) });
    await expect(event).toBeVisible();
    // The keyboard moves between days: today (the 16th) is focusable, → goes to the 17th.
    const todayCell = page.getByRole('button', { name: /March 16, 2026/ });
    await todayCell.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name: /March 17, 2026/ })).toBeFocused();

    await event.click();
    const details = page.getByRole('dialog', { name: SUBJECT });
    await details.getByRole('button', { name: 'Mark done' }).click();
    await expect(details.getByRole('button', { name: 'Mark not done' })).toBeVisible();
    await details.getByRole('button', { name: 'Close' }).click();

    await go(page, '#/tasks');
    await expect(page.getByRole('checkbox', { name: `Done: ${SUBJECT}` })).toBeChecked();

    await page.goto(customerUrl);
    await expect(timeline.getByRole('checkbox', { name: `Done: ${SUBJECT}` })).toBeChecked();
    await page.getByRole('button', { name: EN.edit, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: EN.editCustomer });
    const stage = dialog.getByLabel(EN.stage);
    const next = (await stage.inputValue()) === 'lost' ? 'New' : 'Lost';
    await stage.selectOption({ label: next });
    await dialog.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    const change = timeline.getByRole('listitem').filter({ hasText: 'Customer changed' }).first();
    await expect(change).toContainText(new RegExp(`Stage: \\w+ → ${next}`));
  });
});
