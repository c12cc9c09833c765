/**
 * The passphrase side of encryption at rest. A random 256-bit data key encrypts the workspace (see
 * `persistence/crypto.ts`); it is stored only wrapped by a key derived from the passphrase (PBKDF2-SHA-256,
 * 600,000 iterations, random salt), in the 'crypto' record. So changing the passphrase re-wraps one value
 * instead of re-encrypting the data, and the passphrase itself is never stored anywhere.
 *
 * The wrap is AES-GCM with the key id as additional data; its authentication tag is the verifier: a wrong
 * passphrase (or an altered record) fails to unwrap, and nothing else about the passphrase is kept.
 */
import type { UseStore } from 'idb-keyval';
import { get } from 'idb-keyval';
import { DomainError } from '../../errors';
import { CRYPTO_KEY } from '../../persistence/crypto';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about half a second on a laptop. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 8;
const IV_BYTES = 12;

export interface CryptoRecord {
  format: 1;
  /** Names the data key; every write checks it (crypto.ts `guardKey`). */
  keyId: string;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array;
  /** IV ‖ AES-GCM(passphrase key, data key, additional data = keyId) ‖ tag. */
  wrappedKey: Uint8Array;
  enabledAt: string;
  changedAt: string;
}

const encoder = new TextEncoder();

/** Throws 'weak_passphrase' for a passphrase too short to resist guessing. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new DomainError(
      'weak_passphrase',
      `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed through different input methods must give the same bytes.
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function wrap(secret: Uint8Array, passphrase: string, keyId: string, salt: Uint8Array) {
  const kek = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(keyId) },
    kek,
    secret as Uint8Array<ArrayBuffer>,
  );
  const wrapped = new Uint8Array(IV_BYTES + cipher.byteLength);
  wrapped.set(iv);
  wrapped.set(new Uint8Array(cipher), IV_BYTES);
  return wrapped;
}

/** A fresh data key and the record that keeps it wrapped by `passphrase`. */
export async function newKeyring(
  passphrase: string,
  now: string,
): Promise<{ record: CryptoRecord; secret: Uint8Array }> {
  checkNewPassphrase(passphrase);
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const keyId = crypto.randomUUID();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const record: CryptoRecord = {
    format: 1,
    keyId,
    kdf: 'PBKDF2-SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt,
    wrappedKey: await wrap(secret, passphrase, keyId, salt),
    enabledAt: now,
    changedAt: now,
  };
  return { record, secret };
}

/** The data key, or 'wrong_passphrase' (which is also what an altered record looks like). */
export async function unwrapDataKey(record: CryptoRecord, passphrase: string): Promise<Uint8Array> {
  const kek = await passphraseKey(passphrase, record.salt, record.iterations);
  try {
    const secret = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: record.wrappedKey.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>,
        additionalData: encoder.encode(record.keyId),
      },
      kek,
      record.wrappedKey.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(secret);
  } catch {
    throw new DomainError('wrong_passphrase', 'the passphrase is not the one this workspace was locked with');
  }
}

/** The same data key wrapped by `passphrase` under a new salt. */
export async function rewrapped(
  record: CryptoRecord,
  secret: Uint8Array,
  passphrase: string,
  now: string,
): Promise<CryptoRecord> {
  checkNewPassphrase(passphrase);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    ...record,
    iterations: PBKDF2_ITERATIONS,
    salt,
    wrappedKey: await wrap(secret, passphrase, record.keyId, salt),
    changedAt: now,
  };
}

function isCryptoRecord(value: unknown): value is CryptoRecord {
  const record = value as Partial<CryptoRecord> | undefined;
  return (
    record?.format === 1 &&
    typeof record.keyId === 'string' &&
    typeof record.iterations === 'number' &&
    record.salt instanceof Uint8Array &&
    record.wrappedKey instanceof Uint8Array
  );
}

/** The stored encryption record; null for a plaintext workspace. */
export async function readCryptoRecord(store: UseStore): Promise<CryptoRecord | null> {
  const value = await get<unknown>(CRYPTO_KEY, store);
  if (value === undefined) return null;
  // Treating an unreadable record as "not encrypted" would open sealed data as plaintext: refuse instead.
  if (!isCryptoRecord(value)) throw new Error('the encryption record of this workspace is damaged');
  return value;
}

/**
 * Replaces the record only if the stored one is still `expected` (same key and wrap): one put, so a
 * crash leaves either passphrase working, never neither.
 */
export function replaceCryptoRecord(store: UseStore, expected: CryptoRecord, next: CryptoRecord) {
  return store('readwrite', (os) => {
    const tx = os.transaction;
    const request = os.get(CRYPTO_KEY);
    let changed = false;
    request.onsuccess = () => {
      const current = request.result as CryptoRecord | undefined;
      const same =
        current?.keyId === expected.keyId &&
        current.wrappedKey.length === expected.wrappedKey.length &&
        current.wrappedKey.every((byte, index) => byte === expected.wrappedKey[index]);
      if (!same) {
        changed = true;
        tx.abort();
        return;
      }
      os.put(next, CRYPTO_KEY);
    };
    return new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        reject(
          changed
            ? new DomainError('encryption_state', 'the passphrase was changed in another tab; reload')
            : (tx.error ?? new DOMException('aborted', 'AbortError')),
        );
    });
  });
}
