/**
 * Lookups against the database for an import: the customer a contact or order belongs to, the owner,
 * and existing records a row duplicates. Used by the report (inside a read) and by the import itself
 * (inside the write, so what is written matches the data at that moment). Existing records are read in
 * batches of values before the rows are processed, so 100,000 rows cost a few hundred queries, not
 * 100,000; a file usually names far fewer customers than it has rows.
 */
import type { Database, SqlValue } from 'sql.js';
import type { DuplicateMatch, ImportRecordType } from './api';

type MatchKind = DuplicateMatch['matchedBy'];

export interface DuplicateKey {
  kind: MatchKind;
  key: string;
}

const normalizeName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const phoneDigits = (phone: string) => phone.replace(/\D/g, '');
const looksLikeEmail = (text: string) => text.includes('@');

/** Keys by which a row is the same record as another, strongest first. */
export function duplicateKeys(
  recordType: ImportRecordType,
  values: Record<string, SqlValue>,
): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  const text = (column: string) => (typeof values[column] === 'string' ? (values[column] as string) : '');
  switch (recordType) {
    case 'customers': {
      if (text('email')) keys.push({ kind: 'email', key: text('email').toLowerCase() });
      const digits = phoneDigits(text('phone'));
      if (digits.length >= 5) keys.push({ kind: 'phone', key: digits });
      if (text('name')) keys.push({ kind: 'name', key: normalizeName(text('name')) });
      break;
    }
    case 'contacts':
    case 'leads':
      if (text('email')) keys.push({ kind: 'email', key: text('email').toLowerCase() });
      break;
    case 'products':
      if (text('code')) keys.push({ kind: 'code', key: text('code').toLowerCase() });
      break;
    case 'orders':
      if (text('order_no')) keys.push({ kind: 'order_no', key: text('order_no') });
      break;
  }
  return keys;
}

/**
 * Batched lookups of existing records by key, per record type and key kind: `?` is a JSON array of
 * values. The partial indexes of 002-imports.sql serve the email ones.
 */
const EXISTING_SQL: Partial<
  Record<ImportRecordType, Partial<Record<MatchKind, { column: string; sql: string }>>>
> = {
  customers: {
    email: {
      column: 'email',
      sql: "SELECT id, email AS k FROM customers WHERE email IN (SELECT value FROM json_each(?)) AND email <> '' ORDER BY id",
    },
    name: {
      column: 'name',
      sql: 'SELECT id, name AS k FROM customers WHERE name IN (SELECT value FROM json_each(?)) ORDER BY id',
    },
  },
  contacts: {
    email: {
      column: 'email',
      sql: "SELECT id, email AS k FROM contacts WHERE email IN (SELECT value FROM json_each(?)) AND email <> '' ORDER BY id",
    },
  },
  leads: {
    email: {
      column: 'email',
      sql: "SELECT id, email AS k FROM leads WHERE email IN (SELECT value FROM json_each(?)) AND email <> '' ORDER BY id",
    },
  },
  products: {
    code: {
      column: 'code',
      sql: 'SELECT id, code AS k FROM products WHERE code IN (SELECT value FROM json_each(?))',
    },
  },
  orders: {
    order_no: {
      column: 'order_no',
      sql: 'SELECT id, order_no AS k FROM orders WHERE order_no IN (SELECT value FROM json_each(?))',
    },
  },
};

const CUSTOMER_BY_NAME =
  'SELECT id, name AS k FROM customers WHERE name IN (SELECT value FROM json_each(?)) ORDER BY id';
const CUSTOMER_BY_EMAIL =
  "SELECT id, email AS k FROM customers WHERE email IN (SELECT value FROM json_each(?)) AND email <> '' ORDER BY id";

/** Values per query: one statement per 500 rows instead of one per row (sql.js calls cost ~10 µs each). */
const BATCH = 500;

/** How a stored value becomes a map key for `kind` (the same normalisation as {@link duplicateKeys}). */
function keyOf(kind: MatchKind, value: string): string {
  if (kind === 'name') return normalizeName(value);
  if (kind === 'order_no') return value;
  return value.toLowerCase();
}

export class Resolver {
  private readonly customers = new Map<string, number | null>();
  private readonly owners = new Map<string, number | null>();
  private customerPhones: Map<string, number> | null = null;
  /** Existing records by `${kind}:${key}`, read in batches by {@link prefetch}. */
  private readonly existing = new Map<string, number>();
  /** Keys of rows seen earlier in this import → their row number and (when written) id. */
  private readonly earlier = new Map<string, { row: number; id: number | null }>();

  constructor(
    private readonly db: Database,
    private readonly recordType: ImportRecordType,
  ) {}

