import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../workers/db/features/import/csv';
import { decodeFile, detectDelimiter, detectEncoding } from '../../workers/db/features/import/decode';
import { matchHeaders, suggestRecordType } from '../../workers/db/features/import/fields';
import { parseDate, parseMoney } from '../../workers/db/features/import/rows';
import { parseVCards } from '../../workers/db/features/import/vcard';
import { DomainError } from '../../workers/db/errors';

const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};

const gbkFixture = readFileSync(new URL('../fixtures/import/customers-gbk.csv', import.meta.url));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('encoding detection', () => {
  const sample = 'name,phone\n华信科技,010-1234 5678\n';

  it('reads UTF-8 with and without BOM, and strips the BOM from the first header', () => {
    const plain = new TextEncoder().encode(sample);
    expect(detectEncoding(plain)).toEqual({ encoding: 'utf-8', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const decoded = decodeFile(withBom);
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(decoded.text.startsWith('name,')).toBe(true);
  });

  it('reads UTF-16 LE and BE, with a BOM or recognised by their NUL bytes', () => {
    for (const littleEndian of [true, false]) {
      for (const bom of [true, false]) {
        const decoded = decodeFile(utf16(sample, littleEndian, bom));
        expect(decoded.encoding).toBe(littleEndian ? 'utf-16le' : 'utf-16be');
        expect(decoded.text.replace(/^\ufeff/, '')).toBe(sample);
      }
    }
  });

  it('falls back to GB18030 when the bytes are not UTF-8 (Chinese Excel) and keeps names intact', () => {
    const decoded = decodeFile(gbkFixture);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('华信科技有限公司');
    expect(decoded.text).toContain('深圳市鹏程电子');
  });

  it('refuses empty files and binary junk with their own codes', () => {
    expect(codeOf(() => decodeFile(new Uint8Array()))).toBe('import_empty');
    expect(codeOf(() => decodeFile(new TextEncoder().encode(' \r\n \n')))).toBe('import_empty');
    const junk = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    expect(codeOf(() => decodeFile(junk))).toBe('import_not_text');
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect(codeOf(() => decodeFile(png))).toBe('import_not_text');
  });
});

describe('delimiter detection', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6'],
    [';', 'a;b;c\n1;2,5;3\n4;5;6'],
    ['\t', 'a\tb\tc\n1\t2\t3'],
    ['|', 'a|b|c\n1|2|3'],
  ] as const)('finds %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('ignores delimiters inside quoted values', () => {
    expect(detectDelimiter('name;note\n"Acme, Inc.";"a, b, c"\n"B";"x"')).toBe(';');
  });
});

