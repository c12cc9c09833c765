/**
 * Satisfaction survey responses: typed in on a customer's page or imported from CSV, stored in
 * `survey_responses` (migration 001), which the satisfaction analysis reads. Responses belong to a survey,
 * named by the user; a new name creates the survey. The CSV is read with the import feature's papaparse
 * reader; every row is checked (customer by email or name, date, scores in range) and problems are reported
 * per row. An import writes only when every row is valid, so a file is never half imported.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { clip, parseCsv } from '../import/csv';
import type { ImportDelimiter } from '../import/api';
import { all, one, run, type Row } from '../../repositories/sql';
import type { SurveyImportReport, SurveyResponse, SurveyResponseInput, SurveyRowProblem } from './api';

export const SCORE_RANGES = {
  csat: [1, 5],
  nps: [0, 10],
  quality: [1, 5],
  reliability: [1, 5],
  responsiveness: [1, 5],
  price: [1, 5],
} as const;
export type ScoreName = keyof typeof SCORE_RANGES;
const SCORES = Object.keys(SCORE_RANGES) as ScoreName[];

/** Accepted CSV headers (case-insensitive) for the customer column, besides the score names and `date`. */
const CUSTOMER_HEADERS = ['customer', 'customer email', 'customer name', 'email', 'name'];
const MAX_ROWS = 20000;

export const listSurveyNames = (db: Database): string[] =>
  all(db, 'SELECT name FROM surveys ORDER BY name').map((row) => String(row.name));

function surveyId(db: Database, name: string, now: string): number {
  const clean = name.trim();
  if (clean === '') throw new DomainError('validation', 'Name the survey.', { surveyName: 'required' });
  const existing = one(db, 'SELECT id FROM surveys WHERE name = ? ORDER BY id LIMIT 1', [clean]);
  if (existing) return Number(existing.id);
  run(db, 'INSERT INTO surveys (name, created_at, updated_at) VALUES (?, ?, ?)', [clean, now, now]);
  return Number(one(db, 'SELECT last_insert_rowid() AS id')!.id);
}

/** YYYY-MM-DD of a real day (or an ISO instant), else null. */
export function parseResponseDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(value.trim());
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (day.getUTCMonth() !== Number(match[2]) - 1 || day.getUTCDate() !== Number(match[3])) return null;
  return value.trim();
}

type ScoreCheck = { ok: true; value: number | null } | { ok: false; code: 'invalid_number' | 'out_of_range' };

export function checkScore(name: ScoreName, raw: unknown): ScoreCheck {
  if (raw === null || raw === undefined || String(raw).trim() === '') return { ok: true, value: null };
  const text = String(raw).trim();
  if (!/^-?\d+$/.test(text)) return { ok: false, code: 'invalid_number' };
  const value = Number(text);
  const [low, high] = SCORE_RANGES[name];
  return value < low || value > high ? { ok: false, code: 'out_of_range' } : { ok: true, value };
}

const toResponse = (row: Row): SurveyResponse & { surveyName: string } => ({
  id: Number(row.id),
  surveyId: Number(row.survey_id),
  surveyName: String(row.survey_name),
  customerId: Number(row.customer_id),
  contactId: row.contact_id === null ? null : Number(row.contact_id),
  respondedAt: String(row.responded_at),
  csat: row.csat === null ? null : Number(row.csat),
  nps: row.nps === null ? null : Number(row.nps),
  quality: row.quality === null ? null : Number(row.quality),
  reliability: row.reliability === null ? null : Number(row.reliability),
  responsiveness: row.responsiveness === null ? null : Number(row.responsiveness),
  price: row.price === null ? null : Number(row.price),
  comment: String(row.comment),
});

const RESPONSE_SELECT = `SELECT r.*, s.name AS survey_name FROM survey_responses r JOIN surveys s ON s.id = r.survey_id`;

export const listSurveyResponses = (db: Database, customerId: number) =>
  all(db, `${RESPONSE_SELECT} WHERE r.customer_id = ? ORDER BY r.responded_at DESC, r.id DESC`, [
    customerId,
  ]).map(toResponse);

