/**
 * The rule editor's pure parts: a blank rule and blank actions, the trigger's one-line summary, and the
 * checks run before a rule is sent to the worker (the worker validates again: fields, stages, teams and
 * campaigns exist). Problems are keyed by where they show: `name`, `trigger.field`, `action<N>.<part>`.
 */
import type {
  ActionType,
  WorkflowAction,
  WorkflowEntity,
  WorkflowRuleInput,
  WorkflowTrigger,
} from '../../../workers/db/features/workflow/api';
import type { MessageKey } from '../../lib/i18n';

export const MAX_OFFSET_DAYS = 3650;
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note', 'task'] as const;
const CAMPAIGN_ENTITIES: ReadonlySet<WorkflowEntity> = new Set(['customer', 'contact', 'lead']);

export function blankRule(): WorkflowRuleInput {
  return {
    name: '',
    entity: 'lead',
    trigger: { type: 'created' },
    conditions: [],
    actions: [],
    enabled: true,
  };
}

export function blankAction(type: ActionType): WorkflowAction {
  switch (type) {
    case 'set_field':
      return { type, field: '', value: null };
    case 'assign_owner':
      return { type, method: 'round_robin', team: '' };
    case 'create_task':
      return { type, subject: '', dueOffsetDays: 3 };
    case 'log_activity':
      return { type, activityType: 'note', subject: '' };
    case 'add_to_campaign':
      return { type, campaignId: 0 };
    case 'notify':
      return { type, recipient: 'owner', userId: null, message: '' };
    case 'escalate_case':
      return { type };
  }
}

export function blankTrigger(type: WorkflowTrigger['type']): WorkflowTrigger {
  switch (type) {
    case 'created':
    case 'updated':
      return { type };
    case 'field_changed':
      return { type, field: '' };
    case 'stage_entered':
      return { type, stageId: 0 };
    case 'date_reached':
      return { type, field: '', offsetDays: 0 };
  }
}

const wholeDays = (n: number): boolean => Number.isInteger(n) && Math.abs(n) <= MAX_OFFSET_DAYS;

/** Problems of a draft rule: where → message key. Empty when the rule may be saved. */
export function ruleProblems(rule: WorkflowRuleInput): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  if (rule.name.trim() === '') problems['name'] = 'automation.invalid.name';
  const trigger = rule.trigger;
  if (trigger.type === 'field_changed' && trigger.field === '')
    problems['trigger.field'] = 'automation.invalid.field';
  if (trigger.type === 'stage_entered') {
    if (rule.entity !== 'opportunity') problems['trigger.type'] = 'automation.invalid.stageOnlyOpportunity';
    else if (!(trigger.stageId > 0)) problems['trigger.stage'] = 'automation.invalid.stage';
  }
  if (trigger.type === 'date_reached') {
    if (trigger.field === '') problems['trigger.field'] = 'automation.invalid.dateField';
    if (!wholeDays(trigger.offsetDays)) problems['trigger.offset'] = 'automation.invalid.offset';
  }
  if (rule.actions.length === 0) problems['actions'] = 'automation.invalid.noActions';
  rule.actions.forEach((action, index) => {
    const at = `action${index}`;
    switch (action.type) {
      case 'set_field':
        if (action.field === '') problems[`${at}.field`] = 'automation.invalid.field';
        break;
      case 'assign_owner':
        if (action.team === '') problems[`${at}.team`] = 'automation.invalid.team';
        break;
      case 'create_task':
        if (action.subject.trim() === '') problems[`${at}.subject`] = 'automation.invalid.subject';
        if (!wholeDays(action.dueOffsetDays) || action.dueOffsetDays < 0)
          problems[`${at}.due`] = 'automation.invalid.dueOffset';
        break;
      case 'log_activity':
        if (action.subject.trim() === '') problems[`${at}.subject`] = 'automation.invalid.subject';
        break;
      case 'add_to_campaign':
        if (!CAMPAIGN_ENTITIES.has(rule.entity)) problems[`${at}.type`] = 'automation.invalid.campaignEntity';
        else if (!(action.campaignId > 0)) problems[`${at}.campaign`] = 'automation.invalid.campaign';
        break;
      case 'notify':
        if (action.message.trim() === '') problems[`${at}.message`] = 'automation.invalid.message';
        if (action.recipient === 'user' && !(Number(action.userId) > 0))
          problems[`${at}.user`] = 'automation.invalid.user';
        break;
      case 'escalate_case':
        if (rule.entity !== 'case') problems[`${at}.type`] = 'automation.invalid.escalateEntity';
        break;
    }
  });
  return problems;
}
