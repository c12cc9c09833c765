/**
 * What the global search indexes: per record type, its table, its FTS4 table (004-search.sql), the
 * columns that make its "title" (names, numbers: ranked first) and "body" (emails, phones, addresses…),
 * and how a result is shown (title and a subtitle that tells same-named records apart).
 *
 * One FTS table per record type rather than one for all: results are grouped by type with a count each,
 * and per-table queries give both without sorting every match by type (a common word matches ~10⁵
 * customers). The FTS docid is the record's id.
 */
import type { SqlValue } from 'sql.js';
import { indexTerms, phoneTerms } from './tokens';

export const SEARCH_ENTITIES = [
  'customer',
  'contact',
  'lead',
  'opportunity',
  'product',
  'order',
  'contract',
  'case',
  'article',
  'campaign',
] as const;
export type SearchEntity = (typeof SEARCH_ENTITIES)[number];

export interface SearchSource {
  entity: SearchEntity;
  table: string;
  /** The FTS4 table; created by migration 004, named `search_<table>`. */
  fts: string;
  /** Columns whose terms go in the FTS `title` column. */
  title: readonly string[];
  /** Columns whose terms go in the FTS `body` column. */
  body: readonly string[];
  /** Body columns holding phone numbers (also indexed as digits: tokens.ts). */
  phones: readonly string[];
  /**
   * Title and subtitle of the rows `WHERE x.id IN (…)`: selects id, title, subtitle from alias `x`.
   * The `{ids}` placeholder is replaced by bound parameters only.
   */
  display: string;
}

const source = (
  entity: SearchEntity,
  table: string,
  title: readonly string[],
  body: readonly string[],
  phones: readonly string[],
  display: string,
): SearchSource => ({ entity, table, fts: `search_${table}`, title, body, phones, display });

const customerName = '(SELECT c.name FROM customers c WHERE c.id = x.customer_id)';

export const SEARCH_SOURCES: readonly SearchSource[] = [
  // Not the address or industry: at 1,000,000 customers their bigrams alone add ~250 MiB to a database
  // that must fit sql.js's 2 GiB heap (see search-index.ts); industry is a list filter anyway.
  source(
    'customer',
    'customers',
    ['name'],
    ['email', 'phone'],
    ['phone'],
    `SELECT x.id, x.name, trim(x.industry || ' · ' || CASE WHEN x.email <> '' THEN x.email ELSE x.phone END, ' ·')
     FROM customers x WHERE x.id IN ({ids})`,
  ),
  source(
    'contact',
    'contacts',
    ['name'],
    ['email', 'phone', 'title'],
    ['phone'],
    `SELECT x.id, x.name, trim(${customerName} || ' · ' || CASE WHEN x.email <> '' THEN x.email ELSE x.phone END, ' ·')
     FROM contacts x WHERE x.id IN ({ids})`,
  ),
  source(
    'lead',
    'leads',
    ['name', 'company'],
    ['email', 'phone'],
    ['phone'],
    `SELECT x.id, x.name, trim(x.company || ' · ' || CASE WHEN x.email <> '' THEN x.email ELSE x.phone END, ' ·')
     FROM leads x WHERE x.id IN ({ids})`,
  ),
  source(
    'opportunity',
    'opportunities',
    ['name'],
    [],
    [],
    `SELECT x.id, x.name, ${customerName} FROM opportunities x WHERE x.id IN ({ids})`,
  ),
  source(
    'product',
    'products',
    ['code', 'name'],
    [],
    [],
    `SELECT x.id, x.name, x.code FROM products x WHERE x.id IN ({ids})`,
  ),
  source(
    'order',
    'orders',
    ['order_no'],
    [],
    [],
    `SELECT x.id, coalesce(x.order_no, '#' || x.id), trim(${customerName} || ' · ' || x.order_date, ' ·')
     FROM orders x WHERE x.id IN ({ids})`,
  ),
  source(
    'contract',
    'contracts',
    ['contract_no', 'title'],
    [],
    [],
    `SELECT x.id, CASE WHEN x.title <> '' THEN x.title ELSE coalesce(x.contract_no, '#' || x.id) END,
            trim(coalesce(x.contract_no, '') || ' · ' || coalesce(${customerName}, ''), ' ·')
     FROM contracts x WHERE x.id IN ({ids})`,
  ),
  source(
    'case',
    'cases',
    ['subject'],
    [],
    [],
    `SELECT x.id, x.subject, ${customerName} FROM cases x WHERE x.id IN ({ids})`,
  ),
  source(
    'article',
    'knowledge_articles',
    ['title'],
    ['body', 'tags'],
    [],
    `SELECT x.id, x.title, x.category FROM knowledge_articles x WHERE x.id IN ({ids})`,
  ),
  source(
    'campaign',
    'campaigns',
    ['name'],
    [],
    [],
    `SELECT x.id, x.name, x.location FROM campaigns x WHERE x.id IN ({ids})`,
  ),
];

export const SOURCE_BY_TABLE: ReadonlyMap<string, SearchSource> = new Map(
  SEARCH_SOURCES.map((s) => [s.table, s]),
);
export const SOURCE_BY_ENTITY: ReadonlyMap<SearchEntity, SearchSource> = new Map(
  SEARCH_SOURCES.map((s) => [s.entity, s]),
);

const text = (value: SqlValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/**
 * The FTS `title` and `body` of a row whose values come by column name (`get`): the terms of every
 * title column, then of every body column plus the phone digits.
 */
export function documentOf(
  source: SearchSource,
  get: (column: string) => SqlValue | undefined,
): [string, string] {
  let title = '';
  for (const column of source.title) {
    const terms = indexTerms(text(get(column)));
    if (terms) title = title ? `${title} ${terms}` : terms;
  }
  let body = '';
  for (const column of source.body) {
    const terms = indexTerms(text(get(column)));
    if (terms) body = body ? `${body} ${terms}` : terms;
  }
  for (const column of source.phones) {
    const terms = phoneTerms(text(get(column)));
    if (terms) body = body ? `${body} ${terms}` : terms;
  }
  return [title, body];
}
