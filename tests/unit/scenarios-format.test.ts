/**
 * Scenario files: what a file must look like (and the messages an author gets when it does not), the
 * check-SQL rules, the page-address helpers, and that the shipped JSON is what its committed source makes.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../workers/db/errors';
import { checkSqlShape } from '../../workers/db/features/scenarios/check-sql';
import { parseScenario, SCENARIO_VERSION } from '../../workers/db/features/scenarios/format';
import { resolveDate } from '../../workers/db/features/scenarios/load';
import {
  scenarioFileUrl,
  scenarioRequest,
  withoutScenario,
  workspaceStore,
} from '../../src/lib/scenario-url';
import { SHIPPED, scenarioText } from './scenarios-setup';

/** A minimal valid scenario, changed by `edit`. */
function file(edit: (s: Record<string, unknown>) => void = () => undefined): string {
  const scenario: Record<string, unknown> = {
    format: 'kehu-crm-scenario',
    version: 1,
    id: 'mini',
    languages: ['en'],
    title: { 'zh-CN': '迷你', en: 'Mini' },
    description: { 'zh-CN': '测试', en: 'Test' },
    data: { customers: [{ id: 1, name: 'Acme' }] },
    exercises: [
      {
        id: 'rename',
        title: { 'zh-CN': '改名', en: 'Rename' },
        instructions: { 'zh-CN': '把 Acme 改名', en: 'Rename Acme' },
        checks: ["SELECT count(*) = 0 FROM customers WHERE name = 'Acme'"],
      },
    ],
  };
  edit(scenario);
  return JSON.stringify(scenario);
}

