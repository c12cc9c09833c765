/**
 * The page's door to the analytics worker. The worker reads its data from the DB worker over a
 * MessageChannel wired here (one port to each worker), so columns go DB worker → analytics worker without
 * touching the main thread; only parameters, progress and summaries pass through the page.
 * Cancelling terminates the worker (a running kernel cannot be interrupted otherwise); the next call
 * starts a fresh one.
 */
import * as Comlink from 'comlink';
import type {
  AlsoBought,
  AnalysisRequest,
  AnalyticsWorkerApi,
  ProgressListener,
  ResultOf,
} from '../../../workers/analytics/contract';
import type { Result } from '../../../workers/db/contract';
import { dbClient } from '../db-client';
import { changes } from '../state/changes.svelte';

export type * from '../../../workers/analytics/contract';

let current: { worker: Worker; api: Comlink.Remote<AnalyticsWorkerApi> } | null = null;

function analytics(): Comlink.Remote<AnalyticsWorkerApi> {
  if (!current) {
    const worker = new Worker(new URL('../../../workers/analytics.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analytics',
    });
    const api = Comlink.wrap<AnalyticsWorkerApi>(worker);
    const channel = new MessageChannel();
    void dbClient().connectAnalytics(Comlink.transfer(channel.port1, [channel.port1]));
    void api.connect(Comlink.transfer(channel.port2, [channel.port2]));
    current = { worker, api };
  }
  return current.api;
}

/** Tables whose changes invalidate the analytics worker's cached columns. */
const ANALYSED_TABLES = [
  'customers',
  'orders',
  'order_lines',
  'products',
  'opportunities',
  'pipeline_stages',
  'cases',
  'activities',
  'campaigns',
  'campaign_members',
  'survey_responses',
];

/** Grows whenever analysed data changes (read inside an effect to re-run on change). */
export function analyticsDataVersion(): number {
  return ANALYSED_TABLES.reduce((sum, table) => sum + changes.of(table), 0);
}

const cancelled = (): Result<never> => ({ ok: false, code: 'cancelled' as never, message: 'cancelled' });
let cancelRun: (() => void) | null = null;

/** Runs one analysis; resolves `{ ok: false, code: 'cancelled' }` when {@link cancelAnalysis} stops it. */
export function runAnalysis<R extends AnalysisRequest>(
  request: R,
  onProgress: ProgressListener,
): Promise<Result<ResultOf<R['kind']>>> {
  const call = analytics().run(request, Comlink.proxy(onProgress)) as Promise<Result<ResultOf<R['kind']>>>;
  return Promise.race([
    call,
    new Promise<Result<never>>((resolve) => (cancelRun = () => resolve(cancelled()))),
  ]);
}

/** Stops the running analysis by terminating the worker. */
export function cancelAnalysis(): void {
  current?.worker.terminate();
  current = null;
  cancelRun?.();
  cancelRun = null;
}

export function writeBack(token: string, labels: string[] | undefined, onProgress: ProgressListener) {
  return analytics().writeBack(token, labels, Comlink.proxy(onProgress));
}

export function alsoBought(productId: number): Promise<Result<AlsoBought[]>> {
  return analytics().alsoBought(productId, analyticsDataVersion());
}
