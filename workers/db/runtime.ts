/**
 * The DB worker's shared state and its one error boundary, so each feature's handlers
 * (`workers/db/features/<feature>/handlers.ts`) can live in their own file next to the core ones.
 */
import type { UseStore } from 'idb-keyval';
import type { SqlJsStatic } from 'sql.js';
import type { DbEvent, OpenInfo, PersistenceStatus, Result } from './contract';
import { DomainError } from './errors';
import { PersistenceEngine, PersistenceError } from './persistence/engine';

export const runtime = {
  engine: null as PersistenceEngine | null,
  SQL: null as SqlJsStatic | null,
  store: null as UseStore | null,
  /** IndexedDB database name of the open workspace (`?store=` in the URL, else 'kehu-crm'). */
  workspace: 'kehu-crm',
  listener: null as ((event: DbEvent) => void) | null,
  lastStatus: null as PersistenceStatus | null,
  /** The rest of `open` once an encrypted workspace has been unlocked (features/encryption). */
  finishOpen: null as (() => Promise<Result<OpenInfo>>) | null,
  /**
   * The user this tab acts as (chosen in the header; null = nobody chosen yet): recorded as the author of
   * every change in the audit log and used by "mine / my team" filters. Not a security boundary.
   */
  actorId: null as number | null,
};

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** The one place where thrown errors become results: domain and persistence errors are expected. */
export async function guard<T>(task: (engine: PersistenceEngine) => Promise<T> | T): Promise<Result<T>> {
  const engine = runtime.engine;
  if (!engine) return { ok: false, code: 'not_ready', message: 'the database is not open yet' };
  try {
    return ok(await task(engine));
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, message: error.message, fields: error.fields };
    if (error instanceof PersistenceError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof Error && /constraint failed/i.test(error.message)) {
      return { ok: false, code: 'constraint', message: error.message };
    }
    throw error;
  }
}

export function emit(event: DbEvent): void {
  if (event.type === 'status') runtime.lastStatus = event.status;
  runtime.listener?.(event);
}

export const nowIso = () => new Date().toISOString();
