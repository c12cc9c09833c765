/** Implements {@link PipelineApi} in the DB worker. */
import { requirePermission } from '../../permission-checks';
import { guard, nowIso, runtime } from '../../runtime';
import type { PipelineApi } from './api';
import { pipelineBoard } from './board';
import { convertLead, previewLeadConversion } from './convert';
import { moveOpportunity } from './move';
import { listStages, saveStages } from './stages';

export const pipelineHandlers: PipelineApi = {
  pipelineBoard: (query) => guard((e) => e.read((db) => pipelineBoard(db, query ?? {}))),
  moveOpportunity: (id, stageId, options) =>
    guard((e) => e.write((db) => moveOpportunity(db, id, stageId, options, nowIso()))),
  listStages: () => guard((e) => e.read((db) => listStages(db))),
  saveStages: (stages) =>
    guard((e) =>
      e.write((db) => {
        requirePermission(db, runtime.actorId, 'stages.configure');
        return saveStages(db, stages, nowIso());
      }),
    ),
  previewLeadConversion: (leadId) => guard((e) => e.read((db) => previewLeadConversion(db, leadId))),
  convertLead: (leadId, input) =>
    guard((e) => e.write((db) => convertLead(db, leadId, input, runtime.actorId, nowIso()))),
};
