/**
 * The audit log's writer: after every write, whatever code made it (forms, imports, bulk edits, the SQL
 * console, undo, merges), one `audit_log` row per changed record — who (the tab's chosen user), when, and
 * for an update only the fields that changed with their values before and after. It runs inside the
 * write's transaction (EngineOptions.derived), so the audit rows are logged, synced and undone with it.
 *
 * Inserts are recorded without images (the row itself is the "after"); deletes keep the whole row so the
 * history outlives it and an undo can bring it back.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Change } from '../../persistence/idb-store';
import type { BeforeImages, DerivedState } from '../../persistence/types';

/** The business records whose history users read; bookkeeping tables (imports, backups, the log) are not. */
export const AUDITED_TABLES: ReadonlySet<string> = new Set([
  'users',
  'customers',
  'contacts',
  'leads',
  'opportunities',
  'pipeline_stages',
  'products',
  'orders',
  'order_lines',
  'contracts',
  'cases',
  'knowledge_articles',
  'campaigns',
  'campaign_members',
  'case_articles',
  'activities',
  'customer_relationships',
  'custom_field_values',
  'custom_field_definitions',
  'saved_views',
]);

/** Bookkeeping columns whose change alone is not worth a history line. */
const UNTRACKED_COLUMNS = new Set(['updated_at']);

type Image = Record<string, SqlValue>;

function parse(json: string | null): Image | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Image) : null;
  } catch {
    return null;
  }
}

/** The fields that differ between two images of a row, as `[before, after]` subsets; null when none do. */
export function changedFields(before: Image, after: Image): [Image, Image] | null {
  const was: Image = {};
  const now: Image = {};
  for (const key of Object.keys(after)) {
    if (UNTRACKED_COLUMNS.has(key) || key === 'id') continue;
    if (before[key] === after[key]) continue;
    was[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return Object.keys(now).length === 0 ? null : [was, now];
}

export function createAuditTrail(actorId: () => number | null, now: () => string): DerivedState {
  return {
    afterWrite(db: Database, changes: readonly Change[], before: BeforeImages): void {
      // A row updated several times in one write gets one line: first image before, last image after.
      const lastUpdate = new Map<string, number>();
      changes.forEach(([table, op, id], index) => {
        if (op === 'u' && AUDITED_TABLES.has(table)) lastUpdate.set(`${table}\u0000${id}`, index);
      });
      const rows: SqlValue[][] = [];
      const at = now();
      const user = actorId();
      changes.forEach(([table, op, id, row], index) => {
        if (!AUDITED_TABLES.has(table)) return;
        if (op === 'i') rows.push([user, at, table, id, 'insert', null, null]);
        else if (op === 'd') rows.push([user, at, table, id, 'delete', row, null]);
        else if (lastUpdate.get(`${table}\u0000${id}`) === index) {
          // No "before" means the row was inserted earlier in this same write: its insert line says it all.
          const was = parse(before(table, id));
          if (!was) return;
          const is = parse(row);
          if (!is) return;
          const diff = changedFields(was, is);
          if (diff)
            rows.push([user, at, table, id, 'update', JSON.stringify(diff[0]), JSON.stringify(diff[1])]);
        }
      });
      if (rows.length === 0) return;
      const insert = db.prepare(
        `INSERT INTO audit_log (user_id, at, table_name, row_id, action, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      try {
        // A user deleted in this very write cannot be named (foreign key): the line is kept without them.
        const userExists = user !== null && db.exec('SELECT 1 FROM users WHERE id = ?', [user]).length > 0;
        for (const values of rows) {
          if (!userExists) values[0] = null;
          insert.run(values);
        }
      } finally {
        insert.free();
      }
    },
  };
}
