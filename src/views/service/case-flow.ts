/**
 * The steps a case can take from its status: open → in progress → waiting → resolved → closed, back and
 * forth between working and waiting, and reopening a resolved or closed case. Resolving asks for the
 * resolution, closing for an optional satisfaction score; the generic rules stamp resolved_at.
 */
export type CaseStatus = 'open' | 'in_progress' | 'waiting' | 'resolved' | 'closed';

export interface CaseStep {
  to: CaseStatus;
  /** Message key of the button. */
  label:
    | 'service.flow.start'
    | 'service.flow.wait'
    | 'service.flow.resume'
    | 'service.flow.resolve'
    | 'service.flow.close'
    | 'service.flow.reopen';
  /** Opens a dialog first (resolution / CSAT). */
  asks?: 'resolution' | 'csat';
}

const RESOLVE: CaseStep = { to: 'resolved', label: 'service.flow.resolve', asks: 'resolution' };
const CLOSE: CaseStep = { to: 'closed', label: 'service.flow.close', asks: 'csat' };
const REOPEN: CaseStep = { to: 'open', label: 'service.flow.reopen' };

export const CASE_STEPS: Record<CaseStatus, CaseStep[]> = {
  open: [{ to: 'in_progress', label: 'service.flow.start' }, RESOLVE],
  in_progress: [{ to: 'waiting', label: 'service.flow.wait' }, RESOLVE],
  waiting: [{ to: 'in_progress', label: 'service.flow.resume' }, RESOLVE],
  resolved: [CLOSE, REOPEN],
  closed: [REOPEN],
};

export const isFinished = (status: unknown): boolean => status === 'resolved' || status === 'closed';

/** A case is overdue while it is still being worked on and its SLA deadline has passed. */
export function isOverdue(status: unknown, slaDue: unknown, now = Date.now()): boolean {
  if (status !== 'open' && status !== 'in_progress' && status !== 'waiting') return false;
  if (typeof slaDue !== 'string' || slaDue === '') return false;
  const due = Date.parse(slaDue);
  return Number.isFinite(due) && due < now;
}

/**
 * The form input the generic update expects (every editable field, nothing else) with the case moved to
 * `to`; reopening drops the score SQLite would refuse on an open case.
 */
export function stepInput(
  record: Record<string, unknown>,
  editableKeys: readonly string[],
  to: CaseStatus,
  extra: { resolution?: string; csat?: number | null } = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(
    editableKeys.map((key) => [key, record[key] ?? null]),
  );
  input.status = to;
  if (extra.resolution !== undefined) input.resolution = extra.resolution;
  if (extra.csat !== undefined) input.csat = extra.csat;
  if (!isFinished(to)) input.csat = null;
  return input;
}
