/**
 * What the benchmark generator's record steps (bench-pipeline.ts, bench-service.ts, bench-timeline.ts)
 * share with bench-data.ts: the run's customers as typed arrays (index i = customer id base + 1 + i), the
 * users, name makers, and the statement registry that bench-data.ts frees.
 *
 * Same rules as bench-data.ts: explicit ids instead of RETURNING, one parameter array per statement
 * mutated in place, no faker; rows go into tables whose secondary indexes are rebuilt at the end.
 */
import type { Database, Statement } from 'sql.js';
import type { DemoProgress, DemoSummary } from '../contract';
import { quoteIdentifier } from '../sql-text';
import type { Rng } from './random';
import type { RecordText } from './record-text';

export interface BenchContext {
  db: Database;
  rng: Rng;
  nowMs: number;
  summary: DemoSummary;
  report: (progress: DemoProgress) => void;
  /** Prepares a statement that bench-data.ts frees at the end (also on failure). */
  prepare: (sql: string) => Statement;
  customerBase: number;
  customerCount: number;
  /** Stage index per customer: 0 prospect, 1 new, 2 existing, 3 lost. */
  stageOf: Uint8Array;
  /** 0 = Chinese, 1 = English customer (names and text of its records follow it). */
  langOf: Uint8Array;
  /** Owner per customer; 0 = unassigned. */
  owners: Int32Array;
  createdMsOf: (index: number) => number;
  /** How many of the run's customers exist at an instant (indexes [0, n)), at least 1. */
  existingAt: (ms: number) => number;
  /** The contact of customer `index`, or null (every 10th customer has one). */
  contactOf: (index: number) => number | null;
  /** Any owner, weighted like the customers' owners. */
  anyOwner: () => number;
  managerIds: readonly number[];
  userIds: readonly number[];
  /** A person's name and its latin e-mail form in the given language. */
  person: (lang: number) => [name: string, latin: string];
  mobile: () => string;
  /** Vocabulary per language (0 zh-CN, 1 en). */
  records: readonly [RecordText, RecordText];
}

/** The largest id a table has used (rows or its AUTOINCREMENT counter): new ids follow it. */
export function maxId(db: Database, table: string): number {
  const stmt = db.prepare(
    `SELECT max(coalesce((SELECT max(id) FROM main.${quoteIdentifier(table)}), 0),
                coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = ?), 0))`,
  );
  try {
    stmt.bind([table]);
    stmt.step();
    return Number(stmt.get()[0] ?? 0);
  } finally {
    stmt.free();
  }
}

/** Builds a lookup table so that a weighted choice is one `uint32() & (size - 1)` index. */
export function lookupTable(values: readonly number[], weights: readonly number[], size: number): Int32Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Int32Array(size);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const end =
      i === values.length - 1 ? size : Math.min(size, Math.round(at + (weights[i]! / total) * size));
    table.fill(values[i]!, at, end);
    at = end;
  }
  return table;
}
