/**
 * Switching encryption on or off: re-encodes everything the store holds — the current and previous
 * snapshot, the log records kept after the previous snapshot and every backup — from one codec to the
 * other, then deletes every value of the old encoding.
 *
 * Why a crash at any point loses nothing (the caller has just checkpointed, under the write lock):
 *  1. One read-only transaction reads meta, head, the log and the backups: a consistent view.
 *  2. Every chunk they reference is stored again in the new encoding, under its new address. Nothing
 *     references those yet; a crash here leaves unreferenced chunks, which the next checkpoint collects,
 *     and the old encoding is still whole.
 *  3. ONE read-write transaction re-reads what step 1 read and aborts (to be retried) if anything
 *     changed or a new chunk is missing; otherwise it puts (or deletes) the 'crypto' record, the new meta,
 *     the re-encoded log and backup records, and deletes every chunk of the old encoding. IndexedDB
 *     commits all of that or none of it, so after a crash the store is wholly old or wholly new.
 *  4. Only then does this tab switch its codec.
 */
import { get, type UseStore } from 'idb-keyval';
import { DamagedLogError } from '../../persistence/types';
import { BrokenSealError, CRYPTO_KEY, useCodec, type StoreCodec } from '../../persistence/crypto';
import { chunkKey, isLogRecord, putChunks, type SnapshotMeta } from '../../persistence/idb-store';
import type { CryptoRecord } from './keyring';

export interface RecodeProgress {
  done: number;
  total: number;
}

/** What a backup record needs for this: its chunk list (the backups feature owns the rest). */
type BackupLike = { chunks: string[] } & Record<string, unknown>;

interface StoredState {
  keyId: string | null;
  meta: SnapshotMeta | undefined;
  head: unknown;
  logKeys: IDBValidKey[];
  logValues: unknown[];
  backupKeys: IDBValidKey[];
  backups: BackupLike[];
  chunkKeys: IDBValidKey[];
}

const logRange = () => IDBKeyRange.bound(['log', 0], ['log', Number.MAX_SAFE_INTEGER]);
// ['backup'] sorts before every ['backup', id] and ['backup', []] after any string or number id.
const backupRange = () => IDBKeyRange.bound(['backup'], ['backup', []], true, true);
const chunkRange = () => IDBKeyRange.bound(['chunk', ''], ['chunk', '\uffff']);

/** Issues the reads of {@link StoredState} in `os`'s transaction; `done` runs after the last one. */
function readState(os: IDBObjectStore, done: (state: StoredState) => void): void {
  const requests = {
    crypto: os.get(CRYPTO_KEY),
    meta: os.get('meta'),
    head: os.get('head'),
    logKeys: os.getAllKeys(logRange()),
    logValues: os.getAll(logRange()),
    backupKeys: os.getAllKeys(backupRange()),
    backups: os.getAll(backupRange()),
    chunkKeys: os.getAllKeys(chunkRange()),
  };
  // Requests of one transaction complete in order: the last one's success sees all results.
  requests.chunkKeys.onsuccess = () =>
    done({
      keyId: (requests.crypto.result as { keyId?: string } | undefined)?.keyId ?? null,
      meta: requests.meta.result as SnapshotMeta | undefined,
      head: requests.head.result,
      logKeys: requests.logKeys.result,
      logValues: requests.logValues.result,
      backupKeys: requests.backupKeys.result,
      backups: requests.backups.result as BackupLike[],
      chunkKeys: requests.chunkKeys.result,
    });
}

/** What must not change between reading and committing (log records never change once written). */
const fingerprint = (state: StoredState) =>
  JSON.stringify([state.keyId, state.meta, state.head, state.logKeys, state.backupKeys, state.backups]);

class StoreChangedError extends Error {
  override name = 'StoreChangedError';
}

/**
 * Re-encodes the store from `from` to `to` and writes `record` as its 'crypto' record (null: delete it,
 * the workspace becomes plaintext). Retries a few times if another tab wrote in between.
 */
export async function recodeStore(
  store: UseStore,
  from: StoreCodec,
  to: StoreCodec,
  record: CryptoRecord | null,
  onProgress?: (progress: RecodeProgress) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await recodeOnce(store, from, to, record, onProgress);
      useCodec(store, to);
      return;
    } catch (error) {
      if (!(error instanceof StoreChangedError) || attempt >= 3) throw error;
    }
  }
}

