/**
 * Demo and training scenarios (`?scenario=<id>`): this feature's part of the DB worker API (see
 * `workers/db/api.ts`). Types only. The file format is documented in
 * `public/scenarios/README.md`.
 */
import type { DemoLocale, Result } from '../../contract';

/** A text in both interface languages (titles, descriptions, exercise instructions). */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface ScenarioExerciseInfo {
  id: string;
  title: LocalizedText;
  instructions: LocalizedText;
}

/** The scenario a workspace holds, as recorded when it was loaded. */
export interface ScenarioInfo {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  /** The language the records were written in (the interface language at load time, if the file has it). */
  dataLanguage: DemoLocale;
  /** The languages the file has its records in (a reset loads them in the interface language if listed). */
  languages: DemoLocale[];
  /** ISO instant of the load or the last reset. */
  loadedAt: string;
  exercises: ScenarioExerciseInfo[];
  /** Records the scenario put in, over all tables. */
  rows: number;
}

export interface ScenarioWorkspaceState {
  /** null: this workspace holds no scenario. */
  scenario: ScenarioInfo | null;
  /** The workspace has no records at all, so loading a scenario replaces nothing. */
  empty: boolean;
}

export interface ExerciseStatus {
  id: string;
  done: boolean;
  /** Why the check could not tell (its SQL failed, or it took too long and is no longer run); else null. */
  problem: string | null;
}

export interface ScenariosApi {
  scenarioState(): Promise<Result<ScenarioWorkspaceState>>;
  /**
   * Validates a scenario file's text and replaces the workspace with its records in one durable write
   * (a snapshot). Refused outside the scenario's own workspace (`scenario-<id>`), so it can never replace
   * the user's own data. Also how "Reset scenario" reloads the initial data.
   */
  loadScenario(text: string, locale: DemoLocale): Promise<Result<ScenarioInfo>>;
  /** Runs every exercise's checks read-only against the data as it is now. */
  checkExercises(): Promise<Result<ExerciseStatus[]>>;
}