function insertResponse(db: Database, survey: number, input: SurveyResponseInput): number {
  run(
    db,
    `INSERT INTO survey_responses (survey_id, customer_id, contact_id, responded_at, csat, nps, quality,
       reliability, responsiveness, price, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      survey,
      input.customerId,
      input.contactId ?? null,
      input.respondedAt,
      input.csat,
      input.nps,
      input.quality,
      input.reliability,
      input.responsiveness,
      input.price,
      String(input.comment ?? '').slice(0, 2000),
    ],
  );
  return Number(one(db, 'SELECT last_insert_rowid() AS id')!.id);
}

export function addSurveyResponse(db: Database, input: SurveyResponseInput, now: string) {
  const fields: Record<
    string,
    'required' | 'invalid_date' | 'invalid_number' | 'out_of_range' | 'not_found'
  > = {};
  if (!one(db, 'SELECT id FROM customers WHERE id = ?', [input?.customerId])) fields.customerId = 'not_found';
  if (parseResponseDate(String(input?.respondedAt ?? '')) === null) fields.respondedAt = 'invalid_date';
  const clean: SurveyResponseInput = { ...input };
  for (const name of SCORES) {
    const check = checkScore(name, input?.[name]);
    if (check.ok) clean[name] = check.value;
    else fields[name] = check.code;
  }
  if (Object.keys(fields).length === 0 && SCORES.every((name) => clean[name] === null))
    fields.csat = 'required';
  if (Object.keys(fields).length > 0)
    throw new DomainError('validation', 'The response has problems.', fields);
  const id = insertResponse(db, surveyId(db, String(input.surveyName ?? ''), now), clean);
  return toResponse(one(db, `${RESPONSE_SELECT} WHERE r.id = ?`, [id])!);
}

function detectDelimiter(text: string): ImportDelimiter {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Reads and checks every row; `inputs` holds the valid rows ready to insert. */
export function checkSurveyCsv(db: Database, csvText: string) {
  const text = String(csvText ?? '').replace(/^\uFEFF/, '');
  const table = parseCsv(text, detectDelimiter(text));
  const problems: SurveyRowProblem[] = [];
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const customerColumn = headers.findIndex((h) => CUSTOMER_HEADERS.includes(h));
  const column = (name: string) => headers.indexOf(name);
  const missing = [customerColumn < 0 ? 'customer' : null, column('date') < 0 ? 'date' : null].filter(
    (name): name is string => name !== null,
  );
  if (missing.length > 0 || SCORES.every((name) => column(name) < 0)) {
    for (const name of missing.length > 0 ? missing : ['csat'])
      problems.push({ row: 1, column: name, code: 'missing_column', value: '' });
    return { rows: table.rows.length, problems, inputs: [] as SurveyResponseInput[] };
  }
  if (table.rows.length > MAX_ROWS)
    throw new DomainError('import_too_large', `At most ${MAX_ROWS} responses per file.`);
  const inputs: SurveyResponseInput[] = [];
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index]!;
    const before = problems.length;
    const cell = (at: number) => (at < 0 ? '' : String(cells[at] ?? '').trim());
    const who = cell(customerColumn);
    let customerId = 0;
    if (who === '') problems.push({ row, column: 'customer', code: 'required', value: '' });
    else {
      const matches = all(
        db,
        who.includes('@')
          ? 'SELECT id FROM customers WHERE email = ? LIMIT 2'
          : 'SELECT id FROM customers WHERE name = ? LIMIT 2',
        [who],
      );
      if (matches.length === 1) customerId = Number(matches[0]!.id);
      else
        problems.push({
          row,
          column: 'customer',
          code: matches.length === 0 ? 'unknown_customer' : 'ambiguous_customer',
          value: clip(who),
        });
    }
    const date = cell(column('date'));
    if (parseResponseDate(date) === null)
      problems.push({
        row,
        column: 'date',
        code: date === '' ? 'required' : 'invalid_date',
        value: clip(date),
      });
    const scores: Partial<Record<ScoreName, number | null>> = {};
    for (const name of SCORES) {
      const raw = cell(column(name));
      const check = checkScore(name, raw);
      if (check.ok) scores[name] = check.value;
      else problems.push({ row, column: name, code: check.code, value: clip(raw) });
    }
    if (problems.length === before && SCORES.every((name) => scores[name] === null))
      problems.push({ row, column: null, code: 'no_scores', value: '' });
    if (problems.length === before)
      inputs.push({
        surveyName: '',
        customerId,
        respondedAt: date,
        csat: scores.csat ?? null,
        nps: scores.nps ?? null,
        quality: scores.quality ?? null,
        reliability: scores.reliability ?? null,
        responsiveness: scores.responsiveness ?? null,
        price: scores.price ?? null,
      });
  });
  return { rows: table.rows.length, problems, inputs };
}

export function importSurveyCsv(
  db: Database,
  surveyName: string,
  csvText: string,
  now: string,
): SurveyImportReport {
  const { rows, problems, inputs } = checkSurveyCsv(db, csvText);
  const report = { rows, valid: inputs.length, problems, imported: 0 };
  if (problems.length > 0 || inputs.length === 0) return report;
  const survey = surveyId(db, surveyName, now);
  for (const input of inputs) insertResponse(db, survey, input);
  return { ...report, imported: inputs.length };
}
