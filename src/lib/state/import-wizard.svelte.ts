/**
 * The import wizard's state: the chosen file's preview (parsed in the DB worker, kept there under a token),
 * the column mapping, the validation report, the running import's progress, the result, past imports and
 * saved mappings. The view only renders this and calls its actions.
 */
import type {
  ColumnMapping,
  DuplicatePolicy,
  ImportDelimiter,
  ImportEncoding,
  ImportPreview,
  ImportProgress,
  ImportRecord,
  ImportRecordType,
  ImportReport,
  ImportSummary,
  SavedMapping,
} from '../../../workers/db/features/import/api';
import type { Failure } from '../../../workers/db/contract';
import { callback, dbClient } from '../db-client';
import { t } from '../i18n';
import { attempt, failureMessage } from './errors';
import { toasts } from './toasts.svelte';

export type WizardBusy = 'reading' | 'checking' | 'importing' | 'undoing' | null;

class ImportWizard {
  preview = $state<ImportPreview | null>(null);
  recordType = $state<ImportRecordType>('customers');
  mapping = $state<ColumnMapping>([]);
  policy = $state<DuplicatePolicy>('skip');
  report = $state<ImportReport | null>(null);
  summary = $state<ImportSummary | null>(null);
  progress = $state<ImportProgress | null>(null);
  busy = $state<WizardBusy>(null);
  /** The last failure, shown next to the step it belongs to. */
  error = $state<string | null>(null);
  history = $state<ImportRecord[]>([]);
  mappings = $state<SavedMapping[]>([]);
  #file: File | null = null;

  get fields() {
    return this.preview?.fields[this.recordType] ?? [];
  }

