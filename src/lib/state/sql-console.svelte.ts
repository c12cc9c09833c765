/**
 * The SQL console's state: the statement being edited, the last result or failure, and the saved queries.
 * Module-level so leaving `#/sql` and coming back keeps the statement and its result.
 */
import type { Failure } from '../../../workers/db/contract';
import type { QueryResult, SavedQuery, WidgetKind } from '../../../workers/db/features/sql/api';
import { dbClient } from '../db-client';
import { t } from '../i18n';
import { attempt, reportFailure } from './errors';
import { toasts } from './toasts.svelte';

class SqlConsole {
  sql = $state(
    'SELECT stage, count(*) AS customers\nFROM customers\nGROUP BY stage\nORDER BY customers DESC;',
  );
  allowChanges = $state(false);
  running = $state(false);
  result = $state.raw<QueryResult | null>(null);
  failure = $state.raw<Failure | null>(null);

  saved = $state.raw<SavedQuery[]>([]);
  /** The saved query the editor was opened from; saving updates it instead of adding one. */
  loadedId = $state<number | null>(null);
  name = $state('');

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const outcome = await attempt(() =>
        dbClient().runSql({ sql: this.sql, allowChanges: this.allowChanges }),
      );
      if (!outcome) return;
      this.result = outcome.ok ? outcome.value : null;
      this.failure = outcome.ok ? null : outcome;
    } finally {
      this.running = false;
    }
  }

  async loadSaved(): Promise<void> {
    const outcome = await attempt(() => dbClient().listSavedQueries());
    if (outcome?.ok) this.saved = outcome.value;
    else if (outcome) reportFailure(outcome);
  }

  open(query: SavedQuery): void {
    this.sql = query.sql;
    this.name = query.name;
    this.loadedId = query.id;
    this.result = null;
    this.failure = null;
  }

  startNew(): void {
    this.loadedId = null;
    this.name = '';
  }

  /** Returns the failure (for the form to show next to the name) or null when saved. */
  async save(): Promise<Failure | null> {
    const outcome = await attempt(() =>
      dbClient().saveQuery({ name: this.name, sql: this.sql }, this.loadedId ?? undefined),
    );
    if (!outcome) return null;
    if (!outcome.ok) return outcome;
    this.loadedId = outcome.value.value.id;
    this.name = outcome.value.value.name;
    toasts.success(t('sql.savedToast', { name: outcome.value.value.name }));
    await this.loadSaved();
    return null;
  }

  async remove(query: SavedQuery): Promise<void> {
    const outcome = await attempt(() => dbClient().deleteSavedQuery(query.id));
    if (!outcome) return;
    if (!outcome.ok) return reportFailure(outcome);
    if (this.loadedId === query.id) this.startNew();
    toasts.success(t('sql.deleted', { name: query.name }));
    await this.loadSaved();
  }

  async pin(query: SavedQuery, widget: WidgetKind | null): Promise<void> {
    const outcome = await attempt(() => dbClient().pinSavedQuery(query.id, widget));
    if (!outcome) return;
    if (!outcome.ok) return reportFailure(outcome);
    toasts.success(t(widget ? 'sql.pinned' : 'sql.unpinned', { name: query.name }));
    await this.loadSaved();
  }
}

export const sqlConsole = new SqlConsole();
