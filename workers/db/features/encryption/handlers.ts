/** Implements {@link EncryptionApi} in the DB worker. */
import type { OpenInfo, Result } from '../../contract';
import { DomainError } from '../../errors';
import { guard, nowIso, runtime } from '../../runtime';
import type { EncryptionApi } from './api';
import * as encryption from './service';

let unlocking: Promise<Result<OpenInfo>> | null = null;

async function unlock(passphrase: string): Promise<Result<OpenInfo>> {
  const { store, finishOpen } = runtime;
  if (!store || !finishOpen)
    return { ok: false, code: 'not_ready', message: 'open the workspace before unlocking it' };
  if (runtime.engine)
    return { ok: false, code: 'encryption_state', message: 'the workspace is already open' };
  try {
    await encryption.unlockStore(store, passphrase);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  try {
    return await finishOpen();
  } catch (error) {
    // As in `open`: a failure to load becomes the full-page boot error, not a dead lock screen.
    return { ok: false, code: 'not_ready', message: error instanceof Error ? error.message : String(error) };
  }
}

export const encryptionHandlers: EncryptionApi = {
  unlock(passphrase) {
    // One unlock at a time: a second click must not open the engine twice.
    unlocking ??= unlock(passphrase).finally(() => (unlocking = null));
    return unlocking;
  },

  encryptionStatus: () => guard(() => encryption.encryptionStatus(runtime.store!)),

  enableEncryption: (passphrase, onProgress) =>
    guard((engine) => encryption.enableEncryption(engine, runtime.store!, passphrase, nowIso(), onProgress)),

  changePassphrase: (current, next) =>
    guard(() => encryption.changePassphrase(runtime.store!, current, next, nowIso())),

  disableEncryption: (passphrase, onProgress) =>
    guard((engine) => encryption.disableEncryption(engine, runtime.store!, passphrase, onProgress)),
};
