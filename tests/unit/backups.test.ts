import { afterEach, describe, expect, it } from 'vitest';
import { getMany, set } from 'idb-keyval';
import type { Database } from 'sql.js';
import {
  backupIfDue,
  createManualBackup,
  deleteBackup,
  listBackups,
  overview,
  recordDownload,
  restoreBackup,
  setKeep,
  snoozeReminder,
} from '../../workers/db/features/backups/backup-store';
import { chunkKey, readBackups, readMeta } from '../../workers/db/persistence/idb-store';
import { DomainError } from '../../workers/db/errors';
import { addContact, addCustomer, customerNames, openWorkspace, type TestWorkspace } from './backups-helpers';

const HOUR = 60 * 60 * 1000;
let ws: TestWorkspace;

afterEach(() => ws?.close());

const advance = (ms: number) => (ws.clock.now = new Date(ws.clock.now.getTime() + ms));

describe('backups in IndexedDB', () => {
  it('restores a manual backup exactly, keeps a pre-restore backup of the present, and survives a reload', async () => {
    ws = await openWorkspace();
    await ws.engine.write((db) => {
      const acme = addCustomer(db, 'Acme');
      addContact(db, acme, 'Wang Li');
      addCustomer(db, 'Bravo');
    });
    const backup = await createManualBackup(ws.context, '  before cleanup  ');
    expect(backup.label).toBe('before cleanup');
    expect(backup.kind).toBe('manual');
    expect(backup.counts.customers).toBe(2);
    expect(backup.counts.contacts).toBe(1);

    advance(HOUR);
    await ws.engine.write((db) => {
      db.run("DELETE FROM customers WHERE name = 'Acme'");
      addCustomer(db, 'Charlie');
    });
    expect(await customerNames(ws.engine)).toEqual(['Bravo', 'Charlie']);

    advance(HOUR);
    const receipt = await restoreBackup(ws.context, backup.id);
    expect(await customerNames(ws.engine)).toEqual(['Acme', 'Bravo']);
    expect(receipt.counts.contacts).toBe(1);
    expect(receipt.preRestore.kind).toBe('pre-restore');
    expect(receipt.preRestore.counts).toMatchObject({ customers: 2, contacts: 0 });

    // The present that was replaced can itself be restored.
    const stored = await listBackups(ws.context);
    expect(stored.map((b) => b.kind)).toEqual(['pre-restore', 'manual']);

    const reloaded = await ws.reopen();
    expect(await customerNames(reloaded)).toEqual(['Acme', 'Bravo']);
    const contacts = await reloaded.read((db) => db.exec('SELECT name FROM contacts')[0]?.values);
    expect(contacts).toEqual([['Wang Li']]);

    await restoreBackup({ ...ws.context, engine: reloaded }, receipt.preRestore.id);
    expect(await customerNames(reloaded)).toEqual(['Bravo', 'Charlie']);
  });

  it('another tab meets the reset barrier of a restore and shows the restored data', async () => {
    ws = await openWorkspace();
    const other = await ws.reopen(); // a second tab on the same workspace
    await ws.engine.write((db) => addCustomer(db, 'Acme'));
    const backup = await createManualBackup(ws.context, '');
    await ws.engine.write((db) => addCustomer(db, 'Bravo'));
    await expect.poll(() => customerNames(other)).toEqual(['Acme', 'Bravo']);
    await restoreBackup(ws.context, backup.id);
    await expect.poll(() => customerNames(other)).toEqual(['Acme']);
    // …and writes on in that tab on top of the restored data.
    await other.write((db) => addCustomer(db, 'Charlie'));
    await expect.poll(() => customerNames(ws.engine)).toEqual(['Acme', 'Charlie']);
  });

  it('takes the daily backup only when the newest automatic one is 24 h old, and keeps the last N', async () => {
    ws = await openWorkspace();
    await setKeep(ws.context, 3);
    const first = await backupIfDue(ws.context);
    expect(first?.kind).toBe('auto');
    advance(23 * HOUR);
    expect(await backupIfDue(ws.context)).toBeNull();

    const taken = [first!.id];
    for (let day = 0; day < 4; day++) {
      advance(25 * HOUR);
      await ws.engine.write((db) => addCustomer(db, `Customer ${day}`));
      const backup = await backupIfDue(ws.context);
      expect(backup).not.toBeNull();
      taken.push(backup!.id);
    }
    await createManualBackup(ws.context, 'mine');
    const autos = (await listBackups(ws.context)).filter((b) => b.kind === 'auto');
    expect(autos.map((b) => b.id)).toEqual(taken.slice(-3).reverse());
    expect(autos[0]!.counts.customers).toBe(4);
    // Manual backups are not pruned with the daily ones.
    expect((await listBackups(ws.context)).filter((b) => b.kind === 'manual')).toHaveLength(1);

    await setKeep(ws.context, 1);
    expect((await listBackups(ws.context)).filter((b) => b.kind === 'auto')).toHaveLength(1);
    expect((await overview(ws.context)).keep).toBe(1);
    await expect(setKeep(ws.context, 0)).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps every chunk a backup references through checkpoints, and frees them when it is deleted', async () => {
    ws = await openWorkspace();
    const fill = (prefix: string) => (db: Database) => {
      for (let i = 0; i < 1000; i++)
        db.run('INSERT INTO customers (name, notes) VALUES (?, ?)', [`${prefix} ${i}`, prefix.repeat(100)]);
    };
    await ws.engine.write(fill('Original'));
    const backup = await createManualBackup(ws.context, 'original');
    // Replace the data and checkpoint twice: neither the current nor the previous snapshot shares
    // the backup's chunks any more, so only the backup keeps them alive.
    for (let round = 0; round < 2; round++) {
      await ws.engine.write((db) => {
        db.run('DELETE FROM customers');
        fill(`Round${round}`)(db);
      });
      await ws.engine.checkpoint();
    }
    const meta = await readMeta(ws.store);
    const onlyBackup = backup.chunks.filter(
      (hash) => !meta!.chunks.includes(hash) && !meta!.previous!.chunks.includes(hash),
    );
    expect(onlyBackup.length).toBeGreaterThan(0);
    const kept = await getMany(onlyBackup.map(chunkKey), ws.store);
    expect(kept.every((chunk) => chunk instanceof Uint8Array)).toBe(true);

    await restoreBackup(ws.context, backup.id);
    expect((await customerNames(ws.engine)).filter((n) => n.startsWith('Original'))).toHaveLength(1000);

    await deleteBackup(ws.context, backup.id);
    const remaining = await readBackups(ws.store);
    const stillReferenced = new Set([
      ...(await readMeta(ws.store))!.chunks,
      ...((await readMeta(ws.store))!.previous?.chunks ?? []),
      ...remaining.flatMap((b) => b.chunks),
    ]);
    const orphaned = onlyBackup.filter((hash) => !stillReferenced.has(hash));
    const afterDelete = await getMany(orphaned.map(chunkKey), ws.store);
    expect(afterDelete.every((chunk) => chunk === undefined)).toBe(true);
    await expect(deleteBackup(ws.context, backup.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a backup with a damaged chunk and changes nothing', async () => {
    ws = await openWorkspace();
    await ws.engine.write((db) => addCustomer(db, 'Acme'));
    const backup = await createManualBackup(ws.context, '');
    await ws.engine.write((db) => addCustomer(db, 'Bravo'));
    await set(chunkKey(backup.chunks[0]!), new Uint8Array([1, 2, 3]), ws.store);
    await expect(restoreBackup(ws.context, backup.id)).rejects.toMatchObject({ code: 'damaged_backup' });
    expect(await customerNames(ws.engine)).toEqual(['Acme', 'Bravo']);
    expect((await listBackups(ws.context)).map((b) => b.kind)).toEqual(['manual']);
  });

  it('reminds to download a file after 7 days without one, and "later" waits a day', async () => {
    ws = await openWorkspace();
    expect((await overview(ws.context)).downloadReminderDue).toBe(false);
    advance(7 * 24 * HOUR + HOUR);
    expect((await overview(ws.context)).downloadReminderDue).toBe(true);
    await snoozeReminder(ws.context);
    advance(23 * HOUR);
    expect((await overview(ws.context)).downloadReminderDue).toBe(false);
    advance(2 * HOUR);
    expect((await overview(ws.context)).downloadReminderDue).toBe(true);
    await recordDownload(ws.context);
    const after = await overview(ws.context);
    expect(after.downloadReminderDue).toBe(false);
    expect(after.lastDownloadAt).toBe(ws.clock.now.toISOString());
    advance(7 * 24 * HOUR);
    expect((await overview(ws.context)).downloadReminderDue).toBe(true);
  });
});
