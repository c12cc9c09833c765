/**
 * Content-addressed snapshot chunks. A snapshot (the bytes of `db.export()`) is cut into fixed-size
 * pieces named by their SHA-256, so a checkpoint rewrites only the pieces whose bytes changed and a
 * damaged piece is detected on load. 256 KiB: large enough that a 300 MB database is ~1,200 records,
 * small enough that an edit touching a few pages rewrites little.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { putChunks, readChunks, type SnapshotRef } from './idb-store';

export const CHUNK_SIZE = 256 * 1024;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of each CHUNK_SIZE piece of `bytes` (hashed through views: no copies). */
export function hashChunks(bytes: Uint8Array, size = CHUNK_SIZE): Promise<string[]> {
  const pieces: Promise<string>[] = [];
  for (let start = 0; start < bytes.length; start += size)
    pieces.push(sha256Hex(bytes.subarray(start, start + size)));
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
  for (let index = 0; index < hashes.length; index++) {
    const hash = hashes[index]!;
    if (present.has(hash) || seen.has(hash)) continue;
    seen.add(hash);
    const piece = bytes.slice(index * size, (index + 1) * size);
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

/** Joins stored chunks back into database bytes, checking each one's presence, type and hash. */
export async function joinChunks(hashes: string[], stored: unknown[], size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  const checks = hashes.map(async (hash, index) => {
    const piece = stored[index];
    if (!(piece instanceof Uint8Array))
      throw new DamagedSnapshotError(`chunk ${index + 1}/${hashes.length} is missing`);
    if ((await sha256Hex(piece)) !== hash) {
      throw new DamagedSnapshotError(`chunk ${index + 1}/${hashes.length} does not match its checksum`);
    }
  });
  await Promise.all(checks);
  for (const piece of stored as Uint8Array[]) {
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
    bytes = await joinChunks(ref.chunks, await readChunks(store, ref.chunks), ref.size);
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
