/**
 * What `?scenario=<name>` in the page address asks for, and where it lives: the scenario file beside the
 * app (`./scenarios/<name>.json`, relative so the site works under any sub-path) and its own IndexedDB
 * workspace (`scenario-<name>`), so a demo or training session never touches the user's own data.
 * Pure functions of the URL, so they are unit-tested in Node.
 */

/** Same rule as the worker's format check (workers/db/features/scenarios/format.ts): safe in a file name. */
const SCENARIO_NAME = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** The scenarios shipped in public/scenarios/, offered when a name is wrong. */
export const SHIPPED_SCENARIOS = ['retail', 'b2b-sales', 'service'] as const;

export interface ScenarioRequest {
  name: string;
  /** False for a name that cannot be a scenario (`../x`, upper case…): nothing is fetched or opened. */
  valid: boolean;
}

export function scenarioRequest(search: string): ScenarioRequest | null {
  const name = new URLSearchParams(search).get('scenario');
  if (name === null) return null;
  return { name, valid: SCENARIO_NAME.test(name) };
}

/**
 * The IndexedDB workspace to open: a valid scenario's own one (next to `?store=` when tests name a store),
 * otherwise `?store=` or the default (undefined).
 */
export function workspaceStore(search: string): string | undefined {
  const store = new URLSearchParams(search).get('store') ?? undefined;
  const scenario = scenarioRequest(search);
  if (!scenario?.valid) return store;
  return store ? `${store}.scenario-${scenario.name}` : `scenario-${scenario.name}`;
}

/** The scenario file's address, relative to the page (works at a domain root and under a sub-path). */
export function scenarioFileUrl(name: string, pageUrl: string): string {
  return new URL(`scenarios/${name}.json`, pageUrl).href;
}

/** The page without `?scenario=` (and its workspace): the user's own workspace. */
export function withoutScenario(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete('scenario');
  url.hash = '';
  return url.href;
}
