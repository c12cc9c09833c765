/** Implements {@link DuplicatesApi} in the DB worker. */
import { guard, nowIso, runtime } from '../../runtime';
import type { DuplicatesApi } from './api';
import { findDuplicates } from './find';
import { mergeRecords, previewMerge, undoMerge } from './merge';

export const duplicatesHandlers: DuplicatesApi = {
  findDuplicates: (entity, options, onProgress) =>
    guard((e) => e.read((db) => findDuplicates(db, entity, options, onProgress))),
  previewRecordMerge: (entity, survivorId, otherIds) =>
    guard((e) => e.read((db) => previewMerge(db, entity, survivorId, otherIds))),
  mergeRecords: (entity, survivorId, otherIds, fieldChoices) =>
    guard((e) =>
      e.write((db) =>
        mergeRecords(db, entity, survivorId, otherIds, fieldChoices, {
          now: nowIso(),
          userId: runtime.actorId,
        }),
      ),
    ),
  undoMerge: (mergeId) =>
    guard((e) => e.write((db) => undoMerge(db, mergeId, nowIso()), { restoring: true })),
};
