import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../workers/db/migrations';
import { search } from '../../workers/db/features/search/query';
import { ensureSearchIndex, rebuildSearchIndex } from '../../workers/db/features/search/search-index';

let SQL: SqlJsStatic;
let db: Database;

beforeAll(async () => {
  SQL = await initSqlJs();
});

const insert = (sql: string, params: (string | number | null)[]) => {
  db.run(sql, params);
  return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
};
const customer = (name: string, extra: { email?: string; phone?: string; address?: string } = {}) =>
  insert('INSERT INTO customers (name, email, phone, address) VALUES (?, ?, ?, ?)', [
    name,
    extra.email ?? '',
    extra.phone ?? '',
    extra.address ?? '',
  ]);

/** Titles found per record type, in result order. */
function titles(query: string, options?: Parameters<typeof search>[2]): Record<string, string[]> {
  const result = search(db, query, options);
  return Object.fromEntries(result.groups.map((g) => [g.entity, g.hits.map((h) => h.title)]));
}
const customerTitles = (query: string) => titles(query).customer ?? [];

describe('global search over an indexed database', () => {
  beforeEach(() => {
    db = new SQL.Database();
    migrate(db);
    customer('张伟明', { email: 'zhang.wei88@163.com', phone: '138-0013-8000' });
    customer('北京某某科技有限公司', { email: 'info@moumou.cn' });
    customer('李伟', { phone: '(212) 555-0142' });
    customer('Zhang Consulting Group', { email: 'hello@zhangcg.com' });
    customer('ＡＢＣ全角贸易');
    rebuildSearchIndex(db);
  });

  it('finds Chinese text anywhere inside a name: 张伟 in 张伟明, 科技 in 北京某某科技有限公司', () => {
    expect(customerTitles('张伟')).toEqual(['张伟明']);
    expect(customerTitles('科技')).toEqual(['北京某某科技有限公司']);
    expect(customerTitles('某科技有限')).toEqual(['北京某某科技有限公司']);
    expect(customerTitles('伟明')).toEqual(['张伟明']);
    // Characters that are in the name but not next to each other do not match.
    expect(customerTitles('张明')).toEqual([]);
    expect(customerTitles('伟张')).toEqual([]);
  });

  it('finds one Chinese character at the start, middle or end of a name', () => {
    expect(customerTitles('伟').sort()).toEqual(['张伟明', '李伟'].sort());
    expect(customerTitles('明')).toEqual(['张伟明']);
    expect(customerTitles('司')).toEqual(['北京某某科技有限公司']);
  });

  it('lists records whose name matches before those that match only elsewhere (the email)', () => {
    const byName = customer('Beijing Trading');
    const byEmail = customer('Acme Travel', { email: 'sales@beijing-travel.cn' }); // newer
    expect(byEmail).toBeGreaterThan(byName);
    rebuildSearchIndex(db);
    expect(customerTitles('beijing')).toEqual(['Beijing Trading', 'Acme Travel']);
    // Addresses are not indexed (size: see search-index.ts); the address alone does not make a match.
    customer('上海某某贸易', { address: '北京市朝阳区' });
    rebuildSearchIndex(db);
    expect(customerTitles('朝阳')).toEqual([]);
  });

  it('matches Latin words by prefix and case-insensitively, every word must match', () => {
    // The name match first, then 张伟明 by the email zhang.wei88@…
    expect(customerTitles('zhang')).toEqual(['Zhang Consulting Group', '张伟明']);
    expect(customerTitles('CONSUL')).toEqual(['Zhang Consulting Group']);
    expect(customerTitles('zhang gro')).toEqual(['Zhang Consulting Group']);
    expect(customerTitles('zhang bank')).toEqual([]);
    // Full-width letters typed with a Chinese IME are the same letters.
    expect(customerTitles('abc')).toEqual(['ＡＢＣ全角贸易']);
  });

  it('finds an email by its parts: the name before the @, the provider, a fragment across the dot', () => {
    expect(customerTitles('zhang.wei88')).toEqual(['张伟明']);
    expect(customerTitles('wei88@163')).toEqual(['张伟明']);
    expect(customerTitles('zhangcg.com')).toEqual(['Zhang Consulting Group']);
  });

  it('finds a phone number typed without separators, by its start, or by its last four digits', () => {
    expect(customerTitles('13800138000')).toEqual(['张伟明']);
    expect(customerTitles('1380013')).toEqual(['张伟明']);
    expect(customerTitles('8000')).toEqual(['张伟明']);
    expect(customerTitles('138-0013')).toEqual(['张伟明']);
    expect(customerTitles('2125550142')).toEqual(['李伟']);
    expect(customerTitles('0142')).toEqual(['李伟']);
  });

  it('treats query syntax typed by the user as text and never throws', () => {
    for (const query of [
      '"',
      '""',
      '*',
      'AND',
      'OR NOT',
      '(',
      ')',
      'NEAR/3',
      '-',
      'a:b',
      '张"伟',
      '^',
      "'",
    ]) {
      expect(() => search(db, query), query).not.toThrow();
    }
    expect(search(db, '"').groups).toEqual([]);
    expect(search(db, '*').groups).toEqual([]);
    expect(customerTitles('"张伟"')).toEqual(['张伟明']);
    expect(customerTitles('zhang AND')).toEqual([]); // "and" is a word to find, not an operator
    expect(customerTitles('zhang OR xyz')).toEqual([]);
    expect(customerTitles('consulting*')).toEqual(['Zhang Consulting Group']);
  });

  it('returns nothing for a blank query and refuses a bad limit, type or overlong query with a clear error', () => {
    expect(search(db, '   ')).toEqual({ query: '   ', groups: [], total: 0, capped: false });
    expect(() => search(db, 'x'.repeat(201))).toThrow(/at most 200 characters/);
    expect(() => search(db, 'zhang', { limit: 0 })).toThrow(/1 to 200/);
    expect(() => search(db, 'zhang', { entities: ['planet' as never] })).toThrow(/not a searchable/);
  });

  it('groups results by record type with a count each, and limits the listed hits', () => {
    const contactOf = insert('INSERT INTO contacts (customer_id, name, email) VALUES (1, ?, ?)', [
      '王伟',
      'wang@moumou.cn',
    ]);
    insert('INSERT INTO leads (name, company) VALUES (?, ?)', ['刘强', '深圳伟业科技']);
    insert('INSERT INTO knowledge_articles (title, body, tags) VALUES (?, ?, \'["退货"]\')', [
      '如何处理退货',
      '客户张伟提出退货时……',
    ]);
    rebuildSearchIndex(db);
    const result = search(db, '伟', { limit: 1 });
    const byType = Object.fromEntries(result.groups.map((g) => [g.entity, g]));
    expect(byType.customer!.total).toBe(2);
    expect(byType.customer!.hits).toHaveLength(1);
    expect(byType.contact!.hits[0]).toMatchObject({ id: contactOf, title: '王伟' });
    expect(byType.contact!.hits[0]!.subtitle).toContain('张伟明'); // the contact's customer
    expect(byType.lead!.hits[0]!.title).toBe('刘强');
    expect(byType.article!.hits[0]!.title).toBe('如何处理退货');
    expect(result.total).toBe(5);
    expect(titles('退货', { entities: ['article'] })).toEqual({ article: ['如何处理退货'] });
    expect(search(db, '伟', { entities: ['customer'] }).groups.map((g) => g.entity)).toEqual(['customer']);
  });

  it('counts matches up to 1,000 per type and says there are more', () => {
    for (let i = 0; i < 1001; i++) customer(`测试${i}号门店`);
    rebuildSearchIndex(db);
    const [group] = search(db, '门店').groups;
    expect(group).toMatchObject({ entity: 'customer', total: 1000, capped: true });
    expect(group!.hits.map((hit) => hit.title)).toEqual(
      [1000, 999, 998, 997, 996].map((n) => `测试${n}号门店`),
    );
    expect(search(db, '999号')).toMatchObject({ total: 1, capped: false });
  });

  it('indexes a database upgraded from schema 3 when migrating (ensureSearchIndex)', () => {
    const old = new SQL.Database();
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    old.run("INSERT INTO customers (name) VALUES ('杭州云栖科技')");
    migrate(old);
    const previous = db;
    db = old;
    try {
      expect(customerTitles('云栖')).toEqual([]); // the migration creates the tables empty…
      ensureSearchIndex(db);
      expect(customerTitles('云栖')).toEqual(['杭州云栖科技']); // …and the worker fills them after it
    } finally {
      db = previous;
      old.close();
    }
  });
});
