/** Options and errors of the persistence engine. */
import type { Database, SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import type { ErrorCode, PersistenceStatus } from '../contract';
import type { Coordinator } from '../sync/coordinator';

export interface CheckpointPolicy {
  /** Checkpoint once this many records were logged since the last snapshot… */
  records: number;
  /** …or this many bytes of row images. */
  bytes: number;
  /** Wait this long after the last write before checkpointing. */
  idleMs: number;
}

export interface EngineOptions {
  SQL: SqlJsStatic;
  store: UseStore;
  coordinator: Coordinator;
  tab: string;
  /** Brings a database to the code's schema (numbered migrations). */
  migrate: (db: Database) => void;
  latestSchemaVersion: number;
  now?: () => Date;
  onStatus?: (status: PersistenceStatus) => void;
  onChanged?: (tables: string[], remote: boolean) => void;
  checkpointPolicy?: Partial<CheckpointPolicy>;
}

/** An expected failure of the persistence layer, reported to the UI as `{ ok: false, code }`. */
export class PersistenceError extends Error {
  override name = 'PersistenceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A log record is missing, unreadable or cannot be applied. */
export class DamagedLogError extends Error {
  override name = 'DamagedLogError';
}
