/**
 * The persistence engine the DB worker uses: the log-first core (`engine-core.ts`: open, read, write,
 * replay, checkpoint) plus the operations on the whole database — bulk loads, restoring another
 * database, backups and re-encoding the store. Each of these is saved as a snapshot (plus, when it
 * replaces the data, a one-line `reset` log record that other tabs meet and load the snapshot for)
 * rather than as logged row images.
 */
import type { Database } from 'sql.js';
import type { Written } from '../contract';
import { removeCapture } from './change-capture';
import { EngineCore } from './engine-core';
import {
  deleteBackups,
  putBackup,
  readBackups,
  type BackupRecord,
  type LogRecord,
  type SnapshotRef,
} from './idb-store';
import { PersistenceError, type EngineOptions } from './types';

export { PersistenceError, type EngineOptions };

/** What a backup's caller describes; the engine adds where its bytes are (the {@link SnapshotRef}). */
export type BackupInfo = Omit<BackupRecord, keyof SnapshotRef>;

export class PersistenceEngine extends EngineCore {
  /** Loads (or creates) the workspace. Never throws for damaged data: that becomes a read-only problem. */
  static async open(options: EngineOptions): Promise<{ engine: PersistenceEngine; created: boolean }> {
    const engine = new PersistenceEngine(options);
    const created = await options.coordinator.withWriteLock(() => engine.mutex.run(() => engine.load()));
    if (!options.coordinator.crossTabLocks) {
      engine.status.add(
        'unsupported_browser',
        'Web Locks are not available; tabs are kept apart by the log check only',
      );
    }
    options.coordinator.onAnnouncement((message) => {
      if (message.tab !== options.tab && message.seq > engine.seqApplied) void engine.catchUpSafely();
    });
    engine.status.set('saved');
    return { engine, created };
  }

  /**
   * Runs a large mutation (demo data, a benchmark profile) without row capture and makes it durable
   * as a snapshot plus a one-line `reset` log record, written in one IndexedDB transaction: logging
   * millions of row images would cost more than the snapshot. `derivedUnaffected` skips the derived
   * states' rebuild (the search index at a million rows) when the mutation changes no column they read.
   */
  bulkWrite<T>(
    mutation: (db: Database) => T,
    options: { derivedUnaffected?: boolean } = {},
  ): Promise<Written<T>> {
    return this.exclusive(async () => {
      await this.catchUp();
      removeCapture(this.db, this.schema);
      this.db.exec('BEGIN');
      let value: T;
      try {
        value = mutation(this.db);
        if (!options.derivedUnaffected)
          for (const state of this.options.derived ?? []) state.afterBulk?.(this.db);
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      } finally {
        this.setUpConnection(); // capture back on, and the schema as the mutation left it
      }
      // Memory must not keep what was not made durable: reload the stored state on failure.
      const seq = await this.saveAsReset(() => this.reloadFromStore());
      return { value, seq };
    });
  }

  /**
   * Replaces the whole database with `next` (a restored backup or file), saved like {@link bulkWrite}.
   * `backupFirst` describes a backup of the present data taken under the same lock, before anything
   * changes. `next` is migrated to the code's schema first. The engine owns `next`: on any failure it is
   * closed and this copy keeps the old database.
   */
  replaceDatabase(
    next: Database,
    options: { backupFirst?: (db: Database) => BackupInfo } = {},
  ): Promise<Written<BackupRecord | null>> {
    return this.exclusive(async () => {
      let backup: BackupRecord | null = null;
      try {
        await this.catchUp();
        next.exec('PRAGMA foreign_keys = ON');
        this.options.migrate(next);
        if (options.backupFirst) backup = await this.storeBackupLocked(options.backupFirst(this.db));
      } catch (error) {
        next.close();
        throw error;
      }
      const previous = this.db;
      this.db = next;
      this.setUpConnection();
      const seq = await this.saveAsReset(() => {
        this.db = previous;
        this.setUpConnection();
        next.close();
      });
      previous.close();
      return { value: backup, seq };
    });
  }

  // ——— backups (see features/backups): copies kept as chunks next to the snapshots ———

  /**
   * Stores a copy of the database as a backup. `describe` sees the database and the stored backups under
   * the write lock and returns null to skip (another tab just took the daily one). The lock also keeps a
   * checkpoint's chunk collection from running between storing the chunks and the record naming them.
   */
  storeBackup(
    describe: (db: Database, existing: BackupRecord[]) => BackupInfo | null,
  ): Promise<BackupRecord | null> {
    return this.exclusive(async () => {
      await this.catchUp();
      const info = describe(this.db, await readBackups(this.options.store));
      return info ? this.storeBackupLocked(info) : null;
    });
  }

  /** Deletes backups and the chunks only they referenced (under the lock, for the reason above). */
  deleteBackups(ids: readonly string[]): Promise<void> {
    return this.mutex.run(() =>
      this.options.coordinator.withWriteLock(() => deleteBackups(this.options.store, ids)),
    );
  }

  private async storeBackupLocked(info: BackupInfo): Promise<BackupRecord> {
    const image = await this.storeImage();
    const record: BackupRecord = {
      ...info,
      snapshotSeq: this.seqApplied,
      schemaVersion: this.schemaVersion(),
      ...image,
    };
    await putBackup(this.options.store, record);
    return record;
  }

  // ——— encryption at rest (see features/encryption) ———

  /**
   * Runs `task` (a rewrite of the whole store: switching encryption on or off) right after a checkpoint,
   * holding this tab's mutex and the cross-tab write lock, so the stored snapshot equals memory and no
   * write lands meanwhile. `task` must still commit in one transaction that re-checks what it read:
   * tabs without Web Locks can write regardless.
   */
  rewriteStore<T>(task: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.checkpointLocked();
      return task();
    });
  }

  // ——— saving a replacement ———

  /**
   * Saves the database as it is now as a snapshot plus a `reset` record, so other tabs load the snapshot
   * instead of replaying; `undo` restores memory when that fails. Returns the record's seq.
   */
  private async saveAsReset(undo: () => Promise<void> | void): Promise<number> {
    this.status.set('saving');
    const barrier: LogRecord = {
      seq: this.seqApplied + 1,
      schemaVersion: this.schemaVersion(),
      at: this.now().toISOString(),
      tab: this.options.tab,
      changes: [],
      reset: true,
    };
    try {
      await this.snapshotLocked(barrier);
    } catch (error) {
      await undo();
      throw this.appendFailed(error);
    }
    this.status.saved(barrier.at);
    this.published(barrier.seq, [...this.schema.keys()]);
    return barrier.seq;
  }
}
