/** Options and errors of the persistence engine. */
import type { Database, SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import type { ErrorCode, PersistenceStatus } from '../contract';
import type { Coordinator } from '../sync/coordinator';
import type { Change } from './idb-store';

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
  /** State derived from the rows (audit log, search index), kept in step by the engine. */
  derived?: readonly DerivedState[];
}

/** The first image (JSON) of each row a write updated or deleted, as it was before the write touched it. */
export type BeforeImages = (table: string, id: number) => string | null;

/**
 * Something the engine keeps in step with every row change, whichever code made it (a repository, an
 * import, the SQL console, an undo, another tab): the audit log and the search index.
 */
/**
 * What a write does, for derived states that react to it: `restore` brings back rows an earlier write
 * removed (the undo of a delete, a merge or a change) — not new records, so rules on "created" stay quiet.
 */
export interface WriteKind {
  restoring: boolean;
}

export interface DerivedState {
  /**
   * Inside a write's transaction, after its mutation: may write rows of its own, which are captured and
   * logged with the write (so one atomic record carries both). Throwing rolls the whole write back.
   */
  afterWrite?(db: Database, changes: readonly Change[], before: BeforeImages, write: WriteKind): void;
  /**
   * Inside the transaction that applies logged changes (start-up replay, other tabs' writes): for state the
   * log does not carry (a virtual table the capture skips).
   */
  afterApply?(db: Database, changes: readonly Change[]): void;
  /** Inside a bulk write's transaction (demo data, bench profile), which captures no rows: rebuild. */
  afterBulk?(db: Database): void;
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
