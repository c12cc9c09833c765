import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { backupsHandlers as api } from '../../workers/db/features/backups/handlers';
import type { MergeMatch, MergePreview } from '../../workers/db/features/backups/api';
import { insertUser } from '../../workers/db/repositories/users';
import { getCustomer } from '../../workers/db/repositories/customers';
import {
  addContact,
  addCustomer,
  appFile,
  fileOf,
  openWorkspace,
  unwrap,
  type TestWorkspace,
} from './backups-helpers';

let ws: TestWorkspace;
afterEach(() => ws?.close());

const insert = (db: Database, sql: string, params: (string | number | null)[]) => {
  db.run(sql, params);
  return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
};

/** Mine: Acme (email, owner Alice, one contact), Bravo (phone), Charlie (id 3). */
async function myWorkspace() {
  ws = await openWorkspace();
  await ws.engine.write((db) => {
    const alice = insertUser(db, { name: 'Alice', email: 'alice@crm.cn', role: 'rep' });
    insertUser(db, { name: 'Bob', email: 'bob@crm.cn', role: 'rep' });
    const acme = addCustomer(db, 'Acme', { email: 'acme@x.com' });
    db.run("UPDATE customers SET industry = 'Tech', owner_id = ? WHERE id = ?", [alice, acme]);
    addContact(db, acme, 'Wang Li', 'wang@x.com');
    const bravo = addCustomer(db, 'Bravo', { phone: '+86 138-0013-8000' });
    db.run("UPDATE customers SET address = 'Beijing' WHERE id = ?", [bravo]);
    const charlie = addCustomer(db, 'Charlie');
    db.run("UPDATE customers SET notes = 'my notes' WHERE id = ?", [charlie]);
  });
}

