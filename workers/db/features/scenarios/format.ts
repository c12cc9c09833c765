/**
 * Reads a scenario file (JSON) and checks its shape before anything touches the database: the format name
 * and version, the id, titles and exercises in both interface languages, every table name from the list
 * below, every row with a whole-number id, every value a kind the loader understands, every check a single
 * SELECT. Column names and references are checked against the real schema by `load.ts`. Problems are
 * collected with their JSON path (`data.customers[3].name`) so an author fixes them all in one go.
 */
import type { DemoLocale } from '../../contract';
import { DomainError } from '../../errors';
import type { LocalizedText } from './api';
import { checkSqlShape } from './check-sql';

export const SCENARIO_FORMAT = 'kehu-crm-scenario';
/** The newest format version this app reads; a file with a higher version asks for a newer app. */
export const SCENARIO_VERSION = 1;
export const MAX_SCENARIO_CHARS = 2_000_000;
const MAX_ROWS = 5000;
const MAX_EXERCISES = 50;
const MAX_CHECKS = 10;
const MAX_TEXT = 20_000;
/** Scenario records have ids below this; rows made during training get ids above it (see load.ts). */
export const TRAINING_ID_FLOOR = 10_000;

/** Lower-case letters, digits and dashes: the id is part of a file name and an IndexedDB name. */
export const SCENARIO_ID = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANGUAGES: readonly DemoLocale[] = ['zh-CN', 'en'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Tables a scenario may fill, in insertion order (parents first; the load defers foreign keys anyway, so
 * a lead may name the opportunity it became). Logs, history, the search index and workflow bookkeeping
 * are the app's own and never come from a file.
 */
export const SCENARIO_TABLES = [
  'users',
  'pipeline_stages',
  'customers',
  'contacts',
  'campaigns',
  'leads',
  'opportunities',
  'products',
  'orders',
  'order_lines',
  'contracts',
  'cases',
  'knowledge_articles',
  'case_articles',
  'campaign_members',
  'activities',
  'customer_relationships',
  'surveys',
  'survey_responses',
  'email_templates',
] as const;
export type ScenarioTable = (typeof SCENARIO_TABLES)[number];

/** A date relative to the day the scenario is loaded: `{"$days": -3}`, optionally `"at": "14:30"`. */
export interface RelativeDate {
  $days: number;
  at?: string;
}
export type ScenarioValue =
  string | number | boolean | null | RelativeDate | Partial<LocalizedText> | unknown[];
export type ScenarioRow = { id: number } & Record<string, ScenarioValue>;

export interface ScenarioExercise {
  id: string;
  title: LocalizedText;
  instructions: LocalizedText;
  checks: string[];
}

export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  version: number;
  id: string;
  /** Languages the records are written in (a localized value has each of them). */
  languages: DemoLocale[];
  title: LocalizedText;
  description: LocalizedText;
  data: Partial<Record<ScenarioTable, ScenarioRow[]>>;
  exercises: ScenarioExercise[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isRelativeDate = (value: unknown): value is RelativeDate => isObject(value) && '$days' in value;

/** A value given per language (`{"zh-CN": "张伟", "en": "Wei Zhang"}`; a list such as tags may be too). */
export const isLocalized = (value: unknown): value is Partial<LocalizedText> =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((k) => k === 'zh-CN' || k === 'en');

export function invalid(problems: string[]): DomainError {
  const shown = problems.slice(0, 8).join('; ');
  const more = problems.length > 8 ? ` (and ${problems.length - 8} more)` : '';
  return new DomainError('scenario_invalid', `${shown}${more}`);
}

/** Parses and checks a scenario file; throws 'scenario_invalid' or 'scenario_newer' with what is wrong. */
export function parseScenario(text: unknown): ScenarioFile {
  if (typeof text !== 'string' || text.trim() === '') throw invalid(['the file is empty']);
  if (text.length > MAX_SCENARIO_CHARS)
    throw invalid([`the file is larger than ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid([`the file is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!isObject(raw)) throw invalid(['the file is not a JSON object']);
  if (raw.format !== SCENARIO_FORMAT) throw invalid([`"format" must be "${SCENARIO_FORMAT}"`]);
  if (!Number.isSafeInteger(raw.version) || (raw.version as number) < 1)
    throw invalid(['"version" must be a whole number from 1']);
  if ((raw.version as number) > SCENARIO_VERSION)
    throw new DomainError(
      'scenario_newer',
      `the file has format version ${String(raw.version)}; this app reads up to version ${SCENARIO_VERSION}`,
    );

  const problems: string[] = [];
  if (typeof raw.id !== 'string' || !SCENARIO_ID.test(raw.id))
    problems.push('"id" must be lower-case letters, digits and dashes (at most 48)');
  const languages = readLanguages(raw.languages, problems);
  const title = readLocalized(raw.title, 'title', problems);
  const description = readLocalized(raw.description, 'description', problems);
  const data = readData(raw.data, languages, problems);
  const exercises = readExercises(raw.exercises, problems);
  if (problems.length > 0) throw invalid(problems);
  return {
    format: SCENARIO_FORMAT,
    version: raw.version as number,
    id: raw.id as string,
    languages,
    title,
    description,
    data,
    exercises,
  };
}

function readLanguages(value: unknown, problems: string[]): DemoLocale[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((l) => LANGUAGES.includes(l as DemoLocale)) ||
    new Set(value).size !== value.length
  ) {
    problems.push('"languages" must list the languages of the data: "zh-CN", "en" or both');
    return ['en'];
  }
  return value as DemoLocale[];
}

/** Titles, descriptions and instructions: both interface languages, non-empty. */
function readLocalized(value: unknown, path: string, problems: string[]): LocalizedText {
  const ok = (text: unknown) => typeof text === 'string' && text.trim() !== '' && text.length <= MAX_TEXT;
  if (!isObject(value) || !ok(value['zh-CN']) || !ok(value.en)) {
    problems.push(`${path} needs non-empty "zh-CN" and "en" texts`);
    return { 'zh-CN': '', en: '' };
  }
  return { 'zh-CN': value['zh-CN'] as string, en: value.en as string };
}

function readData(
  value: unknown,
  languages: readonly DemoLocale[],
  problems: string[],
): Partial<Record<ScenarioTable, ScenarioRow[]>> {
  if (!isObject(value)) {
    problems.push('"data" must be an object of tables');
    return {};
  }
  const data: Partial<Record<ScenarioTable, ScenarioRow[]>> = {};
  let total = 0;
  for (const [table, rows] of Object.entries(value)) {
    if (!(SCENARIO_TABLES as readonly string[]).includes(table)) {
      problems.push(`data.${table}: not a table a scenario can fill (${SCENARIO_TABLES.join(', ')})`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`data.${table} must be an array of rows`);
      continue;
    }
    total += rows.length;
    const ids = new Set<number>();
    rows.forEach((row: unknown, index) => {
      const path = `data.${table}[${index}]`;
      if (!isObject(row)) return void problems.push(`${path} must be an object`);
      const id = row.id;
      if (!Number.isSafeInteger(id) || (id as number) < 1 || (id as number) >= TRAINING_ID_FLOOR)
        problems.push(`${path}.id must be a whole number from 1 to ${TRAINING_ID_FLOOR - 1}`);
      else if (ids.has(id as number)) problems.push(`${path}.id ${String(id)} is used twice in ${table}`);
      else ids.add(id as number);
      for (const [column, cell] of Object.entries(row))
        checkValue(cell, `${path}.${column}`, languages, problems);
    });
    data[table as ScenarioTable] = rows as ScenarioRow[];
  }
  if (total > MAX_ROWS) problems.push(`the data has ${total} rows; a scenario holds at most ${MAX_ROWS}`);
  return data;
}

function checkValue(
  value: unknown,
  path: string,
  languages: readonly DemoLocale[],
  problems: string[],
): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} must be a finite number`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT) problems.push(`${path} is longer than ${MAX_TEXT} characters`);
    return;
  }
  if (Array.isArray(value)) return; // stored as JSON text (tags)
  if (isRelativeDate(value)) {
    const { $days, at, ...rest } = value;
    if (!Number.isSafeInteger($days) || Math.abs($days) > 36_600)
      problems.push(`${path}.$days must be a whole number of days from today (within 100 years)`);
    if (at !== undefined && (typeof at !== 'string' || !TIME.test(at)))
      problems.push(`${path}.at must be a time of day like "14:30"`);
    if (Object.keys(rest).length > 0) problems.push(`${path} has keys other than "$days" and "at"`);
    return;
  }
  if (isLocalized(value)) {
    for (const language of languages) {
      const text = (value as Record<string, unknown>)[language];
      if (typeof text !== 'string' && !Array.isArray(text))
        problems.push(
          `${path} needs a "${language}" text (the file's languages are ${languages.join(', ')})`,
        );
    }
    return;
  }
  problems.push(`${path} must be text, a number, true/false, null, {"$days": n} or a text per language`);
}