describe('CSV parsing', () => {
  it('numbers rows as a spreadsheet does, skips blank lines, keeps multi-line values', () => {
    const table = parseCsv('name,notes\nA,"line 1\nline 2"\n\nB,x\n', ',');
    expect(table.headers).toEqual(['name', 'notes']);
    expect(table.rows).toEqual([
      ['A', 'line 1\nline 2'],
      ['B', 'x'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('a stray quote costs only its own line, which is reported', () => {
    const table = parseCsv('name,phone\nA,1\nB,"bad"quote\nC,3\nD,"unterminated\nE,5\n', ',');
    expect(table.rows.map((row) => row[0])).toEqual(['A', 'B', 'C', 'D', 'E']);
    const problems = [...table.rowProblems.values()].flat();
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'bad_quotes'],
      [5, 'bad_quotes'],
    ]);
  });

  it('flags rows with more non-empty values than headers, and tolerates short rows', () => {
    const table = parseCsv('a,b\n1,2,3\n4\n5,6,,\n', ',');
    expect([...table.rowProblems.entries()].map(([i, p]) => [i, p[0]!.code])).toEqual([[0, 'extra_fields']]);
    expect(table.rows).toHaveLength(3);
  });
});

describe('header matching', () => {
  it('matches Chinese and English customer headers', () => {
    const headers = ['客户名称', '手机', '电子邮件', '所属行业', '联系地址', '阶段', '备注', '无关列'];
    expect(matchHeaders(headers, 'customers')).toEqual([
      'name',
      'phone',
      'email',
      'industry',
      'address',
      'stage',
      'notes',
      null,
    ]);
    expect(
      matchHeaders(['Company', 'Mobile', 'E-mail', 'Industry', 'Address', 'Stage', 'Notes'], 'customers'),
    ).toEqual(['name', 'phone', 'email', 'industry', 'address', 'stage', 'notes']);
  });

  it('tolerates case, spaces, full-width letters and annotations, and gives each field one column', () => {
    expect(matchHeaders(['ＮＡＭＥ', 'Phone Number', '电话(备用)', 'EMAIL *'], 'customers')).toEqual([
      'name',
      'phone',
      null,
      'email',
    ]);
    expect(matchHeaders(['名称', '客户联系电话'], 'customers')).toEqual(['name', 'phone']);
  });

  it('maps a contact file’s company column to the customer and suggests the right record type', () => {
    const headers = ['姓名', '公司名称', '职位', '手机', '邮箱'];
    const contacts = matchHeaders(headers, 'contacts');
    expect(contacts).toEqual(['name', 'customer', 'title', 'phone', 'email']);
    const suggested = {
      customers: matchHeaders(headers, 'customers'),
      contacts,
      leads: matchHeaders(headers, 'leads'),
      products: matchHeaders(headers, 'products'),
      orders: matchHeaders(headers, 'orders'),
    };
    expect(suggestRecordType(suggested)).toBe('contacts');
    const productHeaders = ['SKU', 'Product Name', 'Price', 'Stock'];
    expect(matchHeaders(productHeaders, 'products')).toEqual(['code', 'name', 'price', 'stock']);
  });
});

describe('values', () => {
  it('reads the date formats people type, and rejects impossible dates', () => {
    expect(parseDate('2024-05-01')).toBe('2024-05-01');
    expect(parseDate('2024/5/1')).toBe('2024-05-01');
    expect(parseDate('2024年5月1日')).toBe('2024-05-01');
    expect(parseDate('2024-05-01 14:30:00')).toBe('2024-05-01');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('01/05/2024')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });

  it('reads money into minor units', () => {
    expect(parseMoney('¥1,234.50')).toBe(123450);
    expect(parseMoney('99元')).toBe(9900);
    expect(parseMoney('RMB 0.5')).toBe(50);
    expect(parseMoney('-3')).toBe('negative');
    expect(parseMoney('1.234')).toBe('invalid');
    expect(parseMoney('abc')).toBe('invalid');
  });
});

describe('vCard parsing', () => {
  it('reads 3.0 and 4.0 cards with folded lines, escapes, N without FN, and several cards', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:张伟',
      'N:张;伟;;;',
      'ORG:华信科技有限公司;销售部',
      'TITLE:销售经理',
      'TEL;TYPE=CELL:+86 138 0013 8000',
      'TEL;TYPE=WORK:010-1234 5678',
      'EMAIL;TYPE=INTERNET:zhang.wei@huaxin.cn',
      'NOTE:第一行\\n第二行\\, 含逗号',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Smith;John;;;',
      'ORG:Acme\\, Inc.',
      'TEL;VALUE=uri;TYPE=cell:tel:+1-555-010-0100',
      'EMAIL:john@acme.example',
      'NOTE:A very long note that was',
      '  folded by the exporter',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:No End',
    ].join('\r\n');
    const cards = parseVCards(text);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toMatchObject({
      name: '张伟',
      org: '华信科技有限公司',
      title: '销售经理',
      phone: '+86 138 0013 8000',
      email: 'zhang.wei@huaxin.cn',
      note: '第一行\n第二行, 含逗号',
      closed: true,
    });
    expect(cards[1]).toMatchObject({
      name: 'John Smith',
      org: 'Acme, Inc.',
      phone: '+1-555-010-0100',
      note: 'A very long note that was folded by the exporter',
    });
    expect(cards[2]).toMatchObject({ name: 'No End', closed: false });
  });

  it('builds Chinese names from N family-first without a space', () => {
    expect(parseVCards('BEGIN:VCARD\nN:王;小明;;;\nEND:VCARD\n')[0]!.name).toBe('王小明');
  });
});
