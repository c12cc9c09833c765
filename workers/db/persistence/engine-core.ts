/**
 * The persistence engine: "log first, snapshot later" (see DESIGN.md).
 *
 * A write runs in a SQLite transaction; temp triggers capture the changed rows; the batch is appended
 * to IndexedDB as one record; only when that IndexedDB transaction completes is the SQLite transaction
 * committed and the write acknowledged. A failed append rolls back, so memory never holds an
 * unacknowledged change. Checkpoints (off the write path, when the log grows or on demand) store
 * `db.export()` as content-addressed chunks and trim the log. Start-up loads the newest snapshot that
 * verifies and replays the log after it.
 *
 * Every database access goes through one mutex: a read must not see a write whose append is still in
 * flight, and `export()` must never run inside a transaction.
 *
 * This file is the core (open, read, write, replay, checkpoint); `engine.ts` adds the operations on the
 * whole database (bulk loads, restores, backups, re-encoding the store).
 */
import type { Database } from 'sql.js';
import type { PersistenceStatus, Written } from '../contract';
import {
  applyChanges,
  coalesceChanges,
  runDerivedStates,
  installCapture,
  readSchema,
  removeCapture,
  restoreDeleted,
  type TableInfo,
} from './change-capture';
import { hashChunks, openSnapshot, storeMissingChunks } from './chunks';
import {
  appendLog,
  isLogRecord,
  readHead,
  readLog,
  readLogRecord,
  readMeta,
  referencedChunks,
  writeSnapshot,
  type Change,
  type LogRecord,
  type SnapshotRef,
} from './idb-store';
import { KeyChangedError } from './crypto';
import { Mutex, pause } from '../sync/coordinator';
import { STORAGE_PROBLEMS, StatusTracker } from './status-tracker';
import {
  DamagedLogError,
  PersistenceError,
  type CheckpointPolicy,
  type EngineOptions,
  type WriteKind,
} from './types';

const DEFAULT_POLICY: CheckpointPolicy = { records: 1000, bytes: 8 * 1024 * 1024, idleMs: 2000 };

export abstract class EngineCore {
  protected db!: Database;
  protected schema = new Map<string, TableInfo>();
  protected seqApplied = 0;
  protected snapshotSeq = 0;
  protected verifiedChunks = new Set<string>();
  protected sinceSnapshot = { records: 0, bytes: 0 };
  protected checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  protected readonly mutex = new Mutex();
  protected readonly policy: CheckpointPolicy;
  protected readonly now: () => Date;
  protected readonly status: StatusTracker;
  protected closed = false;

  protected constructor(protected readonly options: EngineOptions) {
    this.policy = { ...DEFAULT_POLICY, ...options.checkpointPolicy };
    this.now = options.now ?? (() => new Date());
    this.status = new StatusTracker(() => this.seqApplied, options.onStatus);
  }

  get seq(): number {
    return this.seqApplied;
  }

  currentStatus(): PersistenceStatus {
    return this.status.snapshot();
  }

  /** Runs `query` against the database, after any write in flight has been acknowledged. */
  read<T>(query: (db: Database) => T): Promise<T> {
    return this.mutex.run(async () => query(this.db));
  }

  /**
   * Runs `mutation` in a transaction and makes its changes durable before acknowledging them.
   * A mutation that throws is rolled back and its error rethrown; a failed append is rolled back and
   * reported as a PersistenceError ('quota_exceeded' or 'persist_failed') plus a status problem.
   */
  write<T>(
    mutation: (db: Database) => T,
    options: { bulk?: boolean; restoring?: boolean } = {},
  ): Promise<Written<T>> {
    return this.exclusive(async () => {
      for (let attempt = 0; ; attempt++) {
        const result = await this.tryWrite(mutation, { restoring: options.restoring ?? false });
        if (result) {
          if (options.bulk) await this.checkpointLocked();
          else this.scheduleCheckpoint();
          return result;
        }
        if (attempt >= 50) throw new PersistenceError('persist_failed', 'other tabs kept writing; try again');
        await this.catchUp(); // another tab appended first: take its records, then run ours again
        // Without Web Locks tabs race on the compare-and-set; a random pause breaks the symmetry.
        if (!this.options.coordinator.crossTabLocks || attempt > 2)
          await pause(Math.random() * 4 * (attempt + 1));
      }
    });
  }

