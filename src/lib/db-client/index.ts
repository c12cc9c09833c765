/**
 * The UI's only door to the database: a Comlink proxy of the DB worker, typed by `workers/db/api.ts`.
 * Import types only from workers/ so no worker code is bundled into the main thread.
 */
import * as Comlink from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { DbApi } from '../../../workers/db/api';
import type { DbEvent, OpenInfo, Result } from '../../../workers/db/contract';
import { workspaceStore } from '../scenario-url';

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
    client = counted(Comlink.wrap<DbApi>(worker));
  }
  return client;
}

/**
 * Calls sent to the DB worker that have not answered yet. The worker answers a write only once it is
 * durable in IndexedDB, so "none in flight" means no write of this tab can be cut off: activating a new
 * app version (app-update.svelte.ts) waits for it before reloading the page.
 */
let callsInFlight = 0;
let idleWaiters: Array<() => void> = [];

export function dbCallsInFlight(): number {
  return callsInFlight;
}

/** Resolves once no call to the DB worker is in flight (at once if none is). */
export function whenDbIdle(): Promise<void> {
  if (callsInFlight === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/** Wraps the Comlink proxy so every method call is counted until it settles; arguments pass unchanged. */
function counted(remote: DbClient): DbClient {
  return new Proxy(remote, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      // Symbols (Comlink.releaseProxy) and `then` keep Comlink's own behaviour.
      if (typeof property !== 'string' || property === 'then' || typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        callsInFlight += 1;
        const settle = () => {
          callsInFlight -= 1;
          if (callsInFlight > 0) return;
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const resolve of waiters) resolve();
        };
        let pending: Promise<unknown>;
        try {
          pending = Promise.resolve((member as (...a: unknown[]) => unknown)(...args));
        } catch (error) {
          settle();
          throw error;
        }
        pending.then(settle, settle);
        return pending;
      };
    },
  });
}

/** Opens the workspace and forwards the worker's events to `onEvent`. */
export async function openDatabase(onEvent: (event: DbEvent) => void): Promise<Result<OpenInfo>> {
  const db = dbClient();
  // `?scenario=` opens that scenario's own workspace, never the user's (see lib/scenario-url.ts).
  const storeName = workspaceStore(location.search);
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
