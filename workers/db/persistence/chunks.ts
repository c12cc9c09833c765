/**
 * Content-addressed snapshot chunks. A snapshot (the bytes of `db.export()`) is cut into fixed-size
 * pieces named by their SHA-256, so a checkpoint rewrites only the pieces whose bytes changed and a
 * damaged piece is detected on load. In an encrypted workspace the store's codec (crypto.ts) names pieces
 * by HMAC instead and seals them; callers pass the store and never see the difference. 256 KiB: large enough that a 300 MB database is ~1,200 records,
 * small enough that an edit touching a few pages rewrites little.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { BrokenSealError, codecOf, PLAIN_CODEC, type StoreCodec } from './crypto';
import { putChunks, readChunks, type SnapshotRef } from './idb-store';

export { sha256Hex } from './crypto';

export const CHUNK_SIZE = 256 * 1024;

/**
 * The address of each CHUNK_SIZE piece of `bytes` in `store` (hashed through views: no copies):
 * SHA-256, or HMAC-SHA-256 under the workspace key when it is encrypted.
 */
export function hashChunks(bytes: Uint8Array, store: UseStore, size = CHUNK_SIZE): Promise<string[]> {
  const codec = codecOf(store);
  const pieces: Promise<string>[] = [];
  for (let start = 0; start < bytes.length; start += size)
    pieces.push(codec.address(bytes.subarray(start, start + size)));
  return Promise.all(pieces);
}

/**
 * Stores the pieces of `bytes` whose hash is not in `present`, a few MB per IndexedDB transaction so
 * memory holds one batch of copies at a time (a view would make structured clone store the whole
 * buffer, so each piece is sliced). Unreferenced until the meta that lists them is written, so a crash
 * in between leaves only garbage that the next snapshot collects.
 */
export async function storeMissingChunks(
  store: UseStore,
  bytes: Uint8Array,
  hashes: readonly string[],
  present: ReadonlySet<string>,
  size = CHUNK_SIZE,
): Promise<number> {
  const batchBytes = 16 * 1024 * 1024;
  let batch: [string, Uint8Array][] = [];
  let batchSize = 0;
  let written = 0;
  const seen = new Set<string>();
  const codec = codecOf(store);
  for (let index = 0; index < hashes.length; index++) {
    const hash = hashes[index]!;
    if (present.has(hash) || seen.has(hash)) continue;
    seen.add(hash);
    const piece = await codec.sealChunk(bytes.slice(index * size, (index + 1) * size), hash);
    batch.push([hash, piece]);
    batchSize += piece.length;
    if (batchSize >= batchBytes) {
      await putChunks(store, batch);
      written += batch.length;
      [batch, batchSize] = [[], 0];
    }
  }
  if (batch.length > 0) await putChunks(store, batch);
  return written + batch.length;
}

export class DamagedSnapshotError extends Error {
  override name = 'DamagedSnapshotError';
}

/**
 * Joins stored chunks back into database bytes, checking each one's presence, type and hash (or, with a
 * sealed codec, decrypting and authenticating it). Pass `codecOf(store)` for chunks read from `store`.
 */
export async function joinChunks(
  hashes: string[],
  stored: unknown[],
  size: number,
  codec: StoreCodec = PLAIN_CODEC,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  const pieces = await Promise.all(
    hashes.map(async (hash, index) => {
      try {
        return await codec.openChunk(stored[index], hash);
      } catch (error) {
        if (!(error instanceof BrokenSealError)) throw error;
        throw new DamagedSnapshotError(`chunk ${index + 1}/${hashes.length} ${error.message}`);
      }
    }),
  );
  for (const piece of pieces) {
    if (offset + piece.length > size)
      throw new DamagedSnapshotError('chunks are longer than the recorded size');
    bytes.set(piece, offset);
    offset += piece.length;
  }
  if (offset !== size) throw new DamagedSnapshotError('chunks are shorter than the recorded size');
  return bytes;
}

/** Reads, verifies and opens a stored snapshot; null when a chunk is missing or damaged or it is not SQLite. */
export async function openSnapshot(
  SQL: SqlJsStatic,
  store: UseStore,
  ref: SnapshotRef,
): Promise<Database | null> {
  let bytes: Uint8Array;
  try {
    bytes = await joinChunks(ref.chunks, await readChunks(store, ref.chunks), ref.size, codecOf(store));
  } catch (error) {
    if (error instanceof DamagedSnapshotError) return null;
    throw error;
  }
  const db = new SQL.Database(bytes);
  try {
    db.exec('SELECT count(*) FROM sqlite_master');
    return db;
  } catch {
    db.close();
    return null;
  }
}