function readExercises(value: unknown, problems: string[]): ScenarioExercise[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_EXERCISES) {
    problems.push(`"exercises" must be a list of 1 to ${MAX_EXERCISES} exercises`);
    return [];
  }
  const ids = new Set<string>();
  return value.map((item: unknown, index) => {
    const path = `exercises[${index}]`;
    const exercise = isObject(item) ? item : {};
    if (!isObject(item)) problems.push(`${path} must be an object`);
    const id = typeof exercise.id === 'string' ? exercise.id : '';
    if (!EXERCISE_ID.test(id)) problems.push(`${path}.id must be lower-case letters, digits and dashes`);
    else if (ids.has(id)) problems.push(`${path}.id "${id}" is used twice`);
    ids.add(id);
    const checks = Array.isArray(exercise.checks) ? exercise.checks : [];
    if (checks.length === 0 || checks.length > MAX_CHECKS)
      problems.push(`${path}.checks must list 1 to ${MAX_CHECKS} SQL queries`);
    checks.forEach((sql: unknown, n) => {
      const problem = typeof sql === 'string' ? checkSqlShape(sql) : 'must be text';
      if (problem) problems.push(`${path}.checks[${n}] ${problem}`);
    });
    return {
      id,
      title: readLocalized(exercise.title, `${path}.title`, problems),
      instructions: readLocalized(exercise.instructions, `${path}.instructions`, problems),
      checks: checks.filter((sql): sql is string => typeof sql === 'string'),
    };
  });
}
