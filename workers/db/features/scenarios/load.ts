/**
 * Puts a checked scenario (format.ts) into the database, inside the caller's transaction (the handler runs
 * it as one `bulkWrite`: a snapshot, durable before the UI hears "loaded"):
 * 1. empties the workspace completely — records, and also the configuration a trainee may have changed
 *    (pipeline stages, custom fields, saved views, workflow rules) — so a reset really starts over;
 * 2. inserts every row with its own id, by parameterised statements whose table comes from the format's
 *    list and whose column names come from the schema (checked, then quoted);
 * 3. derives what the app derives on its own writes: order totals from their lines, a case's SLA deadline
 *    from its priority, a deal's probability from its stage and its closing time, done and resolved times,
 *    and creation/update times where the file leaves them out;
 * 4. checks references (`PRAGMA foreign_key_check`) and names each broken one, then raises every id
 *    counter to {@link TRAINING_ID_FLOOR}, so rows created during training are told apart by id;
 * 5. records the scenario (titles, exercises and their checks) in `app_settings` and runs every check once:
 *    a check that does not compile, or an exercise already done in the initial data, refuses the file.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import type { DemoLocale } from '../../contract';
import { SLA_HOURS } from '../../entities/rules';
import { all, one, run } from '../../repositories/sql';
import { clearWorkspaceData } from '../../repositories/workspace';
import { quoteIdentifier } from '../../sql-text';
import { LINE_TOTAL_SQL } from '../orders/save-order';
import type { ExerciseStatus, ScenarioInfo, ScenarioWorkspaceState } from './api';
import { runCheck, SLOW_CHECK_MS } from './check-sql';
import {
  invalid,
  isLocalized,
  isRelativeDate,
  SCENARIO_TABLES,
  TRAINING_ID_FLOOR,
  type ScenarioFile,
  type ScenarioRow,
  type ScenarioTable,
  type ScenarioValue,
} from './format';

const SETTING_KEY = 'scenario';

/** Columns holding a calendar date (`YYYY-MM-DD`); every other relative date becomes an instant. */
const DATE_ONLY = new Set([
  'follow_up_on',
  'expected_close',
  'order_date',
  'start_date',
  'end_date',
  'renewal_date',
]);
/** Whole numbers only: ids, money in minor units, basis points. */
const isIntegerColumn = (column: string) => /(^id|_id|_minor|_bp)$/.test(column);

/** The stages migration 001 seeds (ids 1–6), so a scenario can name them by id without declaring them. */
const DEFAULT_STAGES: [string, string, number, number, number, number][] = [
  ['qualification', '初步接洽', 1, 10, 0, 0],
  ['needs_analysis', '需求分析', 2, 25, 0, 0],
  ['proposal', '方案报价', 3, 50, 0, 0],
  ['negotiation', '商务谈判', 4, 75, 0, 0],
  ['won', '赢单', 5, 100, 1, 0],
  ['lost', '输单', 6, 0, 0, 1],
];

/** What `app_settings` keeps about the loaded scenario. */
interface StoredScenario {
  info: ScenarioInfo;
  checks: Record<string, string[]>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `{"$days": n, "at": "hh:mm"}` value as this workspace's local date or instant, n days from `now`. */
export function resolveDate(days: number, at: string | undefined, dateOnly: boolean, now: Date): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  if (dateOnly) return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  const [hours, minutes] = (at ?? '09:00').split(':').map(Number);
  day.setHours(hours ?? 9, minutes ?? 0);
  return day.toISOString();
}

function toSql(value: ScenarioValue, column: string, language: DemoLocale, now: Date): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  if (isRelativeDate(value)) return resolveDate(value.$days, value.at, DATE_ONLY.has(column), now);
  if (isLocalized(value)) {
    const text: unknown = (value as Record<string, unknown>)[language];
    return Array.isArray(text) ? JSON.stringify(text) : typeof text === 'string' ? text : '';
  }
  return null; // unreachable: format.ts refused every other shape
}

/** Deletes everything a scenario may have touched, configuration included, and restarts every id counter. */
function emptyWorkspace(db: Database): void {
  clearWorkspaceData(db); // records; also turns on deferred foreign keys for this transaction
  for (const table of ['workflow_rules', 'saved_views', 'custom_field_definitions', 'pipeline_stages'])
    db.exec(`DELETE FROM main.${quoteIdentifier(table)}`);
  db.exec('DELETE FROM main.sqlite_sequence');
}

