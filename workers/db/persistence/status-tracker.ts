/**
 * The persistence status the UI shows (saved / saving / error, problems as banners, read-only), kept
 * apart from the engine's mechanics. Problems are keyed by code: reporting one again replaces it.
 */
import type { PersistenceStatus, Problem, ProblemCode } from '../contract';

/** Problems after which writing could fork or corrupt the workspace. */
const READ_ONLY_PROBLEMS: ReadonlySet<ProblemCode> = new Set([
  'damaged_chunk',
  'damaged_log',
  'newer_schema',
  'load_failed',
  'encryption_changed',
]);
export const STORAGE_PROBLEMS: readonly ProblemCode[] = [
  'quota_exceeded',
  'append_failed',
  'checkpoint_failed',
];

export class StatusTracker {
  private readonly status: PersistenceStatus = {
    state: 'loading',
    lastSavedAt: null,
    seq: 0,
    problems: [],
    readOnly: false,
  };

  constructor(
    private readonly currentSeq: () => number,
    private readonly onStatus?: (status: PersistenceStatus) => void,
  ) {}

  get readOnly(): boolean {
    return this.status.readOnly;
  }

  get hasProblems(): boolean {
    return this.status.problems.length > 0;
  }

  snapshot(): PersistenceStatus {
    return structuredClone({ ...this.status, seq: this.currentSeq() });
  }

  add(code: ProblemCode, detail: string): void {
    const problem: Problem = { code, detail, readOnly: READ_ONLY_PROBLEMS.has(code) };
    this.status.problems = [...this.status.problems.filter((p) => p.code !== code), problem];
    this.status.readOnly = this.status.problems.some((p) => p.readOnly);
    this.set(this.status.state === 'loading' ? 'loading' : 'error');
  }

  remove(...codes: ProblemCode[]): void {
    if (!this.status.problems.some((problem) => codes.includes(problem.code))) return;
    this.status.problems = this.status.problems.filter((problem) => !codes.includes(problem.code));
    this.status.readOnly = this.status.problems.some((p) => p.readOnly);
  }

  saved(at: string): void {
    this.status.lastSavedAt = at;
    this.set('saved');
  }

  /** 'saved' stays 'error' while a problem that blocks or loses writes is open. */
  set(state: PersistenceStatus['state']): void {
    const failing = this.status.problems.some(
      (p) => p.readOnly || STORAGE_PROBLEMS.includes(p.code) || p.code === 'load_failed',
    );
    this.status.state = state === 'saved' && failing ? 'error' : state;
    this.emit();
  }

  emit(): void {
    this.onStatus?.(this.snapshot());
  }
}
