/**
 * For each record type: the table and columns an import writes, with the schema's defaults, and the
 * prepared statements that insert, partially update, snapshot and restore a row. Column names are fixed
 * here (never from the file), quoted through `quoteIdentifier` like all SQL text that is not bound.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import { quoteIdentifier } from '../../sql-text';
import type { ImportRecordType } from './api';

export interface TableSpec {
  table: 'customers' | 'contacts' | 'leads' | 'products' | 'orders';
  /** Columns an import may set, with the value an insert uses when the file has none. */
  columns: Record<string, SqlValue>;
}

export const TABLES: Record<ImportRecordType, TableSpec> = {
  customers: {
    table: 'customers',
    columns: {
      kind: 'company',
      name: '',
      stage: 'prospect',
      owner_id: null,
      industry: '',
      address: '',
      phone: '',
      email: '',
      notes: '',
    },
  },
  contacts: {
    table: 'contacts',
    columns: { customer_id: null, name: '', title: '', phone: '', email: '', notes: '' },
  },
  leads: {
    table: 'leads',
    columns: {
      name: '',
      company: '',
      title: '',
      phone: '',
      email: '',
      source: 'other',
      status: 'new',
      score: 0,
      owner_id: null,
      follow_up_on: null,
      notes: '',
    },
  },
  products: {
    table: 'products',
    columns: {
      code: '',
      name: '',
      category: '',
      unit: '',
      description: '',
      price_minor: 0,
      cost_minor: 0,
      stock: 0,
      active: 1,
    },
  },
  orders: {
    table: 'orders',
    columns: {
      order_no: null,
      customer_id: null,
      order_date: '',
      status: 'confirmed',
      currency: 'CNY',
      total_minor: 0,
      owner_id: null,
      notes: '',
    },
  },
};

/** Delete order for undo: children before the customers they belong to. */
export const UNDO_ORDER: readonly TableSpec['table'][] = [
  'contacts',
  'orders',
  'leads',
  'products',
  'customers',
];

const q = quoteIdentifier;

/** Prepared statements for one table, reused for every row of an import; `free()` when done. */
export class TableStatements {
  readonly names: string[];
  private readonly insertStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly snapshotStmt: Statement;
  private restoreStmt: Statement | null = null;

  constructor(
    private readonly db: Database,
    readonly spec: TableSpec,
  ) {
    this.names = Object.keys(spec.columns);
    const table = q(spec.table);
    const all = [...this.names, 'created_at', 'updated_at'];
    this.insertStmt = db.prepare(
      `INSERT INTO ${table} (${all.map(q).join(', ')}) VALUES (${all.map(() => '?').join(', ')}) RETURNING id`,
    );
    // coalesce: a column the file did not provide (bound as NULL) keeps its value.
    this.updateStmt = db.prepare(
      `UPDATE ${table} SET ${this.names.map((c) => `${q(c)} = coalesce(?, ${q(c)})`).join(', ')}, updated_at = ? WHERE id = ?`,
    );
    this.snapshotStmt = db.prepare(
      `SELECT ${[...this.names, 'updated_at'].map(q).join(', ')} FROM ${table} WHERE id = ?`,
    );
  }

  insert(values: Record<string, SqlValue>, now: string): number {
    const row = this.names.map((name) => values[name] ?? this.spec.columns[name] ?? null);
    const stmt = this.insertStmt;
    try {
      stmt.bind([...row, now, now]);
      stmt.step();
      return Number(stmt.get()[0]);
    } finally {
      stmt.reset();
    }
  }

  update(id: number, values: Record<string, SqlValue>, now: string): void {
    this.updateStmt.run([...this.names.map((name) => values[name] ?? null), now, id]);
  }

  /** The row's current values as JSON (for undo), or null when it does not exist. */
  snapshot(id: number): string | null {
    const stmt = this.snapshotStmt;
    try {
      stmt.bind([id]);
      if (!stmt.step()) return null;
      return JSON.stringify(stmt.getAsObject());
    } finally {
      stmt.reset();
    }
  }

  /** Puts back a {@link snapshot}; false when the row is gone. */
  restore(id: number, snapshot: string): boolean {
    const image = JSON.parse(snapshot) as Record<string, SqlValue>;
    const columns = [...this.names, 'updated_at'];
    this.restoreStmt ??= this.db.prepare(
      `UPDATE ${q(this.spec.table)} SET ${columns.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`,
    );
    this.restoreStmt.run([...columns.map((c) => image[c] ?? null), id]);
    return this.db.getRowsModified() > 0;
  }

  free(): void {
    for (const stmt of [this.insertStmt, this.updateStmt, this.snapshotStmt, this.restoreStmt]) stmt?.free();
  }
}
