/**
 * Backups as the UI sees them: the list and settings from the DB worker, the automatic daily backup
 * (checked when the app opens and every half hour while it stays open — the worker decides under its
 * write lock whether one is due, so several tabs take one between them) and the 7-day download reminder.
 */
import type { BackupOverview } from '../../../workers/db/features/backups/api';
import { dbClient } from '../db-client';
import { attempt, reportFailure } from './errors';

const DAILY_CHECK_MS = 30 * 60 * 1000;

class BackupsState {
  overview = $state<BackupOverview | null>(null);
  #timer: ReturnType<typeof setInterval> | null = null;

  reminderDue = $derived(this.overview?.downloadReminderDue ?? false);

  async refresh(): Promise<BackupOverview | null> {
    const result = await attempt(() => dbClient().backupOverview());
    if (result?.ok) this.overview = result.value;
    return result?.ok ? result.value : null;
  }

  /** Starts the daily schedule once; returns a stop function for the component that started it. */
  startSchedule(): () => void {
    if (!this.#timer) {
      void this.runDaily();
      this.#timer = setInterval(() => void this.runDaily(), DAILY_CHECK_MS);
    }
    return () => {
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
    };
  }

  /** Silent when it fails: a read-only or damaged workspace already shows its own banner. */
  async runDaily(): Promise<void> {
    try {
      await dbClient().backupIfDue();
    } catch (error) {
      console.error(error);
    }
    await this.refresh();
  }

  /** Called by `downloadBackup` after a `.sqlite` file was saved. */
  async recordDownload(): Promise<void> {
    const result = await attempt(() => dbClient().recordDownload());
    if (result && !result.ok) reportFailure(result);
    await this.refresh();
  }

  async remindLater(): Promise<void> {
    const result = await attempt(() => dbClient().snoozeDownloadReminder());
    if (result && !result.ok) reportFailure(result);
    await this.refresh();
  }
}

export const backups = new BackupsState();
