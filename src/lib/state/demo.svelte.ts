/** Loading demo data, with progress shared by the empty state and Settings (one run at a time). */
import type { DemoProgress, DemoSummary } from '../../../workers/db/contract';
import { callback, dbClient } from '../db-client';
import { t } from '../i18n';
import { changes } from './changes.svelte';
import { attempt, reportFailure } from './errors';
import { locale } from './locale.svelte';
import { persistence } from './persistence.svelte';
import { toasts } from './toasts.svelte';

class DemoLoader {
  running = $state(false);
  progress = $state<DemoProgress | null>(null);

  async run(): Promise<DemoSummary | null> {
    if (this.running) return null;
    this.running = true;
    this.progress = null;
    try {
      const onProgress = callback((progress: DemoProgress) => {
        this.progress = progress;
      });
      const result = await attempt(() => dbClient().loadDemoData(locale.current, onProgress));
      if (!result) return null;
      if (!result.ok) {
        reportFailure(result);
        return null;
      }
      toasts.success(
        t('settings.demoDone', { customers: result.value.customers, contacts: result.value.contacts }),
      );
      void persistence.noteUserWrite();
      changes.bump([]); // in case the worker's 'changed' event names tables this UI does not watch
      return result.value;
    } finally {
      this.running = false;
      this.progress = null;
    }
  }
}

export const demo = new DemoLoader();
