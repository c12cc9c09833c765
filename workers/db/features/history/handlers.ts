/** Implements {@link HistoryApi} in the DB worker. */
import { guard, nowIso } from '../../runtime';
import type { HistoryApi } from './api';
import { readHistory, undoLastChange } from './record-history';

export const historyHandlers: HistoryApi = {
  recordHistory: (table, rowId, query) => guard((e) => e.read((db) => readHistory(db, table, rowId, query))),
  undoLastChange: (table, rowId) =>
    guard((e) => e.write((db) => undoLastChange(db, table, rowId, nowIso()), { restoring: true })),
};
