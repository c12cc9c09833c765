/** Implements {@link MarketingApi} in the DB worker. */
import { guard, nowIso } from '../../runtime';
import type { MarketingApi } from './api';
import {
  addMembers,
  addSegment,
  campaignSegment,
  listMembers,
  removeMember,
  segmentSize,
  setResponse,
} from './members';
import { deleteRelationship, listRelationships, saveRelationship } from './relationships';

export const marketingHandlers: MarketingApi = {
  listMembers: (campaignId, page) => guard((e) => e.read((db) => listMembers(db, campaignId, page ?? {}))),
  addMembers: (campaignId, members) =>
    guard((e) => e.write((db) => addMembers(db, campaignId, members, nowIso()))),
  segmentSize: (savedViewId) => guard((e) => e.read((db) => segmentSize(db, savedViewId))),
  addSegment: (campaignId, savedViewId) =>
    guard((e) => e.write((db) => addSegment(db, campaignId, savedViewId, nowIso()))),
  campaignSegment: (campaignId) => guard((e) => e.read((db) => campaignSegment(db, campaignId))),
  setResponse: (memberId, response) =>
    guard((e) => e.write((db) => setResponse(db, memberId, response, nowIso()))),
  removeMember: (memberId) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => removeMember(db, memberId));
      return { undoSeq: seq, removedRows: 1 };
    }),

  listRelationships: (customerId) => guard((e) => e.read((db) => listRelationships(db, customerId))),
  saveRelationship: (input) => guard((e) => e.write((db) => saveRelationship(db, input, nowIso()))),
  deleteRelationship: (id) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => deleteRelationship(db, id));
      return { undoSeq: seq, removedRows: 1 };
    }),
};
