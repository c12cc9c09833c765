/**
 * One order save (new-order dialog, the record page's line editor): the worker call, field errors per line,
 * the stock shortages that come with a refused save, and the form-level message. Input is never cleared
 * on failure; like RecordSave, a success shows the "Saved" toast.
 */
import type { FieldErrors, Written } from '../../../workers/db/contract';
import type {
  OrderResult,
  OrderSaveInput,
  OrderWithLines,
  StockShortage,
} from '../../../workers/db/features/orders/api';
import { dbClient } from '../db-client';
import { t } from '../i18n';
import { attempt, failureMessage } from './errors';
import { persistence } from './persistence.svelte';
import { toasts } from './toasts.svelte';

export class OrderSave {
  saving = $state(false);
  formError = $state<string | null>(null);
  errors = $state<FieldErrors>({});
  shortages = $state<StockShortage[]>([]);

  reset(): void {
    this.formError = null;
    this.errors = {};
    this.shortages = [];
  }

  /** Resolves to the saved order as the worker re-read it, or null when the save failed. */
  async run(input: OrderSaveInput): Promise<OrderWithLines | null> {
    this.saving = true;
    try {
      // attempt() is typed for plain results; an order failure may also carry its stock shortages.
      const result = (await attempt(() => dbClient().saveOrder(input))) as OrderResult<
        Written<OrderWithLines>
      > | null;
      if (!result) return null;
      if (!result.ok) {
        this.errors = result.fields ?? {};
        this.shortages = result.shortages ?? [];
        this.formError = failureMessage(result);
        return null;
      }
      this.reset();
      toasts.success(t('toast.saved'));
      void persistence.noteUserWrite();
      return result.value.value;
    } finally {
      this.saving = false;
    }
  }
}