/** Theirs: one match per rule, two new customers, one duplicate match and one invalid customer. */
const colleagueFile = () =>
  appFile((db) => {
    const alice = insertUser(db, { name: 'Alice', email: 'ALICE@crm.cn', role: 'rep' });
    const carol = insertUser(db, { name: 'Carol', email: 'carol@other.cn', role: 'rep' });
    const row = `INSERT INTO customers (id, name, email, phone, industry, address, notes, owner_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
    insert(db, row, [3, 'Charlie', '', '', '', '', 'their notes', null]);
    const acme = insert(db, row, [10, 'ACME Corp', 'ACME@X.COM', '', 'Manufacturing', '', '', carol]);
    insert(db, 'INSERT INTO contacts (customer_id, name, email) VALUES (?, ?, ?)', [acme, 'wang li', '']);
    insert(db, 'INSERT INTO contacts (customer_id, name, email, is_primary) VALUES (?, ?, ?, 1)', [
      acme,
      'Liu Yang',
      'liu@x.com',
    ]);
    insert(db, row, [11, 'Bravo', '', '+86 13800138000', '', 'Shanghai', '', null]);
    const delta = insert(db, row, [12, 'Delta', 'delta@d.cn', '', 'Retail', '', '', alice]);
    insert(db, 'INSERT INTO contacts (customer_id, name, is_primary) VALUES (?, ?, 1)', [delta, 'Zhou']);
    insert(db, 'INSERT INTO contacts (customer_id, name) VALUES (?, ?)', [delta, 'Sun']);
    insert(db, row, [2, 'Echo', '', '', '', '', '', null]); // my id 2 is Bravo: a different name, so new
    insert(db, row, [13, 'Acme again', 'acme@x.com', '', '', '', '', null]);
    insert(db, row, [14, 'Broken', 'not-an-email', '', '', '', '', null]);
  });

const byTheirs = (preview: MergePreview, id: number): MergeMatch =>
  preview.matches.find((match) => match.theirsId === id)!;

describe('merging a colleague’s .sqlite', () => {
  it('previews matches, conflicts, additions and skips without changing anything', async () => {
    await myWorkspace();
    const seq = ws.engine.seq;
    const preview = unwrap(await api.previewMerge(fileOf(await colleagueFile()), 'colleague.sqlite'));
    expect(ws.engine.seq).toBe(seq);
    expect(preview.theirs).toEqual({ customers: 7, contacts: 4 });

    const acme = byTheirs(preview, 10);
    expect(acme.matchedBy).toBe('email');
    expect(acme.mineName).toBe('Acme');
    // Email differs only in case; their owner Carol is not one of my users, so no owner choice.
    expect(acme.conflicts).toEqual([
      { field: 'name', mine: 'Acme', theirs: 'ACME Corp' },
      { field: 'industry', mine: 'Tech', theirs: 'Manufacturing' },
    ]);
    expect(acme.newContacts).toBe(1); // "wang li" is my Wang Li
    expect(byTheirs(preview, 11)).toMatchObject({
      matchedBy: 'phone',
      conflicts: [{ field: 'address', mine: 'Beijing', theirs: 'Shanghai' }],
    });
    expect(byTheirs(preview, 3)).toMatchObject({
      matchedBy: 'id',
      conflicts: [{ field: 'notes', mine: 'my notes', theirs: 'their notes' }],
    });
    expect(preview.additions).toEqual([
      { theirsId: 2, name: 'Echo', contacts: 0, owner: null },
      { theirsId: 12, name: 'Delta', contacts: 2, owner: 'Alice' },
    ]);
    expect(preview.skipped).toEqual([
      { theirsId: 13, name: 'Acme again', reason: 'matched_twice', detail: '' },
      { theirsId: 14, name: 'Broken', reason: 'invalid', detail: 'email' },
    ]);
  });

  it('applies the chosen side per field in one write and reports what happened', async () => {
    await myWorkspace();
    const preview = unwrap(await api.previewMerge(fileOf(await colleagueFile()), 'colleague.sqlite'));
    const seq = ws.engine.seq;
    const report = unwrap(
      await api.applyMerge(preview.token, {
        10: { name: 'theirs', industry: 'mine' },
        11: { address: 'theirs' },
        3: { notes: 'mine' },
      }),
    );
    expect(ws.engine.seq).toBe(seq + 1); // one durable write
    expect(report).toMatchObject({
      added: ['Echo', 'Delta'],
      updated: ['Acme', 'Bravo'],
      unchanged: 1,
      contactsAdded: 3,
      contactsSkipped: 0,
    });
    expect(report.skipped.map((skip) => skip.reason)).toEqual(['matched_twice', 'invalid']);

    const state = await ws.engine.read((db) => {
      const acme = getCustomer(db, 1)!;
      const contacts = (id: number) =>
        db.exec('SELECT name, is_primary FROM contacts WHERE customer_id = ? ORDER BY name', [id])[0]
          ?.values ?? [];
      const delta = db.exec("SELECT id, owner_id FROM customers WHERE name = 'Delta'")[0]!.values[0]!;
      const alice = db.exec("SELECT id FROM users WHERE name = 'Alice'")[0]!.values[0]![0];
      return {
        acme: [acme.name, acme.industry, acme.ownerName],
        acmeContacts: contacts(1),
        bravo: getCustomer(db, 2)!.address,
        charlie: getCustomer(db, 3)!.notes,
        deltaOwnerIsAlice: delta[1] === alice,
        deltaIsNew: Number(delta[0]) > 3,
        deltaContacts: contacts(Number(delta[0])),
        customers: db.exec('SELECT count(*) FROM customers')[0]!.values[0]![0],
      };
    });
    expect(state).toEqual({
      acme: ['ACME Corp', 'Tech', 'Alice'],
      // I had no primary contact at Acme, so their primary Liu Yang stays primary.
      acmeContacts: [
        ['Liu Yang', 1],
        ['Wang Li', 0],
      ],
      bravo: 'Shanghai',
      charlie: 'my notes',
      deltaOwnerIsAlice: true,
      deltaIsNew: true,
      deltaContacts: [
        ['Sun', 0],
        ['Zhou', 1],
      ],
      customers: 5,
    });

    const reloaded = await ws.reopen();
    expect(await reloaded.read((db) => getCustomer(db, 2)!.address)).toBe('Shanghai');
  });

  it('keeps everything of mine when no side is chosen, and refuses a spent token', async () => {
    await myWorkspace();
    const preview = unwrap(await api.previewMerge(fileOf(await colleagueFile()), 'colleague.sqlite'));
    const report = unwrap(await api.applyMerge(preview.token, {}));
    expect(report.updated).toEqual(['Acme']); // only its new contact
    expect(report.unchanged).toBe(2);
    expect(await ws.engine.read((db) => getCustomer(db, 1)!.name)).toBe('Acme');
    const again = await api.applyMerge(preview.token, {});
    expect(again.ok ? null : again.code).toBe('file_expired');
  });

  it('refuses an invalid file with the same checks as a restore', async () => {
    await myWorkspace();
    const result = await api.previewMerge(fileOf(new TextEncoder().encode('not a database')), 'x.sqlite');
    expect(result.ok ? null : result.code).toBe('not_sqlite');
  });
});
