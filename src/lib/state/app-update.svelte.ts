/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The offline app's service worker and its updates (registered by vite-plugin-pwa, `registerType: 'prompt'`).
 *
 * When a new deployed version has installed and waits, `phase` becomes 'available' and the update prompt
 * offers Reload. Activating it never cuts a write off: before the waiting worker is told to take over, and
 * again right before the page reloads, this waits until no call to the DB worker is in flight (the worker
 * answers a write only once it is durable in IndexedDB) and the engine does not report 'saving' (writes the
 * worker starts by itself, such as date rules). Other open tabs reload the same way once the new version
 * controls them, each after its own writes: their old code would otherwise ask the new cache for chunks
 * it no longer has.
 *
 * In `vite dev` and `--mode bench` builds `virtual:pwa-register` is the plugin's no-op, so nothing registers.
 */
import { registerSW } from 'virtual:pwa-register';
import { dbCallsInFlight, whenDbIdle } from '../db-client';
import { persistence } from './persistence.svelte';

export type UpdatePhase = 'none' | 'available' | 'waiting-for-writes' | 'activating';

/** A tab left open for days still learns about a deploy; browsers check by themselves only on navigation. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

class AppUpdateState {
  phase = $state<UpdatePhase>('none');
  /** The user chose Later: hidden until the next page load finds the version still waiting. */
  dismissed = $state(false);
  #updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;
  #started = false;
  #reloading = false;

  visible = $derived(this.phase !== 'none' && !(this.phase === 'available' && this.dismissed));

  /** Registers the service worker once (after the page's load event, so it never slows the first paint). */
  start(): void {
    if (this.#started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    this.#started = true;
    // The plugin reports a takeover (onNeedReload) only in a tab that was already controlled when it
    // registered; a tab opened on the very first visit, claimed by the first worker afterwards, must still
    // reload when a later version takes over. The first claim itself (no controller before) is no update.
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (controlled) void this.#reloadWhenQuiet();
      controlled = true;
    });
    this.#updateServiceWorker = registerSW({
      onNeedRefresh: () => {
        if (this.phase === 'none') this.phase = 'available';
        this.dismissed = false;
      },
      // The new version controls this page now (this tab or another one activated it).
      onNeedReload: () => void this.#reloadWhenQuiet(),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        setInterval(() => {
          if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
        }, CHECK_EVERY_MS);
      },
      // The app works without a service worker (only not offline), so this is a note, not an error page.
      onRegisterError: (error: unknown) => console.warn('service worker registration failed', error),
    });
  }

  dismiss(): void {
    if (this.phase === 'available') this.dismissed = true;
  }

  /** The user chose Reload: activate the waiting version once no write is in flight. */
  async apply(): Promise<void> {
    if (this.phase !== 'available' || !this.#updateServiceWorker) return;
    await this.#quiet();
    this.phase = 'activating';
    // Tells the waiting worker to skip waiting; its taking control calls onNeedReload, which reloads.
    await this.#updateServiceWorker(true);
  }

  async #reloadWhenQuiet(): Promise<void> {
    if (this.#reloading) return;
    this.#reloading = true;
    await this.#quiet();
    this.phase = 'activating';
    location.reload();
  }

  /** Resolves when this tab has no DB call in flight and the engine is not saving, checked together. */
  async #quiet(): Promise<void> {
    for (;;) {
      if (dbCallsInFlight() > 0) {
        this.phase = 'waiting-for-writes';
        await whenDbIdle();
      } else if (persistence.status.state === 'saving') {
        this.phase = 'waiting-for-writes';
        await untilNotSaving();
      } else {
        return;
      }
    }
  }
}

/** Resolves when the engine's reported state leaves 'saving' (it reports every change of state). */
function untilNotSaving(): Promise<void> {
  return new Promise((resolve) => {
    const stop = $effect.root(() => {
      $effect(() => {
        if (persistence.status.state === 'saving') return;
        resolve();
        queueMicrotask(() => stop());
      });
    });
  });
}

export const appUpdate = new AppUpdateState();
