/**
 * One running global search (the header box's suggestions, the results page): asks the DB worker after a
 * short pause in typing, and keeps only the answer to the newest question — an answer to an older one
 * that arrives late (a slow common word) must not replace what the user sees now.
 */
import type { SearchOptions, SearchResults } from '../../../workers/db/features/search/api';
import type { RecordEntity } from '../../../workers/db/entities/names';
import { dbClient } from '../db-client';
import { failureMessage, handleError } from './errors';
import { href } from './router.svelte';

export const MAX_SEARCH_LENGTH = 200;

/** Where a search result opens: customers have their own pages, every other type the generic record page. */
export function resultHref(entity: string, id: number): string {
  return entity === 'customer'
    ? href({ name: 'customer', id })
    : href({ name: 'record', entity: entity as RecordEntity, id });
}

export class SearchRequest {
  results = $state<SearchResults | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly #options: () => SearchOptions;
  readonly #delayMs: number;

  constructor(options: () => SearchOptions, delayMs = 150) {
    this.#options = options;
    this.#delayMs = delayMs;
  }

  /** Searches for `query` after the pause (0 = now); blank clears the results. */
  ask(query: string, delayMs = this.#delayMs): void {
    if (this.#timer) clearTimeout(this.#timer);
    const asked = ++this.#asked;
    if (!query.trim()) {
      this.results = null;
      this.error = null;
      this.busy = false;
      return;
    }
    this.busy = true;
    this.#timer = setTimeout(() => void this.#run(query, asked), delayMs);
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#asked++;
    this.busy = false;
  }

  async #run(query: string, asked: number): Promise<void> {
    try {
      const result = await dbClient().search(query, this.#options());
      if (asked !== this.#asked) return;
      if (result.ok) {
        this.results = result.value;
        this.error = null;
      } else {
        this.error = failureMessage(result);
      }
    } catch (error) {
      if (asked === this.#asked) handleError(error);
    } finally {
      if (asked === this.#asked) this.busy = false;
    }
  }
}
