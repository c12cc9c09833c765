/**
 * The first-run welcome: shown on the customer list while the workspace holds no records at all
 * (customers, contacts, leads, deals, orders, activities, cases, products, users — the record counts the
 * backups page shows) and the user has not chosen "Start empty". The choice is remembered per workspace
 * (the `?store=` name) in localStorage; so is having seen data once, so a workspace emptied later by
 * deleting shows the ordinary "No customers yet" instead of greeting its user as new.
 */
import { dbClient } from '../db-client';
import { attempt } from './errors';

const KEY_PREFIX = 'crm.firstRun.done.';

function storageKey(): string {
  return KEY_PREFIX + (new URLSearchParams(location.search).get('store') ?? 'default');
}

function readDone(): boolean {
  try {
    return localStorage.getItem(storageKey()) === '1';
  } catch {
    return false; // storage disabled: welcome again next time, which is harmless
  }
}

class FirstRun {
  /** "Start empty" was chosen, or this workspace has had data. */
  done = $state(readDone());
  /** Every counted table is empty; null until the worker has answered. */
  empty = $state<boolean | null>(null);
  #asked = 0;

  /** Asks the worker whether the workspace is empty (cheap: one COUNT per table). */
  async check(): Promise<void> {
    if (this.done) return;
    const asked = ++this.#asked;
    const result = await attempt(() => dbClient().backupOverview());
    if (asked !== this.#asked) return;
    if (!result?.ok) {
      this.empty = false; // unknown: the list's ordinary empty state offers the same ways in
      return;
    }
    const empty = Object.values(result.value.current).every((count) => count === 0);
    this.empty = empty;
    if (!empty) this.finish();
  }

  /** "Start empty", or the workspace has data: do not welcome this workspace again. */
  finish(): void {
    this.done = true;
    try {
      localStorage.setItem(storageKey(), '1');
    } catch {
      // remembered for this session only
    }
  }
}

export const firstRun = new FirstRun();
