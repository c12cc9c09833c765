import type { Condition } from './entities/types';
/**
 * The typed contract between the UI and the DB worker.
 *
 * Types only: `src/` imports this file with `import type`, so nothing from the worker side is bundled
 * into the main thread. Expected failures cross the worker boundary as `{ ok: false, code, … }` values
 * (Comlink keeps only message/name/stack of an Error); only bugs throw.
 */

export type LifecycleStage = 'prospect' | 'new' | 'existing' | 'lost';
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['prospect', 'new', 'existing', 'lost'];

export type CustomerKind = 'company' | 'person';
export const CUSTOMER_KINDS: readonly CustomerKind[] = ['company', 'person'];

export type UserRole = 'rep' | 'manager' | 'admin';

export interface User {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  team: string;
  managerId: number | null;
}

export interface CustomerInput {
  kind: CustomerKind;
  name: string;
  stage: LifecycleStage;
  ownerId: number | null;
  industry: string;
  address: string;
  phone: string;
  email: string;
  notes: string;
}

export interface Customer extends CustomerInput {
  id: number;
  ownerName: string | null;
  /** Written by the analytics pages, never by the form: segment label ('' = none), churn risk in %. */
  segment: string;
  churnRisk: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  customerId: number;
  name: string;
  title: string;
  phone: string;
  email: string;
  notes: string;
  isPrimary: boolean;
  /** Consent for outreach: left as stored when absent (older callers, imports). */
  unsubscribed?: boolean;
  doNotContact?: boolean;
}

export interface Contact extends ContactInput {
  unsubscribed: boolean;
  doNotContact: boolean;
  id: number;
  createdAt: string;
  updatedAt: string;
}

export type CustomerSortColumn =
  | 'name'
  | 'kind'
  | 'stage'
  | 'owner'
  | 'industry'
  | 'phone'
  | 'email'
  | 'createdAt'
  | 'updatedAt'
  | 'segment'
  | 'churnRisk';

export type SortDirection = 'asc' | 'desc';

export interface CustomerFilter {
  /** Case-insensitive substring of name, email or phone. */
  text?: string;
  stage?: LifecycleStage | null;
  ownerId?: number | null;
  /** The filter builder's conditions (AND), on built-in and custom fields. */
  conditions?: Condition[];
  /** Owners of a "mine / my team" scope; null or absent = everyone. */
  ownerIds?: number[] | null;
}

export interface CustomerListQuery extends CustomerFilter {
  sort: { column: CustomerSortColumn; direction: SortDirection };
  offset: number;
  limit: number;
}

export interface Page<T> {
  rows: T[];
  /** Number of rows matching the filter (all pages). */
  total: number;
  offset: number;
}

/** Per-field validation failures; the UI turns each code into a message in the user's language. */
export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_choice'
  | 'not_found'
  | 'invalid_number'
  | 'out_of_range'
  | 'invalid_date'
  // records: a CSAT score on an open case, "converted" set by hand, a user managing themselves
  | 'csat_when_closed'
  | 'converted_by_conversion'
  | 'own_manager'
  | 'name_taken'
  // orders: a product no longer sold, more than its stock, an order number already used
  | 'inactive'
  | 'insufficient_stock'
  | 'duplicate';
export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

