/** The generic record API's implementation (see api.ts). */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { entityDef, REFERENCE_TARGETS } from '../../entities/definitions';
import { FacetTable } from '../../entities/facets';
import {
  countRecords,
  groupRecords,
  listRecords,
  recordIdsInOrder,
  recordsByIds,
} from '../../entities/query';
import {
  createRecord,
  definitionWithCustomFields,
  deleteRecords,
  getRecord,
  updateRecord,
} from '../../entities/records';
import type { EntityDef, EntityName } from '../../entities/types';
import { CountCache } from '../../repositories/customers';
import { all, one, run } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import { guard, nowIso, runtime } from '../../runtime';
import { requirePermission } from '../../permission-checks';
import type { RecordsApi, Selection } from './api';
import { listCustomFields, saveCustomField } from './custom-fields';
import { listSavedViews, saveView } from './saved-views';

const counts = new CountCache();

/**
 * The customer table's facet columns (entities/facets.ts): groups of the list are answered from them once
 * they are read, from SQL until then. Kept in step as one of the engine's derived states (db.worker.ts).
 */
export const customerFacets = new FacetTable(entityDef('customer'), ['industry', 'segment']);
let warming = false;

/** Reads the facet columns a chunk at a time, letting the worker answer other requests in between. */
export async function warmFacets(): Promise<void> {
  if (warming) return;
  warming = true;
  try {
    for (;;) {
      const engine = runtime.engine;
      if (!engine || (await engine.read((db) => customerFacets.buildStep(db)))) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (error) {
    // Only an accelerator: groups keep coming from SQL. Tried again on the next group request.
    console.warn('facet columns not read:', error);
  } finally {
    warming = false;
  }
}
/** Bulk edits this tab can still undo: the changed columns' previous values per record (kept in memory). */
const bulkUndo = new Map<
  string,
  { table: string; rows: { id: number; before: Record<string, SqlValue> }[] }
>();
const MAX_UNDO_ENTRIES = 20;

function defFor(db: Database, entity: EntityName): EntityDef {
  try {
    return definitionWithCustomFields(db, entity);
  } catch {
    throw new DomainError('validation', `Unknown record type ${String(entity)}.`);
  }
}

export function selectedIds(db: Database, def: EntityDef, selection: Selection): number[] {
  if (selection && 'ids' in selection && Array.isArray(selection.ids))
    return selection.ids.filter((id) => Number.isSafeInteger(id) && id > 0);
  if (selection && 'filter' in selection)
    return recordIdsInOrder(db, def, {
      ...selection.filter,
      entity: def.entity,
      sort: def.defaultSort,
    });
  throw new DomainError('validation', 'Nothing selected.');
}

/** The definition for a write: users are edited by admins only (permissions.ts). */
function writableDef(db: Database, entity: EntityName): EntityDef {
  if (entity === 'user') requirePermission(db, runtime.actorId, 'users.edit');
  return defFor(db, entity);
}

function found<T>(value: T | null, entity: string, id: number): T {
  if (value === null) throw new DomainError('not_found', `${entity} ${id} does not exist.`);
  return value;
}

export const recordsHandlers: RecordsApi = {
  recordDefinition: (entity) => guard((e) => e.read((db) => defFor(db, entity))),

  listRecords: (query) =>
    guard((e) => e.read((db) => listRecords(db, defFor(db, query?.entity), query, counts.at(e.seq)))),

  groupRecords: (entity, filter, groupBy) =>
    guard((e) =>
      e.read((db) => {
        const facets = entity === 'customer' ? customerFacets : undefined;
        if (facets && !facets.ready(db)) void warmFacets();
        return groupRecords(db, defFor(db, entity), filter ?? {}, groupBy, undefined, facets);
      }),
    ),

  getRecord: (entity, id) =>
    guard((e) => e.read((db) => found(getRecord(db, defFor(db, entity), id), entity, id))),

  createRecord: (entity, input) =>
    guard((e) =>
      e.write((db) => {
        const def = writableDef(db, entity);
        return getRecord(db, def, createRecord(db, def, input, nowIso()))!;
      }),
    ),

  updateRecord: (entity, id, input, options) =>
    guard((e) =>
      e.write((db) => {
        const def = writableDef(db, entity);
        updateRecord(db, def, id, input, nowIso(), options?.partial === true);
        return getRecord(db, def, id)!;
      }),
    ),

  bulkUpdateRecords: (entity, selection, patch) =>
    guard(async (e) => {
      const { value } = await e.write((db) => {
        const def = writableDef(db, entity);
        const ids = selectedIds(db, def, selection);
        if (ids.length === 0) throw new DomainError('validation', 'Nothing selected.');
        if (!patch || Object.keys(patch).length === 0)
          throw new DomainError('validation', 'Choose a field to change.');
        const now = nowIso();
        const rows: { id: number; before: Record<string, SqlValue> }[] = [];
        for (const id of ids) {
          const before = one(db, `SELECT * FROM ${quoteIdentifier(def.table)} WHERE id = ?`, [id]);
          if (!before) continue;
          updateRecord(db, def, id, patch, now, true);
          rows.push({ id, before });
        }
        return { table: def.table, rows };
      });
      const undoToken = crypto.randomUUID();
      bulkUndo.set(undoToken, value);
      if (bulkUndo.size > MAX_UNDO_ENTRIES) bulkUndo.delete(bulkUndo.keys().next().value!);
      return { updated: value.rows.length, undoToken };
    }),

  undoBulkUpdate: (undoToken) =>
    guard(async (e) => {
      const entry = bulkUndo.get(undoToken);
      if (!entry) throw new DomainError('nothing_to_undo', 'That bulk edit can no longer be undone.');
      const written = await e.write(
        (db) => {
          let restored = 0;
          for (const { id, before } of entry.rows) {
            const now = one(db, `SELECT * FROM ${quoteIdentifier(entry.table)} WHERE id = ?`, [id]);
            if (!now) continue; // deleted since: nothing to put back
            const columns = Object.keys(before).filter((c) => c !== 'id' && before[c] !== now[c]);
            if (columns.length === 0) continue;
            run(
              db,
              `UPDATE ${quoteIdentifier(entry.table)} SET ${columns.map((c) => `${quoteIdentifier(c)} = ?`).join(', ')} WHERE id = ?`,
              [...columns.map((c) => before[c] ?? null), id],
            );
            restored++;
          }
          return restored;
        },
        { restoring: true },
      );
      bulkUndo.delete(undoToken);
      return written;
    }),

  deleteRecords: (entity, selection) =>
    guard(async (e) => {
      const { value: removedRows, seq } = await e.write((db) => {
        const def = writableDef(db, entity);
        return deleteRecords(db, def, selectedIds(db, def, selection));
      });
      return { undoSeq: seq, removedRows };
    }),

  recordOptions: (entity, text, limit = 20) =>
    guard((e) =>
      e.read((db) => {
        const target = Object.hasOwn(REFERENCE_TARGETS, entity) ? REFERENCE_TARGETS[entity] : undefined;
        if (!target) throw new DomainError('validation', `Unknown record type ${String(entity)}.`);
        const pattern = `%${String(text ?? '')
          .trim()
          .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        const title = quoteIdentifier(target.title);
        const code = entity === 'stage' ? ', code' : '';
        // Stages keep their pipeline order; everything else is alphabetical.
        const order = entity === 'stage' ? 'position' : title;
        return all(
          db,
          `SELECT id, ${title} AS label${code} FROM ${quoteIdentifier(target.table)}
           WHERE coalesce(${title}, '') LIKE ? ESCAPE '\\' ORDER BY ${order}, id LIMIT ?`,
          [pattern, Math.min(100, Math.max(1, Math.floor(limit)))],
        ).map((row) => ({
          id: Number(row.id),
          label: row.label === null ? `#${Number(row.id)}` : String(row.label),
          ...(entity === 'stage' ? { code: row.code === null ? null : String(row.code) } : {}),
        }));
      }),
    ),

  listSavedViews: (entity) => guard((e) => e.read((db) => listSavedViews(db, entity, runtime.actorId))),
  saveView: (input) => guard((e) => e.write((db) => saveView(db, input, runtime.actorId, nowIso()))),
  deleteSavedView: (id) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => {
        if (run(db, 'DELETE FROM saved_views WHERE id = ?', [id]) === 0)
          throw new DomainError('not_found', `View ${id} does not exist.`);
      });
      return { undoSeq: seq, removedRows: 1 };
    }),

  listCustomFields: (entity) => guard((e) => e.read((db) => listCustomFields(db, entity))),
  saveCustomField: (input) => guard((e) => e.write((db) => saveCustomField(db, input, nowIso()))),
  deleteCustomField: (id) =>
    guard(async (e) => {
      const { value: removedRows, seq } = await e.write((db) => {
        const values = Number(
          one(db, 'SELECT count(*) AS n FROM custom_field_values WHERE definition_id = ?', [id])?.n ?? 0,
        );
        if (run(db, 'DELETE FROM custom_field_definitions WHERE id = ?', [id]) === 0)
          throw new DomainError('not_found', `Custom field ${id} does not exist.`);
        return values + 1;
      });
      return { undoSeq: seq, removedRows };
    }),
};

// Exposed for the customer list, which keeps its own index-tuned pages but shares conditions and groups.
export { countRecords, entityDef, recordsByIds };
