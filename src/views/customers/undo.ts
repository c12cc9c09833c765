/** "Deleted … — Undo" toast shared by customer and contact deletes. */
import { dbClient } from '../../lib/db-client';
import { t } from '../../lib/i18n';
import { attempt, reportFailure } from '../../lib/state/errors';
import { persistence } from '../../lib/state/persistence.svelte';
import { toasts } from '../../lib/state/toasts.svelte';

export function toastDeletedWithUndo(name: string, undoSeq: number, onrestored?: () => void): void {
  void persistence.noteUserWrite();
  toasts.success(t('toast.deleted', { name }), {
    label: t('action.undo'),
    run: async () => {
      const result = await attempt(() => dbClient().undoDelete(undoSeq));
      if (!result) return;
      if (!result.ok) {
        reportFailure(result);
        return;
      }
      toasts.success(t('toast.restored'));
      onrestored?.();
    },
  });
}
