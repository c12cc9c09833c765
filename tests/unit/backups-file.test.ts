import { afterEach, describe, expect, it } from 'vitest';
import { backupsHandlers as api } from '../../workers/db/features/backups/handlers';
import { listBackups } from '../../workers/db/features/backups/backup-store';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../workers/db/migrations';
import {
  addContact,
  addCustomer,
  appFile,
  customerNames,
  fileOf,
  openWorkspace,
  sqlJs,
  unwrap,
  type TestWorkspace,
} from './backups-helpers';

let ws: TestWorkspace;
afterEach(() => ws?.close());

async function workspaceWithData() {
  ws = await openWorkspace();
  await ws.engine.write((db) => {
    const id = addCustomer(db, 'Mine Ltd');
    addContact(db, id, 'Zhang Wei');
  });
  return ws;
}

/** The workspace is exactly as before: same customers, same log position, no backup was taken. */
async function expectUnchanged(seqBefore: number) {
  expect(await customerNames(ws.engine)).toEqual(['Mine Ltd']);
  expect(ws.engine.seq).toBe(seqBefore);
  expect(await listBackups(ws.context)).toEqual([]);
}

async function refusal(bytes: Uint8Array) {
  const result = await api.inspectDatabaseFile(fileOf(bytes), 'file.sqlite');
  if (result.ok) throw new Error('the file was accepted');
  return result;
}

/** Overwrites the middle of every page after the first with junk, as disk or transfer damage would. */
function flipPages(bytes: Uint8Array): Uint8Array {
  const damaged = bytes.slice();
  const pageSize = (damaged[16]! << 8) | damaged[17]!;
  for (let page = 1; page * pageSize < damaged.length; page++) {
    const start = page * pageSize;
    for (let i = 0; i < 64; i++) damaged[start + i] = (damaged[start + i]! ^ 0xa5) & 0xff;
  }
  return damaged;
}

describe('restoring a .sqlite file', () => {
  it('shows the file’s counts against mine, then replaces the workspace durably with a pre-restore backup', async () => {
    await workspaceWithData();
    const bytes = await appFile((db) => {
      for (const name of ['Theirs A', 'Theirs B', 'Theirs C']) addCustomer(db, name);
    });
    const inspection = unwrap(await api.inspectDatabaseFile(fileOf(bytes), 'team.sqlite'));
    expect(inspection.file.customers).toBe(3);
    expect(inspection.file.contacts).toBe(0);
    expect(inspection.current).toMatchObject({ customers: 1, contacts: 1 });
    expect(inspection.fileSchemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Inspecting changed nothing.
    expect(await customerNames(ws.engine)).toEqual(['Mine Ltd']);

    const receipt = unwrap(await api.restoreDatabaseFile(inspection.token));
    expect(receipt.preRestore.label).toBe('team.sqlite');
    expect(receipt.preRestore.counts.customers).toBe(1);
    expect(await customerNames(ws.engine)).toEqual(['Theirs A', 'Theirs B', 'Theirs C']);

    const reloaded = await ws.reopen();
    expect(await customerNames(reloaded)).toEqual(['Theirs A', 'Theirs B', 'Theirs C']);
    // The token is spent: using it again is refused.
    const again = await api.restoreDatabaseFile(inspection.token);
    expect(again.ok ? null : again.code).toBe('file_expired');
  });

  it.skipIf(LATEST_SCHEMA_VERSION < 2)(
    'brings a file from an older version of the app up to date',
    async () => {
      await workspaceWithData();
      const old = new (await sqlJs()).Database();
      migrate(
        old,
        MIGRATIONS.filter((m) => m.version < LATEST_SCHEMA_VERSION),
      );
      addCustomer(old, 'From last year');
      const inspection = unwrap(await api.inspectDatabaseFile(fileOf(old.export()), 'old.sqlite'));
      old.close();
      expect(inspection.fileSchemaVersion).toBe(LATEST_SCHEMA_VERSION - 1);
      unwrap(await api.restoreDatabaseFile(inspection.token));
      expect(await customerNames(ws.engine)).toEqual(['From last year']);
      const version = await ws.engine.read((db) => db.exec('PRAGMA user_version')[0]?.values[0]?.[0]);
      expect(version).toBe(LATEST_SCHEMA_VERSION);
    },
  );

  it('refuses a file that is not SQLite', async () => {
    await workspaceWithData();
    const seq = ws.engine.seq;
    const junk = new TextEncoder().encode('name,email\nAcme,acme@example.com\n'.repeat(20));
    expect((await refusal(junk)).code).toBe('not_sqlite');
    expect((await refusal(new Uint8Array(0))).code).toBe('not_sqlite');
    await expectUnchanged(seq);
  });

  it('refuses a damaged file (pages overwritten) through the integrity check', async () => {
    await workspaceWithData();
    const seq = ws.engine.seq;
    const bytes = await appFile((db) => {
      for (let i = 0; i < 200; i++) addCustomer(db, `Customer ${i}`);
    });
    expect((await refusal(flipPages(bytes))).code).toBe('damaged_file');
    await expectUnchanged(seq);
  });

  it('refuses a file saved by a newer version of the app', async () => {
    await workspaceWithData();
    const seq = ws.engine.seq;
    const bytes = await appFile((db) => db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    const result = await refusal(bytes);
    expect(result.code).toBe('newer_file');
    expect(result.message).toContain(String(LATEST_SCHEMA_VERSION + 1));
    await expectUnchanged(seq);
  });

  it('refuses a SQLite database of another application', async () => {
    await workspaceWithData();
    const seq = ws.engine.seq;
    const other = new (await sqlJs()).Database();
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi')",
    );
    other.exec('PRAGMA user_version = 1');
    expect((await refusal(other.export())).code).toBe('foreign_database');
    other.close();
    // Same table names but different columns is not ours either.
    const lookalike = new (await sqlJs()).Database();
    lookalike.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
      CREATE TABLE customers (id INTEGER PRIMARY KEY, title TEXT);
      CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 1`);
    expect((await refusal(lookalike.export())).code).toBe('foreign_database');
    lookalike.close();
    await expectUnchanged(seq);
  });

  it('refuses a file whose rows point at missing rows', async () => {
    await workspaceWithData();
    const seq = ws.engine.seq;
    const bytes = await appFile((db) => {
      db.exec('PRAGMA foreign_keys = OFF');
      db.run("INSERT INTO contacts (customer_id, name) VALUES (999, 'Orphan')");
    });
    expect((await refusal(bytes)).code).toBe('broken_references');
    await expectUnchanged(seq);
  });
});