  /** Runs `sql` for `values` in batches; `onRow(id, k)` per result, oldest id first within a batch. */
  private batched(sql: string, values: Iterable<string>, onRow: (id: number, k: string) => void): void {
    const all = [...new Set(values)];
    if (all.length === 0) return;
    const stmt = this.db.prepare(sql);
    try {
      for (let start = 0; start < all.length; start += BATCH) {
        stmt.bind([JSON.stringify(all.slice(start, start + BATCH))]);
        while (stmt.step()) {
          const [id, k] = stmt.get();
          onRow(Number(id), String(k));
        }
        stmt.reset();
      }
    } finally {
      stmt.free();
    }
  }

  /** Reads every existing record and customer the rows refer to, in a few batched queries. */
  prefetch(rows: readonly { values: Record<string, SqlValue>; customerRef: string }[]): void {
    for (const [kind, lookup] of Object.entries(EXISTING_SQL[this.recordType] ?? {}) as [
      MatchKind,
      { column: string; sql: string },
    ][]) {
      const values = rows.flatMap((row) => {
        const value = row.values[lookup.column];
        return typeof value === 'string' && value !== '' ? [value] : [];
      });
      this.batched(lookup.sql, values, (id, k) => {
        const key = `${kind}:${keyOf(kind, k)}`;
        if (!this.existing.has(key)) this.existing.set(key, id);
      });
    }
    const refs = rows.flatMap((row) => (row.customerRef.trim() === '' ? [] : [row.customerRef.trim()]));
    if (refs.length === 0) return;
    const byName = new Map<string, number>();
    const byEmail = new Map<string, number>();
    this.batched(CUSTOMER_BY_NAME, refs, (id, k) => {
      if (!byName.has(normalizeName(k))) byName.set(normalizeName(k), id);
    });
    this.batched(CUSTOMER_BY_EMAIL, refs.filter(looksLikeEmail), (id, k) => {
      if (!byEmail.has(k.toLowerCase())) byEmail.set(k.toLowerCase(), id);
    });
    for (const ref of refs) {
      const key = normalizeName(ref);
      if (!this.customers.has(key)) {
        this.customers.set(key, byName.get(key) ?? byEmail.get(ref.toLowerCase()) ?? null);
      }
    }
  }

  /** A customer by name, or by email when the text is one (case-insensitive; oldest first). */
  customerId(ref: string): number | null {
    const key = normalizeName(ref);
    if (!this.customers.has(key)) this.prefetch([{ values: {}, customerRef: ref }]);
    return this.customers.get(key) ?? null;
  }

  /** Remembers a customer created by this import, so later rows naming it find it. */
  addCustomer(ref: string, id: number): void {
    this.customers.set(normalizeName(ref), id);
  }

  /** undefined when no owner was given; null when it names nobody. */
  ownerId(ref: string): number | null | undefined {
    if (ref === '') return undefined;
    const key = ref.trim().toLowerCase();
    if (!this.owners.has(key)) {
      // Users are few; one query per distinct owner name is cheap.
      const stmt = this.db.prepare(
        "SELECT id FROM users WHERE name = ? OR (email = ? AND email <> '') ORDER BY id LIMIT 1",
      );
      try {
        stmt.bind([ref.trim(), ref.trim()]);
        this.owners.set(key, stmt.step() ? Number(stmt.get()[0]) : null);
      } finally {
        stmt.free();
      }
    }
    return this.owners.get(key)!;
  }

  /** Customers by phone digits: stored phones keep the user's formatting, so they are read once. */
  private phones(): Map<string, number> {
    if (!this.customerPhones) {
      this.customerPhones = new Map();
      const stmt = this.db.prepare("SELECT id, phone FROM customers WHERE phone <> '' ORDER BY id");
      try {
        while (stmt.step()) {
          const [id, phone] = stmt.get();
          const digits = phoneDigits(String(phone));
          if (digits.length >= 5 && !this.customerPhones.has(digits))
            this.customerPhones.set(digits, Number(id));
        }
      } finally {
        stmt.free();
      }
    }
    return this.customerPhones;
  }

  /** The existing record or earlier row this row duplicates, if any (after {@link prefetch}). */
  findDuplicate(
    keys: readonly DuplicateKey[],
  ): { kind: MatchKind; existingId: number | null; earlierRow: number | null } | null {
    for (const { kind, key } of keys) {
      const id =
        this.recordType === 'customers' && kind === 'phone'
          ? (this.phones().get(key) ?? null)
          : (this.existing.get(`${kind}:${key}`) ?? null);
      if (id !== null) return { kind, existingId: id, earlierRow: null };
      const earlier = this.earlier.get(`${kind}:${key}`);
      if (earlier)
        return { kind, existingId: earlier.id, earlierRow: earlier.id === null ? earlier.row : null };
    }
    return null;
  }

  /** Registers a row's keys (with its id once written) so later rows of the file find it. */
  remember(keys: readonly DuplicateKey[], row: number, id: number | null): void {
    for (const { kind, key } of keys) {
      const name = `${kind}:${key}`;
      if (!this.earlier.has(name)) this.earlier.set(name, { row, id });
    }
  }
}
