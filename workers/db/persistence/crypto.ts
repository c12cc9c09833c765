/**
 * How snapshot chunks and log records look at rest: plain, or sealed with the workspace's data key
 * (optional encryption at rest, see `features/encryption/`).
 *
 * Each IndexedDB store has one {@link StoreCodec}, looked up with {@link codecOf}: the plain one until an
 * encrypted workspace is unlocked. `chunks.ts` and `idb-store.ts` pass every chunk and log record
 * through it, so the engine and the backups feature never see the difference.
 *
 * Sealed (AES-256-GCM, a random 96-bit IV per value, the value's key bound in as additional data so a
 * chunk or record cannot be swapped for another):
 *   chunk  ['chunk', address] → IV ‖ ciphertext ‖ tag. The address is HMAC-SHA-256 of the plaintext under a
 *          key derived from the data key, not its SHA-256: equal pieces still dedupe, but nobody without the
 *          key can confirm a guessed piece of the database.
 *   record ['log', seq]       → { seq, keyId, sealed }. Only `seq` stays in the clear: it is the record's
 *          key anyway and all the engine orders by; time, tab, schema version and row images are sealed.
 *
 * Every write transaction also compares the stored 'crypto' record's key id with the codec's
 * ({@link guardKey}), so a tab that has not noticed encryption being switched on (or off) elsewhere can
 * never add a plaintext (or stale-key) value: its write aborts with {@link KeyChangedError}.
 */
import type { LogRecord } from './idb-store';
import { PersistenceError } from './types';

/** IndexedDB key of the encryption record (present only while the workspace is encrypted). */
export const CRYPTO_KEY = 'crypto';

export interface StoreCodec {
  /** The data key's id as stored in the 'crypto' record; null for a plaintext workspace. */
  readonly keyId: string | null;
  /** The address a piece is stored under. */
  address(piece: Uint8Array): Promise<string>;
  /** The value stored for `piece` (which must have been addressed by this codec). */
  sealChunk(piece: Uint8Array, address: string): Promise<Uint8Array>;
  /** The piece back; throws {@link BrokenSealError} when it is missing, altered or not ours. */
  openChunk(stored: unknown, address: string): Promise<Uint8Array>;
  sealRecord(record: LogRecord): Promise<unknown>;
  /** The record back, or undefined when it fails its check (the replay then reports it as damaged). */
  openRecord(stored: unknown, seq: number): Promise<unknown>;
}

/** A chunk is missing, fails its checksum or authentication, or was not written with this key. */
export class BrokenSealError extends Error {
  override name = 'BrokenSealError';
}

/** Encryption was switched on or off (or its key replaced) by another tab since this one opened. */
export class KeyChangedError extends PersistenceError {
  override name = 'KeyChangedError';
  constructor() {
    super('locked', 'encryption was switched on or off in another tab; reload this tab');
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

function hex(buffer: ArrayBuffer): string {
  let text = '';
  for (const byte of new Uint8Array(buffer)) text += byte.toString(16).padStart(2, '0');
  return text;
}

interface SealedRecord {
  seq: number;
  keyId: string;
  sealed: Uint8Array;
}

const isSealedRecord = (value: unknown): value is SealedRecord =>
  typeof value === 'object' &&
  value !== null &&
  (value as Partial<SealedRecord>).sealed instanceof Uint8Array;

export const PLAIN_CODEC: StoreCodec = {
  keyId: null,
  address: sha256Hex,
  sealChunk: async (piece) => piece,
  async openChunk(stored, address) {
    if (!(stored instanceof Uint8Array)) throw new BrokenSealError('is missing');
    if ((await sha256Hex(stored)) !== address) throw new BrokenSealError('does not match its checksum');
    return stored;
  },
  sealRecord: async (record) => record,
  async openRecord(stored) {
    if (isSealedRecord(stored)) throw new KeyChangedError();
    return stored;
  },
};

const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The codec of an encrypted workspace, from its 256-bit data key `secret`. Two independent keys are
 * derived with HKDF (one encrypts, one addresses), so the address key never touches ciphertext.
 */
export async function sealedCodec(keyId: string, secret: Uint8Array): Promise<StoreCodec> {
  const base = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, 'HKDF', false, [
    'deriveKey',
  ]);
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: encoder.encode(keyId),
    info: encoder.encode(info),
  });
  const aesKey = await crypto.subtle.deriveKey(
    hkdf('kehu-crm/encrypt'),
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const macKey = await crypto.subtle.deriveKey(
    hkdf('kehu-crm/address'),
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const seal = async (plain: Uint8Array, binding: string) => {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const cipher = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(binding) },
      aesKey,
      plain as Uint8Array<ArrayBuffer>,
    );
    const sealed = new Uint8Array(IV_BYTES + cipher.byteLength);
    sealed.set(iv);
    sealed.set(new Uint8Array(cipher), IV_BYTES);
    return sealed;
  };
  /** Null when the value was altered, or sealed with another key or for another place. */
  const open = async (sealed: Uint8Array, binding: string): Promise<Uint8Array | null> => {
    if (sealed.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>,
          additionalData: encoder.encode(binding),
        },
        aesKey,
        sealed.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
      );
      return new Uint8Array(plain);
    } catch {
      return null;
    }
  };
  const address = async (piece: Uint8Array) =>
    hex(await crypto.subtle.sign('HMAC', macKey, piece as Uint8Array<ArrayBuffer>));

  return {
    keyId,
    address,
    async sealChunk(piece, chunkAddress) {
      // A plain SHA-256 address here would publish a checksum of the plaintext next to its ciphertext.
      if ((await address(piece)) !== chunkAddress)
        throw new Error('chunk address was not made with the workspace key: use hashChunks(bytes, store)');
      return seal(piece, `chunk:${chunkAddress}`);
    },
    async openChunk(stored, chunkAddress) {
      if (!(stored instanceof Uint8Array)) throw new BrokenSealError('is missing');
      const plain = await open(stored, `chunk:${chunkAddress}`);
      if (!plain) throw new BrokenSealError('is damaged: it fails its authentication check');
      return plain;
    },
    async sealRecord(record) {
      const sealed = await seal(encoder.encode(JSON.stringify(record)), `log:${record.seq}`);
      return { seq: record.seq, keyId, sealed } satisfies SealedRecord;
    },
    async openRecord(stored, seq) {
      if (!isSealedRecord(stored)) return undefined; // a plaintext record cannot belong here
      if (stored.keyId !== keyId) throw new KeyChangedError();
      const plain = await open(stored.sealed, `log:${seq}`);
      if (!plain) return undefined;
      try {
        return JSON.parse(decoder.decode(plain)) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}

const codecs = new WeakMap<object, StoreCodec>();

/** The codec chunks and records of `store` go through (plain until an encrypted workspace is unlocked). */
export const codecOf = (store: object): StoreCodec => codecs.get(store) ?? PLAIN_CODEC;

export function useCodec(store: object, codec: StoreCodec): void {
  codecs.set(store, codec);
}

/**
 * Inside a readwrite transaction: aborts it when the stored key id is not the one `codec` writes with.
 * The abort undoes the transaction's other writes, whichever order IndexedDB ran them in.
 */
export function guardKey(os: IDBObjectStore, codec: StoreCodec): { changed: boolean } {
  const outcome = { changed: false };
  const request = os.get(CRYPTO_KEY);
  request.onsuccess = () => {
    const stored = (request.result as { keyId?: string } | undefined)?.keyId ?? null;
    if (stored === codec.keyId) return;
    outcome.changed = true;
    os.transaction.abort();
  };
  return outcome;
}
