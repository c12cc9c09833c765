/**
 * A generated corpus of 1,200 malformed CSV files (bad quotes, ragged rows, wrong encodings, huge fields,
 * invalid dates/emails/numbers, formula-leading cells, empty files, binary junk) fed through the import
 * handlers against a real workspace. For every file: nothing throws, a refused file gets a specific code,
 * every problem names its row and has a message in both languages, and the database changes by exactly
 * the rows reported as inserted — never a partial import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecordType } from '../../workers/db/features/import/api';
import { importHandlers as api } from '../../workers/db/features/import/handlers';
import { importDataEn, importDataZhCN } from '../../src/lib/i18n/messages/import';
import { ERROR_KEYS } from '../../src/lib/i18n/codes';
import { closeWorkspace, count, file, openWorkspace, rows, unwrap } from './import-setup';

/** Deterministic pseudo-random numbers, so a failing file can be regenerated from its index. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const HEADERS: Record<ImportRecordType, string[]> = {
  customers: ['客户名称', '电话', '邮箱', '阶段', '备注'],
  contacts: ['姓名', '公司', '手机', '邮箱', '职位'],
  leads: ['姓名', '公司', '来源', '状态', '评分', '跟进日期'],
  products: ['编码', '名称', '价格', '库存'],
  orders: ['订单号', '客户', '日期', '状态', '金额'],
};

const BAD_CELLS = [
  '"unterminated',
  'bad"quote',
  '"x"y"z',
  "=cmd|' /C calc'!A0",
  '+SUM(A1:A9)',
  '-2+3',
  '@SUM(1)',
  '2024-02-30',
  '13/45/2024',
  'not-an-email@',
  'a@b',
  '12,34.5.6',
  '-100',
  '1e309',
  'NaN',
  '\u0000\u0001\u0002',
  '\ufffd\ufffd',
  '😀'.repeat(300),
  'x'.repeat(6000),
  '',
  '   ',
  '未知阶段',
  '10000000000000000000000',
];

/** Valid values, unique per file and row where the column is a duplicate key. */
const GOOD_CELLS: Record<string, (id: string) => string> = {
  客户名称: (id) => `华信科技${id}`,
  客户: () => '华信科技',
  公司: () => '华信科技',
  邮箱: (id) => `u${id}@huaxin.cn`,
  日期: () => '2024-05-01',
  金额: () => '1280.50',
  价格: () => '¥99',
  电话: () => '010-6253 8899',
  手机: () => '+86 138 0013 8000',
  阶段: () => '新客户',
  状态: () => '',
  评分: () => '50',
  跟进日期: () => '2024/6/1',
  来源: () => '展会',
  库存: () => '12',
};

function cell(next: () => number, header: string, id: string): string {
  if (next() < 0.35) return BAD_CELLS[Math.floor(next() * BAD_CELLS.length)]!;
  return (GOOD_CELLS[header] ?? ((key: string) => `值${key}`))(id);
}

type Mutation = (text: string, next: () => number) => string | Uint8Array;

const MUTATIONS: Record<string, Mutation> = {
  plain: (text) => text,
  raggedRows: (text, next) =>
    text
      .split('\n')
      .map((line, i) =>
        i > 0 && next() < 0.4 ? `${line},extra,${i}` : next() < 0.2 ? line.split(',')[0]! : line,
      )
      .join('\n'),
  strayQuotes: (text, next) =>
    text
      .split('\n')
      .map((line, i) => (i > 0 && next() < 0.3 ? line.replace(',', ',"') : line))
      .join('\n'),
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  semicolons: (text) => text.replace(/,/g, ';'),
  gbk: (text) =>
    Uint8Array.from(text, (ch) =>
      ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0xb0 + (ch.charCodeAt(0) % 0x40),
    ),
  utf16NoBom: (text) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff;
    return bytes;
  },
  truncatedUtf8: (text) => new TextEncoder().encode(text).slice(0, -1),
  bomOnly: () => new Uint8Array([0xef, 0xbb, 0xbf]),
  empty: () => new Uint8Array(),
  headerOnly: (text) => text.split('\n')[0]!,
  binary: (_, next) =>
    Uint8Array.from({ length: 512 + Math.floor(next() * 4096) }, () => Math.floor(next() * 256)),
  hugeField: (text) => `${text}\n"${'长'.repeat(300_000)}",x\n`,
  blankLines: (text) => text.replace(/\n/g, '\n\n \n'),
};

const MUTATION_NAMES = Object.keys(MUTATIONS);
const TYPES = Object.keys(HEADERS) as ImportRecordType[];
const FILES = 1200;

function generate(index: number): { content: string | Uint8Array; type: ImportRecordType; mutation: string } {
  const next = random(index * 2654435761);
  const type = TYPES[index % TYPES.length]!;
  const mutation = MUTATION_NAMES[Math.floor(index / TYPES.length) % MUTATION_NAMES.length]!;
  const headers = HEADERS[type];
  const lines = [headers.join(',')];
  const rowCount = 1 + Math.floor(next() * 12);
  for (let r = 0; r < rowCount; r++) {
    lines.push(headers.map((header) => cell(next, header, `${index}-${r}`)).join(','));
  }
  return { content: MUTATIONS[mutation]!(lines.join('\n'), next), type, mutation };
}

