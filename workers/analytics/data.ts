/**
 * The analytics worker's view of the DB worker: typed columns fetched over the MessagePort (transferred,
 * not copied) and kept while the page's data version is unchanged, so moving between analysis pages does
 * not re-read five million orders.
 */
import type { Result } from '../db/contract';
import type { AnalyticsDataApi } from '../db/features/analytics/api';

/** An expected failure (no data, bad parameters) carried to the page as `{ ok: false }`. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Remote = {
  [K in keyof AnalyticsDataApi]: (...args: Parameters<AnalyticsDataApi[K]>) => Promise<unknown>;
};

export class DataSource {
  private cache = new Map<string, { version: number; value: Promise<unknown> }>();
  constructor(private readonly remote: Remote) {}

  private static async unwrap<T>(pending: Promise<unknown>): Promise<T> {
    const result = (await pending) as Result<T>;
    if (!result.ok) throw new AnalysisError(result.code, result.message);
    return result.value;
  }

  /** Calls `method` once per (arguments, version); a failed call is not cached. */
  cached<K extends keyof AnalyticsDataApi>(
    version: number,
    method: K,
    ...args: Parameters<AnalyticsDataApi[K]>
  ): Promise<Awaited<ReturnType<AnalyticsDataApi[K]>> extends Result<infer T> ? T : never> {
    const key = `${method}\u0000${JSON.stringify(args, (_, v: unknown) => (ArrayBuffer.isView(v) ? `#${(v as Int32Array).length}` : v))}`;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.value as never;
    const value = DataSource.unwrap((this.remote[method] as (...a: unknown[]) => Promise<unknown>)(...args));
    this.cache.set(key, { version, value });
    value.catch(() => this.cache.delete(key));
    return value as never;
  }

  /** Uncached call (writes). */
  call<K extends keyof AnalyticsDataApi>(
    method: K,
    ...args: Parameters<AnalyticsDataApi[K]>
  ): Promise<Awaited<ReturnType<AnalyticsDataApi[K]>> extends Result<infer T> ? T : never> {
    return DataSource.unwrap(
      (this.remote[method] as (...a: unknown[]) => Promise<unknown>)(...args),
    ) as never;
  }

  /** Drops everything fetched for older data versions (their columns can be large). */
  forgetBefore(version: number): void {
    for (const [key, entry] of this.cache) if (entry.version < version) this.cache.delete(key);
  }
}
