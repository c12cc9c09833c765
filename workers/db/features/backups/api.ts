/**
 * The backups feature's part of the DB worker API (see `workers/db/api.ts`): backups kept in this
 * browser ("time machine"), restoring a `.sqlite` file and merging a colleague's. Types only.
 *
 * Restoring and merging a file are two-phase: `inspect…`/`previewMerge` validate the file and describe
 * what would happen (nothing changes); the returned token then applies it after the user confirmed.
 */
import type { Result } from '../../contract';

export type BackupKind = 'auto' | 'manual' | 'pre-restore';

/** Rows per business table (customers, contacts, leads, opportunities, orders…). */
export type RecordCounts = Record<string, number>;

export interface BackupSummary {
  id: string;
  label: string;
  kind: BackupKind;
  /** ISO instant it was taken. */
  at: string;
  /** Bytes of the database file it holds. */
  size: number;
  counts: RecordCounts;
  schemaVersion: number;
}

export interface BackupOverview {
  /** Newest first. */
  backups: BackupSummary[];
  /** How many automatic (and, separately, pre-restore) backups are kept. */
  keep: number;
  lastDownloadAt: string | null;
  /** No `.sqlite` was downloaded for 7 days and the user did not ask to be reminded later. */
  downloadReminderDue: boolean;
  current: RecordCounts;
}

export interface RestoreReceipt {
  /** The backup of the data as it was just before the restore. */
  preRestore: BackupSummary;
  counts: RecordCounts;
}

/** A validated `.sqlite` file waiting for the user's confirmation. */
export interface FileInspection {
  token: string;
  fileName: string;
  /** The file's schema version before it was brought up to date in memory. */
  fileSchemaVersion: number;
  /** The file is from an older version of the app and was brought up to date (in memory). */
  migrated: boolean;
  file: RecordCounts;
  current: RecordCounts;
}

export type MergeField =
  'kind' | 'name' | 'stage' | 'owner' | 'industry' | 'address' | 'phone' | 'email' | 'notes';
export type MergeSide = 'mine' | 'theirs';

export interface MergeConflict {
  field: MergeField;
  /** Shown values (the owner as a name). */
  mine: string;
  theirs: string;
}

export interface MergeMatch {
  theirsId: number;
  mineId: number;
  mineName: string;
  theirsName: string;
  matchedBy: 'email' | 'phone' | 'id';
  conflicts: MergeConflict[];
  /** Their contacts of this customer that I do not have; they are added. */
  newContacts: number;
}

export interface MergeAddition {
  theirsId: number;
  name: string;
  contacts: number;
  /** Name of my user who will own it, or null when their owner is not one of my users. */
  owner: string | null;
}

export type MergeSkipReason = 'matched_twice' | 'invalid';

export interface MergeSkip {
  theirsId: number;
  name: string;
  reason: MergeSkipReason;
  /** For 'invalid': the field codes that failed validation. */
  detail: string;
}

export interface MergePreview {
  token: string;
  fileName: string;
  theirs: { customers: number; contacts: number };
  additions: MergeAddition[];
  matches: MergeMatch[];
  skipped: MergeSkip[];
}

/** Per matched customer (their id), per conflicting field, whose value to keep; unlisted fields keep mine. */
export type MergeChoices = Record<number, Partial<Record<MergeField, MergeSide>>>;

export interface MergeReport {
  added: string[];
  updated: string[];
  /** Matched customers left as they were (no differences, or mine chosen everywhere). */
  unchanged: number;
  skipped: MergeSkip[];
  contactsAdded: number;
  /** Their contacts left out because they fail validation (e.g. a malformed email). */
  contactsSkipped: number;
}

export interface BackupsApi {
  backupOverview(): Promise<Result<BackupOverview>>;
  /** A manual backup with the user's label. */
  createBackup(label: string): Promise<Result<BackupSummary>>;
  /** Takes the automatic daily backup if the newest one is older than 24 h; null when not due. */
  backupIfDue(): Promise<Result<BackupSummary | null>>;
  deleteBackup(id: string): Promise<Result<true>>;
  /** Replaces the workspace with a backup, after storing a 'pre-restore' backup of the present. */
  restoreBackup(id: string): Promise<Result<RestoreReceipt>>;
  /** How many automatic backups to keep (1–100); older ones are deleted at once. */
  setBackupKeep(keep: number): Promise<Result<number>>;
  /** A `.sqlite` file was downloaded now (resets the 7-day reminder). */
  recordDownload(): Promise<Result<true>>;
  /** "Remind me later": no reminder for a day. */
  snoozeDownloadReminder(): Promise<Result<true>>;

  /** Validates a `.sqlite` file (read in the worker) for restoring; changes nothing. */
  inspectDatabaseFile(file: Blob, fileName: string): Promise<Result<FileInspection>>;
  restoreDatabaseFile(token: string): Promise<Result<RestoreReceipt>>;
  /** Validates a colleague's `.sqlite` file and describes the merge; changes nothing. */
  previewMerge(file: Blob, fileName: string): Promise<Result<MergePreview>>;
  applyMerge(token: string, choices: MergeChoices): Promise<Result<MergeReport>>;
  /** Forgets a file the user cancelled (frees its memory). */
  discardFile(token: string): Promise<Result<true>>;
}
