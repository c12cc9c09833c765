/**
 * Workflow rules' part of the DB worker API (see `workers/db/api.ts`): rules that react to a record's
 * change (or to a date coming due) by checking conditions and running an ordered list of actions inside
 * the same transaction, the log of their runs, and the in-app inbox their `notify` action fills. Types only.
 */
import type { DeleteReceipt, Result, Written } from '../../contract';
import type { Condition } from '../../entities/types';

export const WORKFLOW_ENTITIES = [
  'customer',
  'contact',
  'lead',
  'opportunity',
  'order',
  'contract',
  'case',
  'campaign',
  'activity',
] as const;
export type WorkflowEntity = (typeof WORKFLOW_ENTITIES)[number];

export const TRIGGER_TYPES = [
  'created',
  'updated',
  'field_changed',
  'stage_entered',
  'date_reached',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** The date fields (field keys of the entity definition) a `date_reached` trigger may watch. */
export const DATE_TRIGGER_FIELDS: Record<WorkflowEntity, readonly string[]> = {
  customer: [],
  contact: [],
  lead: ['createdAt'],
  opportunity: ['expectedClose'],
  order: [],
  contract: ['endDate', 'renewalDate'],
  case: ['slaDue'],
  campaign: [],
  activity: ['dueAt'],
};

export type FieldValue = string | number | boolean | null;

export type WorkflowTrigger =
  | { type: 'created' }
  | { type: 'updated' }
  /** Any change of `field`; with `to`, only a change to that value. */
  | { type: 'field_changed'; field: string; to?: FieldValue }
  /** Opportunities only: moved into this pipeline stage (id). */
  | { type: 'stage_entered'; stageId: number }
  /** `field` + `offsetDays` (−30 = 30 days before) has come: run by `runDueDateRules`, once per date. */
  | { type: 'date_reached'; field: string; offsetDays: number };

export const ACTION_TYPES = [
  'set_field',
  'assign_owner',
  'create_task',
  'log_activity',
  'add_to_campaign',
  'notify',
  'escalate_case',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type NotifyRecipient = 'owner' | 'manager' | 'user';

export type WorkflowAction =
  /** Validated against the entity definition (type, choices, read-only). Money in minor units. */
  | { type: 'set_field'; field: string; value: FieldValue }
  /**
   * Among the active members of `team` (users.team, a name): in turn, or the one owning fewest open
   * records of this entity.
   */
  | { type: 'assign_owner'; method: 'round_robin' | 'least_loaded'; team: string }
  /** A task activity on the record, owned by the record's owner; `{title}` in the subject = record title. */
  | { type: 'create_task'; subject: string; dueOffsetDays: number }
  /** A done activity of this type (call, email, meeting, note, task) on the record. */
  | { type: 'log_activity'; activityType: string; subject: string }
  /** Customers, contacts and leads only. */
  | { type: 'add_to_campaign'; campaignId: number }
  /** An inbox row for the owner, the owner's manager, or a given user (`userId`). `{title}` allowed. */
  | { type: 'notify'; recipient: NotifyRecipient; userId?: number | null; message: string }
  /** Cases only: priority one step up, owner → the owner's manager. */
  | { type: 'escalate_case' };

export interface WorkflowRuleInput {
  name: string;
  entity: WorkflowEntity;
  trigger: WorkflowTrigger;
  /** AND of all; the list filter's conditions, evaluated in SQL against the record. */
  conditions: Condition[];
  /**
   * Also require that no activity is linked to the record (leads, customers, contacts, opportunities,
   * cases): "nobody has followed up yet".
   */
  requireNoActivity?: boolean;
  /** Run in order; the first that fails rolls the whole change back. */
  actions: WorkflowAction[];
  enabled: boolean;
}

export interface WorkflowRule extends WorkflowRuleInput {
  id: number;
  position: number;
  ownerId: number | null;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowRun {
  id: number;
  ruleId: number | null;
  ruleName: string;
  entity: WorkflowEntity;
  recordId: number;
  trigger: TriggerType;
  /** How many actions completed. */
  actionsDone: number;
  result: 'ok' | 'failed';
  message: string;
  at: string;
}

export interface WorkflowRunQuery {
  ruleId?: number | null;
  offset?: number;
  limit?: number;
}

export interface WorkflowRunPage {
  rows: WorkflowRun[];
  total: number;
  offset: number;
}

/** What one action would do (or did) when a rule is tested. */
export interface TestStep {
  action: ActionType;
  ok: boolean;
  /** What it did ("owner → 王芳", "task “Call back” due 2026-12-06") or why it failed. */
  message: string;
}

export interface WorkflowTestResult {
  /** The trigger applies to this record (for date rules: the date has come). */
  triggerMatched: boolean;
  conditionsMatched: boolean;
  /** Why the rule would not run, when it would not. */
  reason: string | null;
  steps: TestStep[];
  /** Rows the actions would write: table, insert/update, id. Nothing is kept. */
  changes: { table: string; op: 'insert' | 'update' | 'delete'; id: number }[];
}

export interface InboxNotification {
  id: number;
  userId: number;
  message: string;
  entity: WorkflowEntity | null;
  recordId: number | null;
  ruleId: number | null;
  ruleName: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxQuery {
  /** Whose inbox; default the acting user (`setActor`). */
  userId?: number | null;
  unreadOnly?: boolean;
  offset?: number;
  limit?: number;
}

export interface InboxPage {
  rows: InboxNotification[];
  total: number;
  unread: number;
  offset: number;
}

export interface DueRunSummary {
  /** Date rules evaluated. */
  rules: number;
  /** (rule, record, date) firings run now (each exactly once, ever). */
  fired: number;
  /** Firings whose actions failed (rolled back, logged as failed runs; retried next time). */
  failed: number;
}

export const TEMPLATE_KEYS = [
  'lead_round_robin',
  'lead_follow_up',
  'contract_renewal',
  'case_sla_escalation',
  'won_onboarding',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface WorkflowTemplate {
  key: TemplateKey;
  /** The rule it installs (name in English; the UI shows `workflow.template.<key>` instead). */
  rule: WorkflowRuleInput;
  /** A team must be chosen at install (round-robin assignment). */
  needsTeam: boolean;
}

export interface InstallOptions {
  enabled: boolean;
  /** For templates that need a team (users.team). */
  team?: string | null;
  /** Overrides the template's name. */
  name?: string;
  /** Language of the task subjects and notification texts the rule writes (default English). */
  locale?: 'zh-CN' | 'en';
}

export interface WorkflowApi {
  listWorkflowRules(entity?: WorkflowEntity | null): Promise<Result<WorkflowRule[]>>;
  /** Creates (id null) or replaces a rule; validated (fields, stage, team, campaign, users exist). */
  saveWorkflowRule(id: number | null, input: WorkflowRuleInput): Promise<Result<Written<WorkflowRule>>>;
  deleteWorkflowRule(id: number): Promise<Result<DeleteReceipt>>;
  setWorkflowRuleEnabled(id: number, enabled: boolean): Promise<Result<Written<WorkflowRule>>>;
  /**
   * Evaluates the rule (saved or a draft) against one record and runs its actions in a transaction that is
   * rolled back: what would happen, nothing written.
   */
  testWorkflowRule(rule: WorkflowRuleInput, recordId: number): Promise<Result<WorkflowTestResult>>;
  listWorkflowRuns(query: WorkflowRunQuery): Promise<Result<WorkflowRunPage>>;

  listInbox(query: InboxQuery): Promise<Result<InboxPage>>;
  /** Marks the given notifications (or all of the user's, ids null) read or unread; returns how many. */
  markInboxRead(
    ids: number[] | null,
    read: boolean,
    userId?: number | null,
  ): Promise<Result<Written<number>>>;
  inboxUnreadCount(userId?: number | null): Promise<Result<number>>;

  /** Fires date rules whose date + offset ≤ now (ISO, default the clock); the worker also runs it each minute. */
  runDueDateRules(now?: string): Promise<Result<DueRunSummary>>;
  listWorkflowTemplates(): Promise<Result<WorkflowTemplate[]>>;
  installWorkflowTemplate(key: TemplateKey, options: InstallOptions): Promise<Result<Written<WorkflowRule>>>;
}
