import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { hashChunks, openSnapshot, storeMissingChunks } from '../../workers/db/persistence/chunks';
import {
  BrokenSealError,
  codecOf,
  PLAIN_CODEC,
  sealedCodec,
  sha256Hex,
} from '../../workers/db/persistence/crypto';
import { chunkKey, openIdbStore, readMeta, type LogRecord } from '../../workers/db/persistence/idb-store';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import {
  changePassphrase,
  disableEncryption,
  enableEncryption,
  encryptionStatus,
  isLocked,
  unlockStore,
} from '../../workers/db/features/encryption/service';
import { DomainError } from '../../workers/db/errors';

const SCHEMA = `
  CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, score REAL);
  CREATE TABLE contacts (id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE, name TEXT NOT NULL);
  PRAGMA user_version = 1;`;
const migrate = (db: Database) => {
  if (Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0]) === 0) db.exec(SCHEMA);
};

const PASSPHRASE = 'correct horse battery 马';
const SECRET_NAME = '机密贸易 Zanzibar Holdings';
const NOW = '2026-03-16T01:30:00.000Z';

let SQL: SqlJsStatic;
let counter = 0;
const engines: PersistenceEngine[] = [];

beforeAll(async () => {
  SQL = await initSqlJs();
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

/** A workspace as the worker opens it: one IndexedDB database, tabs sharing the write lock. */
function workspace() {
  const name = `enc-${++counter}-${Date.now()}`;
  const lock = new Mutex();
  /** A tab: its own handle on the database (so its own codec), like a separate worker. */
  const tab = async (passphrase?: string, store: UseStore = openIdbStore(name)) => {
    if (passphrase !== undefined) await unlockStore(store, passphrase);
    const { engine } = await PersistenceEngine.open({
      SQL,
      store,
      coordinator: new InProcessCoordinator(lock, `channel-${name}`),
      tab: `tab-${Math.random()}`,
      migrate,
      latestSchemaVersion: 1,
      checkpointPolicy: { records: 1_000_000, bytes: 1e12 },
    });
    engines.push(engine);
    return { engine, store };
  };
  return { name, tab, raw: () => openIdbStore(name) };
}

const insertCustomer = (name: string) => (db: Database) =>
  db.run('INSERT INTO customers (name, score) VALUES (?, ?)', [name, Math.random()]);
const names = (engine: PersistenceEngine) =>
  engine.read((db) =>
    (db.exec('SELECT name FROM customers ORDER BY id')[0]?.values ?? []).map((r) => String(r[0])),
  );

/** Every key and value in the store, as stored. */
function dump(store: UseStore): Promise<[IDBValidKey, unknown][]> {
  return store('readonly', (os) => {
    const keys = os.getAllKeys();
    const values = os.getAll();
    return new Promise((resolve) => {
      values.onsuccess = () => resolve(keys.result.map((key, index) => [key, values.result[index]]));
    });
  });
}

/** Where `text` occurs in the store — as a JS string or as UTF-8 bytes — anywhere in any key or value. */
async function findPlaintext(store: UseStore, text: string): Promise<string[]> {
  const needle = new TextEncoder().encode(text);
  const found: string[] = [];
  const contains = (bytes: Uint8Array) => {
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      if (value.includes(text)) found.push(where);
    } else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      if (contains(new Uint8Array(value))) found.push(where);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${where}[${index}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        walk(key, `${where}.key`);
        walk(item, `${where}.${key}`);
      }
    }
  };
  for (const [key, value] of await dump(store)) {
    walk(key, JSON.stringify(key));
    walk(value, JSON.stringify(key));
  }
  return found;
}

