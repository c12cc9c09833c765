/** Implements {@link SqlConsoleApi} in the DB worker. */
import { guard, nowIso } from '../../runtime';
import type { SqlConsoleApi } from './api';
import { countRows, describeSchema, resultAsCsv, runStatement } from './console';
import * as saved from './saved-queries';

const stamp = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const sqlConsoleHandlers: SqlConsoleApi = {
  runSql: (request) => guard((e) => runStatement(e, request)),
  describeSchema: () => guard((e) => e.read((db) => describeSchema(db))),
  countTableRows: (table) => guard((e) => e.read((db) => countRows(db, table))),
  exportSqlResult: (sql) =>
    guard((e) =>
      e.read((db) => ({
        ...resultAsCsv(db, typeof sql === 'string' ? sql : ''),
        fileName: `query-${stamp()}.csv`,
      })),
    ),

  listSavedQueries: () => guard((e) => e.read((db) => saved.listSavedQueries(db))),
  saveQuery: (input, id) => guard((e) => e.write((db) => saved.saveQuery(db, input, id ?? null, nowIso()))),
  deleteSavedQuery: (id) =>
    guard((e) =>
      e.write((db) => {
        saved.deleteSavedQuery(db, id);
        return true as const;
      }),
    ),
  pinSavedQuery: (id, widget) => guard((e) => e.write((db) => saved.pinSavedQuery(db, id, widget, nowIso()))),
  runSavedQuery: (id, maxRows) =>
    guard(async (e) => {
      const query = await e.read((db) => saved.getSavedQuery(db, id));
      // Always read-only: a pinned widget must never change data by being looked at.
      return runStatement(e, { sql: query.sql, maxRows });
    }),
};
