/**
 * Exporting the customer list as it is shown (search, stage, owner, sort) to CSV/JSON, its contacts to
 * vCard/CSV, its tasks and meetings to `.ics`. One run at a time, shared by the list's Export menu and the
 * command palette, so both write the same file and show the same progress.
 */
import { EXPORT_KINDS, type ExportKind } from '../../../workers/db/features/export/api';
import { saveFile } from '../../components/export/save-file';
import { callback, dbClient } from '../db-client';
import { t } from '../i18n';
import { customerList } from './customer-list.svelte';
import { attempt, reportFailure } from './errors';
import { toasts } from './toasts.svelte';

export { EXPORT_KINDS };

class CustomerExport {
  running = $state(false);
  progress = $state<{ done: number; total: number } | null>(null);

  async run(kind: ExportKind): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.progress = null;
    try {
      // Plain values only: a $state proxy cannot be structured-cloned to the worker.
      const list = customerList;
      const result = await attempt(() =>
        dbClient().exportCustomerList(
          {
            kind,
            list: {
              text: list.query.trim() || undefined,
              stage: list.stage || null,
              ownerId: list.owner ? Number(list.owner) : null,
              sort: { column: list.sortColumn, direction: list.sortDirection },
            },
          },
          callback((update) => (this.progress = update)),
        ),
      );
      if (!result) return;
      if (!result.ok) {
        reportFailure(result);
        return;
      }
      const file = result.value;
      if (file.records === 0) {
        toasts.show(t('export.nothing'), { kind: 'info' });
        return;
      }
      saveFile(file.blob, file.fileName);
      toasts.success(t('export.done', { count: file.records, file: file.fileName }));
    } finally {
      this.running = false;
      this.progress = null;
    }
  }
}

export const customerExport = new CustomerExport();