const TABLES = ['customers', 'contacts', 'leads', 'products', 'orders'] as const;
async function totals(): Promise<number> {
  let sum = 0;
  for (const table of TABLES) sum += await count(table);
  return sum;
}

beforeAll(async () => {
  await openWorkspace();
  // Contacts and orders need a customer to match.
  const p = unwrap(await api.importPreview(file('客户名称\n华信科技\n')));
  unwrap(
    await api.importRun(p.token, {
      recordType: 'customers',
      mapping: p.suggested.customers,
      policy: 'create',
    }),
  );
});
afterAll(closeWorkspace);

describe('malformed CSV corpus', () => {
  it(`${FILES} generated files: no throw, a reason for every refusal and problem, no partial import`, async () => {
    const seen = new Map<string, number>();
    let imported = 0;
    for (let index = 0; index < FILES; index++) {
      const { content, type, mutation } = generate(index);
      const where = `file #${index} (${type}, ${mutation})`;
      const before = await totals();
      const preview = await api.importPreview(file(content, `corpus-${index}.csv`));
      if (!preview.ok) {
        expect(ERROR_KEYS[preview.code], where).toMatch(/^import\.error\./);
        seen.set(preview.code, (seen.get(preview.code) ?? 0) + 1);
        continue;
      }
      const plan = {
        recordType: type,
        mapping: preview.value.suggested[type],
        policy: index % 3 === 0 ? ('update' as const) : ('skip' as const),
        allowInvalid: true,
      };
      const report = await api.importValidate(preview.value.token, plan);
      if (!report.ok) {
        // The mapping can miss a required column when the delimiter or encoding mangled the header.
        expect(report.code, where).toBe('import_unmapped');
        seen.set(report.code, (seen.get(report.code) ?? 0) + 1);
        continue;
      }
      for (const problem of report.value.problems) {
        expect(problem.row, where).toBeGreaterThanOrEqual(2);
        const key = `import.problem.${problem.code}` as keyof typeof importDataEn;
        expect(importDataEn[key], `${where}: ${problem.code}`).toBeTruthy();
        expect(importDataZhCN[key], `${where}: ${problem.code}`).toBeTruthy();
        seen.set(problem.code, (seen.get(problem.code) ?? 0) + 1);
      }
      const run = await api.importRun(preview.value.token, plan);
      expect(run.ok, `${where}: ${run.ok ? '' : run.message}`).toBe(true);
      if (!run.ok) continue;
      const summary = run.value.value;
      expect(summary.invalid, where).toBe(report.value.invalid);
      expect(summary.inserted + summary.updated + summary.skipped + summary.invalid, where).toBe(
        report.value.total,
      );
      expect(await totals(), where).toBe(before + summary.inserted);
      imported += summary.inserted;
      unwrap(await api.importDiscard(preview.value.token));
    }
    // The corpus really exercises what it claims to.
    for (const code of [
      'import_empty',
      'import_not_text',
      'bad_quotes',
      'extra_fields',
      'invalid_email',
      'invalid_date',
      'too_long',
    ]) {
      expect(seen.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    expect(imported).toBeGreaterThan(100);
    // Formula-leading cells arrive as plain text.
    const formulas = await rows(
      "SELECT notes AS text FROM customers WHERE notes LIKE '=cmd%' UNION ALL SELECT title FROM contacts WHERE title LIKE '=cmd%'",
    );
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((row) => row.text === "=cmd|' /C calc'!A0")).toBe(true);
  }, 600_000);

  it('a failed write changes nothing, whichever row fails', async () => {
    const { runtime } = await import('../../workers/db/runtime');
    for (const failAt of [0, 7, 19]) {
      const names = Array.from({ length: 20 }, (_, i) => `回滚测试${failAt}-${i}`);
      await runtime.engine!.read((db) =>
        db.exec(
          `DROP TRIGGER IF EXISTS temp.fail_import; CREATE TEMP TRIGGER fail_import BEFORE INSERT ON customers WHEN NEW.name = '${names[failAt]}' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
        ),
      );
      const before = await totals();
      const history = unwrap(await api.listImports()).length;
      const p = unwrap(await api.importPreview(file(`客户名称\n${names.join('\n')}\n`)));
      const run = await api.importRun(p.token, {
        recordType: 'customers',
        mapping: p.suggested.customers,
        policy: 'create',
      });
      expect(run).toMatchObject({ ok: false, code: 'import_failed' });
      expect(await totals()).toBe(before);
      expect(unwrap(await api.listImports())).toHaveLength(history);
    }
    await runtime.engine!.read((db) => db.exec('DROP TRIGGER IF EXISTS temp.fail_import'));
  });
});
