/** The encryption feature's part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { OpenInfo, Result } from '../../contract';

export interface EncryptionStatus {
  enabled: boolean;
  /** PBKDF2-SHA-256 iterations of the passphrase key (null when off). */
  iterations: number | null;
  enabledAt: string | null;
  passphraseChangedAt: string | null;
}

export interface EncryptionProgress {
  /** 'deriving': the passphrase key (a deliberate half second or more, no steps to report). */
  phase: 'deriving' | 'encrypting' | 'decrypting';
  done: number;
  total: number;
}

export interface EncryptionApi {
  /**
   * After `open` answered 'locked': derives the key from `passphrase` and finishes opening.
   * 'wrong_passphrase' leaves everything as it was (and the tab locked).
   */
  unlock(passphrase: string): Promise<Result<OpenInfo>>;
  encryptionStatus(): Promise<Result<EncryptionStatus>>;
  /** Encrypts everything stored (snapshots, log, backups) and deletes the plaintext. */
  enableEncryption(
    passphrase: string,
    onProgress?: (progress: EncryptionProgress) => void,
  ): Promise<Result<EncryptionStatus>>;
  /** Re-wraps the data key: one write, the data is not re-encrypted. */
  changePassphrase(current: string, next: string): Promise<Result<EncryptionStatus>>;
  /** After confirming with the passphrase: decrypts everything back and removes the key. */
  disableEncryption(
    passphrase: string,
    onProgress?: (progress: EncryptionProgress) => void,
  ): Promise<Result<EncryptionStatus>>;
}
