/**
 * A stage's name as the user sees it: the seeded stages (they keep a `code` until renamed) in the UI
 * language, any other stage exactly as the user named it.
 */
import type { PipelineStage } from '../../../workers/db/features/pipeline/api';
import { t, type MessageKey } from '../../lib/i18n';

const SEEDED: Record<string, MessageKey> = {
  qualification: 'pipeline.stage.qualification',
  needs_analysis: 'pipeline.stage.needs_analysis',
  proposal: 'pipeline.stage.proposal',
  negotiation: 'pipeline.stage.negotiation',
  won: 'pipeline.stage.won',
  lost: 'pipeline.stage.lost',
};

export function stageLabel(stage: Pick<PipelineStage, 'code' | 'name'>): string {
  const key = stage.code !== null && Object.hasOwn(SEEDED, stage.code) ? SEEDED[stage.code] : undefined;
  return key ? t(key) : stage.name;
}
