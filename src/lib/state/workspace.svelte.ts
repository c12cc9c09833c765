/**
 * Boot: opens the database in the worker and routes its events. The app shows a loading page until `open`
 * answers and a full-page error if it fails — never an empty workspace that looks like lost data.
 */
import type { DbEvent, OpenInfo } from '../../../workers/db/contract';
import { openDatabase } from '../db-client';
import { changes } from './changes.svelte';
import { errorText, failureMessage } from './errors';
import { persistence } from './persistence.svelte';

export type BootPhase = 'loading' | 'ready' | 'failed';

function onEvent(event: DbEvent): void {
  if (event.type === 'status') persistence.apply(event.status);
  else changes.bump(event.tables);
}

class Workspace {
  phase = $state<BootPhase>('loading');
  info = $state<OpenInfo | null>(null);
  failure = $state<string | null>(null);

  async boot(): Promise<void> {
    this.phase = 'loading';
    try {
      const result = await openDatabase(onEvent);
      if (result.ok) {
        this.info = result.value;
        this.phase = 'ready';
      } else {
        this.failure = `${failureMessage(result)} (${result.code}: ${result.message})`;
        this.phase = 'failed';
      }
    } catch (error) {
      console.error(error);
      this.failure = errorText(error);
      this.phase = 'failed';
    }
  }
}

export const workspace = new Workspace();
