/**
 * The customer list's query (search, stage, owner, sort) and its paged row cache. Module-level so going to
 * a customer and back keeps the filters and the cached pages.
 */
import { PagedSource, type PageAnswer } from '../../components/data-table/paged-source.svelte';
import type {
  Customer,
  CustomerSortColumn,
  LifecycleStage,
  SortDirection,
} from '../../../workers/db/contract';
import { dbClient } from '../db-client';
import { failureMessage } from './errors';

export const SEARCH_DEBOUNCE_MS = 200;

class CustomerList {
  /** What is in the search box (updates per keystroke). */
  text = $state('');
  /** The search actually queried, `text` after the debounce. */
  query = $state('');
  stage = $state<LifecycleStage | ''>('');
  /** Owner id as the select's string value; '' = all owners. */
  owner = $state('');
  sortColumn = $state<CustomerSortColumn>('updatedAt');
  sortDirection = $state<SortDirection>('desc');

  hasFilters = $derived(this.text.trim() !== '' || this.stage !== '' || this.owner !== '');
  /** Identity of the current query; a change means "start over at the top". */
  key = $derived(
    JSON.stringify([this.query.trim(), this.stage, this.owner, this.sortColumn, this.sortDirection]),
  );

  /** The key the cached pages belong to (plain field: only the view's effect reads it). */
  loadedKey: string | null = null;

  source = new PagedSource<Customer>((offset, limit) => this.#load(offset, limit), { pageSize: 100 });

  toggleSort(column: CustomerSortColumn): void {
    if (this.sortColumn === column) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    } else {
      this.sortColumn = column;
      this.sortDirection = column === 'updatedAt' || column === 'createdAt' ? 'desc' : 'asc';
    }
  }

  clearFilters(): void {
    this.text = '';
    this.query = '';
    this.stage = '';
    this.owner = '';
  }

  async #load(offset: number, limit: number): Promise<PageAnswer<Customer>> {
    // Plain values only: a $state proxy cannot be structured-cloned to the worker.
    const result = await dbClient().listCustomers({
      text: this.query.trim() || undefined,
      stage: this.stage || null,
      ownerId: this.owner ? Number(this.owner) : null,
      sort: { column: this.sortColumn, direction: this.sortDirection },
      offset,
      limit,
    });
    if (!result.ok) return { error: failureMessage(result) };
    return { rows: result.value.rows, total: result.value.total };
  }
}

export const customerList = new CustomerList();
