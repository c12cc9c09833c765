/**
 * Writes analysis results onto customers (segment label, churn risk) and records the run.
 *
 * A run replaces the previous one's values on every customer it covers and clears them on the others, so
 * the column always means "the latest run". It is one bulk write (snapshot + reset record, like demo data):
 * logging a million row images would cost more than the snapshot, and the audit trail would drown in
 * derived values — the run itself is the record (analysis_runs: who, when, parameters, summary).
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import type { AnalysisRunInfo, ScoreWrite } from './api';

const MAX_LABEL = 100;

function validate(write: ScoreWrite): void {
  if (write.customerIds.length !== write.values.length)
    throw new DomainError('analysis_invalid', 'every customer needs exactly one value');
  if (write.kind === 'segments') {
    const labels = write.labels ?? [];
    if (labels.length === 0) throw new DomainError('analysis_invalid', 'segments need at least one label');
    for (const label of labels) {
      if (label.trim() === '') throw new DomainError('analysis_invalid', 'a segment label cannot be empty');
      if (label.length > MAX_LABEL)
        throw new DomainError(
          'analysis_invalid',
          `segment label "${label.slice(0, 20)}…" is over ${MAX_LABEL} characters`,
        );
    }
    for (const v of write.values)
      if (v < -1 || v >= labels.length)
        throw new DomainError('analysis_invalid', `segment number ${v} has no label`);
  } else {
    for (const v of write.values)
      if (v < -1 || v > 100) throw new DomainError('analysis_invalid', `churn risk ${v} is not a percentage`);
  }
}

/** Writes the scores and records the run; returns how many customers received a value. */
export function writeScores(
  db: Database,
  write: ScoreWrite,
  userId: number | null,
  now: string,
  onProgress?: (done: number, total: number) => void,
): number {
  validate(write);
  const column = write.kind === 'segments' ? 'segment' : 'churn_risk';
  db.run(`UPDATE customers SET ${column} = ${write.kind === 'segments' ? "''" : 'NULL'}`);
  const update = db.prepare(`UPDATE customers SET ${column} = ? WHERE id = ?`);
  let written = 0;
  try {
    const total = write.customerIds.length;
    for (let i = 0; i < total; i++) {
      const v = write.values[i]!;
      if (v < 0) continue;
      update.run([write.kind === 'segments' ? write.labels![v]! : v, write.customerIds[i]!]);
      written += db.getRowsModified();
      if (onProgress && i % 50_000 === 49_999) onProgress(i + 1, total);
    }
  } finally {
    update.free();
  }
  const user =
    userId !== null && db.exec('SELECT 1 FROM users WHERE id = ?', [userId]).length ? userId : null;
  db.run(
    `INSERT INTO analysis_runs (kind, params_json, summary_json, customers, user_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [write.kind, JSON.stringify(write.params), JSON.stringify(write.summary), written, user, now],
  );
  return written;
}

export function listAnalysisRuns(db: Database): AnalysisRunInfo[] {
  const rows =
    db.exec(
      'SELECT id, kind, customers, created_at, params_json, summary_json FROM analysis_runs ORDER BY id DESC LIMIT 50',
    )[0]?.values ?? [];
  return rows.map(([id, kind, customers, createdAt, params, summary]) => ({
    id: Number(id),
    kind: kind as AnalysisRunInfo['kind'],
    customers: Number(customers),
    createdAt: String(createdAt),
    params: JSON.parse(String(params)) as Record<string, unknown>,
    summary: JSON.parse(String(summary)) as Record<string, unknown>,
  }));
}

export function segmentCounts(db: Database): { segment: string; customers: number }[] {
  const rows =
    db.exec(
      "SELECT segment, count(*) FROM customers WHERE segment <> '' GROUP BY segment ORDER BY segment",
    )[0]?.values ?? [];
  return rows.map(([segment, customers]) => ({ segment: String(segment), customers: Number(customers) }));
}
