/**
 * How many approval requests the acting user may decide (the side navigation's badge). Reloaded when the
 * approvals change (in this tab or another) and when the acting user changes.
 */
import { dbClient } from '../../lib/db-client';
import { actor } from '../../lib/state/actor.svelte';
import { changes } from '../../lib/state/changes.svelte';

class ApprovalsWaiting {
  count = $state(0);

  async load(actorId: number | null): Promise<void> {
    if (actorId === null) {
      this.count = 0;
      return;
    }
    try {
      const result = await dbClient().listApprovals({ status: 'pending', decidableBy: actorId });
      this.count = result.ok ? result.value.length : 0;
    } catch {
      // The database is not open yet: no badge.
      this.count = 0;
    }
  }

  /** Call inside a component's $effect: re-runs on every change of approvals or of the acting user. */
  track(): void {
    void changes.of('approvals');
    void changes.of('opportunities');
    void this.load(actor.id);
  }
}

export const approvalsWaiting = new ApprovalsWaiting();
