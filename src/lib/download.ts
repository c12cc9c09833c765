/** Saves the whole database as `crm-backup-YYYY-MM-DD.sqlite` through a temporary object URL. */
import { dbClient } from './db-client';
import { t } from './i18n';
import { backups } from './state/backups.svelte';
import { attempt, reportFailure } from './state/errors';
import { toasts } from './state/toasts.svelte';

export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `crm-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.sqlite`;
}

export async function downloadBackup(): Promise<void> {
  const result = await attempt(() => dbClient().exportDatabase());
  if (!result) return;
  if (!result.ok) {
    reportFailure(result);
    return;
  }
  const url = URL.createObjectURL(result.value);
  const file = backupFileName();
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  toasts.success(t('toast.backupReady', { file }));
  await backups.recordDownload(); // restarts the 7-day reminder
}
