/**
 * One analysis page's run: parameters go to the analytics worker, progress and the result come back.
 * Only the latest run counts (a result arriving after the user started another is dropped), and Cancel
 * terminates the worker so a long kernel stops at once. Write-back is a separate, confirmed step.
 */
import type { Failure } from '../../../workers/db/contract';
import {
  type AnalysisRequest,
  cancelAnalysis,
  type ProgressStep,
  type ResultOf,
  runAnalysis,
  writeBack,
} from '../analytics-client';
import { attempt } from './errors';

type Phase = 'idle' | 'running' | 'done' | 'failed' | 'writing';

export class AnalysisRun<K extends AnalysisRequest['kind']> {
  phase = $state<Phase>('idle');
  fraction = $state(0);
  step = $state<ProgressStep>('loading');
  result = $state.raw<ResultOf<K> | null>(null);
  failure = $state.raw<Failure | null>(null);
  /** Customers written by the last write-back (null until one succeeds). */
  written = $state<number | null>(null);
  #generation = 0;

  get busy(): boolean {
    return this.phase === 'running' || this.phase === 'writing';
  }

  async run(request: Extract<AnalysisRequest, { kind: K }>): Promise<void> {
    const generation = ++this.#generation;
    this.phase = 'running';
    this.fraction = 0;
    this.step = 'loading';
    this.failure = null;
    this.written = null;
    const outcome = await attempt(() =>
      runAnalysis(request, (fraction, step) => {
        if (generation !== this.#generation) return;
        this.fraction = fraction;
        this.step = step;
      }),
    );
    if (generation !== this.#generation) return;
    if (!outcome) {
      this.phase = 'failed';
      this.failure = { ok: false, code: 'not_ready', message: 'the analytics worker stopped' };
    } else if (outcome.ok) {
      this.result = outcome.value as ResultOf<K>;
      this.phase = 'done';
    } else {
      this.failure = outcome;
      this.phase = outcome.code === 'cancelled' ? (this.result ? 'done' : 'idle') : 'failed';
      if (outcome.code === 'cancelled') this.failure = null;
    }
  }

  cancel(): void {
    if (this.phase !== 'running') return;
    this.#generation++;
    cancelAnalysis();
    this.phase = this.result ? 'done' : 'idle';
  }

  /** Writes the result's per-customer values onto customers; true when saved. */
  async save(token: string, labels?: string[]): Promise<boolean> {
    this.phase = 'writing';
    this.fraction = 0;
    this.step = 'writing';
    this.failure = null;
    const outcome = await attempt(() =>
      writeBack(
        token,
        labels ? $state.snapshot(labels) : undefined,
        (fraction) => (this.fraction = fraction),
      ),
    );
    this.phase = 'done';
    if (!outcome) return false;
    if (!outcome.ok) {
      this.failure = outcome;
      return false;
    }
    this.written = outcome.value;
    return true;
  }
}
