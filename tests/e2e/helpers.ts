import { expect, type Page } from '@playwright/test';

/** Tests run at a fixed wall-clock start (time still flows, so timers and debounces behave). */
export const FIXED_TIME = new Date('2026-03-16T09:30:00+08:00');

export const EN = {
  newCustomer: 'New customer',
  editCustomer: 'Edit customer',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  industry: 'Industry',
  address: 'Address',
  stage: 'Stage',
  save: 'Save',
  saved: 'Saved',
  status: 'Save status',
  search: 'Search customers',
  addContact: 'Add contact',
  newContact: 'New contact',
  contactName: 'Name',
  jobTitle: 'Job title',
  delete: 'Delete',
  undo: 'Undo',
  edit: 'Edit',
  customers: 'Customers',
  settings: 'Settings',
} as const;

export const ZH: { [K in keyof typeof EN]: string } = {
  newCustomer: '新建客户',
  editCustomer: '编辑客户',
  name: '名称',
  email: '邮箱',
  phone: '电话',
  industry: '行业',
  address: '地址',
  stage: '阶段',
  save: '保存',
  saved: '已保存',
  status: '保存状态',
  search: '搜索客户',
  addContact: '添加联系人',
  newContact: '新建联系人',
  contactName: '姓名',
  jobTitle: '职位',
  delete: '删除',
  undo: '撤销',
  edit: '编辑',
  customers: '客户',
  settings: '设置',
};

export type Labels = typeof ZH;

/** Opens the app (optionally in a named workspace, so several pages of one test share it) and waits until it is ready. */
export async function openApp(page: Page, options: { hash?: string; store?: string; labels?: Labels } = {}) {
  const labels = options.labels ?? EN;
  await page.clock.install({ time: FIXED_TIME });
  const query = options.store ? `?store=${options.store}` : '';
  await page.goto(`./${query}${options.hash ?? '#/customers'}`);
  await expect(saveStatus(page, labels)).toContainText(labels.saved);
}

export const saveStatus = (page: Page, labels: Labels = EN) =>
  page.getByRole('status', { name: labels.status });

export interface CustomerFields {
  name: string;
  email?: string;
  phone?: string;
  industry?: string;
  address?: string;
}

/** Fills and saves the New customer dialog; resolves once the app acknowledged the save (dialog closed). */
export async function createCustomer(page: Page, fields: CustomerFields, labels: Labels = EN) {
  await page.getByRole('button', { name: labels.newCustomer, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: labels.newCustomer });
  await fillCustomer(dialog, fields, labels);
  await dialog.getByRole('button', { name: labels.save, exact: true }).click();
  await expect(dialog).toBeHidden();
}

export async function fillCustomer(
  dialog: ReturnType<Page['getByRole']>,
  fields: CustomerFields,
  labels: Labels = EN,
) {
  await dialog.getByLabel(labels.name, { exact: false }).first().fill(fields.name);
  if (fields.email !== undefined) await dialog.getByLabel(labels.email).fill(fields.email);
  if (fields.phone !== undefined) await dialog.getByLabel(labels.phone).fill(fields.phone);
  if (fields.industry !== undefined) await dialog.getByLabel(labels.industry).fill(fields.industry);
  if (fields.address !== undefined) await dialog.getByLabel(labels.address).fill(fields.address);
}

/** The customer list's data grid. */
export const customerGrid = (page: Page) => page.getByRole('grid').or(page.getByRole('table')).first();
