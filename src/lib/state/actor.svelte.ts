/**
 * Who this browser acts as: one of the workspace's users, chosen in the header and remembered per workspace
 * in localStorage. It is the author of changes in the audit log and the "me" of "mine / my team" filters.
 * A browser-only app cannot verify it; it is a convenience, not access control.
 */
import type { User } from '../../../workers/db/contract';
import { dbClient } from '../db-client';
import { handleError } from './errors';
import { users } from './users.svelte';

const STORAGE_KEY = 'crm.actor';

function readStored(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export type OwnerScope = 'mine' | 'team' | 'all';

class Actor {
  /** The chosen user's id; falls back to the first user while none is chosen or the chosen one is gone. */
  private chosen = $state<number | null>(readStored());

  readonly user = $derived<User | null>(
    users.list.find((user) => user.id === this.chosen) ?? users.list[0] ?? null,
  );
  readonly id = $derived(this.user?.id ?? null);

  /**
   * Owner ids a scope covers: mine = me; my team = me, the users I manage and everyone in my team;
   * all = null (no owner filter).
   */
  ownerIds(scope: OwnerScope): number[] | null {
    const me = this.user;
    if (scope === 'all' || !me) return null;
    if (scope === 'mine') return [me.id];
    return users.list
      .filter((u) => u.id === me.id || u.managerId === me.id || (me.team !== '' && u.team === me.team))
      .map((u) => u.id);
  }

  choose(id: number | null): void {
    this.chosen = id;
    try {
      if (id === null) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    void this.sync();
  }

  /** Tells the worker (after open, and after every change of the choice or of the user list). */
  async sync(): Promise<void> {
    try {
      await dbClient().setActor(this.id);
    } catch (error) {
      handleError(error);
    }
  }
}

export const actor = new Actor();
