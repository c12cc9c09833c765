import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { customerGrid, EN, openApp, ZH, type Labels } from './helpers';

const GBK_FIXTURE = fileURLToPath(new URL('../fixtures/import/customers-gbk.csv', import.meta.url));

/** The labels this spec asserts, per language (the app's own strings). */
const TEXT = {
  en: {
    labels: EN,
    import: 'Import',
    file: 'File (CSV or vCard)',
    mapFor: (column: string) => `Field for column “${column}”`,
    encoding: 'Encoding',
    check: 'Check rows',
    summary: '4 rows: 3 valid, 1 invalid, 0 duplicates.',
    invalidEmail: 'Not a valid email address.',
    problems: 'Rows that will not be imported',
    run: 'Import 3 valid rows',
    confirm: 'Import valid rows',
    result: '3 added, 0 updated, 0 skipped, 1 invalid (not imported).',
    undoShort: 'Undo',
    undo: 'Undo this import',
    undone: 'Import undone: 3 rows removed, 0 restored.',
    mappingName: 'Save this matching as',
    saveMapping: 'Save matching',
  },
  zh: {
    labels: ZH,
    import: '导入',
    file: '文件（CSV 或 vCard）',
    mapFor: (column: string) => `列“${column}”对应的字段`,
    encoding: '编码',
    check: '检查数据',
    summary: '共 4 行：3 行有效，1 行无效，0 行重复。',
    invalidEmail: '不是有效的邮箱地址。',
    problems: '不会导入的行',
    run: '导入 3 行有效数据',
    confirm: '导入有效行',
    result: '新增 3 条，更新 0 条，跳过 0 条，无效 1 条（未导入）。',
    undoShort: '撤销',
    undo: '撤销本次导入',
    undone: '已撤销导入：删除 3 行，恢复 0 行。',
    mappingName: '将此匹配保存为',
    saveMapping: '保存匹配',
  },
} as const;

async function customerNames(page: Page, labels: Labels) {
  await page.getByRole('link', { name: labels.customers, exact: true }).click();
  return customerGrid(page);
}

for (const language of ['en', 'zh'] as const) {
  const text = TEXT[language];
  test.describe(`import in ${language}`, () => {
    test.use({ locale: language === 'en' ? 'en-US' : 'zh-CN' });

    test('GBK CSV: preview, auto-matched columns, invalid row reported, import, list, undo', async ({
      page,
    }) => {
      await openApp(page, {
        hash: '#/import',
        store: `import-${language}-${Date.now()}`,
        labels: text.labels,
      });
      await expect(page.getByRole('heading', { name: text.import, exact: true })).toBeVisible();

      await page.getByLabel(text.file).setInputFiles(GBK_FIXTURE);
      // Preview: the Chinese text decoded from GBK, encoding detected.
      const preview = page.getByRole('table').first();
      await expect(preview).toContainText('华信科技有限公司');
      await expect(preview).toContainText('北京市海淀区中关村大街1号');
      await expect(page.getByLabel(text.encoding)).toHaveValue('gb18030');
      // Columns matched by their Chinese headers.
      await expect(page.getByLabel(text.mapFor('客户名称'))).toHaveValue('name');
      await expect(page.getByLabel(text.mapFor('电话'))).toHaveValue('phone');
      await expect(page.getByLabel(text.mapFor('邮箱'))).toHaveValue('email');
      await expect(page.getByLabel(text.mapFor('阶段'))).toHaveValue('stage');

      await page.getByLabel(text.mappingName).fill('Excel 客户表');
      await page.getByRole('button', { name: text.saveMapping }).click();

      await page.getByRole('button', { name: text.check }).click();
      await expect(page.getByText(text.summary)).toBeVisible();
      const problems = page.getByRole('table', { name: text.problems });
      await expect(problems.getByRole('row')).toHaveCount(2); // header + the one invalid row
      const problemRow = problems.getByRole('row', { name: /hengda-at-example/ });
      await expect(problemRow).toContainText('4');
      await expect(problemRow).toContainText('邮箱');
      await expect(problemRow).toContainText(text.invalidEmail);

      await page.getByRole('button', { name: text.run }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: text.confirm }).click();
      await expect(page.getByText(text.result)).toBeVisible();

      const grid = await customerNames(page, text.labels);
      await expect(grid.getByRole('link', { name: '华信科技有限公司' })).toBeVisible();
      await expect(grid.getByRole('link', { name: '深圳市鹏程电子' })).toBeVisible();
      await expect(grid.getByRole('link', { name: '广州恒达物流' })).toHaveCount(0);

      // Undo from the list of past imports (the page keeps the result too).
      await page.goto(page.url().replace(/#.*$/, '#/import'));
      await expect(page.getByRole('heading', { name: text.import, exact: true })).toBeVisible();
      await page.getByRole('button', { name: `${text.undoShort} customers-gbk.csv` }).click();
      await page.getByRole('dialog').getByRole('button', { name: text.undo }).click();
      await expect(page.getByText(text.undone)).toBeVisible();

      const after = await customerNames(page, text.labels);
      await expect(after.getByRole('link', { name: '华信科技有限公司' })).toHaveCount(0);
      await expect(after.getByRole('link', { name: '上海锦程贸易' })).toHaveCount(0);
    });
  });
}
