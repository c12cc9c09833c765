/**
 * The demo/training scenario named by `?scenario=<name>`: loading it into its own workspace the first time
 * (the file is fetched from this site, the worker validates and stores it as one durable write), "Reset
 * scenario", and the exercises' progress — their checks run in the worker after every saved change, and an
 * exercise that becomes done says so in a toast.
 */
import type { ExerciseStatus, LocalizedText, ScenarioInfo } from '../../../workers/db/features/scenarios/api';
import { dbClient } from '../db-client';
import { t } from '../i18n';
import { scenarioFileUrl, scenarioRequest, type ScenarioRequest } from '../scenario-url';
import { changes } from './changes.svelte';
import { attempt, failureMessage } from './errors';
import { locale } from './locale.svelte';
import { toasts } from './toasts.svelte';

/**
 * none: no scenario asked for; loading: opening or loading it; ready: loaded; failed: see `error`;
 * occupied: its workspace holds other records (loading would replace them, so the user is asked).
 */
export type ScenarioPhase = 'none' | 'loading' | 'ready' | 'failed' | 'occupied';

type Fetched = { ok: true; text: string } | { ok: false; message: string };

/** Downloads the scenario file from this site; a missing file reads as "no such scenario". */
export async function fetchScenario(name: string, pageUrl: string = location.href): Promise<Fetched> {
  const url = scenarioFileUrl(name, pageUrl);
  let response: Response;
  try {
    // Accept: JSON, so a single-page-app fallback does not answer a missing file with index.html.
    response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  } catch (error) {
    return { ok: false, message: t('scenario.error.network', { url, message: String(error) }) };
  }
  // Some hosts answer any unknown path with the app's HTML page and status 200.
  if (response.status === 404 || (response.headers.get('content-type') ?? '').includes('text/html'))
    return { ok: false, message: t('scenario.error.notFound', { name, url }) };
  if (!response.ok)
    return {
      ok: false,
      message: t('scenario.error.network', { url, message: `HTTP ${response.status}` }),
    };
  return { ok: true, text: await response.text() };
}

class Scenario {
  readonly request: ScenarioRequest | null = scenarioRequest(location.search);
  phase = $state<ScenarioPhase>(this.request ? 'loading' : 'none');
  info = $state<ScenarioInfo | null>(null);
  error = $state<string | null>(null);
  statuses = $state<ExerciseStatus[]>([]);
  /** A check run is under way / another change arrived meanwhile. */
  #checking = false;
  #again = false;
  #started = false;

  readonly doneCount = $derived(this.statuses.filter((s) => s.done).length);
  /** The routed pages wait (a loading or error page shows instead) until the scenario is there. */
  readonly blocking = $derived(this.phase !== 'none' && this.phase !== 'ready');

  text(value: LocalizedText): string {
    return value[locale.current] || value.en;
  }

  /** After the workspace opened: loads the scenario unless its workspace already holds it. */
  async start(): Promise<void> {
    if (!this.request || this.#started) return;
    this.#started = true;
    if (!this.request.valid) return this.fail(t('scenario.error.badName', { name: this.request.name }));
    const state = await attempt(() => dbClient().scenarioState());
    if (!state) return this.fail(t('scenario.error.unexpected'));
    if (!state.ok) return this.fail(failureMessage(state));
    if (state.value.scenario?.id === this.request.name) {
      this.info = state.value.scenario;
      this.phase = 'ready';
      await this.check(false);
    } else if (state.value.empty) {
      await this.load();
    } else {
      this.phase = 'occupied';
    }
  }

  /** Fetches the file and (re)loads it; the page shows progress and, on failure, why. */
  async load(): Promise<void> {
    if (!this.request?.valid) return;
    this.phase = 'loading';
    this.error = null;
    const message = await this.replace();
    if (message) this.fail(message);
  }

  /** "Reset scenario": the initial data and progress again. On failure the current data stays. */
  async reset(): Promise<boolean> {
    const message = await this.replace();
    if (message) {
      toasts.error(message);
      return false;
    }
    toasts.success(t('scenario.resetDone'));
    return true;
  }

  /** Fetch + load; returns an error message, or null once loaded. */
  private async replace(): Promise<string | null> {
    const name = this.request!.name;
    const fetched = await fetchScenario(name);
    if (!fetched.ok) return fetched.message;
    const result = await attempt(() => dbClient().loadScenario(fetched.text, locale.current));
    if (!result) return t('scenario.error.unexpected');
    if (!result.ok) return failureMessage(result);
    this.info = result.value;
    this.statuses = [];
    this.phase = 'ready';
    changes.bump([]); // every list shows other records now
    await this.check(false);
    return null;
  }

  /**
   * Runs the exercise checks (after every data change). `announce`: tell about exercises that just became
   * done — not on the first run after opening or loading, when nothing was done by the user yet.
   */
  async check(announce = true): Promise<void> {
    if (this.phase !== 'ready') return;
    if (this.#checking) {
      this.#again = true;
      return;
    }
    this.#checking = true;
    try {
      do {
        this.#again = false;
        const result = await attempt(() => dbClient().checkExercises());
        if (!result?.ok) return;
        const before = new Map(this.statuses.map((s) => [s.id, s.done]));
        if (announce && before.size > 0) {
          for (const status of result.value) {
            const exercise = this.info?.exercises.find((e) => e.id === status.id);
            if (status.done && before.get(status.id) === false && exercise)
              toasts.success(t('training.toastDone', { title: this.text(exercise.title) }));
          }
        }
        this.statuses = result.value;
        announce = true;
      } while (this.#again);
    } finally {
      this.#checking = false;
    }
  }

  private fail(message: string): void {
    this.error = message;
    this.phase = 'failed';
  }
}

export const scenario = new Scenario();
