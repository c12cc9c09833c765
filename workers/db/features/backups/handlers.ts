/**
 * Implements {@link BackupsApi} in the DB worker. A validated `.sqlite` file waits here, opened in memory
 * under a random token, until the user confirms (restore, merge) or cancels; one file per purpose at a
 * time, so an abandoned dialog does not pin hundreds of MB.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { guard, nowIso, runtime } from '../../runtime';
import type { PersistenceEngine } from '../../persistence/engine';
import type { BackupsApi } from './api';
import {
  backupIfDue,
  createManualBackup,
  deleteBackup,
  overview,
  recordDownload,
  replaceWorkspace,
  restoreBackup,
  setKeep,
  snoozeReminder,
  toSummary,
  type BackupContext,
} from './backup-store';
import { countRecords } from './counts';
import { applyMerge, previewMerge } from './merge';
import { openDatabaseFile } from './sqlite-file';

type Purpose = 'restore' | 'merge';
const pending = new Map<string, { db: Database; fileName: string; purpose: Purpose }>();

function context(engine: PersistenceEngine): BackupContext {
  if (!runtime.store || !runtime.SQL) throw new DomainError('not_ready', 'the database is not open yet');
  return { engine, store: runtime.store, SQL: runtime.SQL, now: () => new Date() };
}

function discard(token: string): void {
  pending.get(token)?.db.close();
  pending.delete(token);
}

async function hold(file: Blob, fileName: string, purpose: Purpose) {
  for (const [token, entry] of pending) if (entry.purpose === purpose) discard(token);
  const { db, fileSchemaVersion } = openDatabaseFile(runtime.SQL!, new Uint8Array(await file.arrayBuffer()));
  const token = crypto.randomUUID();
  pending.set(token, { db, fileName, purpose });
  return { token, db, fileSchemaVersion };
}

function take(token: string, purpose: Purpose) {
  const entry = pending.get(token);
  if (!entry || entry.purpose !== purpose)
    throw new DomainError('file_expired', 'the chosen file is no longer open; choose it again');
  return entry;
}

export const backupsHandlers: BackupsApi = {
  backupOverview: () => guard((e) => overview(context(e))),
  createBackup: (label) => guard(async (e) => toSummary(await createManualBackup(context(e), label))),
  backupIfDue: () =>
    guard(async (e) => {
      const record = await backupIfDue(context(e));
      return record ? toSummary(record) : null;
    }),
  deleteBackup: (id) =>
    guard(async (e) => {
      await deleteBackup(context(e), id);
      return true as const;
    }),
  restoreBackup: (id) => guard((e) => restoreBackup(context(e), id)),
  setBackupKeep: (keep) => guard((e) => setKeep(context(e), keep)),
  recordDownload: () =>
    guard(async (e) => {
      await recordDownload(context(e));
      return true as const;
    }),
  snoozeDownloadReminder: () =>
    guard(async (e) => {
      await snoozeReminder(context(e));
      return true as const;
    }),

  inspectDatabaseFile: (file, fileName) =>
    guard(async (e) => {
      context(e);
      const { token, db, fileSchemaVersion } = await hold(file, fileName, 'restore');
      return {
        token,
        fileName,
        fileSchemaVersion,
        migrated: fileSchemaVersion < LATEST_SCHEMA_VERSION,
        file: countRecords(db),
        current: await e.read(countRecords),
      };
    }),
  restoreDatabaseFile: (token) =>
    guard(async (e) => {
      const entry = take(token, 'restore');
      // The engine owns (and on failure closes) the database from here on.
      pending.delete(token);
      return replaceWorkspace(context(e), entry.db, entry.fileName);
    }),
  previewMerge: (file, fileName) =>
    guard(async (e) => {
      context(e);
      const { token, db } = await hold(file, fileName, 'merge');
      return e.read((mine) => previewMerge(mine, db, token, fileName));
    }),
  applyMerge: (token, choices) =>
    guard(async (e) => {
      const entry = take(token, 'merge');
      const { value } = await e.write((mine) => applyMerge(mine, entry.db, choices, nowIso()));
      discard(token);
      return value;
    }),
  discardFile: (token) =>
    guard(() => {
      discard(token);
      return true as const;
    }),
};