async function recodeOnce(
  store: UseStore,
  from: StoreCodec,
  to: StoreCodec,
  record: CryptoRecord | null,
  onProgress?: (progress: RecodeProgress) => void,
): Promise<void> {
  const before = await store(
    'readonly',
    (os) => new Promise<StoredState>((resolve) => readState(os, resolve)),
  );
  if (before.keyId !== from.keyId) throw new StoreChangedError('encryption changed meanwhile');
  const meta = before.meta;
  if (!meta) throw new Error('the workspace has no snapshot yet');

  const lists = [meta.chunks, meta.previous?.chunks ?? [], ...before.backups.map((b) => b.chunks ?? [])];
  const addresses = await recodeChunks(store, from, to, [...new Set(lists.flat())], onProgress);
  const readdress = (chunks: string[]) => chunks.map((address) => addresses.get(address)!);

  const nextMeta: SnapshotMeta = {
    ...meta,
    chunks: readdress(meta.chunks),
    previous: meta.previous && { ...meta.previous, chunks: readdress(meta.previous.chunks) },
  };
  const nextBackups = before.backups.map((backup) => ({ ...backup, chunks: readdress(backup.chunks ?? []) }));
  const nextLog = await Promise.all(
    before.logKeys.map(async (key, index) => {
      const seq = (key as [string, number])[1];
      const entry = await from.openRecord(before.logValues[index], seq);
      if (!isLogRecord(entry) || entry.seq !== seq)
        throw new DamagedLogError(`saved change #${seq} is damaged; nothing was changed`);
      return [key, await to.sealRecord(entry)] as const;
    }),
  );
  const keep = new Set(addresses.values());
  const expected = fingerprint(before);

  await store('readwrite', (os) => {
    const tx = os.transaction;
    let changed = false;
    readState(os, (now) => {
      const stored = new Set(now.chunkKeys.map((key) => (key as [string, string])[1]));
      if (fingerprint(now) !== expected || [...keep].some((address) => !stored.has(address))) {
        changed = true;
        tx.abort();
        return;
      }
      if (record) os.put(record, CRYPTO_KEY);
      else os.delete(CRYPTO_KEY);
      os.put(nextMeta, 'meta');
      for (const [key, value] of nextLog) os.put(value, key);
      nextBackups.forEach((backup, index) => os.put(backup, now.backupKeys[index]!));
      for (const address of stored) if (!keep.has(address)) os.delete(chunkKey(address));
    });
    return new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        reject(
          changed
            ? new StoreChangedError('the workspace changed meanwhile')
            : (tx.error ?? new DOMException('aborted', 'AbortError')),
        );
    });
  });
}

/**
 * Stores each chunk in `to`'s encoding (one old chunk in memory at a time, a few MB per transaction) and
 * returns old address → new address. A chunk that fails its check stops everything: re-encoding would
 * otherwise turn a detectable damage into an authentic-looking one.
 */
async function recodeChunks(
  store: UseStore,
  from: StoreCodec,
  to: StoreCodec,
  oldAddresses: string[],
  onProgress?: (progress: RecodeProgress) => void,
): Promise<Map<string, string>> {
  const addresses = new Map<string, string>();
  const written = new Set<string>();
  let batch: [string, Uint8Array][] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length > 0) await putChunks(store, batch);
    [batch, batchBytes] = [[], 0];
  };
  onProgress?.({ done: 0, total: oldAddresses.length });
  for (const [index, address] of oldAddresses.entries()) {
    const stored = await get<unknown>(chunkKey(address), store);
    let piece: Uint8Array;
    try {
      piece = await from.openChunk(stored, address);
    } catch (error) {
      if (!(error instanceof BrokenSealError)) throw error;
      throw new BrokenSealError(`a stored chunk ${error.message}; nothing was changed`);
    }
    const next = await to.address(piece);
    addresses.set(address, next);
    if (!written.has(next)) {
      written.add(next);
      const sealed = await to.sealChunk(piece, next);
      batch.push([next, sealed]);
      batchBytes += sealed.length;
      if (batchBytes >= 8 * 1024 * 1024) await flush();
    }
    onProgress?.({ done: index + 1, total: oldAddresses.length });
  }
  await flush();
  return addresses;
}
