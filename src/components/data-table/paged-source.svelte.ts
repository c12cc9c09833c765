/**
 * Rows of a huge, server-ordered list (here: the DB worker) fetched on demand in fixed-size pages and
 * cached, so the UI never holds the whole table.
 *
 * - `setRange(first, last)` is called by the table with the rendered rows; missing pages are fetched after a
 *   short debounce (with a max wait) so fast scrolling does not queue requests for rows already gone.
 * - Answers of an older generation (before `reset()`/`refresh()`) are dropped: stale requests cannot be
 *   cancelled across Comlink, but they are ignored.
 * - `refresh()` (data changed, maybe in another tab) keeps showing cached rows while their pages are
 *   refetched, so a remote edit does not flash placeholders.
 * - `reset()` (new filter/sort) also keeps the old rows until the new first page arrives.
 * - The cache is bounded (LRU by page) so scrolling through a million rows does not grow memory.
 */
import { untrack } from 'svelte';

export type PageAnswer<T> = { rows: T[]; total: number } | { error: string };
export type PageLoader<T> = (offset: number, limit: number) => Promise<PageAnswer<T>>;

const DEBOUNCE_MS = 40;
const MAX_WAIT_MS = 150;
/**
 * Requests the worker is still running, including stale ones (they cannot be cancelled). Keeping this
 * small means a fast scroll never builds a queue in the worker: when a request returns, the next one asks
 * for the rows in view *then*.
 */
const MAX_OUTSTANDING = 2;

export class PagedSource<T> {
  /** Rows matching the query; null until the first page answers. */
  total = $state<number | null>(null);
  /** True from a reset until its first page answers (the table dims the stale rows meanwhile). */
  loading = $state(true);
  error = $state<string | null>(null);
  /** Increments when the table should scroll back to the top (new filter/sort). */
  resetCount = $state(0);
  /** Increments whenever a page arrives; `row()` reads it so renders follow the cache. */
  #version = $state(0);

  readonly pageSize: number;
  readonly #maxPages: number;
  #loader: PageLoader<T>;
  // Deliberately not reactive (SvelteMap/Set): renders follow `#version`, bumped once per arriving page.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pages = new Map<number, T[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #stale = new Set<number>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #inFlight = new Set<number>();
  #outstanding = 0;
  #generation = 0;
  #range = { first: 0, last: 0 };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waitingSince = 0;

  constructor(loader: PageLoader<T>, options: { pageSize?: number; maxPages?: number } = {}) {
    this.#loader = loader;
    this.pageSize = options.pageSize ?? 100;
    this.#maxPages = options.maxPages ?? 40;
  }

  /** The row at `index`, or undefined while its page loads. */
  row(index: number): T | undefined {
    void this.#version;
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** New query (filter or sort): forget everything and start at the top. */
  reset(loader?: PageLoader<T>): void {
    untrack(() => this.#reset(loader));
  }

  /** Same query, data changed: refetch what is shown, keep showing the old rows meanwhile. */
  refresh(): void {
    untrack(() => {
      this.#generation++;
      this.#inFlight.clear();
      for (const page of this.#pages.keys()) this.#stale.add(page);
      this.#fetchNeeded();
    });
  }

  /** Rows the table renders (inclusive first, exclusive last). */
  setRange(first: number, last: number): void {
    untrack(() => this.#setRange(first, last));
  }

  // Effects call the public methods; untrack keeps them from subscribing to the state read here.
  #reset(loader?: PageLoader<T>): void {
    if (loader) this.#loader = loader;
    this.#generation++;
    // The old rows stay on screen (dimmed by the table via `loading`) until the new first page arrives,
    // instead of flashing placeholders on every keystroke of a search.
    for (const page of this.#pages.keys()) this.#stale.add(page);
    this.#inFlight.clear();
    this.loading = true;
    this.error = null;
    this.resetCount++;
    this.#range = { first: 0, last: Math.min(this.#range.last - this.#range.first, this.pageSize) };
    this.#fetchNeeded();
  }

  #setRange(first: number, last: number): void {
    this.#range = { first, last };
    if (this.#neededPages().length === 0) return;
    const now = performance.now();
    if (this.#timer === undefined) this.#waitingSince = now;
    clearTimeout(this.#timer);
    const wait = now - this.#waitingSince >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#fetchNeeded();
    }, wait);
  }

  #neededPages(): number[] {
    const { first, last } = this.#range;
    const firstPage = Math.floor(first / this.pageSize);
    const lastPage = Math.floor(Math.max(first, last - 1) / this.pageSize);
    const pages: number[] = [];
    for (let page = firstPage; page <= lastPage; page++) {
      if (this.total !== null && page * this.pageSize >= this.total && page > 0) break;
      if ((!this.#pages.has(page) || this.#stale.has(page)) && !this.#inFlight.has(page)) pages.push(page);
    }
    return pages;
  }

  #fetchNeeded(): void {
    for (const page of this.#neededPages()) {
      if (this.#outstanding >= MAX_OUTSTANDING) return; // resumed when a request returns
      void this.#fetch(page);
    }
    // Pages still stale but far from view would only be wrong later: drop them.
    if (this.#inFlight.size === 0) {
      for (const page of this.#stale) this.#pages.delete(page);
      this.#stale.clear();
    }
  }

  async #fetch(page: number): Promise<void> {
    const generation = this.#generation;
    this.#inFlight.add(page);
    this.#outstanding++;
    let answer: PageAnswer<T>;
    try {
      answer = await this.#loader(page * this.pageSize, this.pageSize);
    } catch (error) {
      answer = { error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.#outstanding--;
    }
    if (generation !== this.#generation) {
      this.#fetchNeeded(); // a slot is free: ask for what the current query needs
      return;
    }
    this.#inFlight.delete(page);
    if ('error' in answer) {
      this.error = answer.error;
      this.loading = false;
      return;
    }
    this.error = null;
    this.total = answer.total;
    this.loading = false;
    this.#pages.delete(page); // re-insert: Map order is the LRU order
    this.#pages.set(page, answer.rows);
    this.#stale.delete(page);
    if (this.#inFlight.size === 0) {
      // Everything in view is fresh now; other stale pages would show outdated rows later.
      for (const stalePage of this.#stale) this.#pages.delete(stalePage);
      this.#stale.clear();
    }
    while (this.#pages.size > this.#maxPages) {
      const oldest = this.#pages.keys().next().value;
      if (oldest === undefined) break;
      this.#pages.delete(oldest);
    }
    this.#version++;
    // The total may have changed (rows added/removed): fetch what is now in range.
    if (this.#neededPages().length > 0) this.#fetchNeeded();
  }
}
