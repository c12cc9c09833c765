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
import type { Condition, EntityDef, ListFilter, RecordGroup } from '../../../workers/db/entities/types';
import type { SavedView } from '../../../workers/db/features/records/api';
import { SvelteSet } from 'svelte/reactivity';
import { dbClient } from '../db-client';
import { actor, type OwnerScope } from './actor.svelte';
import { failureMessage } from './errors';

export const SEARCH_DEBOUNCE_MS = 200;
export const CUSTOMER_COLUMNS = [
  'kind',
  'stage',
  'owner',
  'industry',
  'phone',
  'email',
  'updatedAt',
] as const;

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
  /** The filter builder's conditions (AND) and the mine / my team / all scope. */
  conditions = $state<Condition[]>([]);
  scope = $state<OwnerScope>('all');
  groupBy = $state<string | null>(null);
  /** Visible columns besides the name (the column chooser; saved with a view). */
  columns = $state<string[]>([...CUSTOMER_COLUMNS]);
  groups = $state<RecordGroup[] | null>(null);
  def = $state<EntityDef | null>(null);
  views = $state<SavedView[]>([]);
  activeViewId = $state<number | null>(null);
  readonly selected = new SvelteSet<number>();
  allMatching = $state(false);
  readonly entity = 'customer' as const;

  hasFilters = $derived(
    this.text.trim() !== '' ||
      this.stage !== '' ||
      this.owner !== '' ||
      this.conditions.length > 0 ||
      this.scope !== 'all',
  );
  /** Identity of the current query; a change means "start over at the top". */
  key = $derived(
    JSON.stringify([
      this.query.trim(),
      this.stage,
      this.owner,
      this.sortColumn,
      this.sortDirection,
      this.conditions,
      actor.ownerIds(this.scope),
    ]),
  );

  /** The list's filter in the generic form (groups, bulk actions on "all matching", saved views). */
  get filter(): ListFilter {
    const conditions: Condition[] = [...this.conditions];
    if (this.stage) conditions.push({ field: 'stage', op: 'eq', value: this.stage });
    if (this.owner) conditions.push({ field: 'ownerId', op: 'eq', value: Number(this.owner) });
    return { conditions, ownerIds: actor.ownerIds(this.scope), text: this.query.trim() };
  }

  currentView() {
    return {
      filter: { conditions: this.filter.conditions, text: this.filter.text },
      sort: { field: this.sortColumn, direction: this.sortDirection },
      columns: this.columns,
      groupBy: this.groupBy,
    };
  }

  applyView(view: SavedView | null): void {
    this.activeViewId = view?.id ?? null;
    this.stage = '';
    this.owner = '';
    this.conditions = view?.filter.conditions ?? [];
    this.text = this.query = view?.filter.text ?? '';
    this.groupBy = view?.groupBy ?? null;
    this.columns = view && view.columns.length > 0 ? [...view.columns] : [...CUSTOMER_COLUMNS];
    if (view?.sort) {
      this.sortColumn = view.sort.field as CustomerSortColumn;
      this.sortDirection = view.sort.direction;
    }
  }

  async loadViews(): Promise<void> {
    const result = await dbClient().listSavedViews('customer');
    if (result.ok) this.views = result.value;
  }

  async loadDefinition(): Promise<void> {
    const result = await dbClient().recordDefinition('customer');
    if (result.ok) this.def = result.value;
  }

  async loadGroups(): Promise<void> {
    if (!this.groupBy) {
      this.groups = null;
      return;
    }
    const result = await dbClient().groupRecords('customer', $state.snapshot(this.filter), this.groupBy);
    this.groups = result.ok ? result.value : null;
  }

  clearSelection(): void {
    this.selected.clear();
    this.allMatching = false;
  }

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
    this.conditions = [];
    this.scope = 'all';
    this.activeViewId = null;
  }

  async #load(offset: number, limit: number): Promise<PageAnswer<Customer>> {
    // Plain values only: a $state proxy cannot be structured-cloned to the worker.
    const result = await dbClient().listCustomers({
      text: this.query.trim() || undefined,
      stage: this.stage || null,
      ownerId: this.owner ? Number(this.owner) : null,
      conditions: $state.snapshot(this.conditions),
      ownerIds: actor.ownerIds(this.scope),
      sort: { column: this.sortColumn, direction: this.sortDirection },
      offset,
      limit,
    });
    if (!result.ok) return { error: failureMessage(result) };
    return { rows: result.value.rows, total: result.value.total };
  }
}

export const customerList = new CustomerList();