export type ErrorCode =
  | 'validation'
  // roles (workers/db/permissions.ts): the acting user's role may not do this; approvals: won needs one
  | 'forbidden'
  | 'approval_required'
  | 'approval_decided'
  // analytics: nothing (or too little) to analyse yet; a run stopped by the user
  | 'empty'
  | 'cancelled'
  | 'analysis_invalid'
  | 'not_found'
  | 'read_only'
  | 'not_ready'
  | 'quota_exceeded'
  | 'persist_failed'
  | 'constraint'
  | 'nothing_to_undo'
  // a record others depend on (a product on order lines) cannot be deleted
  | 'in_use'
  // encryption at rest: still locked, wrong or too short a passphrase, already on/off
  | 'locked'
  | 'wrong_passphrase'
  | 'weak_passphrase'
  | 'encryption_state'
  // backups: a `.sqlite` file or stored backup that cannot be restored or merged
  | 'not_sqlite'
  | 'damaged_file'
  | 'broken_references'
  | 'newer_file'
  | 'foreign_database'
  | 'migration_failed'
  | 'damaged_backup'
  | 'file_expired'
  // import: the file, the mapping, the run
  | 'import_empty'
  | 'import_not_text'
  | 'import_too_large'
  | 'import_expired'
  | 'import_cancelled'
  | 'import_unmapped'
  | 'import_needs_confirmation'
  | 'import_failed'
  // SQL console: a write in read-only mode, SQLite's own error, not exactly one statement, a duplicate name
  | 'sql_read_only'
  | 'sql_error'
  | 'sql_one_statement'
  | 'sql_name_taken'
  // history: not an audited table, the row changed after its last recorded change, a deleted row is back
  | 'history_unknown_table'
  | 'history_changed_since'
  | 'history_row_exists'
  // duplicates: a merge request naming the wrong records, a merge that cannot be undone (any more)
  | 'merge_invalid'
  | 'merge_changed_since'
  | 'merge_already_undone'
  // orders: more than the stock of a product; deleting an order that still holds stock
  | 'insufficient_stock'
  | 'order_holds_stock'
  // pipeline: deleting a stage deals use, won/lost stages missing, losing a deal without a reason,
  // converting a lead a second time
  | 'pipeline_stage_in_use'
  | 'pipeline_stage_kinds'
  | 'pipeline_reason_required'
  | 'lead_already_converted'
  // service: an article linked to the case twice
  | 'article_already_linked'
  // marketing: a segment that is not a saved customer view, a customer related to itself, a duplicate relationship
  | 'segment_not_customer_view'
  | 'relationship_self'
  | 'relationship_exists'
  // workflow: a rule's action failed, so the change that triggered it was rolled back
  | 'workflow_failed'
  // scenarios: a file that is not a valid scenario, one of a newer format, the wrong workspace for it
  | 'scenario_invalid'
  | 'scenario_newer'
  | 'scenario_workspace';

export type Failure = { ok: false; code: ErrorCode; message: string; fields?: FieldErrors };
export type Result<T> = { ok: true; value: T } | Failure;

/** What a successful write returns: the value and the log sequence number that made it durable. */
export interface Written<T> {
  value: T;
  seq: number;
}

/** Problems the persistence engine reports; each becomes a banner telling the user what they can do. */
export type ProblemCode =
  | 'quota_exceeded'
  | 'append_failed'
  | 'damaged_chunk'
  | 'damaged_log'
  | 'recovered_from_previous_snapshot'
  | 'newer_schema'
  | 'unsupported_browser'
  | 'load_failed'
  | 'checkpoint_failed'
  /** Encryption at rest was switched on or off in another tab: this one must reload (and unlock). */
  | 'encryption_changed';

export interface Problem {
  code: ProblemCode;
  /** Technical detail (an exception message), shown under the translated explanation. */
  detail: string;
  /** The workspace refuses writes until reload (damaged data, newer schema). */
  readOnly: boolean;
}

export interface StorageInfo {
  usageBytes: number | null;
  quotaBytes: number | null;
  persisted: boolean | null;
  databaseBytes: number;
  logRecords: number;
}

export type SaveState = 'loading' | 'saved' | 'saving' | 'error';

export interface PersistenceStatus {
  state: SaveState;
  lastSavedAt: string | null;
  /** Highest log sequence number applied to this tab's copy. */
  seq: number;
  problems: Problem[];
  readOnly: boolean;
}

export type DbEvent =
  | { type: 'status'; status: PersistenceStatus }
  /** Tables whose rows changed; `remote` when another tab made the change. */
  | { type: 'changed'; tables: string[]; remote: boolean };

export interface OpenInfo {
  schemaVersion: number;
  seq: number;
  customerCount: number;
  /** True when this open created the workspace (first visit). */
  created: boolean;
}

export interface DemoProgress {
  phase:
    | 'users'
    | 'customers'
    | 'contacts'
    | 'orders'
    | 'activities'
    | 'campaigns'
    | 'leads'
    | 'opportunities'
    | 'contracts'
    | 'cases'
    | 'articles'
    | 'relationships'
    | 'members'
    | 'surveys'
    | 'saving';
  done: number;
  total: number;
}

/** Rows a demo or benchmark load wrote, per table. */
export interface DemoSummary {
  users: number;
  customers: number;
  contacts: number;
  orders: number;
  activities: number;
  leads: number;
  opportunities: number;
  /** Opportunities in an open stage (neither won nor lost). */
  openOpportunities: number;
  contracts: number;
  cases: number;
  campaigns: number;
  campaignMembers: number;
  articles: number;
  relationships: number;
  surveyResponses: number;
  /** The customer with the longest timeline (the timeline benchmark opens it); null without customers. */
  timelineCustomerId: number | null;
  /** Its contacts, activities, orders, opportunities, contracts and cases. */
  timelineEvents: number;
}

export interface DeleteReceipt {
  /** Pass to `undo` to restore everything the delete removed (the customer's contacts too). */
  undoSeq: number;
  removedRows: number;
}

export type DemoLocale = 'zh-CN' | 'en';
