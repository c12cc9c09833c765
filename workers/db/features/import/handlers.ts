/**
 * Implements {@link ImportApi} in the DB worker: preview (read + parse the file here), validate (report),
 * run (one durable write: all rows or none), undo, saved mappings.
 */
import { DomainError } from '../../errors';
import { guard, nowIso } from '../../runtime';
import type { ImportApi, ImportProgress } from './api';
import { applyImport, assertRunnable } from './apply';
import {
  deleteMapping,
  finishBatch,
  listImports,
  listMappings,
  saveMapping,
  startBatch,
  undoImport,
} from './batches';
import { checkRows } from './check';
import { dropSession, getSession, openSession, previewOf } from './session';

/** Progress goes to a Comlink proxy; a closed page must not turn into an unhandled rejection here. */
function reporter(onProgress?: (progress: ImportProgress) => void) {
  if (!onProgress) return undefined;
  return (progress: ImportProgress) => {
    try {
      void Promise.resolve(onProgress(progress)).catch(() => undefined);
    } catch {
      // The listener is gone; the import goes on.
    }
  };
}

/** SQLite errors other than constraint failures are not expected, but must still leave a clear message. */
function asImportFailure(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Error && /constraint failed/i.test(error.message)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new DomainError('import_failed', `nothing was imported: ${detail}`);
}

export const importHandlers: ImportApi = {
  importPreview: (file, options) => guard(async () => previewOf(await openSession(file, options ?? {}))),

  importValidate: (token, plan, onProgress) =>
    guard(async (engine) => {
      const session = getSession(token);
      session.cancelled = false;
      const checked = await checkRows(session, plan, reporter(onProgress));
      return engine.read((db) => applyImport(db, session, plan, checked, null).report);
    }),

  importRun: (token, plan, onProgress) =>
    guard(async (engine) => {
      const session = getSession(token);
      session.cancelled = false;
      const progress = reporter(onProgress);
      progress?.({ phase: 'reading', done: 0, total: session.rows.length });
      const checked = await checkRows(session, plan, progress);
      const now = nowIso();
      // From here on it is one transaction: cancelling would only be possible by rolling back all of it.
      return engine.write((db) => {
        try {
          const batchId = startBatch(db, session.fileName, plan.recordType, session.format, now);
          const outcome = applyImport(db, session, plan, checked, { now, batchId, onProgress: progress });
          assertRunnable(outcome.report, plan);
          finishBatch(db, batchId, outcome.summary, outcome.insertedIds);
          progress?.({ phase: 'saving', done: session.rows.length, total: session.rows.length });
          return { importId: batchId, ...outcome.summary };
        } catch (error) {
          throw asImportFailure(error);
        }
      });
    }),

  importCancel: (token) =>
    guard(() => {
      getSession(token).cancelled = true;
      return true as const;
    }),

  importDiscard: (token) =>
    guard(() => {
      dropSession(token);
      return true as const;
    }),

  listImports: () => guard((engine) => engine.read(listImports)),

  undoImport: (importId) =>
    guard((engine) =>
      engine.write((db) => {
        try {
          return undoImport(db, importId, nowIso());
        } catch (error) {
          throw asImportFailure(error);
        }
      }),
    ),

  listImportMappings: () => guard((engine) => engine.read(listMappings)),

  saveImportMapping: (name, recordType, columns) =>
    guard((engine) => engine.write((db) => saveMapping(db, name, recordType, columns, nowIso()))),

  deleteImportMapping: (id) =>
    guard((engine) =>
      engine.write((db) => {
        deleteMapping(db, id);
        return true as const;
      }),
    ),
};
