import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyHandlers as api } from '../../workers/db/features/history/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { runtime } from '../../workers/db/runtime';
import { closeWorkspace, failure, insert, openAuditedWorkspace, value } from './history-setup';

let engine: PersistenceEngine;
let alice: number;
let bob: number;

const customerName = (id: number) =>
  engine.read((db) => db.exec('SELECT name, phone FROM customers WHERE id = ?', [id])[0]?.values[0] ?? null);

beforeEach(async () => {
  engine = await openAuditedWorkspace();
  alice = await insert(engine, 'INSERT INTO users (name) VALUES (?)', ['李娜']);
  bob = await insert(engine, 'INSERT INTO users (name) VALUES (?)', ['Bob']);
});

afterEach(() => closeWorkspace(engine));

async function createCustomer(name: string): Promise<number> {
  return insert(engine, 'INSERT INTO customers (name, phone) VALUES (?, ?)', [name, '010-1234567']);
}

const edit = (id: number, name: string) =>
  engine.write((db) => db.run("UPDATE customers SET name = ?, updated_at = 'x' WHERE id = ?", [name, id]));

describe('record history', () => {
  it('lists insert, updates and delete newest first, with who made each and the changed fields', async () => {
    runtime.actorId = alice;
    const id = await createCustomer('华信科技');
    runtime.actorId = bob;
    await edit(id, '华信科技有限公司');
    await engine.write((db) => db.run("UPDATE customers SET phone = '13800138000' WHERE id = ?", [id]));
    runtime.actorId = alice;
    await engine.write((db) => db.run('DELETE FROM customers WHERE id = ?', [id]));

    const { entries, more } = value(await api.recordHistory('customers', id));
    expect(more).toBe(false);
    expect(entries.map((e) => [e.action, e.userName])).toEqual([
      ['delete', '李娜'],
      ['update', 'Bob'],
      ['update', 'Bob'],
      ['insert', '李娜'],
    ]);
    // updated_at alone is bookkeeping: only the name shows for the rename.
    expect(entries[2]!.changes).toEqual([{ field: 'name', before: '华信科技', after: '华信科技有限公司' }]);
    expect(entries[1]!.changes).toEqual([{ field: 'phone', before: '010-1234567', after: '13800138000' }]);
    expect(entries[0]!.changes).toContainEqual({ field: 'name', before: '华信科技有限公司', after: null });
    expect(entries[0]!.at > entries[3]!.at).toBe(true);
  });

  it('pages through a long history without repeating or skipping entries', async () => {
    const id = await createCustomer('Acme');
    for (let i = 1; i <= 5; i++) await edit(id, `Acme ${i}`);
    const first = value(await api.recordHistory('customers', id, { limit: 4 }));
    expect(first.more).toBe(true);
    const rest = value(
      await api.recordHistory('customers', id, { limit: 4, before: first.entries.at(-1)!.id }),
    );
    expect(rest.more).toBe(false);
    const names = [...first.entries, ...rest.entries].map((e) => e.changes[0]?.after ?? e.action);
    expect(names).toEqual(['Acme 5', 'Acme 4', 'Acme 3', 'Acme 2', 'Acme 1', 'insert']);
  });

  it('refuses tables without a history and bad ids, naming the table', async () => {
    for (const table of ['audit_log', 'import_batches', 'customers; DROP TABLE users', 'nope']) {
      const refused = failure(await api.recordHistory(table, 1));
      expect(refused.code).toBe('history_unknown_table');
      expect(refused.message).toContain(table);
      expect(failure(await api.undoLastChange(table, 1)).code).toBe('history_unknown_table');
    }
    expect(failure(await api.recordHistory('customers', -3)).code).toBe('validation');
    expect(failure(await api.recordHistory('customers', 1.5)).code).toBe('validation');
  });

  it('undoes the last update, and the undo is itself recorded (undoing it again redoes)', async () => {
    const id = await createCustomer('Acme');
    await edit(id, 'Acme Ltd');
    await edit(id, 'Acme Limited');
    const undone = value(await api.undoLastChange('customers', id));
    expect(undone.value).toEqual({ action: 'update', fields: ['name'] });
    expect(await customerName(id)).toEqual(['Acme Ltd', '010-1234567']);
    const { entries } = value(await api.recordHistory('customers', id));
    expect(entries[0]!.changes).toEqual([{ field: 'name', before: 'Acme Limited', after: 'Acme Ltd' }]);
    value(await api.undoLastChange('customers', id));
    expect(await customerName(id)).toEqual(['Acme Limited', '010-1234567']);
  });

  it('undoes an insert by deleting the row (its contacts go with it) and a delete by restoring it', async () => {
    const id = await createCustomer('北方重工');
    const contact = await insert(engine, 'INSERT INTO contacts (customer_id, name) VALUES (?, ?)', [
      id,
      '王伟',
    ]);
    expect(value(await api.undoLastChange('contacts', contact)).value.action).toBe('insert');
    expect(await engine.read((db) => db.exec('SELECT 1 FROM contacts WHERE id = ?', [contact]).length)).toBe(
      0,
    );

    await engine.write((db) => db.run('DELETE FROM customers WHERE id = ?', [id]));
    expect(await customerName(id)).toBeNull();
    const restored = value(await api.undoLastChange('customers', id));
    expect(restored.value.action).toBe('delete');
    expect(await customerName(id)).toEqual(['北方重工', '010-1234567']);
    // The restore was an insert: undoing again removes it once more.
    expect(value(await api.undoLastChange('customers', id)).value.action).toBe('insert');
    expect(await customerName(id)).toBeNull();
  });

  it('refuses to undo when the row changed since its last recorded change, and changes nothing', async () => {
    const id = await createCustomer('Acme');
    await edit(id, 'Acme Ltd');
    // A change the audit log did not see (as a bulk replacement would make): the row no longer holds
    // what the last entry wrote.
    await engine.bulkWrite((db) =>
      db.run("UPDATE customers SET name = 'Changed elsewhere' WHERE id = ?", [id]),
    );
    const refused = failure(await api.undoLastChange('customers', id));
    expect(refused.code).toBe('history_changed_since');
    expect((await customerName(id))![0]).toBe('Changed elsewhere');
  });

  it('refuses to restore a deleted row whose id exists again, and reports an empty history', async () => {
    const id = await createCustomer('Acme');
    await engine.write((db) => db.run('DELETE FROM customers WHERE id = ?', [id]));
    await engine.bulkWrite((db) => db.run("INSERT INTO customers (id, name) VALUES (?, 'Other')", [id]));
    expect(failure(await api.undoLastChange('customers', id)).code).toBe('history_row_exists');
    expect(failure(await api.undoLastChange('customers', 9999)).code).toBe('nothing_to_undo');
    expect(value(await api.recordHistory('customers', 9999)).entries).toEqual([]);
  });
});