/** A workspace with a snapshot, a previous snapshot, log records after both and a stored backup. */
async function populated() {
  const ws = workspace();
  const { engine, store } = await ws.tab();
  await engine.write(insertCustomer('early'));
  await engine.checkpoint();
  await engine.write(insertCustomer(SECRET_NAME));
  await engine.checkpoint();
  await engine.write(insertCustomer('after the snapshot'));
  // A backup in the shape the backups feature stores: its own chunks, listed by a ['backup', id] record.
  const backupDb = new SQL.Database();
  migrate(backupDb);
  backupDb.run('INSERT INTO customers (name) VALUES (?)', ['Backup Only Ltd 备份']);
  const bytes = backupDb.export();
  backupDb.close();
  const chunks = await hashChunks(bytes, store);
  await storeMissingChunks(store, bytes, chunks, new Set());
  const backup = {
    id: 'b-1',
    label: 'before import',
    kind: 'manual',
    at: NOW,
    counts: { customers: 1 },
    snapshotSeq: 1,
    schemaVersion: 1,
    chunks,
    size: bytes.length,
  };
  await store('readwrite', (os) => {
    os.put(backup, ['backup', backup.id]);
    return new Promise((resolve) => (os.transaction.oncomplete = resolve));
  });
  return { ws, engine, store, backup };
}

describe('the chunk and record codec', () => {
  it('round-trips, addresses by keyed HMAC and reports a flipped byte as damaged', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const codec = await sealedCodec('key-1', secret);
    const piece = new TextEncoder().encode(`${SECRET_NAME} `.repeat(100));
    const address = await codec.address(piece);
    expect(address).not.toBe(await sha256Hex(piece));
    expect(await codec.address(piece.slice())).toBe(address); // equal pieces still dedupe
    expect(await (await sealedCodec('key-2', secret)).address(piece)).not.toBe(address);

    const sealed = await codec.sealChunk(piece, address);
    const again = await codec.sealChunk(piece, address);
    expect(sealed.subarray(0, 12)).not.toEqual(again.subarray(0, 12)); // a fresh IV per value
    expect(await codec.openChunk(sealed, address)).toEqual(piece);

    const flipped = sealed.slice();
    flipped[40]! ^= 1;
    await expect(codec.openChunk(flipped, address)).rejects.toThrow(BrokenSealError);
    await expect(codec.openChunk(flipped, address)).rejects.toThrow(/damaged/);
    // Swapping a valid chunk in under another address is caught too (the address is authenticated).
    const other = new TextEncoder().encode('another piece');
    await expect(codec.openChunk(sealed, await codec.address(other))).rejects.toThrow(/damaged/);
    await expect(codec.sealChunk(piece, await sha256Hex(piece))).rejects.toThrow(/hashChunks/);

    const record: LogRecord = {
      seq: 7,
      schemaVersion: 1,
      at: NOW,
      tab: 't',
      changes: [['customers', 'i', 1, JSON.stringify({ id: 1, name: SECRET_NAME })]],
    };
    const stored = await codec.sealRecord(record);
    expect(JSON.stringify(stored)).not.toContain('Zanzibar');
    expect(await codec.openRecord(stored, 7)).toEqual(record);
    expect(await codec.openRecord(stored, 8)).toBeUndefined(); // moved to another seq
    const tampered = structuredClone(stored) as { sealed: Uint8Array };
    tampered.sealed[20]! ^= 1;
    expect(await codec.openRecord(tampered, 7)).toBeUndefined();
  });
});

