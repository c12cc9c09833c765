/**
 * The IndexedDB side of the persistence engine: one object store holding
 *   'meta'            → {@link SnapshotMeta}: which chunks make the current (and previous) snapshot
 *   'head'            → { seq }: the highest log sequence number ever appended
 *   ['log', seq]      → {@link LogRecord}: one committed change batch
 *   ['chunk', sha256] → Uint8Array: a content-addressed piece of a snapshot
 *
 * Built on idb-keyval's `UseStore` (a custom one, so a transaction can ask for durability) because the
 * append needs a read and two writes in ONE transaction: reading 'head' inside the transaction that adds
 * the record makes the append a compare-and-set, so two tabs can never both write seq N, with or without
 * Web Locks.
 */
import { get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';

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

const LOG = 'log';
const CHUNK = 'chunk';
const logKey = (seq: number): IDBValidKey => [LOG, seq];
export const chunkKey = (hash: string): IDBValidKey => [CHUNK, hash];

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
export function appendLog(store: UseStore, record: LogRecord): Promise<AppendOutcome> {
  return store('readwrite', (os) => {
    const tx = os.transaction;
    let outcome: AppendOutcome = 'appended';
    const head = os.get('head');
    head.onsuccess = () => {
      const headSeq = (head.result as { seq: number } | undefined)?.seq ?? 0;
      if (headSeq !== record.seq - 1) {
        outcome = 'behind';
        tx.abort();
        return;
      }
      os.add(record, logKey(record.seq));
      os.put({ seq: record.seq }, 'head');
    };
    return new Promise<AppendOutcome>((resolve, reject) => {
      tx.oncomplete = () => resolve(outcome);
      tx.onabort = () =>
        outcome === 'behind'
          ? resolve('behind')
          : reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
  });
}

/** Log records with from ≤ seq ≤ to, in order. */
export function readLog(store: UseStore, from: number, to: number): Promise<unknown[]> {
  if (to < from) return Promise.resolve([]);
  return store('readonly', (os) => promisifyRequest(os.getAll(IDBKeyRange.bound(logKey(from), logKey(to)))));
}

export function readLogRecord(store: UseStore, seq: number): Promise<unknown> {
  return get(logKey(seq), store);
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
    for (const [hash, bytes] of chunks) os.put(bytes, chunkKey(hash));
    return promisifyRequest(os.transaction);
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
export function writeSnapshot(
  store: UseStore,
  next: Omit<SnapshotMeta, 'previous' | 'format'>,
  barrier?: LogRecord,
): Promise<SnapshotMeta> {
  return store('readwrite', (os) => {
    const tx = os.transaction;
    let written: SnapshotMeta | null = null;
    const metaRequest = os.get('meta');
    const headRequest = os.get('head');
    headRequest.onsuccess = () => {
      if (!barrier) return;
      const headSeq = (headRequest.result as { seq: number } | undefined)?.seq ?? 0;
      if (headSeq !== barrier.seq - 1) return tx.abort(); // another tab wrote first
      os.add(barrier, logKey(barrier.seq));
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
      const keep = new Set([...next.chunks, ...(previous?.chunks ?? [])]);
      const keysRequest = os.getAllKeys(IDBKeyRange.bound([CHUNK, ''], [CHUNK, '\uffff']));
      keysRequest.onsuccess = () => {
        for (const key of keysRequest.result as [string, string][]) if (!keep.has(key[1])) os.delete(key);
      };
      const trimTo = previous ? previous.snapshotSeq : 0;
      if (trimTo > 0) os.delete(IDBKeyRange.bound(logKey(0), logKey(trimTo)));
    };
    return new Promise<SnapshotMeta>((resolve, reject) => {
      tx.oncomplete = () => (written ? resolve(written) : reject(new Error('snapshot not written')));
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
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