function refusal(text: string): DomainError {
  try {
    parseScenario(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('scenario files', () => {
  it.each(SHIPPED)('the shipped %s scenario is valid, in both languages, with exercises', (id) => {
    const scenario = parseScenario(scenarioText(id));
    expect(scenario.id).toBe(id);
    expect(scenario.languages).toEqual(['zh-CN', 'en']);
    expect(scenario.title['zh-CN']).not.toBe('');
    expect(scenario.exercises.length).toBeGreaterThanOrEqual(5);
    for (const exercise of scenario.exercises) {
      expect(exercise.instructions.en.length).toBeGreaterThan(20);
      expect(exercise.instructions['zh-CN'].length).toBeGreaterThan(10);
    }
  });

  it('the shipped JSON files are exactly what scripts/scenarios/*.mjs produce', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/scenarios/build.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('a minimal file parses', () => {
    expect(parseScenario(file()).data.customers).toHaveLength(1);
  });

  it('says what is wrong with text that is not a scenario', () => {
    expect(refusal('').message).toMatch(/empty/);
    expect(refusal('{"format": "kehu-crm-scenario",').message).toMatch(/not JSON/);
    expect(refusal('[1, 2]').message).toMatch(/not a JSON object/);
    expect(refusal('{"title": "x"}').message).toMatch(/"format" must be "kehu-crm-scenario"/);
    expect(refusal(file((s) => (s.version = 'one'))).message).toMatch(/"version"/);
  });

  it('refuses a newer format version with its own code, so the app can ask for an update', () => {
    const error = refusal(file((s) => (s.version = SCENARIO_VERSION + 1)));
    expect(error.code).toBe('scenario_newer');
    expect(error.message).toContain(`version ${SCENARIO_VERSION + 1}`);
  });

  it('lists every problem with its path', () => {
    const error = refusal(
      file((s) => {
        s.id = 'Bad Name';
        s.title = { en: 'Only English' };
        s.data = {
          customers: [
            { id: 1, name: 'A' },
            { id: 1, name: 'B' },
            { name: 'C' },
            { id: 2, name: { en: 'x' }, notes: {} },
          ],
          audit_log: [],
        };
      }),
    );
    expect(error.code).toBe('scenario_invalid');
    expect(error.message).toContain('"id" must be lower-case letters');
    expect(error.message).toContain('title needs non-empty "zh-CN" and "en" texts');
    expect(error.message).toContain('data.customers[1].id 1 is used twice');
    expect(error.message).toContain('data.customers[2].id must be a whole number from 1 to 9999');
    expect(error.message).toContain('data.customers[3].notes must be text');
    expect(error.message).toContain('data.audit_log: not a table a scenario can fill');
  });

  it('a text per language must have every language the file declares', () => {
    const error = refusal(
      file((s) => {
        s.languages = ['zh-CN', 'en'];
        s.data = { customers: [{ id: 1, name: { en: 'Acme' } }] };
      }),
    );
    expect(error.message).toContain('data.customers[0].name needs a "zh-CN" text');
  });

  it('checks relative dates', () => {
    const error = refusal(
      file(
        (s) =>
          (s.data = {
            orders: [{ id: 1, order_date: { $days: 1.5 }, created_at: { $days: 0, at: '25:00' } }],
          }),
      ),
    );
    expect(error.message).toContain('data.orders[0].order_date.$days must be a whole number');
    expect(error.message).toContain('data.orders[0].created_at.at must be a time of day');
  });

  it('refuses exercises without checks, with duplicate ids or with SQL that could write or loop', () => {
    const error = refusal(
      file((s) => {
        const base = (s.exercises as Record<string, unknown>[])[0]!;
        s.exercises = [
          { ...base, checks: [] },
          { ...base, checks: ['DELETE FROM customers'] },
          { ...base, id: 'other', checks: ['WITH x AS (SELECT 1) SELECT * FROM x'] },
        ];
      }),
    );
    expect(error.message).toContain('exercises[0].checks must list 1 to 10 SQL queries');
    expect(error.message).toContain('exercises[1].id "rename" is used twice');
    expect(error.message).toContain('exercises[1].checks[0] must be one SELECT query');
    expect(error.message).toContain('exercises[2].checks[0] may not use WITH');
  });
});

describe('exercise check SQL', () => {
  it('accepts one SELECT and looks past comments and quoted text for keywords', () => {
    expect(checkSqlShape("SELECT count(*) >= 1 FROM activities WHERE subject = 'with love'")).toBeNull();
    expect(checkSqlShape('-- how many?\nSELECT 1')).toBeNull();
    expect(checkSqlShape('SELECT "with" FROM t')).toBeNull();
    expect(
      checkSqlShape(
        'SELECT (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n)',
      ),
    ).toMatch(/WITH/);
    expect(checkSqlShape('UPDATE customers SET name = 1')).toMatch(/SELECT/);
    expect(checkSqlShape(`SELECT ${'1 + '.repeat(2000)}1`)).toMatch(/longer than/);
  });
});

describe('relative dates', () => {
  const now = new Date(2026, 2, 16, 9, 30); // local time, like the worker
  it('turn into local calendar dates and instants days from today', () => {
    expect(resolveDate(-3, undefined, true, now)).toBe('2026-03-13');
    expect(resolveDate(20, undefined, true, now)).toBe('2026-04-05');
    expect(resolveDate(-1, '14:30', false, now)).toBe(new Date(2026, 2, 15, 14, 30).toISOString());
  });
});

describe('scenario addresses', () => {
  it('reads ?scenario= and refuses names that are not safe file names', () => {
    expect(scenarioRequest('?scenario=retail')).toEqual({ name: 'retail', valid: true });
    expect(scenarioRequest('?scenario=../secret')).toEqual({ name: '../secret', valid: false });
    expect(scenarioRequest('?scenario=Retail')?.valid).toBe(false);
    expect(scenarioRequest('?store=x')).toBeNull();
  });

  it("opens the scenario's own workspace, never the user's", () => {
    expect(workspaceStore('')).toBeUndefined();
    expect(workspaceStore('?store=mine')).toBe('mine');
    expect(workspaceStore('?scenario=retail')).toBe('scenario-retail');
    expect(workspaceStore('?store=t1&scenario=b2b-sales')).toBe('t1.scenario-b2b-sales');
    expect(workspaceStore('?scenario=../x')).toBeUndefined();
  });

  it('finds the file next to the page, also under a sub-path', () => {
    expect(scenarioFileUrl('retail', 'https://example.org/?scenario=retail#/training')).toBe(
      'https://example.org/scenarios/retail.json',
    );
    expect(scenarioFileUrl('service', 'https://example.org/crm/index.html?scenario=service')).toBe(
      'https://example.org/crm/scenarios/service.json',
    );
    expect(withoutScenario('https://example.org/crm/?store=a&scenario=retail#/training')).toBe(
      'https://example.org/crm/?store=a',
    );
  });
});
