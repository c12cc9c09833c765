/**
 * Backups kept in this browser ("time machine"): an automatic one a day, manual ones with a label, and a
 * 'pre-restore' one before every restore. Each is a copy of the database stored through the persistence
 * layer's chunk functions (so chunks unchanged since the last snapshot are shared, and whatever those
 * functions do to bytes at rest applies to backups too), under key ['backup', id].
 *
 * Settings per workspace (how many to keep, when a `.sqlite` was last downloaded) live next to them
 * under 'backup-settings'.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { get, set, type UseStore } from 'idb-keyval';
import { DomainError } from '../../errors';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { openSnapshot } from '../../persistence/chunks';
import type { BackupInfo, PersistenceEngine } from '../../persistence/engine';
import { readBackup, readBackups, type BackupRecord } from '../../persistence/idb-store';
import type { BackupKind, BackupOverview, BackupSummary, RestoreReceipt } from './api';
import { countRecords } from './counts';
import { LIMITS } from '../../validation';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Safari erases a site's storage after 7 days without a visit: a downloaded file is the only safe copy. */
export const DOWNLOAD_REMINDER_MS = 7 * DAY_MS;
export const DEFAULT_KEEP = 7;
export const MAX_KEEP = 100;

const SETTINGS_KEY = 'backup-settings';

export interface BackupSettings {
  keep: number;
  lastDownloadAt: string | null;
  /** "Remind me later" until this instant. */
  snoozedUntil: string | null;
  /** When the reminder clock started for a workspace that never downloaded a file. */
  since: string;
}

export interface BackupContext {
  engine: PersistenceEngine;
  store: UseStore;
  SQL: SqlJsStatic;
  now: () => Date;
}

export async function readSettings(context: BackupContext): Promise<BackupSettings> {
  const stored = await get<Partial<BackupSettings>>(SETTINGS_KEY, context.store);
  const settings: BackupSettings = {
    keep: typeof stored?.keep === 'number' ? stored.keep : DEFAULT_KEEP,
    lastDownloadAt: stored?.lastDownloadAt ?? null,
    snoozedUntil: stored?.snoozedUntil ?? null,
    since: stored?.since ?? context.now().toISOString(),
  };
  if (!stored?.since) await set(SETTINGS_KEY, settings, context.store);
  return settings;
}

async function updateSettings(
  context: BackupContext,
  change: Partial<BackupSettings>,
): Promise<BackupSettings> {
  const next = { ...(await readSettings(context)), ...change };
  await set(SETTINGS_KEY, next, context.store);
  return next;
}

export const toSummary = (record: BackupRecord): BackupSummary => ({
  id: record.id,
  label: record.label,
  kind: record.kind,
  at: record.at,
  size: record.size,
  counts: record.counts,
  schemaVersion: record.schemaVersion,
});

const newestFirst = (a: BackupRecord, b: BackupRecord) =>
  a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at);

export async function listBackups(context: BackupContext): Promise<BackupRecord[]> {
  return (await readBackups(context.store)).sort(newestFirst);
}

export function reminderDue(settings: BackupSettings, now: Date): boolean {
  if (settings.snoozedUntil && Date.parse(settings.snoozedUntil) > now.getTime()) return false;
  const since = Date.parse(settings.lastDownloadAt ?? settings.since);
  return now.getTime() - since >= DOWNLOAD_REMINDER_MS;
}

export async function overview(context: BackupContext): Promise<BackupOverview> {
  const settings = await readSettings(context);
  return {
    backups: (await listBackups(context)).map(toSummary),
    keep: settings.keep,
    lastDownloadAt: settings.lastDownloadAt,
    downloadReminderDue: reminderDue(settings, context.now()),
    current: await context.engine.read(countRecords),
  };
}

function describe(kind: BackupKind, label: string, context: BackupContext): (db: Database) => BackupInfo {
  return (db) => ({
    id: crypto.randomUUID(),
    label,
    kind,
    at: context.now().toISOString(),
    counts: countRecords(db),
  });
}

export async function createManualBackup(context: BackupContext, label: string): Promise<BackupRecord> {
  const trimmed = label.trim();
  if (trimmed.length > LIMITS.name)
    throw new DomainError('validation', 'The label is too long.', { label: 'too_long' });
  const record = await context.engine.storeBackup(describe('manual', trimmed, context));
  if (!record) throw new Error('a manual backup is never skipped');
  return record;
}

/** The automatic daily backup, if the newest automatic one is 24 h old (checked under the write lock). */
export async function backupIfDue(context: BackupContext): Promise<BackupRecord | null> {
  const record = await context.engine.storeBackup((db, existing) => {
    const now = context.now().getTime();
    const recent = existing.some((backup) => backup.kind === 'auto' && now - Date.parse(backup.at) < DAY_MS);
    return recent ? null : describe('auto', '', context)(db);
  });
  if (record) await prune(context, 'auto');
  return record;
}

/** Keeps the newest `keep` backups of `kind`; manual backups are kept until the user deletes them. */
export async function prune(context: BackupContext, kind: Exclude<BackupKind, 'manual'>): Promise<number> {
  const { keep } = await readSettings(context);
  const surplus = (await listBackups(context)).filter((backup) => backup.kind === kind).slice(keep);
  if (surplus.length > 0) await context.engine.deleteBackups(surplus.map((backup) => backup.id));
  return surplus.length;
}

export async function setKeep(context: BackupContext, keep: number): Promise<number> {
  if (!Number.isInteger(keep) || keep < 1 || keep > MAX_KEEP)
    throw new DomainError('validation', `Keep between 1 and ${MAX_KEEP} backups.`, {
      keep: 'invalid_choice',
    });
  await updateSettings(context, { keep });
  await prune(context, 'auto');
  await prune(context, 'pre-restore');
  return keep;
}

export async function deleteBackup(context: BackupContext, id: string): Promise<void> {
  if (!(await readBackup(context.store, id)))
    throw new DomainError('not_found', `backup ${id} does not exist`);
  await context.engine.deleteBackups([id]);
}

export const recordDownload = (context: BackupContext) =>
  updateSettings(context, { lastDownloadAt: context.now().toISOString(), snoozedUntil: null });

export const snoozeReminder = (context: BackupContext) =>
  updateSettings(context, { snoozedUntil: new Date(context.now().getTime() + DAY_MS).toISOString() });

/**
 * Swaps the workspace for `next` (already validated), storing a 'pre-restore' backup of the present first
 * under the same write lock; `label` says what was restored.
 */
export async function replaceWorkspace(
  context: BackupContext,
  next: Database,
  label: string,
): Promise<RestoreReceipt> {
  const { value: preRestore } = await context.engine.replaceDatabase(next, {
    backupFirst: describe('pre-restore', label, context),
  });
  await prune(context, 'pre-restore');
  if (!preRestore) throw new Error('the pre-restore backup was not stored');
  return { preRestore: toSummary(preRestore), counts: await context.engine.read(countRecords) };
}

export async function restoreBackup(context: BackupContext, id: string): Promise<RestoreReceipt> {
  const record = await readBackup(context.store, id);
  if (!record) throw new DomainError('not_found', `backup ${id} does not exist`);
  if (record.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new DomainError(
      'newer_file',
      `the backup has schema version ${record.schemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}`,
    );
  }
  const db = await openSnapshot(context.SQL, context.store, record);
  if (!db) throw new DomainError('damaged_backup', `a piece of backup ${id} is missing or damaged`);
  return replaceWorkspace(context, db, record.label);
}
