/**
 * Activities, the customer timeline, the calendar and "my tasks": this feature's part of the DB worker API
 * (see `workers/db/api.ts`). Types only.
 */
import type { Result, Written } from '../../contract';

export type ActivityType = 'call' | 'meeting' | 'email' | 'note' | 'task';
export const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'meeting', 'email', 'note', 'task'];

/** What the "Log activity" form sends. Ids link the activity to the records it concerns. */
export interface ActivityInput {
  type: ActivityType;
  subject: string;
  body?: string;
  /**
   * ISO-8601 instant. A task or meeting is planned for it; a call, e-mail or note happened then (now when
   * omitted).
   */
  dueAt?: string | null;
  /** Defaults: calls, e-mails and notes are logged as done (they happened); tasks and meetings as open. */
  done?: boolean;
  customerId?: number | null;
  contactId?: number | null;
  opportunityId?: number | null;
  leadId?: number | null;
  caseId?: number | null;
  /** Defaults to the acting user. */
  ownerId?: number | null;
}

export interface Activity {
  id: number;
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: string | null;
  done: boolean;
  doneAt: string | null;
  customerId: number | null;
  customerName: string | null;
  contactId: number | null;
  ownerId: number | null;
  ownerName: string | null;
  createdAt: string;
}

export type TimelineKind =
  | 'activity'
  | 'contact'
  | 'opportunity'
  | 'order'
  | 'contract'
  | 'case'
  | 'campaign'
  | 'relationship'
  | 'change';
export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'activity',
  'contact',
  'opportunity',
  'order',
  'contract',
  'case',
  'campaign',
  'relationship',
  'change',
];

/** Where an event leads: the customer page or a record page (entity names of `entities/names.ts`). */
export interface TimelineLink {
  entity: 'customer' | 'contact' | 'opportunity' | 'order' | 'contract' | 'case' | 'campaign' | 'activity';
  id: number;
}

/** One changed field of a customer, values as text (an owner id is given as the owner's name). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface TimelineEvent {
  /** Unique within a customer's timeline (`kind:rowId`), for keyed lists. */
  key: string;
  kind: TimelineKind;
  /** ISO-8601 instant, or a calendar date (`YYYY-MM-DD`) for orders and contracts. */
  at: string;
  /** The record's own words: subject, name, order or contract number ('' when it has none). */
  title: string;
  /** Body, notes or description, cut to a few hundred characters. */
  detail: string;
  /**
   * A code the UI translates: the activity type, order/contract/case status, campaign response,
   * relationship type, 'insert'/'update' for a change, 'primary' for a primary contact.
   */
  status: string | null;
  amount: { minor: number; currency: string } | null;
  link: TimelineLink | null;
  /** Owner of the record, or who made the change. */
  who: string | null;
  /** Only for activities: its due time and done state (the timeline has a done checkbox). */
  activity: { id: number; type: ActivityType; done: boolean; dueAt: string | null } | null;
  /** Only for changes of the customer's own fields. */
  changes: FieldChange[] | null;
  /** Pass as `before` to get the events after this one. */
  cursor: string;
}

export interface TimelineQuery {
  /** A `cursor` from a previous page: only events older than that one. */
  before?: string;
  /** Page size, 1–200 (default 50). */
  limit?: number;
  /** Only these kinds (default all). */
  kinds?: TimelineKind[];
}

export interface TimelinePage {
  events: TimelineEvent[];
  /** The cursor for the next page, or null when this was the last. */
  next: string | null;
}

export interface CalendarQuery {
  /** ISO-8601 instants, `from` inclusive, `to` exclusive (the UI sends local midnights). */
  from: string;
  to: string;
  /** Owners to show; null = everyone. */
  ownerIds: number[] | null;
}

export interface CalendarPage {
  /** Tasks and meetings with a due time in the range, by due time. */
  events: Activity[];
  /** More matched than were sent (the range is too crowded to show every one). */
  truncated: boolean;
}

export interface MyTasks {
  /** Open activities due before today, oldest first. */
  overdue: Activity[];
  /** Activities due today (done ones too, so a tick can be taken back), by due time. */
  today: Activity[];
  /** All overdue ones, when more exist than were sent. */
  overdueTotal: number;
}

export interface ActivitiesApi {
  /** Everything that touched a customer, newest first, a page at a time. */
  customerTimeline(customerId: number, query?: TimelineQuery): Promise<Result<TimelinePage>>;
  logActivity(input: ActivityInput): Promise<Result<Written<Activity>>>;
  setActivityDone(id: number, done: boolean): Promise<Result<Written<Activity>>>;
  /** Tasks and meetings due in a range (the calendar's month or week). */
  calendar(query: CalendarQuery): Promise<Result<CalendarPage>>;
  /**
   * A user's open work: overdue and due today. `today` is the local calendar date (`YYYY-MM-DD`); the
   * worker runs in the user's browser, so its local time zone is the user's.
   */
  myTasks(ownerId: number, today: string): Promise<Result<MyTasks>>;
}
