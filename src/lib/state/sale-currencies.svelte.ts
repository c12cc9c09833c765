/**
 * Currencies that have sales (most orders first), shared by every analysis page's currency choice. The
 * first is the default; money is never added across currencies.
 */
import { dbClient } from '../db-client';
import { changes } from './changes.svelte';
import { attempt } from './errors';

class SaleCurrencies {
  list = $state<{ currency: string; orders: number }[]>([]);
  loaded = $state(false);
  #version = -1;

  /** Reloads when orders changed since the last load; call inside an effect. */
  async refresh(): Promise<void> {
    const version = changes.of('orders');
    if (version === this.#version) return;
    this.#version = version;
    const result = await attempt(() => dbClient().saleCurrencies());
    if (result?.ok) this.list = result.value;
    this.loaded = true;
  }

  get default(): string | null {
    return this.list[0]?.currency ?? null;
  }
}

export const saleCurrencies = new SaleCurrencies();