export function loadScenarioData(
  db: Database,
  scenario: ScenarioFile,
  locale: DemoLocale,
  now: Date,
): ScenarioInfo {
  const language = scenario.languages.includes(locale) ? locale : scenario.languages[0]!;
  emptyWorkspace(db);
  if (!scenario.data.pipeline_stages) {
    DEFAULT_STAGES.forEach(([code, name, position, probability, won, lost], index) =>
      run(
        db,
        'INSERT INTO pipeline_stages (id, code, name, position, probability, is_won, is_lost) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [index + 1, code, name, position, probability, won, lost],
      ),
    );
  }
  const problems: string[] = [];
  let rows = 0;
  for (const table of SCENARIO_TABLES) {
    const list = scenario.data[table];
    if (list) rows += insertRows(db, table, list, language, now, problems);
  }
  if (problems.length > 0) throw invalid(problems);
  deriveColumns(db, now);
  checkReferences(db, problems);
  const stages = one(db, 'SELECT sum(is_won) AS won, sum(is_lost) AS lost FROM pipeline_stages');
  if (Number(stages?.won ?? 0) !== 1 || Number(stages?.lost ?? 0) !== 1)
    problems.push('data.pipeline_stages must have exactly one won and one lost stage');
  if (problems.length > 0) throw invalid(problems);

  // New rows get ids above the floor (AUTOINCREMENT continues from max(seq, max(id))).
  for (const table of SCENARIO_TABLES) {
    if (
      run(db, 'UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?', [TRAINING_ID_FLOOR, table]) === 0
    )
      run(db, 'INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [table, TRAINING_ID_FLOOR]);
  }

  const info: ScenarioInfo = {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description,
    dataLanguage: language,
    languages: scenario.languages,
    loadedAt: now.toISOString(),
    exercises: scenario.exercises.map(({ id, title, instructions }) => ({ id, title, instructions })),
    rows,
  };
  const stored: StoredScenario = {
    info,
    checks: Object.fromEntries(scenario.exercises.map((e) => [e.id, e.checks])),
  };
  run(db, 'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)', [
    SETTING_KEY,
    JSON.stringify(stored),
    info.loadedAt,
  ]);
  refuseBrokenExercises(db, scenario, problems);
  return info;
}

function insertRows(
  db: Database,
  table: ScenarioTable,
  rows: readonly ScenarioRow[],
  language: DemoLocale,
  now: Date,
  problems: string[],
): number {
  const columns = new Set(
    all(db, 'SELECT name FROM pragma_table_info(?)', [table]).map((row) => String(row.name)),
  );
  const statements = new Map<string, Statement>();
  const stageProbability = new Map(
    all(db, 'SELECT id, probability FROM pipeline_stages').map((r) => [Number(r.id), Number(r.probability)]),
  );
  try {
    rows.forEach((row, index) => {
      const path = `data.${table}[${index}]`;
      const values: Record<string, SqlValue> = {};
      for (const [column, value] of Object.entries(row)) {
        if (!columns.has(column)) {
          problems.push(`${path}: ${table} has no column "${column}"`);
          continue;
        }
        const sqlValue = toSql(value, column, language, now);
        if (isIntegerColumn(column) && sqlValue !== null && !Number.isSafeInteger(sqlValue))
          problems.push(`${path}.${column} must be a whole number`);
        values[column] = sqlValue;
      }
      if (table === 'cases' && values.sla_due === undefined) {
        const opened = Date.parse(String(values.created_at ?? now.toISOString()));
        const hours = SLA_HOURS[(values.priority ?? 'normal') as keyof typeof SLA_HOURS] ?? 72;
        values.sla_due = new Date(
          (Number.isNaN(opened) ? now.getTime() : opened) + hours * 3_600_000,
        ).toISOString();
      }
      // A past activity was entered when it happened, not when the scenario was loaded.
      if (table === 'activities' && values.created_at === undefined && typeof values.due_at === 'string')
        values.created_at = values.due_at < now.toISOString() ? values.due_at : now.toISOString();
      // A record given a creation time was last changed then too (lists sorted by "updated" look lived-in).
      if (values.created_at !== undefined && values.updated_at === undefined && columns.has('updated_at'))
        values.updated_at = values.resolved_at ?? values.created_at;
      if (table === 'opportunities' && values.probability === undefined)
        values.probability = stageProbability.get(Number(values.stage_id)) ?? 0;
      const names = Object.keys(values);
      const key = names.join(',');
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = db.prepare(
          `INSERT INTO main.${quoteIdentifier(table)} (${names.map(quoteIdentifier).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        );
        statements.set(key, stmt);
      }
      try {
        stmt.run(names.map((name) => values[name]!));
      } catch (error) {
        problems.push(`${path} (id ${row.id}): ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  } finally {
    for (const stmt of statements.values()) stmt.free();
  }
  return rows.length;
}

/** What the app's own writes would have computed: kept consistent so the scenario behaves like real data. */
function deriveColumns(db: Database, now: Date): void {
  db.exec(
    `UPDATE orders SET total_minor = (SELECT sum(${LINE_TOTAL_SQL}) FROM order_lines WHERE order_id = orders.id)
     WHERE EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id)`,
  );
  // Done activities were done when they happened; finished cases were finished when they were last touched.
  db.exec('UPDATE activities SET done_at = coalesce(due_at, created_at) WHERE done = 1 AND done_at IS NULL');
  db.exec(
    "UPDATE cases SET resolved_at = updated_at WHERE status IN ('resolved', 'closed') AND resolved_at IS NULL",
  );
  // A closed deal without a closing time closed on its expected date (or now).
  const noon = resolveDate(0, '12:00', false, now).slice(10);
  run(
    db,
    `UPDATE opportunities SET closed_at = coalesce(expected_close || ?, ?)
     WHERE closed_at IS NULL AND stage_id IN (SELECT id FROM pipeline_stages WHERE is_won = 1 OR is_lost = 1)`,
    [noon, now.toISOString()],
  );
}

function checkReferences(db: Database, problems: string[]): void {
  const broken = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  for (const [table, rowid, parent, fkid] of broken.slice(0, 20)) {
    const column = one(db, 'SELECT "from" AS col FROM pragma_foreign_key_list(?) WHERE id = ?', [
      table ?? null,
      fkid ?? null,
    ]);
    problems.push(
      `data.${String(table)} id ${String(rowid)}: ${String(column?.col ?? 'a reference')} names a ${String(parent)} row the scenario does not have`,
    );
  }
}

function refuseBrokenExercises(db: Database, scenario: ScenarioFile, problems: string[]): void {
  scenario.exercises.forEach((exercise, index) => {
    let done = true;
    exercise.checks.forEach((sql, n) => {
      try {
        if (!runCheck(db, sql)) done = false;
      } catch (error) {
        done = false;
        problems.push(
          `exercises[${index}].checks[${n}]: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
    if (done)
      problems.push(
        `exercises[${index}] ("${exercise.id}") is already done in the scenario's own data: its checks must fail until the trainee acts`,
      );
  });
  if (problems.length > 0) throw invalid(problems);
}

function readStored(db: Database): StoredScenario | null {
  const raw = one(db, 'SELECT value FROM app_settings WHERE key = ?', [SETTING_KEY])?.value;
  if (typeof raw !== 'string') return null;
  try {
    const stored = JSON.parse(raw) as StoredScenario;
    return stored?.info?.id ? stored : null;
  } catch {
    return null; // edited by hand in the SQL console: treated as no scenario
  }
}

export function scenarioState(db: Database): ScenarioWorkspaceState {
  const tables = SCENARIO_TABLES.filter((table) => table !== 'pipeline_stages');
  const used = tables.some(
    (table) => one(db, `SELECT 1 FROM main.${quoteIdentifier(table)} LIMIT 1`) !== null,
  );
  return { scenario: readStored(db)?.info ?? null, empty: !used };
}

/** Checks that once took too long, per load: not run again (see check-sql.ts). */
const tooSlow = new Map<string, string>();

export function checkExercises(db: Database): ExerciseStatus[] {
  const stored = readStored(db);
  if (!stored) return [];
  return stored.info.exercises.map(({ id }) => {
    const slowKey = `${stored.info.loadedAt}|${id}`;
    const slow = tooSlow.get(slowKey);
    if (slow) return { id, done: false, problem: slow };
    const started = performance.now();
    try {
      const done = (stored.checks[id] ?? []).every((sql) => runCheck(db, sql));
      const ms = performance.now() - started;
      if (ms > SLOW_CHECK_MS) {
        const problem = `the check took ${Math.round(ms)} ms (over ${SLOW_CHECK_MS} ms) and is no longer run`;
        tooSlow.set(slowKey, problem);
        return { id, done, problem };
      }
      return { id, done, problem: null };
    } catch (error) {
      return { id, done: false, problem: error instanceof Error ? error.message : String(error) };
    }
  });
}