  #fail(failure: Failure): void {
    this.error = failureMessage(failure);
  }

  async choose(file: File, overrides: { encoding?: ImportEncoding; delimiter?: ImportDelimiter } = {}) {
    const previous = this.preview?.token;
    this.#file = file;
    this.error = null;
    this.report = null;
    this.summary = null;
    this.busy = 'reading';
    try {
      const result = await attempt(() =>
        dbClient().importPreview(file, { fileName: file.name, ...overrides }),
      );
      if (!result) return;
      if (!result.ok) {
        this.preview = null;
        this.#fail(result);
        return;
      }
      this.preview = result.value;
      const keepType = overrides.encoding !== undefined || overrides.delimiter !== undefined;
      this.recordType =
        keepType && result.value.format === 'csv' ? this.recordType : result.value.suggestedType;
      this.mapping = [...result.value.suggested[this.recordType]];
      if (previous) void dbClient().importDiscard(previous);
    } finally {
      this.busy = null;
    }
  }

  /** Re-reads the same file with another encoding or delimiter. */
  reread(overrides: { encoding?: ImportEncoding; delimiter?: ImportDelimiter }): Promise<void> {
    if (!this.#file || !this.preview) return Promise.resolve();
    return this.choose(this.#file, {
      encoding: overrides.encoding ?? this.preview.encoding,
      delimiter: overrides.delimiter ?? this.preview.delimiter,
    });
  }

  setRecordType(type: ImportRecordType): void {
    if (!this.preview) return;
    this.recordType = type;
    this.mapping = [...this.preview.suggested[type]];
    if (this.policy === 'create' && !this.createAllowed) this.policy = 'skip';
    this.report = null;
  }

  /** Gives `column` the field `key`; a column that had that field before loses it (one column per field). */
  setField(column: number, key: string | null): void {
    this.mapping = this.mapping.map((current, index) =>
      index === column ? key : key !== null && current === key ? null : current,
    );
    this.report = null;
  }

  get createAllowed(): boolean {
    return this.recordType !== 'products' && this.recordType !== 'orders';
  }

  get plan() {
    return { recordType: this.recordType, mapping: $state.snapshot(this.mapping), policy: this.policy };
  }

  async check(): Promise<void> {
    if (!this.preview) return;
    this.error = null;
    this.busy = 'checking';
    this.progress = null;
    try {
      const token = this.preview.token;
      const result = await attempt(() =>
        dbClient().importValidate(
          token,
          this.plan,
          callback((p: ImportProgress) => (this.progress = p)),
        ),
      );
      if (!result) return;
      if (!result.ok) this.#fail(result);
      else this.report = result.value;
    } finally {
      this.busy = null;
      this.progress = null;
    }
  }

  async setPolicy(policy: DuplicatePolicy): Promise<void> {
    this.policy = policy;
    // The report depends on the policy only where 'create' meets a unique code; re-check to be exact.
    if (this.report) await this.check();
  }

  async run(): Promise<void> {
    if (!this.preview || !this.report) return;
    this.error = null;
    this.busy = 'importing';
    this.progress = { phase: 'reading', done: 0, total: this.preview.rowCount };
    try {
      const token = this.preview.token;
      const result = await attempt(() =>
        dbClient().importRun(
          token,
          { ...this.plan, allowInvalid: true },
          callback((p: ImportProgress) => (this.progress = p)),
        ),
      );
      if (!result) return;
      if (!result.ok) {
        if (result.code === 'import_cancelled') toasts.show(t('import.cancelled'), { kind: 'info' });
        else this.#fail(result);
        return;
      }
      this.summary = result.value.value;
      toasts.success(t('import.done'));
      await this.loadHistory();
    } finally {
      this.busy = null;
      this.progress = null;
    }
  }

  /** Stops reading/validating; the write itself is one transaction and cannot be stopped halfway. */
  async cancel(): Promise<void> {
    if (this.preview) await attempt(() => dbClient().importCancel(this.preview!.token));
  }

  async undo(importId: number): Promise<boolean> {
    this.busy = 'undoing';
    try {
      const result = await attempt(() => dbClient().undoImport(importId));
      if (!result) return false;
      if (!result.ok) {
        toasts.error(failureMessage(result));
        return false;
      }
      toasts.success(t('import.undone', { ...result.value.value }));
      await this.loadHistory();
      return true;
    } finally {
      this.busy = null;
    }
  }

  reset(): void {
    if (this.preview) void dbClient().importDiscard(this.preview.token);
    this.preview = null;
    this.report = null;
    this.summary = null;
    this.error = null;
    this.#file = null;
  }

  async loadHistory(): Promise<void> {
    const result = await attempt(() => dbClient().listImports());
    if (result?.ok) this.history = result.value;
  }

  async loadMappings(): Promise<void> {
    const result = await attempt(() => dbClient().listImportMappings());
    if (result?.ok) this.mappings = result.value;
  }

  async saveMapping(name: string): Promise<boolean> {
    if (!this.preview) return false;
    const headers = this.preview.headers;
    const columns: Record<string, string> = {};
    this.mapping.forEach((key, column) => {
      if (key) columns[headers[column]!] = key;
    });
    const result = await attempt(() => dbClient().saveImportMapping(name, this.recordType, columns));
    if (!result) return false;
    if (!result.ok) {
      toasts.error(failureMessage(result));
      return false;
    }
    toasts.success(t('import.mappingSaved', { name: result.value.value.name }));
    await this.loadMappings();
    return true;
  }

  applyMapping(id: number): void {
    const saved = this.mappings.find((mapping) => mapping.id === id);
    if (!saved || !this.preview) return;
    this.recordType = saved.recordType;
    const mapping: ColumnMapping = this.preview.headers.map((header) => saved.columns[header] ?? null);
    this.mapping = mapping;
    this.report = null;
    const count = mapping.filter((key) => key !== null).length;
    toasts.success(t('import.mappingApplied', { name: saved.name, count }));
  }

  async deleteMapping(id: number): Promise<void> {
    const result = await attempt(() => dbClient().deleteImportMapping(id));
    if (result && !result.ok) toasts.error(failureMessage(result));
    else if (result) toasts.success(t('import.mappingDeleted'));
    await this.loadMappings();
  }
}

export const importWizard = new ImportWizard();
