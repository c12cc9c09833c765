/** Implements {@link ActivitiesApi} in the DB worker. */
import { guard, nowIso, runtime } from '../../runtime';
import * as activities from './activities';
import type { ActivitiesApi } from './api';
import { customerTimeline } from './timeline';

export const activitiesHandlers: ActivitiesApi = {
  customerTimeline: (customerId, query) =>
    guard((e) => e.read((db) => customerTimeline(db, customerId, query ?? {}))),
  logActivity: (input) =>
    guard((e) => e.write((db) => activities.logActivity(db, input, runtime.actorId, nowIso()))),
  setActivityDone: (id, done) =>
    guard((e) => e.write((db) => activities.setActivityDone(db, id, done, nowIso()))),
  calendar: (query) => guard((e) => e.read((db) => activities.calendar(db, query))),
  myTasks: (ownerId, today) => guard((e) => e.read((db) => activities.myTasks(db, ownerId, today))),
};
