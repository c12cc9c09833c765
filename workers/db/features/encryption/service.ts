/**
 * Encryption at rest, as operations on an open workspace (its store and engine): unlock, switch on,
 * change the passphrase, switch off. Kept apart from the worker's handlers so unit tests drive the same
 * code with fake-indexeddb.
 */
import type { UseStore } from 'idb-keyval';
import { DomainError } from '../../errors';
import { BrokenSealError, PLAIN_CODEC, codecOf, sealedCodec, useCodec } from '../../persistence/crypto';
import type { PersistenceEngine } from '../../persistence/engine';
import { DamagedLogError, PersistenceError } from '../../persistence/types';
import type { EncryptionProgress, EncryptionStatus } from './api';
import {
  checkNewPassphrase,
  newKeyring,
  type CryptoRecord,
  readCryptoRecord,
  replaceCryptoRecord,
  rewrapped,
  unwrapDataKey,
} from './keyring';
import { recodeStore } from './recode';

type Progress = (progress: EncryptionProgress) => void;

/** True when the store is encrypted and this tab does not hold its key: nothing may be loaded. */
export async function isLocked(store: UseStore): Promise<boolean> {
  const record = await readCryptoRecord(store);
  return record !== null && codecOf(store).keyId !== record.keyId;
}

/** Gives this tab the data key; throws 'wrong_passphrase' and changes nothing otherwise. */
export async function unlockStore(store: UseStore, passphrase: string): Promise<void> {
  const record = await readCryptoRecord(store);
  if (!record) return; // switched off in another tab meanwhile: there is nothing to unlock
  const secret = await unwrapDataKey(record, passphrase);
  useCodec(store, await sealedCodec(record.keyId, secret));
}

export async function encryptionStatus(store: UseStore): Promise<EncryptionStatus> {
  const record = await readCryptoRecord(store);
  return {
    enabled: record !== null,
    iterations: record?.iterations ?? null,
    enabledAt: record?.enabledAt ?? null,
    passphraseChangedAt: record && record.changedAt !== record.enabledAt ? record.changedAt : null,
  };
}

export async function enableEncryption(
  engine: PersistenceEngine,
  store: UseStore,
  passphrase: string,
  now: string,
  onProgress?: Progress,
): Promise<EncryptionStatus> {
  checkNewPassphrase(passphrase);
  await requireOff(store);
  onProgress?.({ phase: 'deriving', done: 0, total: 1 });
  const { record, secret } = await newKeyring(passphrase, now);
  const sealed = await sealedCodec(record.keyId, secret);
  await engine.rewriteStore(async () => {
    await requireOff(store); // another tab may have switched it on while we derived
    await recoding(() =>
      recodeStore(store, codecOf(store), sealed, record, (p) => onProgress?.({ phase: 'encrypting', ...p })),
    );
  });
  return encryptionStatus(store);
}

export async function changePassphrase(
  store: UseStore,
  current: string,
  next: string,
  now: string,
): Promise<EncryptionStatus> {
  checkNewPassphrase(next);
  const record = await requireOn(store);
  const secret = await unwrapDataKey(record, current);
  await replaceCryptoRecord(store, record, await rewrapped(record, secret, next, now));
  return encryptionStatus(store);
}

export async function disableEncryption(
  engine: PersistenceEngine,
  store: UseStore,
  passphrase: string,
  onProgress?: Progress,
): Promise<EncryptionStatus> {
  const record = await requireOn(store);
  onProgress?.({ phase: 'deriving', done: 0, total: 1 });
  await unwrapDataKey(record, passphrase); // only the passphrase's owner may switch it off
  await engine.rewriteStore(async () => {
    const current = await requireOn(store);
    if (current.keyId !== record.keyId) throw new DomainError('encryption_state', 'the key changed; reload');
    await recoding(() =>
      recodeStore(store, codecOf(store), PLAIN_CODEC, null, (p) =>
        onProgress?.({ phase: 'decrypting', ...p }),
      ),
    );
  });
  return encryptionStatus(store);
}

async function requireOn(store: UseStore): Promise<CryptoRecord> {
  const record = await readCryptoRecord(store);
  if (!record) throw new DomainError('encryption_state', 'encryption is off');
  return record;
}

async function requireOff(store: UseStore): Promise<void> {
  if (await readCryptoRecord(store)) throw new DomainError('encryption_state', 'encryption is already on');
}

/** Damage found while re-encoding stops it before anything changed; say so rather than crash. */
async function recoding(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof BrokenSealError || error instanceof DamagedLogError)
      throw new PersistenceError('persist_failed', error.message);
    throw error;
  }
}
