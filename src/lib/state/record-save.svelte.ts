/**
 * One record form's save: the worker call, its field errors and form-level message (input is never
 * cleared on failure), the "Saved" toast, and asking for persistent storage after the first real write.
 * Shared by every record dialog so they fail and succeed the same way.
 */
import type { FieldErrors, Result, Written } from '../../../workers/db/contract';
import { t } from '../i18n';
import { attempt, failureMessage } from './errors';
import { persistence } from './persistence.svelte';
import { toasts } from './toasts.svelte';

export class RecordSave {
  saving = $state(false);
  formError = $state<string | null>(null);
  errors = $state<FieldErrors>({});

  /** Resolves to the saved record, or null when the save failed (the form then shows why). */
  async run<T>(call: () => Promise<Result<Written<T>>>): Promise<T | null> {
    this.saving = true;
    this.formError = null;
    try {
      const result = await attempt(call);
      if (!result) return null;
      if (!result.ok) {
        if (result.fields) this.errors = result.fields;
        this.formError = failureMessage(result);
        return null;
      }
      toasts.success(t('toast.saved'));
      void persistence.noteUserWrite();
      return result.value.value;
    } finally {
      this.saving = false;
    }
  }
}
