/**
 * One record list's state (`#/leads`, `#/orders`…): the query (quick text, owner scope, conditions, sort),
 * grouping, visible columns, selection and the saved views. One instance per record type, kept while the
 * app runs, so leaving a list and coming back keeps its filters and scroll-independent state.
 */
import { SvelteSet } from 'svelte/reactivity';
import type {
  EntityDef,
  EntityName,
  Condition,
  ListFilter,
  RecordGroup,
  RecordRow,
} from '../../../workers/db/entities/types';
import type { SavedView } from '../../../workers/db/features/records/api';
import { PagedSource } from '../../components/data-table/paged-source.svelte';
import { dbClient } from '../db-client';
import { failureMessage } from './errors';
import { actor, type OwnerScope } from './actor.svelte';

export const SEARCH_DEBOUNCE_MS = 250;

export class RecordList {
  readonly entity: EntityName;
  def = $state<EntityDef | null>(null);
  text = $state('');
  /** `text` after the debounce: what the query uses. */
  query = $state('');
  scope = $state<OwnerScope>('all');
  conditions = $state<Condition[]>([]);
  sort = $state<{ field: string; direction: 'asc' | 'desc' }>({ field: 'id', direction: 'asc' });
  groupBy = $state<string | null>(null);
  columns = $state<string[]>([]);
  groups = $state<RecordGroup[] | null>(null);
  groupError = $state<string | null>(null);
  views = $state<SavedView[]>([]);
  activeViewId = $state<number | null>(null);
  readonly selected = new SvelteSet<number>();
  /** "Select all N matching" rather than the ticked rows. */
  allMatching = $state(false);
  loadedKey = '';

  // Getters, not $derived: a list outlives the page that first created it, and a derived created there
  // would go inert (stale) once that page is destroyed.
  get filter(): ListFilter {
    return { conditions: this.conditions, ownerIds: actor.ownerIds(this.scope), text: this.query };
  }
  get key(): string {
    return JSON.stringify([this.filter, this.sort]);
  }
  readonly source: PagedSource<RecordRow>;

  constructor(entity: EntityName) {
    this.entity = entity;
    this.source = new PagedSource<RecordRow>(async (offset, limit) => {
      const result = await dbClient().listRecords({
        entity: this.entity,
        ...$state.snapshot(this.filter),
        sort: $state.snapshot(this.sort),
        offset,
        limit,
      });
      return result.ok
        ? { rows: result.value.rows, total: result.value.total }
        : { error: failureMessage(result) };
    });
  }

  /** Loads the definition (with custom fields) and, the first time, the default sort and columns. */
  async loadDefinition(): Promise<void> {
    const result = await dbClient().recordDefinition(this.entity);
    if (!result.ok) return;
    const first = this.def === null;
    this.def = result.value;
    if (first) {
      this.sort = { ...result.value.defaultSort };
      this.columns = result.value.fields.filter((f) => f.list).map((f) => f.key);
    }
    // A custom field deleted meanwhile must leave the columns and conditions.
    const keys = result.value.fields.map((f) => f.key);
    this.columns = this.columns.filter((key) => keys.includes(key));
    this.conditions = this.conditions.filter((c) => keys.includes(c.field));
    if (this.groupBy && !keys.includes(this.groupBy)) this.groupBy = null;
  }

  async loadGroups(): Promise<void> {
    if (!this.groupBy) {
      this.groups = null;
      return;
    }
    const result = await dbClient().groupRecords(this.entity, $state.snapshot(this.filter), this.groupBy);
    if (result.ok) {
      this.groups = result.value;
      this.groupError = null;
    } else this.groupError = failureMessage(result);
  }

  async loadViews(): Promise<void> {
    const result = await dbClient().listSavedViews(this.entity);
    if (result.ok) this.views = result.value;
  }

  currentView() {
    return {
      filter: { conditions: this.conditions, text: this.query },
      sort: this.sort,
      columns: this.columns,
      groupBy: this.groupBy,
    };
  }

  applyView(view: SavedView | null): void {
    this.activeViewId = view?.id ?? null;
    if (!view) {
      this.conditions = [];
      this.text = this.query = '';
      this.groupBy = null;
      if (this.def) {
        this.sort = { ...this.def.defaultSort };
        this.columns = this.def.fields.filter((f) => f.list).map((f) => f.key);
      }
      return;
    }
    this.conditions = view.filter.conditions ?? [];
    this.text = this.query = view.filter.text ?? '';
    if (view.sort) this.sort = { ...view.sort };
    if (view.columns.length > 0) this.columns = [...view.columns];
    this.groupBy = view.groupBy;
  }

  clearSelection(): void {
    this.selected.clear();
    this.allMatching = false;
  }
}

// Not reactive on purpose: the registry only hands out instances; their fields are the reactive state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const lists = new Map<EntityName, RecordList>();

export function recordList(entity: EntityName): RecordList {
  let list = lists.get(entity);
  if (!list) {
    list = new RecordList(entity);
    lists.set(entity, list);
  }
  return list;
}