describe('encryption at rest', () => {
  it('encrypts snapshots, the log and backups, leaving no plaintext name, and reopens the same data', async () => {
    const { ws, engine, store, backup } = await populated();
    // The scan finds the name while the workspace is plaintext: it can fail.
    expect((await findPlaintext(store, SECRET_NAME)).length).toBeGreaterThan(0);
    expect(await findPlaintext(store, 'Backup Only Ltd 备份')).not.toEqual([]);
    const before = await names(engine);

    const phases = new Set<string>();
    const status = await enableEncryption(engine, store, PASSPHRASE, NOW, (p) => phases.add(p.phase));
    expect(status).toMatchObject({ enabled: true, iterations: 600_000 });
    expect([...phases]).toEqual(['deriving', 'encrypting']);

    for (const text of [SECRET_NAME, 'Zanzibar', '机密贸易', 'Backup Only Ltd 备份', 'after the snapshot'])
      expect(await findPlaintext(store, text)).toEqual([]);
    const meta = (await readMeta(store))!;
    expect(meta.previous).not.toBeNull(); // the previous snapshot was kept, re-encrypted
    // This tab goes on working, and what it writes now is encrypted too.
    await engine.write(insertCustomer('Written After Enabling'));
    await engine.checkpoint();
    expect(await findPlaintext(store, 'Written After Enabling')).toEqual([]);
    engine.close();

    const locked = ws.raw();
    expect(await isLocked(locked)).toBe(true);
    const { engine: reopened, store: unlocked } = await ws.tab(PASSPHRASE);
    expect(await names(reopened)).toEqual([...before, 'Written After Enabling']);
    expect(reopened.currentStatus().problems).toEqual([]);
    const restored = await openSnapshot(SQL, unlocked, (await readBackup(unlocked, backup.id))!);
    expect(restored!.exec('SELECT name FROM customers')[0]!.values).toEqual([['Backup Only Ltd 备份']]);
    restored!.close();
    // Without the key the same chunks do not open as a database.
    expect(await openSnapshot(SQL, ws.raw(), (await readBackup(unlocked, backup.id))!)).toBeNull();
  });

  it('seals backups the engine takes after switching on, and they still restore', async () => {
    const { engine, store } = await populated();
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    await engine.write(insertCustomer('Only In The New Backup'));
    const backup = await engine.storeBackup(() => ({
      id: 'after',
      label: 'manual',
      kind: 'manual',
      at: NOW,
      counts: {},
    }));
    expect(await findPlaintext(store, 'Only In The New Backup')).toEqual([]);
    const restored = await openSnapshot(SQL, store, backup!);
    expect(
      restored!.exec("SELECT count(*) FROM customers WHERE name = 'Only In The New Backup'")[0]!.values,
    ).toEqual([[1]]);
    restored!.close();
  });

  it('refuses a wrong passphrase with its own error and leaves the store byte-for-byte unchanged', async () => {
    const { ws, engine, store } = await populated();
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    engine.close();
    const fresh = ws.raw();
    const before = await dump(fresh);
    const failure = await unlockStore(fresh, 'correct horse battery').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'wrong_passphrase' });
    expect(await isLocked(fresh)).toBe(true);
    expect(codecOf(fresh)).toBe(PLAIN_CODEC);
    expect(await dump(fresh)).toEqual(before);
    const { engine: opened } = await ws.tab(PASSPHRASE);
    expect(await names(opened)).toContain(SECRET_NAME);
  });

  it('changes the passphrase with one write: the new one unlocks, the old one is refused', async () => {
    const { ws, engine, store } = await populated();
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    const chunksBefore = (await dump(store)).filter(([key]) => (key as string[])[0] === 'chunk');
    await expect(
      changePassphrase(store, 'not the passphrase', 'new passphrase 2', NOW),
    ).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(changePassphrase(store, PASSPHRASE, 'short', NOW)).rejects.toMatchObject({
      code: 'weak_passphrase',
    });
    await changePassphrase(store, PASSPHRASE, 'new passphrase 2', '2026-03-17T00:00:00.000Z');
    expect(await encryptionStatus(store)).toMatchObject({
      enabled: true,
      passphraseChangedAt: '2026-03-17T00:00:00.000Z',
    });
    // The data was not re-encrypted: the same chunks, byte for byte.
    expect((await dump(store)).filter(([key]) => (key as string[])[0] === 'chunk')).toEqual(chunksBefore);
    engine.close();

    await expect(unlockStore(ws.raw(), PASSPHRASE)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    const { engine: reopened } = await ws.tab('new passphrase 2');
    expect(await names(reopened)).toContain(SECRET_NAME);
  });

  it('loses nothing when enabling is interrupted, and can be enabled afterwards', async () => {
    const { ws, engine, store } = await populated();
    const before = await names(engine);
    const proto = globalThis.IDBObjectStore.prototype;
    const realPut = proto.put;
    // The crash points: in the middle of storing encrypted chunks, and in the final commit.
    for (const crashAt of ['chunk', 'crypto']) {
      let puts = 0;
      proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const key = args[1];
        const hit = crashAt === 'crypto' ? key === 'crypto' : Array.isArray(key) && ++puts === 2;
        if (hit) this.transaction.abort();
        return realPut.apply(this, args);
      };
      try {
        await expect(enableEncryption(engine, store, PASSPHRASE, NOW)).rejects.toThrow();
      } finally {
        proto.put = realPut;
      }
      expect(await isLocked(ws.raw())).toBe(false);
      expect(await encryptionStatus(store)).toMatchObject({ enabled: false });
      const { engine: other } = await ws.tab();
      expect(await names(other)).toEqual(before);
      other.close();
    }
    await engine.write(insertCustomer('still writable'));
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    expect(await findPlaintext(store, SECRET_NAME)).toEqual([]);
    engine.close();
    const { engine: reopened } = await ws.tab(PASSPHRASE);
    expect(await names(reopened)).toEqual([...before, 'still writable']);
  });

  it.each(['chunk', 'log record'])(
    'reports a damaged encrypted %s instead of loading garbage',
    async (damage) => {
      const { ws, engine, store } = await populated();
      await enableEncryption(engine, store, PASSPHRASE, NOW);
      const kept = await names(engine);
      await engine.write(insertCustomer('logged only'));
      engine.close();
      const raw = ws.raw();
      const flipByte = (key: IDBValidKey, bytesOf: (value: unknown) => Uint8Array) =>
        raw('readwrite', (os) => {
          const request = os.get(key);
          request.onsuccess = () => {
            bytesOf(request.result)[30]! ^= 1;
            os.put(request.result, key);
          };
          return new Promise((resolve) => (os.transaction.oncomplete = resolve));
        });
      if (damage === 'chunk') {
        const meta = (await readMeta(raw))!;
        await flipByte(chunkKey(meta.chunks[0]!), (value) => value as Uint8Array);
        const { engine: recovered } = await ws.tab(PASSPHRASE);
        // Rebuilt from the previous snapshot and the log, which were encrypted too.
        expect(await names(recovered)).toEqual([...kept, 'logged only']);
        expect(recovered.currentStatus().problems).toEqual([]);
      } else {
        const last = (await dump(raw)).filter(([key]) => (key as unknown[])[0] === 'log').at(-1)!;
        await flipByte(last[0], (value) => (value as { sealed: Uint8Array }).sealed);
        const { engine: damaged } = await ws.tab(PASSPHRASE);
        expect(await names(damaged)).toEqual(kept);
        expect(damaged.currentStatus()).toMatchObject({ readOnly: true });
        expect(damaged.currentStatus().problems.map((p) => p.code)).toEqual(['damaged_log']);
      }
    },
  );

  it('stops another tab from writing plaintext once encryption is switched on', async () => {
    const { ws, engine, store } = await populated();
    const { engine: otherTab } = await ws.tab();
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    await expect(otherTab.write(insertCustomer('Plaintext Leak Co'))).rejects.toMatchObject({
      code: 'locked',
    });
    expect(otherTab.currentStatus().problems.map((p) => p.code)).toContain('encryption_changed');
    expect(otherTab.currentStatus().readOnly).toBe(true);
    expect(await findPlaintext(store, 'Plaintext Leak Co')).toEqual([]);
  });

  it('switches off after confirming the passphrase and opens without one afterwards', async () => {
    const { ws, engine, store } = await populated();
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    const before = await names(engine);
    await expect(disableEncryption(engine, store, 'wrong passphrase!')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    expect(await encryptionStatus(store)).toMatchObject({ enabled: true });
    await disableEncryption(engine, store, PASSPHRASE);
    expect(await encryptionStatus(store)).toMatchObject({ enabled: false });
    await engine.write(insertCustomer('plain again'));
    engine.close();
    expect(await isLocked(ws.raw())).toBe(false);
    const { engine: reopened } = await ws.tab();
    expect(await names(reopened)).toEqual([...before, 'plain again']);
  });

  it('refuses a short passphrase and enabling twice', async () => {
    const { engine, store } = await populated();
    await expect(enableEncryption(engine, store, 'short', NOW)).rejects.toMatchObject({
      code: 'weak_passphrase',
    });
    await enableEncryption(engine, store, PASSPHRASE, NOW);
    await expect(enableEncryption(engine, store, PASSPHRASE, NOW)).rejects.toMatchObject({
      code: 'encryption_state',
    });
  });
});

async function readBackup(store: UseStore, id: string) {
  const { get } = await import('idb-keyval');
  return get<{ chunks: string[]; size: number; snapshotSeq: number; schemaVersion: number }>(
    ['backup', id],
    store,
  );
}
