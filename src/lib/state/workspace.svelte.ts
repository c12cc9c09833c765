/**
 * Boot: opens the database in the worker and routes its events. The app shows a loading page until `open`
 * answers and a full-page error if it fails — never an empty workspace that looks like lost data. An
 * encrypted workspace answers 'locked' and shows the lock screen until `unlock` succeeds.
 */
import type { DbEvent, Failure, OpenInfo, Result } from '../../../workers/db/contract';
import { dbClient, openDatabase } from '../db-client';
import { changes } from './changes.svelte';
import { errorText, failureMessage } from './errors';
import { persistence } from './persistence.svelte';

/** 'locked': the workspace is encrypted and waits for its passphrase (nothing is loaded yet). */
export type BootPhase = 'loading' | 'locked' | 'ready' | 'failed';

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
      if (!result.ok && result.code === 'locked') this.phase = 'locked';
      else this.opened(result);
    } catch (error) {
      this.crashed(error);
    }
  }

  /** Unlocks an encrypted workspace and finishes booting; a wrong passphrase comes back to the caller. */
  async unlock(passphrase: string): Promise<Failure | null> {
    try {
      const result = await dbClient().unlock(passphrase);
      if (!result.ok && result.code === 'wrong_passphrase') return result;
      this.opened(result);
    } catch (error) {
      this.crashed(error);
    }
    return null;
  }

  private opened(result: Result<OpenInfo>): void {
    if (result.ok) {
      this.info = result.value;
      this.phase = 'ready';
    } else {
      this.failure = `${failureMessage(result)} (${result.code}: ${result.message})`;
      this.phase = 'failed';
    }
  }

  private crashed(error: unknown): void {
    console.error(error);
    this.failure = errorText(error);
    this.phase = 'failed';
  }
}

export const workspace = new Workspace();
