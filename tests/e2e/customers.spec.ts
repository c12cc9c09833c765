import { expect, test } from '@playwright/test';
import { createCustomer, customerGrid, EN, fillCustomer, openApp } from './helpers';

test.describe('customers and contacts (English)', () => {
  test.use({ locale: 'en-US' });

  test('validation messages name the problem per field and the input survives', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: EN.newCustomer, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: EN.newCustomer });
    await fillCustomer(dialog, { name: '   ', email: 'not-an-email', phone: 'call me maybe' });
    await dialog.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(dialog.getByText('This field is required.')).toBeVisible();
    await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
    await expect(dialog.getByText(/Enter a valid phone number/)).toBeVisible();
    await expect(dialog.getByLabel(EN.email)).toHaveValue('not-an-email');
    await expect(dialog.getByLabel(EN.email)).toHaveAttribute('aria-invalid', 'true');

    await fillCustomer(dialog, {
      name: 'Northwind Traders',
      email: 'sales@northwind.example',
      phone: '+1 (555) 010-2030',
    });
    await dialog.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(customerGrid(page).getByRole('row', { name: /Northwind Traders/ })).toBeVisible();
  });

  test('create, edit, add a contact, reload: everything is still there', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Contoso Ltd', email: 'hello@contoso.example', industry: 'Software' });
    await createCustomer(page, { name: 'Adventure Works', phone: '+1 555 0100' });
    const grid = customerGrid(page);
    await expect(grid.getByRole('row', { name: /Contoso Ltd/ })).toBeVisible();
    await expect(page.getByText('2 customers')).toBeVisible();

    await grid.getByRole('link', { name: 'Contoso Ltd' }).click();
    await expect(page.getByRole('heading', { name: 'Contoso Ltd' })).toBeVisible();
    await page.getByRole('button', { name: EN.edit, exact: true }).first().click();
    const edit = page.getByRole('dialog', { name: EN.editCustomer });
    await edit.getByLabel(EN.industry).fill('Cloud software');
    await edit.getByLabel(EN.stage).selectOption({ label: 'Existing' });
    await edit.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByText('Cloud software').first()).toBeVisible();

    await page.getByRole('button', { name: EN.addContact }).click();
    const contact = page.getByRole('dialog', { name: EN.newContact });
    await contact.getByLabel(EN.contactName).fill('Ada Lovelace');
    await contact.getByLabel(EN.jobTitle).fill('CTO');
    await contact.getByLabel(EN.email).fill('ada@contoso.example');
    await contact.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(contact).toBeHidden();
    await expect(page.getByRole('row', { name: /Ada Lovelace/ })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Contoso Ltd' })).toBeVisible();
    await expect(page.getByText('Cloud software').first()).toBeVisible();
    await expect(page.getByRole('row', { name: /Ada Lovelace.*CTO|CTO.*Ada Lovelace/ })).toBeVisible();

    // Outreach consent is set where the contact is edited, and kept.
    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    const consent = page.getByRole('dialog', { name: 'Edit contact' });
    await expect(consent.getByRole('checkbox', { name: 'Unsubscribed' })).not.toBeChecked();
    await consent.getByRole('checkbox', { name: 'Unsubscribed' }).check();
    await consent.getByRole('button', { name: EN.save, exact: true }).click();
    await expect(consent).toBeHidden();
    await page.reload();
    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    await expect(consent.getByRole('checkbox', { name: 'Unsubscribed' })).toBeChecked();
    await expect(consent.getByRole('checkbox', { name: 'Do not contact' })).not.toBeChecked();
    await consent.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: EN.customers, exact: true }).click();
    await expect(customerGrid(page).getByRole('row', { name: /Adventure Works/ })).toBeVisible();
  });

  test('deleting asks first, removes the contacts too, and can be undone', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Fabrikam' });
    await customerGrid(page).getByRole('link', { name: 'Fabrikam' }).click();
    for (const name of ['Bo Chen', 'Cy Diaz']) {
      await page.getByRole('button', { name: EN.addContact }).click();
      const contact = page.getByRole('dialog', { name: EN.newContact });
      await contact.getByLabel(EN.contactName).fill(name);
      await contact.getByRole('button', { name: EN.save, exact: true }).click();
      await expect(contact).toBeHidden();
    }

    // a contact first: confirm, then undo from the toast
    await page.getByRole('button', { name: 'Delete Bo Chen' }).click();
    const confirmContact = page.getByRole('dialog', { name: 'Delete contact' });
    await expect(confirmContact).toContainText('Bo Chen');
    await confirmContact.getByRole('button', { name: EN.delete, exact: true }).click();
    await expect(page.getByRole('row', { name: /Bo Chen/ })).toBeHidden();
    await page.getByRole('button', { name: EN.undo }).click();
    await expect(page.getByRole('row', { name: /Bo Chen/ })).toBeVisible();

    // the customer: the confirmation says how many contacts go with it; cancelling keeps it
    await page.getByRole('button', { name: EN.delete, exact: true }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Delete customer' });
    await expect(confirm).toContainText('Its 2 contacts will be deleted too.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Fabrikam' })).toBeVisible();
    await page.getByRole('button', { name: EN.delete, exact: true }).first().click();
    await confirm.getByRole('button', { name: EN.delete, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();

    await page.getByRole('button', { name: EN.undo }).click();
    const row = customerGrid(page).getByRole('row', { name: /Fabrikam/ });
    await expect(row).toBeVisible();
    await page.reload();
    await row.getByRole('link', { name: 'Fabrikam' }).click();
    await expect(page.getByRole('row', { name: /Bo Chen/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Cy Diaz/ })).toBeVisible();
  });

  test('search, stage filter and sorting narrow and order the list', async ({ page }) => {
    await openApp(page);
    await createCustomer(page, { name: 'Zeta Corp', email: 'z@zeta.example' });
    await createCustomer(page, { name: 'Alpha Inc', email: 'info@alpha.example' });
    await createCustomer(page, { name: 'Mu Partners', phone: '010-8888 6666' });
    const grid = customerGrid(page);
    const names = () => grid.getByRole('link').allInnerTexts();
    // newest change first by default
    await expect.poll(names).toEqual(['Mu Partners', 'Alpha Inc', 'Zeta Corp']);

    const nameHeader = grid.getByRole('columnheader', { name: /Name/ });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(names).toEqual(['Alpha Inc', 'Mu Partners', 'Zeta Corp']);
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(names).toEqual(['Zeta Corp', 'Mu Partners', 'Alpha Inc']);

    await page.getByLabel(EN.search).fill('8888');
    await expect.poll(names).toEqual(['Mu Partners']);
    await page.getByLabel(EN.search).fill('ALPHA');
    await expect.poll(names).toEqual(['Alpha Inc']);
    await page.getByLabel(EN.search).fill('');
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Lost' });
    await expect(page.getByRole('heading', { name: 'No customers match these filters' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(names).toHaveLength(3);
  });
});
