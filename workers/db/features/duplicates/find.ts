/**
 * Finding likely duplicate customers or contacts in one pass per reason, sized for 1,000,000 customers:
 * emails and phones are grouped by SQLite itself (emails through idx_customers_email, whose NOCASE
 * collation already folds case; phones by a digits expression), names are folded in JavaScript over a
 * scan of (id, name, scope) because width folding and legal forms are beyond SQL. Groups are listed newest
 * first (the highest member id), so what was just imported or typed in shows at the top.
 */
import type { Database, Statement } from 'sql.js';
import { DomainError } from '../../errors';
import { quoteIdentifier } from '../../sql-text';
import type {
  DuplicateEntity,
  DuplicateGroup,
  DuplicateMember,
  DuplicateProgress,
  DuplicateReason,
  DuplicateScan,
} from './api';
import { DUPLICATE_ENTITIES } from './api';
import { dropCountryCodeSql, emailDomain, normalizeName, stripPhoneSql, withinOneEdit } from './normalize';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const MEMBERS_SHOWN = 20;
/** Names are compared one edit apart only inside scopes this small (a free-mail domain is not a company). */
const SIMILAR_SCOPE_MAX = 50;
const MIN_SIMILAR_LENGTH = 4;
const PROGRESS_EVERY = 100_000;

interface Found {
  reason: DuplicateReason;
  value: string;
  ids: number[];
}

export function checkEntity(entity: unknown): DuplicateEntity {
  if (!(DUPLICATE_ENTITIES as readonly unknown[]).includes(entity))
    throw new DomainError(
      'merge_invalid',
      `duplicates are looked for among customers or contacts, not "${String(entity)}"`,
    );
  return entity as DuplicateEntity;
}

export const tableOf = (entity: DuplicateEntity) =>
  quoteIdentifier(entity === 'customer' ? 'customers' : 'contacts');

function eachRow(statement: Statement, visit: (row: (string | number | null)[]) => void): void {
  try {
    while (statement.step()) visit(statement.get() as (string | number | null)[]);
  } finally {
    statement.free();
  }
}

const parseIds = (list: unknown) => String(list).split(',').map(Number);

function groupedBySql(db: Database, sql: string, reason: DuplicateReason, out: Found[]): void {
  eachRow(db.prepare(sql), ([value, ids]) => out.push({ reason, value: String(value), ids: parseIds(ids) }));
}

function byEmail(db: Database, entity: DuplicateEntity, out: Found[]): void {
  groupedBySql(
    db,
    `SELECT lower(trim(email)) AS normalized, group_concat(id) FROM ${tableOf(entity)} WHERE email <> ''
      GROUP BY normalized HAVING count(*) > 1`,
    'email',
    out,
  );
}

function byPhone(db: Database, entity: DuplicateEntity, out: Found[]): void {
  // Materialised so the digits are computed once per row: the CASE names them five times, and a
  // flattened subquery would repeat the six replace() calls each time (measured 13 s → see report).
  groupedBySql(
    db,
    `WITH stripped AS MATERIALIZED (
       SELECT id, ${stripPhoneSql('phone')} AS digits FROM ${tableOf(entity)} WHERE phone <> '')
     SELECT ${dropCountryCodeSql('digits')} AS normalized, group_concat(id) FROM stripped
      GROUP BY normalized HAVING count(*) > 1 AND length(normalized) >= 5`,
    'phone',
    out,
  );
}

/**
 * Company names alone identify a company; a person's name does not (many people are called 王伟), so
 * person customers must also share an address, and contacts the customer they belong to.
 */
