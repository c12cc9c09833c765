import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../../workers/db/errors';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  migrate,
  schemaVersion,
  type Migration,
} from '../../workers/db/migrations';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const scalar = (db: Database, sql: string): unknown => db.exec(sql)[0]?.values[0]?.[0];

/** The schema's own tables; FTS virtual tables and their shadow tables (derived, never logged) are left out. */
function tables(db: Database): string[] {
  const rows = db.exec(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )[0]!.values;
  const virtual = rows
    .filter(([, sql]) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(String(sql)))
    .map(([name]) => String(name));
  return rows
    .map((row) => String(row[0]))
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

function schema(db: Database): string[] {
  const result = db.exec(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return result[0]!.values.map((row) => row.join('|'));
}

describe('MIGRATIONS', () => {
  it('are numbered 1..N without gaps, so every database can be brought forward one step at a time', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.sql).not.toMatch(/^\s*(BEGIN|COMMIT)\b/im);
  });
});

describe('migrate', () => {
  it('creates the whole schema on an empty database and seeds the default pipeline', () => {
    const db = new SQL.Database();
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['users', 'customers', 'contacts', 'orders', 'order_lines', 'audit_log']),
    );
    const stages = db.exec('SELECT name, is_won, is_lost FROM pipeline_stages ORDER BY position')[0]!.values;
    expect(stages.length).toBeGreaterThanOrEqual(4);
    expect(stages.filter((s) => s[1] === 1)).toHaveLength(1);
    expect(stages.filter((s) => s[2] === 1)).toHaveLength(1);
  });

  it('does nothing on an up-to-date database (no duplicate seed rows)', () => {
    const db = new SQL.Database();
    migrate(db);
    const stages = scalar(db, 'SELECT count(*) FROM pipeline_stages');
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    expect(scalar(db, 'SELECT count(*) FROM pipeline_stages')).toBe(stages);
  });

  const earlier = Array.from({ length: LATEST_SCHEMA_VERSION }, (_, v) => v);
  it.each(earlier)('brings a database at version %i to the same schema as a fresh one', (version) => {
    const fresh = new SQL.Database();
    migrate(fresh);
    const db = new SQL.Database();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= version),
    );
    expect(schemaVersion(db)).toBe(version);
    expect(migrate(db)).toEqual({ from: version, to: LATEST_SCHEMA_VERSION });
    expect(schema(db)).toEqual(schema(fresh));
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const db = new SQL.Database();
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    let error: unknown;
    try {
      migrate(db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerSchemaError);
    expect(error).toMatchObject({ found: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });
    expect(db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
  });

  it('rolls a failing migration back completely and keeps the previous version', () => {
    const db = new SQL.Database();
    migrate(db);
    db.exec('PRAGMA foreign_keys = ON');
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/broken.*no_such_table/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    expect(scalar(db, 'PRAGMA foreign_keys')).toBe(1);
  });

  it('rejects a migration that would leave dangling foreign keys', () => {
    const db = new SQL.Database();
    migrate(db);
    const dangling: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'dangling',
      sql: "INSERT INTO contacts (customer_id, name) VALUES (999, 'Orphan');",
    };
    expect(() => migrate(db, [...MIGRATIONS, dangling])).toThrow(/foreign-key/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(scalar(db, 'SELECT count(*) FROM contacts')).toBe(0);
  });

  it('skips the foreign-key check only for a migration that truly just creates indexes', () => {
    const db = new SQL.Database();
    migrate(db);
    const sneaky: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'sneaky',
      sql: "-- CREATE INDEX in a comment does not count\nCREATE INDEX idx_x ON contacts (name);\nINSERT INTO contacts (customer_id, name) VALUES (999, 'Orphan');",
      indexesOnly: true,
    };
    expect(() => migrate(db, [...MIGRATIONS, sneaky])).toThrow(/indexesOnly/);
    expect(scalar(db, 'SELECT count(*) FROM contacts')).toBe(0);
    const honest: Migration = {
      ...sneaky,
      name: 'honest',
      sql: '-- why\nCREATE INDEX idx_x ON contacts (name);',
    };
    expect(migrate(db, [...MIGRATIONS, honest])).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION + 1,
    });
    expect(MIGRATIONS.filter((m) => m.indexesOnly).map((m) => m.name)).toEqual(['sales-index']);
  });
});

describe('schema', () => {
  let db: Database;
  beforeAll(() => {
    db = new SQL.Database();
    migrate(db);
  });

  it('gives every table an `id INTEGER PRIMARY KEY AUTOINCREMENT` (the persistence engine keys rows by id)', () => {
    for (const table of tables(db)) {
      const columns = db.exec(`PRAGMA table_info(${table})`)[0]!.values;
      const pk = columns.filter((c) => Number(c[5]) > 0).map((c) => [c[1], String(c[2]).toUpperCase()]);
      expect(pk, table).toEqual([['id', 'INTEGER']]);
      const sql = String(scalar(db, `SELECT sql FROM sqlite_master WHERE name = '${table}'`));
      expect(sql, table).toMatch(/\bid\s+INTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b/i);
    }
  });

  it('has no BLOB columns (row images travel as JSON)', () => {
    for (const table of tables(db)) {
      const types = db.exec(`PRAGMA table_info(${table})`)[0]!.values.map((c) => String(c[2]).toUpperCase());
      expect(types, table).not.toContain('BLOB');
      expect(types, table).not.toContain('');
    }
  });

  it('enforces foreign keys once the connection turns them on', () => {
    const fk = new SQL.Database();
    migrate(fk);
    fk.exec('PRAGMA foreign_keys = ON');
    expect(() => fk.exec("INSERT INTO contacts (customer_id, name) VALUES (42, 'Nobody')")).toThrow(
      /FOREIGN KEY/,
    );
    fk.exec("INSERT INTO users (id, name) VALUES (1, 'Rep')");
    fk.exec("INSERT INTO customers (id, name, owner_id) VALUES (1, 'Acme', 1)");
    fk.exec("INSERT INTO contacts (customer_id, name) VALUES (1, 'Ann')");
    fk.exec('DELETE FROM users WHERE id = 1');
    expect(scalar(fk, 'SELECT owner_id FROM customers WHERE id = 1')).toBeNull();
    fk.exec('DELETE FROM customers WHERE id = 1');
    expect(scalar(fk, 'SELECT count(*) FROM contacts')).toBe(0);
  });

  it('rejects values outside the enums and impossible scores', () => {
    expect(() => db.exec("INSERT INTO customers (name, stage) VALUES ('X', 'vip')")).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO survey_responses (survey_id, responded_at, csat) VALUES (1, '2024-01-01', 6)"),
    ).toThrow(/CHECK/);
  });
});
