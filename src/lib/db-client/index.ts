/**
 * The UI's only door to the database: a Comlink proxy of the DB worker, typed by `workers/db/api.ts`.
 * Import types only from workers/ so no worker code is bundled into the main thread.
 */
import * as Comlink from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { DbApi } from '../../../workers/db/api';
import type { DbEvent, OpenInfo, Result } from '../../../workers/db/contract';

export type { DbApi };
export type DbClient = Comlink.Remote<DbApi>;

let client: DbClient | null = null;
/** Settles when the worker script fails to load or throws outside a call (Comlink would wait forever). */
let workerFailed: Promise<Result<never>> = new Promise(() => undefined);

/** Starts the DB worker (once) and returns its typed proxy. */
export function dbClient(): DbClient {
  if (!client) {
    const worker = new Worker(new URL('../../../workers/db.worker.ts', import.meta.url), {
      type: 'module',
      name: 'db',
    });
    workerFailed = new Promise((resolve) => {
      worker.addEventListener('error', (event) =>
        resolve({
          ok: false,
          code: 'not_ready',
          message: event.message || 'the database worker failed to start',
        }),
      );
    });
    client = Comlink.wrap<DbApi>(worker);
  }
  return client;
}

/** Opens the workspace and forwards the worker's events to `onEvent`. */
export async function openDatabase(onEvent: (event: DbEvent) => void): Promise<Result<OpenInfo>> {
  const db = dbClient();
  const storeName = new URLSearchParams(location.search).get('store') ?? undefined;
  const opening = (async () => {
    await db.subscribe(Comlink.proxy(onEvent));
    return db.open({ wasmUrl: new URL(wasmUrl, location.href).href, storeName });
  })();
  return Promise.race([opening, workerFailed]);
}

/** Wraps a callback so it can be passed to the worker (progress reporting). */
export const callback = <T extends (...args: never[]) => unknown>(fn: T): T => Comlink.proxy(fn);

/**
 * Asks the browser to keep this site's data under storage pressure. `persist()` exists only on the
 * main thread (not in workers), so it lives here rather than in the DB worker.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