function byName(
  db: Database,
  entity: DuplicateEntity,
  out: Found[],
  progress: (done: number) => void,
): number {
  const sql =
    entity === 'customer'
      ? `SELECT id, name, CASE kind WHEN 'company' THEN '' ELSE 'address:' || address END, email FROM customers`
      : `SELECT id, name, 'customer:' || customer_id, customer_id FROM contacts`;
  const sameName = new Map<string, number[]>();
  const similarScopes = new Map<string, { id: number; name: string }[]>();
  let scanned = 0;
  eachRow(db.prepare(sql), ([id, name, scope, similarKey]) => {
    scanned++;
    if (scanned % PROGRESS_EVERY === 0) progress(scanned);
    const folded = normalizeName(String(name));
    if (folded === '') return;
    const personWithoutAddress = scope === 'address:';
    if (!personWithoutAddress) {
      const key = `${String(scope)}\u0000${folded}`;
      const ids = sameName.get(key);
      if (ids) ids.push(Number(id));
      else sameName.set(key, [Number(id)]);
    }
    // One edit apart: among customers sharing an email domain, among one customer's contacts.
    const bucket = entity === 'customer' ? emailDomain(String(similarKey)) : String(similarKey);
    if (bucket === '' || [...folded].length < MIN_SIMILAR_LENGTH) return;
    const members = similarScopes.get(bucket);
    const member = { id: Number(id), name: folded };
    if (!members) similarScopes.set(bucket, [member]);
    else if (members.length <= SIMILAR_SCOPE_MAX) members.push(member);
  });
  for (const [key, ids] of sameName) {
    if (ids.length > 1) out.push({ reason: 'name', value: key.slice(key.indexOf('\u0000') + 1), ids });
  }
  for (const members of similarScopes.values()) {
    if (members.length < 2 || members.length > SIMILAR_SCOPE_MAX) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i]!, members[j]!];
        if (a.name !== b.name && withinOneEdit(a.name, b.name))
          out.push({ reason: 'similar_name', value: `${a.name} ≈ ${b.name}`, ids: [a.id, b.id] });
      }
    }
  }
  return scanned;
}

/** Groups with the same members (found by several reasons) become one group listing every reason. */
function combine(found: Found[]): Map<string, Found & { reasons: DuplicateReason[]; newest: number }> {
  const groups = new Map<string, Found & { reasons: DuplicateReason[]; newest: number }>();
  for (const item of found) {
    const ids = [...new Set(item.ids)].sort((a, b) => a - b);
    if (ids.length < 2) continue;
    const key = ids.join(',');
    const existing = groups.get(key);
    if (existing) {
      if (!existing.reasons.includes(item.reason)) existing.reasons.push(item.reason);
    } else {
      groups.set(key, { ...item, ids, reasons: [item.reason], newest: ids[ids.length - 1]! });
    }
  }
  return groups;
}

function readMembers(db: Database, entity: DuplicateEntity, ids: number[]): Map<number, DuplicateMember> {
  const sql =
    entity === 'customer'
      ? `SELECT id, name, email, phone, kind, created_at FROM customers WHERE id IN (SELECT value FROM json_each(?))`
      : `SELECT c.id, c.name, c.email, c.phone, p.name, c.created_at FROM contacts c
           JOIN customers p ON p.id = c.customer_id WHERE c.id IN (SELECT value FROM json_each(?))`;
  const members = new Map<number, DuplicateMember>();
  const statement = db.prepare(sql);
  statement.bind([JSON.stringify(ids)]);
  eachRow(statement, ([id, name, email, phone, detail, createdAt]) =>
    members.set(Number(id), {
      id: Number(id),
      name: String(name),
      email: String(email),
      phone: String(phone),
      detail: String(detail),
      createdAt: String(createdAt),
    }),
  );
  return members;
}

export function findDuplicates(
  db: Database,
  entity: unknown,
  options: { limit?: number } = {},
  onProgress?: (progress: DuplicateProgress) => void,
): DuplicateScan {
  const started = performance.now();
  const kind = checkEntity(entity);
  const limit = Math.min(
    Math.max(Math.trunc(Number(options.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT, 1),
    MAX_LIMIT,
  );
  const total = Number(db.exec(`SELECT count(*) FROM ${tableOf(kind)}`)[0]?.values[0]?.[0] ?? 0);
  const report = (phase: DuplicateProgress['phase'], done: number) => onProgress?.({ phase, done, total });
  const found: Found[] = [];
  report('email', 0);
  byEmail(db, kind, found);
  report('phone', 0);
  byPhone(db, kind, found);
  report('name', 0);
  const scanned = byName(db, kind, found, (done) => report('name', done));
  report('details', total);
  const groups = [...combine(found).values()].sort((a, b) => b.newest - a.newest);
  const shown = groups.slice(0, limit);
  const members = readMembers(
    db,
    kind,
    shown.flatMap((group) => group.ids.slice(0, MEMBERS_SHOWN)),
  );
  const result: DuplicateGroup[] = shown.map((group) => ({
    key: `${group.reasons.join('+')}:${group.ids.join(',')}`,
    reasons: group.reasons,
    value: group.value,
    size: group.ids.length,
    members: group.ids
      .slice(0, MEMBERS_SHOWN)
      .map((id) => members.get(id))
      .filter((member): member is DuplicateMember => member !== undefined),
  }));
  return { groups: result, totalGroups: groups.length, scanned, ms: Math.round(performance.now() - started) };
}
