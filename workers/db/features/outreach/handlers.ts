/** Implements {@link OutreachApi} in the DB worker. */
import { guard, nowIso, runtime } from '../../runtime';
import type { OutreachApi } from './api';
import { logSent, prepareSend } from './send';
import {
  addSurveyResponse,
  checkSurveyCsv,
  importSurveyCsv,
  listSurveyNames,
  listSurveyResponses,
} from './surveys';
import { deleteTemplate, listTemplates, previewTemplate, saveTemplate } from './templates';

export const outreachHandlers: OutreachApi = {
  listTemplates: () => guard((e) => e.read((db) => listTemplates(db))),
  saveTemplate: (input, id) => guard((e) => e.write((db) => saveTemplate(db, input, id, nowIso()))),
  deleteTemplate: (id) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => deleteTemplate(db, id));
      return { undoSeq: seq, removedRows: 1 };
    }),
  previewTemplate: (id, contactId) => guard((e) => e.read((db) => previewTemplate(db, id, contactId))),
  prepareSend: (templateId, target) =>
    guard((e) => e.read((db) => prepareSend(db, templateId, target, runtime.actorId))),
  logSent: (messages) => guard((e) => e.write((db) => logSent(db, messages, runtime.actorId, nowIso()))),

  listSurveyNames: () => guard((e) => e.read((db) => listSurveyNames(db))),
  listSurveyResponses: (customerId) => guard((e) => e.read((db) => listSurveyResponses(db, customerId))),
  addSurveyResponse: (input) => guard((e) => e.write((db) => addSurveyResponse(db, input, nowIso()))),
  checkSurveyImport: (_surveyName, csvText) =>
    guard((e) =>
      e.read((db) => {
        const { rows, problems, inputs } = checkSurveyCsv(db, csvText);
        return { rows, valid: inputs.length, problems, imported: 0 };
      }),
    ),
  importSurveyResponses: (surveyName, csvText) =>
    guard((e) => e.write((db) => importSurveyCsv(db, surveyName, csvText, nowIso()))),
};
