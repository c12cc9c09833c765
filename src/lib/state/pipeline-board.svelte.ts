/**
 * The pipeline board's state: filters (mine / my team / all, search), cards per column, the board as the
 * worker last sent it, and optimistic moves. A move shows at once; if the worker refuses it the board goes
 * back to how it was and the reason is shown. Loads are numbered so a slow, older answer never overwrites
 * a newer one (or a move made while it was on its way).
 */
import type { Result, Written } from '../../../workers/db/contract';
import type {
  BoardCard,
  BoardColumn,
  CurrencyTotal,
  MovedOpportunity,
  PipelineBoard,
} from '../../../workers/db/features/pipeline/api';
import { dbClient } from '../db-client';
import { actor, type OwnerScope } from './actor.svelte';
import { attempt, failureMessage } from './errors';
import { persistence } from './persistence.svelte';

export const PIPELINE_SEARCH_DEBOUNCE_MS = 250;
/** Cards added to a column by "Show more" (the first screen gets the worker's default, fewer, to open fast). */
export const SHOW_MORE_STEP = 50;

/** Cards sort by expected close, soonest first, deals without a date last (as the worker sends them). */
function sortsBefore(a: BoardCard, b: BoardCard): boolean {
  if (a.expectedClose === null) return false;
  if (b.expectedClose === null) return true;
  return a.expectedClose < b.expectedClose || (a.expectedClose === b.expectedClose && a.id < b.id);
}

function addMoney(
  totals: CurrencyTotal[],
  card: BoardCard,
  probability: number,
  sign: 1 | -1,
): CurrencyTotal[] {
  const next = totals.map((total) => ({ ...total }));
  let entry = next.find((total) => total.currency === card.currency);
  if (!entry) {
    entry = { currency: card.currency, amountMinor: 0, weightedMinor: 0 };
    next.push(entry);
  }
  entry.amountMinor += sign * card.amountMinor;
  entry.weightedMinor += sign * Math.round((card.amountMinor * probability) / 100);
  return next.filter((total) => total.amountMinor !== 0 || total.weightedMinor !== 0);
}

export type MoveOutcome = { ok: true } | { ok: false; message: string; fields?: Record<string, unknown> };

export class PipelineBoardState {
  scope = $state<OwnerScope>('all');
  /** What the search box shows; `query` follows it after a pause in typing. */
  searchText = $state('');
  query = $state('');
  /** Cards asked for per stage id beyond the default ("Show more"). */
  limits = $state<Record<number, number>>({});
  board = $state<PipelineBoard | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);
  /** Increases with every load and move, so an answer to an older request is dropped. */
  #generation = 0;

  readonly ownerIds = $derived(actor.ownerIds(this.scope));

  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    const result = await attempt(() =>
      dbClient().pipelineBoard({
        ownerIds: this.ownerIds ? [...this.ownerIds] : null,
        search: this.query,
        cardLimits: { ...this.limits },
      }),
    );
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result) return;
    if (!result.ok) {
      this.loadError = failureMessage(result);
      return;
    }
    this.loadError = null;
    this.board = result.value;
  }

  showMore(column: BoardColumn): void {
    this.limits = { ...this.limits, [column.stage.id]: column.cards.length + SHOW_MORE_STEP };
  }

  column(stageId: number): BoardColumn | undefined {
    return this.board?.columns.find((column) => column.stage.id === stageId);
  }

  /** Moves the card on screen now, then in the database; undoes the on-screen move if that fails. */
  async move(cardId: number, toStageId: number, reason?: string): Promise<MoveOutcome> {
    const before = this.board;
    const from = before?.columns.find((column) => column.cards.some((card) => card.id === cardId));
    const to = before?.columns.find((column) => column.stage.id === toStageId);
    if (!before || !from || !to) return { ok: false, message: '' };
    if (from === to) return { ok: true };
    const card = from.cards.find((c) => c.id === cardId)!;
    const moved: BoardCard = { ...card, probability: to.stage.probability };
    this.board = {
      columns: before.columns.map((column) => {
        if (column === from) {
          return {
            ...column,
            count: column.count - 1,
            totals: addMoney(column.totals, card, card.probability, -1),
            cards: column.cards.filter((c) => c.id !== cardId),
          };
        }
        if (column === to) {
          const cards = [...column.cards];
          const at = cards.findIndex((c) => sortsBefore(moved, c));
          cards.splice(at < 0 ? cards.length : at, 0, moved);
          return {
            ...column,
            count: column.count + 1,
            totals: addMoney(column.totals, moved, moved.probability, 1),
            cards,
          };
        }
        return column;
      }),
    };
    // A load already on its way was asked before this move: its answer must not put the card back.
    const generation = ++this.#generation;
    const result: Result<Written<MovedOpportunity>> | null = await attempt(() =>
      dbClient().moveOpportunity(cardId, toStageId, reason === undefined ? {} : { reason }),
    );
    if (result?.ok) {
      void persistence.noteUserWrite();
      return { ok: true };
    }
    if (generation === this.#generation) this.board = before;
    void this.load();
    return result
      ? { ok: false, message: failureMessage(result), fields: result.fields }
      : { ok: false, message: '' };
  }
}
