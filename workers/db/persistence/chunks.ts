/**
 * Content-addressed snapshot chunks. A snapshot (the bytes of `db.export()`) is cut into fixed-size
 * pieces named by their SHA-256, so a checkpoint rewrites only the pieces whose bytes changed and a
 * damaged piece is detected on load. 256 KiB: large enough that a 300 MB database is ~1,200 records,
 * small enough that an edit touching a few pages rewrites little.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { readChunks, type SnapshotRef } from './idb-store';

export const CHUNK_SIZE = 256 * 1024;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Splits `bytes` into copies (not views: structured clone of a view would store its whole buffer). */
export async function toChunks(
  bytes: Uint8Array,
  size = CHUNK_SIZE,
): Promise<{ hashes: string[]; chunks: Map<string, Uint8Array> }> {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) pieces.push(bytes.slice(start, start + size));
  const hashes = await Promise.all(pieces.map(sha256Hex));
  const chunks = new Map<string, Uint8Array>();
  hashes.forEach((hash, index) => chunks.set(hash, pieces[index]!));
  return { hashes, chunks };
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
