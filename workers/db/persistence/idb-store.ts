/**
 * The IndexedDB side of the persistence engine: one object store holding
 *   'meta'            → {@link SnapshotMeta}: which chunks make the current (and previous) snapshot
 *   'head'            → { seq }: the highest log sequence number ever appended
 *   ['log', seq]      → {@link LogRecord}: one committed change batch
 *   ['chunk', sha256] → Uint8Array: a content-addressed piece of a snapshot
 *   'crypto'          → only when encrypted at rest: the wrapped data key (see crypto.ts; chunks and
 *                       log records then pass through its codec, addressed by HMAC instead of SHA-256)
 *   ['backup', id]    → {@link BackupRecord}: a kept copy of the database (its chunks are never collected)
 *
 * Built on idb-keyval's `UseStore` (a custom one, so a transaction can ask for durability) because the
 * append needs a read and two writes in ONE transaction: reading 'head' inside the transaction that adds
 * the record makes the append a compare-and-set, so two tabs can never both write seq N, with or without
 * Web Locks.
 */
import { get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';
import { codecOf, guardKey, KeyChangedError } from './crypto';

/** [table, op, row id, row image as JSON text (null only for legacy deletes)]. */
export type Change = [table: string, op: 'i' | 'u' | 'd', id: number, row: string | null];

export interface LogRecord {
  seq: number;
  schemaVersion: number;
  at: string;
  tab: string;
  changes: Change[];
  /** A bulk replacement: not replayable; the snapshot at this seq holds its result. */
  reset?: true;
}

export interface SnapshotRef {
  snapshotSeq: number;
  schemaVersion: number;
  chunks: string[];
  size: number;
}

export interface SnapshotMeta extends SnapshotRef {
  format: 1;
  at: string;
  /** Kept (with the log after it) so a damaged current snapshot can be rebuilt. */
  previous: SnapshotRef | null;
}

export type AppendOutcome = 'appended' | 'behind';

export type BackupKind = 'auto' | 'manual' | 'pre-restore';

/** A backup ("time machine" copy): a snapshot's chunks kept apart from meta, plus what the list shows. */
export interface BackupRecord extends SnapshotRef {
  id: string;
  label: string;
  kind: BackupKind;
  at: string;
  /** Rows per business table when it was taken (customers, contacts, leads…). */
  counts: Record<string, number>;
}

const LOG = 'log';
const CHUNK = 'chunk';
const logKey = (seq: number): IDBValidKey => [LOG, seq];
export const chunkKey = (hash: string): IDBValidKey => [CHUNK, hash];
const BACKUP = 'backup';
export const backupKey = (id: string): IDBValidKey => [BACKUP, id];
const backupRange = () => IDBKeyRange.bound([BACKUP, ''], [BACKUP, '\uffff']);

/**
 * Opens (creating if needed) the database `dbName` with one object store. `durability` 'strict' makes
 * Chromium flush to disk before `complete` (survives an OS crash, costs an fsync); 'relaxed' survives
 * tab and browser close, which is what "acknowledged" promises here, at a fraction of the cost.
 */
export function openIdbStore(dbName: string, durability: IDBTransactionDurability = 'relaxed'): UseStore {
  const storeName = 'kv';
  const request = indexedDB.open(dbName, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(storeName);
  const database = promisifyRequest(request).then((db) => {
    // Another tab deleting or upgrading the database must not hang on us.
    db.onversionchange = () => db.close();
    return db;
  });
  return (txMode, callback) =>
    database.then((db) => callback(db.transaction(storeName, txMode, { durability }).objectStore(storeName)));
}

export const readMeta = (store: UseStore) => get<SnapshotMeta>('meta', store);

export async function readHead(store: UseStore): Promise<number> {
  const head = await get<{ seq: number }>('head', store);
  return head?.seq ?? 0;
}

/**
 * Appends `record` as seq `record.seq` only if the stored head is `record.seq - 1`. Resolves when the
 * IndexedDB transaction has completed ('appended': durable) or was abandoned because another tab got
 * there first ('behind'); rejects with the transaction's error (QuotaExceededError, AbortError…) otherwise.
 */
export async function appendLog(store: UseStore, record: LogRecord): Promise<AppendOutcome> {
  const codec = codecOf(store);
  const stored = await codec.sealRecord(record); // before the transaction: it would not wait for crypto
  return store('readwrite', (os) => {
    const tx = os.transaction;
    const key = guardKey(os, codec);
    let outcome: AppendOutcome = 'appended';
    const head = os.get('head');
    head.onsuccess = () => {
      const headSeq = (head.result as { seq: number } | undefined)?.seq ?? 0;
      if (headSeq !== record.seq - 1) {
        outcome = 'behind';
        tx.abort();
        return;
      }
      os.add(stored, logKey(record.seq));
      os.put({ seq: record.seq }, 'head');
    };
    return new Promise<AppendOutcome>((resolve, reject) => {
      tx.oncomplete = () => resolve(outcome);
      tx.onabort = () =>
        key.changed
          ? reject(new KeyChangedError())
          : outcome === 'behind'
            ? resolve('behind')
            : reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
  });
}

/** Log records with from ≤ seq ≤ to, in order (opened by the store's codec: undefined if damaged). */
export async function readLog(store: UseStore, from: number, to: number): Promise<unknown[]> {
  if (to < from) return [];
  const codec = codecOf(store);
  const stored = await store('readonly', (os) =>
    promisifyRequest(os.getAll(IDBKeyRange.bound(logKey(from), logKey(to)))),
  );
  return Promise.all(stored.map((value: unknown, index) => codec.openRecord(value, from + index)));
}

export async function readLogRecord(store: UseStore, seq: number): Promise<unknown> {
  return codecOf(store).openRecord(await get(logKey(seq), store), seq);
}

export function countLog(store: UseStore): Promise<number> {
  return store('readonly', (os) =>
    promisifyRequest(os.count(IDBKeyRange.bound(logKey(0), logKey(Number.MAX_SAFE_INTEGER)))),
  );
}

export const readChunks = (store: UseStore, hashes: string[]) =>
  getMany<unknown>(hashes.map(chunkKey), store);

/** Puts snapshot chunks in one transaction. */
export function putChunks(store: UseStore, chunks: readonly [string, Uint8Array][]): Promise<void> {
  return store('readwrite', (os) => {
    const key = guardKey(os, codecOf(store));
    for (const [hash, bytes] of chunks) os.put(bytes, chunkKey(hash));
    return new Promise<void>((resolve, reject) => {
      os.transaction.oncomplete = () => resolve();
      os.transaction.onabort = () =>
        reject(
          key.changed
            ? new KeyChangedError()
            : (os.transaction.error ?? new DOMException('aborted', 'AbortError')),
        );
    });
  });
}

/** Hashes of the chunks the stored meta references (current and previous snapshot): present in the store. */
export async function referencedChunks(store: UseStore): Promise<Set<string>> {
  const meta = await readMeta(store);
  return new Set([...(meta?.chunks ?? []), ...(meta?.previous?.chunks ?? [])]);
}

/**
 * Commits a snapshot whose chunks are already stored: writes the new meta (the old one becomes
 * `previous`), deletes chunks neither references, trims the log up to the previous snapshot and, for a
 * bulk write, appends its reset record — all in one transaction, so readers see the old snapshot or
 * the new one, never a mix.
 */
export async function writeSnapshot(
  store: UseStore,
  next: Omit<SnapshotMeta, 'previous' | 'format'>,
  barrier?: LogRecord,
): Promise<SnapshotMeta> {
  const codec = codecOf(store);
  const storedBarrier = barrier && (await codec.sealRecord(barrier));
  return store('readwrite', (os) => {
    const tx = os.transaction;
    const key = guardKey(os, codec);
    let written: SnapshotMeta | null = null;
    const metaRequest = os.get('meta');
    const headRequest = os.get('head');
    headRequest.onsuccess = () => {
      if (!barrier) return;
      const headSeq = (headRequest.result as { seq: number } | undefined)?.seq ?? 0;
      if (headSeq !== barrier.seq - 1) return tx.abort(); // another tab wrote first
      os.add(storedBarrier, logKey(barrier.seq));
      os.put({ seq: barrier.seq }, 'head');
    };
    metaRequest.onsuccess = () => {
      const current = metaRequest.result as SnapshotMeta | undefined;
      const previous: SnapshotRef | null = current
        ? {
            snapshotSeq: current.snapshotSeq,
            schemaVersion: current.schemaVersion,
            chunks: current.chunks,
            size: current.size,
          }
        : null;
      written = { format: 1, ...next, previous };
      os.put(written, 'meta');
      deleteUnreferencedChunks(os, new Set([...next.chunks, ...(previous?.chunks ?? [])]));
      const trimTo = previous ? previous.snapshotSeq : 0;
      if (trimTo > 0) os.delete(IDBKeyRange.bound(logKey(0), logKey(trimTo)));
    };
    return new Promise<SnapshotMeta>((resolve, reject) => {
      tx.oncomplete = () => (written ? resolve(written) : reject(new Error('snapshot not written')));
      tx.onabort = () =>
        reject(key.changed ? new KeyChangedError() : (tx.error ?? new DOMException('aborted', 'AbortError')));
    });
  });
}

/**
 * Deletes, inside the caller's transaction, every chunk that is neither in `keep` (the snapshots' chunks)
 * nor listed by a backup: backups share chunks with snapshots and must outlive both.
 */
function deleteUnreferencedChunks(os: IDBObjectStore, keep: Set<string>): void {
  const backupsRequest = os.getAll(backupRange());
  backupsRequest.onsuccess = () => {
    for (const backup of backupsRequest.result as Partial<BackupRecord>[]) {
      if (Array.isArray(backup?.chunks)) for (const hash of backup.chunks) keep.add(hash);
    }
    const keysRequest = os.getAllKeys(IDBKeyRange.bound([CHUNK, ''], [CHUNK, '\uffff']));
    keysRequest.onsuccess = () => {
      for (const key of keysRequest.result as [string, string][]) if (!keep.has(key[1])) os.delete(key);
    };
  };
}

export function readBackups(store: UseStore): Promise<BackupRecord[]> {
  return store('readonly', (os) => promisifyRequest(os.getAll(backupRange())));
}

export const readBackup = (store: UseStore, id: string) => get<BackupRecord>(backupKey(id), store);

/** Writes a backup record; its chunks must already be stored (and the write lock held since). */
export function putBackup(store: UseStore, record: BackupRecord): Promise<void> {
  return store('readwrite', (os) => {
    os.put(record, backupKey(record.id));
    return promisifyRequest(os.transaction);
  });
}

/** Deletes backups and, in the same transaction, the chunks nothing references any more. */
export function deleteBackups(store: UseStore, ids: readonly string[]): Promise<void> {
  return store('readwrite', (os) => {
    for (const id of ids) os.delete(backupKey(id));
    const metaRequest = os.get('meta');
    metaRequest.onsuccess = () => {
      const meta = metaRequest.result as SnapshotMeta | undefined;
      deleteUnreferencedChunks(os, new Set([...(meta?.chunks ?? []), ...(meta?.previous?.chunks ?? [])]));
    };
    return promisifyRequest(os.transaction);
  });
}

/** A stored value is trusted as a log record only if it has the shape one is written with. */
export function isLogRecord(value: unknown): value is LogRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<LogRecord>;
  return (
    typeof record.seq === 'number' &&
    typeof record.schemaVersion === 'number' &&
    (record.reset === undefined || record.reset === true) &&
    Array.isArray(record.changes) &&
    record.changes.every(
      (change) =>
        Array.isArray(change) &&
        change.length === 4 &&
        typeof change[0] === 'string' &&
        typeof change[2] === 'number',
    )
  );
}