  /**
   * Runs `task` holding this tab's mutex and the cross-tab write lock: how every change to the store
   * starts. Refused while the workspace is read-only.
   */
  protected exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.mutex.run(() =>
      this.options.coordinator.withWriteLock(async () => {
        if (this.status.readOnly) throw new PersistenceError('read_only', 'the workspace is read-only');
        return task();
      }),
    );
  }

  /** Restores the rows deleted by log record `seq`, as a new write. */
  async undoDelete(seq: number): Promise<Written<number>> {
    const record = await readLogRecord(this.options.store, seq);
    if (!isLogRecord(record))
      throw new PersistenceError('nothing_to_undo', `change #${seq} is no longer kept`);
    return this.write((db) => restoreDeleted(db, this.schema, record.changes), { restoring: true });
  }

  /** Writes a snapshot now (catching up first) and trims the log. Returns the snapshot's seq. */
  checkpoint(): Promise<number> {
    return this.mutex.run(() => this.options.coordinator.withWriteLock(() => this.checkpointLocked()));
  }

  /**
   * The database file; safe to call any time (never inside a transaction, thanks to the mutex). sql.js
   * (≥ 1.16, as package.json requires) exports through SQLite's backup API and keeps the connection
   * open, so its settings and capture triggers stay as they are.
   */
  exportDatabase(): Promise<Uint8Array> {
    return this.mutex.run(async () => this.db.export());
  }

  /** After a storage failure: tries a checkpoint (which also frees log space) and clears the problem. */
  async retryStorage(): Promise<void> {
    await this.checkpoint();
    this.status.remove(...STORAGE_PROBLEMS);
    this.status.set('saved');
  }

  close(): void {
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.options.coordinator.close();
    this.db?.close();
  }

  // ——— encryption at rest (see features/encryption) ———

  /** Another tab switched encryption on or off: this copy must neither write nor trust what it reads. */
  protected keyChanged(error: KeyChangedError): KeyChangedError {
    this.status.add('encryption_changed', error.message);
    return error;
  }

  // ——— writing ———

  protected async tryWrite<T>(
    mutation: (db: Database) => T,
    kind: WriteKind = { restoring: false },
  ): Promise<Written<T> | null> {
    const db = this.db;
    db.exec('BEGIN');
    let value: T;
    let changes: Change[];
    try {
      value = mutation(db);
      changes = runDerivedStates(db, this.options.derived ?? [], kind);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    if (changes.length === 0) {
      db.exec('COMMIT');
      return { value, seq: this.seqApplied };
    }
    const record: LogRecord = {
      seq: this.seqApplied + 1,
      schemaVersion: this.schemaVersion(),
      at: this.now().toISOString(),
      tab: this.options.tab,
      changes: coalesceChanges(changes),
    };
    this.status.set('saving');
    let outcome;
    try {
      outcome = await appendLog(this.options.store, record);
    } catch (error) {
      db.exec('ROLLBACK');
      throw this.appendFailed(error);
    }
    if (outcome === 'behind') {
      db.exec('ROLLBACK');
      return null;
    }
    db.exec('COMMIT');
    this.seqApplied = record.seq;
    this.sinceSnapshot.records += 1;
    this.sinceSnapshot.bytes += record.changes.reduce(
      (sum, change) => sum + (change[3]?.length ?? 0) + 32,
      0,
    );
    this.status.remove('quota_exceeded', 'append_failed');
    this.status.saved(record.at);
    this.published(record.seq, [...new Set(changes.map((change) => change[0]))]);
    return { value, seq: record.seq };
  }

  /** Tells this tab's UI and the other tabs that `seq` is durable. */
  protected published(seq: number, tables: string[]): void {
    this.options.coordinator.announce({ seq, tab: this.options.tab, tables });
    this.options.onChanged?.(tables, false);
  }

  protected appendFailed(error: unknown): PersistenceError {
    if (error instanceof KeyChangedError) return this.keyChanged(error);
    const name = error instanceof DOMException || error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (name === 'QuotaExceededError') {
      this.status.add('quota_exceeded', detail);
      return new PersistenceError('quota_exceeded', 'the browser refused to store more data');
    }
    this.status.add('append_failed', detail);
    return new PersistenceError('persist_failed', `the change could not be saved (${detail})`);
  }

  // ——— loading and catching up ———

  protected async load(): Promise<boolean> {
    const store = this.options.store;
    const meta = await readMeta(store);
    let created = false;
    if (!meta) {
      this.db = new this.options.SQL.Database();
      this.db.exec('PRAGMA foreign_keys = ON');
      this.options.migrate(this.db);
      this.setUpConnection();
      created = (await readHead(store)) === 0;
    } else if (!(await this.loadSnapshot(meta))) {
      if (!meta.previous || !(await this.loadSnapshot(meta.previous))) {
        // Neither snapshot verifies: show an empty, read-only workspace and touch nothing stored.
        this.db = new this.options.SQL.Database();
        this.db.exec('PRAGMA foreign_keys = ON');
        this.options.migrate(this.db);
        this.setUpConnection();
        this.status.add('damaged_chunk', 'no stored snapshot passes its checksum; nothing was deleted');
        return false;
      }
      this.status.add(
        'recovered_from_previous_snapshot',
        'the newest snapshot is damaged; rebuilt from the one before it and the log',
      );
    }
    try {
      await this.replay(this.seqApplied + 1, await readHead(store));
    } catch (error) {
      if (!(error instanceof DamagedLogError)) throw error;
      this.status.add('damaged_log', error.message);
      return created;
    }
    const version = this.schemaVersion();
    if (version > this.options.latestSchemaVersion) {
      this.status.add(
        'newer_schema',
        `saved with schema ${version}; this version of the app knows up to ${this.options.latestSchemaVersion}`,
      );
      return created;
    }
    if (!meta || version < this.options.latestSchemaVersion || this.status.hasProblems) {
      if (version < this.options.latestSchemaVersion) {
        this.options.migrate(this.db);
        this.setUpConnection();
      }
      await this.checkpointLocked(); // so no log record ever spans two schema versions
    }
    return created;
  }

  /** Loads a snapshot; false when a chunk is missing or damaged or the bytes are not SQLite. */
  protected async loadSnapshot(ref: SnapshotRef): Promise<boolean> {
    const db = await openSnapshot(this.options.SQL, this.options.store, ref);
    if (!db) return false;
    this.db?.close();
    this.db = db;
    this.db.exec('PRAGMA foreign_keys = ON');
    this.setUpConnection();
    this.seqApplied = ref.snapshotSeq;
    this.snapshotSeq = ref.snapshotSeq;
    this.verifiedChunks = new Set(ref.chunks);
    this.sinceSnapshot = { records: 0, bytes: 0 };
    return true;
  }

  /** Applies log records from..to, each in its own transaction. Throws DamagedLogError on a gap or bad record. */
  protected async replay(from: number, to: number): Promise<Set<string>> {
    const touched = new Set<string>();
    if (to < from) return touched;
    const records = await readLog(this.options.store, from, to);
    // Replayed rows are already in the log: capturing them again (a JSON image per row) only to delete
    // the images would double the cost of opening after a large import.
    removeCapture(this.db, this.schema);
    try {
      this.replayRecords(records, from, to, touched);
    } finally {
      installCapture(this.db, this.schema);
    }
    return touched;
  }

  protected replayRecords(records: unknown[], from: number, to: number, touched: Set<string>): void {
    for (let index = 0; index < to - from + 1; index++) {
      const record = records[index];
      const expected = from + index;
      if (!isLogRecord(record) || record.seq !== expected) {
        throw new DamagedLogError(`saved change #${expected} is missing or unreadable`);
      }
      if (record.reset)
        throw new DamagedLogError(
          `change #${expected} replaced the workspace and its snapshot is unreadable`,
        );
      if (record.schemaVersion > this.options.latestSchemaVersion) {
        // Shown read-only: its row images still apply to the columns this version knows.
        this.status.add('newer_schema', `change #${expected} was written by a newer version of the app`);
      }
      this.db.exec('BEGIN');
      try {
        for (const table of applyChanges(this.db, this.schema, record.changes)) touched.add(table);
        for (const state of this.options.derived ?? []) state.afterApply?.(this.db, record.changes);
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw new DamagedLogError(`saved change #${expected} cannot be applied: ${(error as Error).message}`);
      }
      this.seqApplied = expected;
      this.sinceSnapshot.records += 1;
    }
  }

  /** Brings this copy up to the stored head (other tabs' writes). Caller holds the mutex. */
  protected async catchUp(): Promise<void> {
    const store = this.options.store;
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = await readHead(store);
      if (head <= this.seqApplied) return;
      const meta = await readMeta(store);
      if (meta && meta.schemaVersion > this.options.latestSchemaVersion) {
        this.status.add(
          'newer_schema',
          `another tab upgraded the workspace to schema ${meta.schemaVersion}; reload`,
        );
        return;
      }
      const records = await readLog(store, this.seqApplied + 1, head);
      const replayable =
        records.length === head - this.seqApplied &&
        records.every((r, i) => isLogRecord(r) && r.seq === this.seqApplied + 1 + i && !r.reset) &&
        meta?.schemaVersion === this.schemaVersion();
      // Trimmed records, a bulk reset or a migration by another tab: start from its snapshot instead.
      const reload = !replayable && !!meta && meta.snapshotSeq > this.seqApplied;
      if (reload && !(await this.loadSnapshot(meta))) {
        throw new PersistenceError('persist_failed', 'the stored snapshot is damaged');
      }
      try {
        const touched = await this.replay(this.seqApplied + 1, head);
        this.options.onChanged?.(reload ? [...this.schema.keys()] : [...touched], true);
        this.status.emit();
        return;
      } catch (error) {
        if (!(error instanceof DamagedLogError) || attempt === 2) throw error;
        // A record vanished under us (trimmed by a concurrent checkpoint): retry from the snapshot.
      }
    }
  }

  /** Drops this copy and loads what is stored (after a bulk write failed to become durable). */
  protected async reloadFromStore(): Promise<void> {
    const meta = await readMeta(this.options.store);
    if (!meta || !(await this.loadSnapshot(meta)))
      throw new PersistenceError('persist_failed', 'cannot reload the workspace');
    await this.replay(this.seqApplied + 1, await readHead(this.options.store));
  }

  protected async catchUpSafely(): Promise<void> {
    try {
      await this.mutex.run(() => this.catchUp());
    } catch (error) {
      if (error instanceof KeyChangedError) return void this.keyChanged(error);
      this.status.add(
        error instanceof DamagedLogError ? 'damaged_log' : 'load_failed',
        (error as Error).message,
      );
    }
  }

  // ——— checkpoints ———

  protected scheduleCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    const { records, bytes } = this.sinceSnapshot;
    if (records < this.policy.records && bytes < this.policy.bytes) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (this.closed) return;
      this.checkpoint().catch((error: unknown) => this.status.add('checkpoint_failed', String(error)));
    }, this.policy.idleMs);
  }

  protected async checkpointLocked(): Promise<number> {
    if (this.status.readOnly) return this.snapshotSeq;
    await this.catchUp();
    const stored = await readMeta(this.options.store);
    if (stored && stored.snapshotSeq === this.seqApplied && stored.schemaVersion === this.schemaVersion()) {
      this.snapshotSeq = stored.snapshotSeq;
      this.sinceSnapshot = { records: 0, bytes: 0 };
      return this.snapshotSeq;
    }
    try {
      await this.snapshotLocked();
    } catch (error) {
      if (error instanceof KeyChangedError) throw this.keyChanged(error);
      this.status.add(
        error instanceof DOMException && error.name === 'QuotaExceededError'
          ? 'quota_exceeded'
          : 'checkpoint_failed',
        String(error),
      );
      throw new PersistenceError('persist_failed', 'the snapshot could not be saved');
    }
    this.status.remove('checkpoint_failed', 'recovered_from_previous_snapshot');
    return this.snapshotSeq;
  }

  /** Exports and stores a snapshot at the current seq (or at `barrier.seq`, appending the barrier). */
  protected async snapshotLocked(barrier?: LogRecord): Promise<void> {
    const image = await this.storeImage();
    const snapshotSeq = barrier?.seq ?? this.seqApplied;
    await writeSnapshot(
      this.options.store,
      { snapshotSeq, schemaVersion: this.schemaVersion(), ...image, at: this.now().toISOString() },
      barrier,
    );
    this.seqApplied = snapshotSeq;
    this.verifiedChunks = new Set(image.chunks);
    this.snapshotSeq = snapshotSeq;
    this.sinceSnapshot = { records: 0, bytes: 0 };
  }

  /**
   * Exports the database and stores the chunks the store lacks (snapshots and backups alike); returns
   * where the image is. Nothing names the new chunks yet: the caller's record does, in its own write.
   */
  protected async storeImage(): Promise<{ chunks: string[]; size: number }> {
    const bytes = this.db.export();
    const chunks = await hashChunks(bytes, this.options.store);
    // Chunks this tab verified and the stored meta still references need not be written again.
    const stored = await referencedChunks(this.options.store);
    const present = new Set([...this.verifiedChunks].filter((hash) => stored.has(hash)));
    await storeMissingChunks(this.options.store, bytes, chunks, present);
    return { chunks, size: bytes.length };
  }

  // ——— connection and status ———

  protected setUpConnection(): void {
    this.db.exec('PRAGMA foreign_keys = ON');
    // The database file lives in sql.js's in-memory file system and durability comes from the change log,
    // so a rollback journal in that file system only costs: each page it saves goes through a JS write
    // call. In SQLite's memory, rollback works the same and big writes take about a third less time.
    this.db.exec('PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768');
    this.schema = readSchema(this.db);
    installCapture(this.db, this.schema);
  }

  protected schemaVersion(): number {
    return Number(this.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }
}
