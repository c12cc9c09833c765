/** Implements {@link ScenariosApi} in the DB worker. */
import { DomainError } from '../../errors';
import { refreshPlannerStats } from '../../repositories/workspace';
import { guard, runtime } from '../../runtime';
import type { ScenariosApi } from './api';
import { parseScenario } from './format';
import { checkExercises, loadScenarioData, scenarioState } from './load';

/**
 * A scenario replaces a whole workspace, so it may only go into its own one: the IndexedDB store the app
 * opens for `?scenario=<id>` (`scenario-<id>`, or `<store>.scenario-<id>` next to `?store=`).
 */
export function assertScenarioWorkspace(workspace: string, id: string): void {
  if (workspace !== `scenario-${id}` && !workspace.endsWith(`.scenario-${id}`))
    throw new DomainError(
      'scenario_workspace',
      `scenario "${id}" loads only into its own workspace (scenario-${id}), not into "${workspace}" (is the file's id the same as its file name?)`,
    );
}

export const scenariosHandlers: ScenariosApi = {
  scenarioState: () => guard((e) => e.read((db) => scenarioState(db))),
  loadScenario: (text, locale) =>
    guard(async (e) => {
      const scenario = parseScenario(text);
      assertScenarioWorkspace(runtime.workspace, scenario.id);
      const { value } = await e.bulkWrite((db) => {
        const info = loadScenarioData(db, scenario, locale === 'zh-CN' ? 'zh-CN' : 'en', new Date());
        refreshPlannerStats(db);
        return info;
      });
      return value;
    }),
  checkExercises: () => guard((e) => e.read((db) => checkExercises(db))),
};
