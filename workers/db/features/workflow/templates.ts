/**
 * The five ready-made rules users can install (enabled or not): lead round-robin within a team, a
 * follow-up task when nobody has touched a new lead for 3 days, a contract renewal reminder 30 days before
 * the end, case escalation when the SLA has passed, onboarding tasks when a deal is won.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { one } from '../../repositories/sql';
import { TEMPLATE_KEYS, type InstallOptions, type TemplateKey, type WorkflowTemplate } from './api';

/** The won stage of the pipeline (the onboarding template's trigger); 0 when there is none. */
const wonStage = (db: Database) =>
  Number(one(db, 'SELECT id FROM pipeline_stages WHERE is_won = 1 ORDER BY position LIMIT 1')?.id ?? 0);

export function listTemplates(db: Database): WorkflowTemplate[] {
  const templates: Record<TemplateKey, WorkflowTemplate> = {
    lead_round_robin: {
      key: 'lead_round_robin',
      needsTeam: true,
      rule: {
        name: 'Assign new leads in turn',
        entity: 'lead',
        trigger: { type: 'created' },
        conditions: [{ field: 'ownerId', op: 'empty' }],
        actions: [{ type: 'assign_owner', method: 'round_robin', team: '' }],
        enabled: false,
      },
    },
    lead_follow_up: {
      key: 'lead_follow_up',
      needsTeam: false,
      rule: {
        name: 'Follow up leads nobody has contacted',
        entity: 'lead',
        trigger: { type: 'date_reached', field: 'createdAt', offsetDays: 3 },
        conditions: [{ field: 'status', op: 'in', value: ['new', 'contacted'] }],
        requireNoActivity: true,
        actions: [{ type: 'create_task', subject: 'Follow up {title}', dueOffsetDays: 1 }],
        enabled: false,
      },
    },
    contract_renewal: {
      key: 'contract_renewal',
      needsTeam: false,
      rule: {
        name: 'Contract renewal reminder',
        entity: 'contract',
        trigger: { type: 'date_reached', field: 'endDate', offsetDays: -30 },
        conditions: [{ field: 'status', op: 'eq', value: 'active' }],
        actions: [
          { type: 'notify', recipient: 'owner', message: 'Contract {title} ends in 30 days' },
          { type: 'create_task', subject: 'Prepare renewal of {title}', dueOffsetDays: 14 },
        ],
        enabled: false,
      },
    },
    case_sla_escalation: {
      key: 'case_sla_escalation',
      needsTeam: false,
      rule: {
        name: 'Escalate cases past their SLA',
        entity: 'case',
        trigger: { type: 'date_reached', field: 'slaDue', offsetDays: 0 },
        conditions: [
          { field: 'status', op: 'ne', value: 'resolved' },
          { field: 'status', op: 'ne', value: 'closed' },
        ],
        actions: [
          { type: 'escalate_case' },
          { type: 'notify', recipient: 'owner', message: 'Case {title} passed its SLA and was escalated' },
        ],
        enabled: false,
      },
    },
    won_onboarding: {
      key: 'won_onboarding',
      needsTeam: false,
      rule: {
        name: 'Onboarding when a deal is won',
        entity: 'opportunity',
        trigger: { type: 'stage_entered', stageId: wonStage(db) },
        conditions: [],
        actions: [
          { type: 'create_task', subject: 'Kick-off call for {title}', dueOffsetDays: 2 },
          { type: 'create_task', subject: 'Send welcome pack for {title}', dueOffsetDays: 3 },
          { type: 'create_task', subject: 'Onboarding review for {title}', dueOffsetDays: 14 },
        ],
        enabled: false,
      },
    },
  };
  return TEMPLATE_KEYS.map((key) => templates[key]);
}

/** The texts the templates write into tasks and the inbox, in Chinese ({title} stays a merge field). */
const ZH_TEXTS: Record<string, string> = {
  'Follow up {title}': '跟进 {title}',
  'Contract {title} ends in 30 days': '合同 {title} 将在 30 天后到期',
  'Prepare renewal of {title}': '准备 {title} 的续约',
  'Case {title} passed its SLA and was escalated': '工单 {title} 已超过 SLA，已升级',
  'Kick-off call for {title}': '{title} 启动电话',
  'Send welcome pack for {title}': '为 {title} 发送欢迎资料',
  'Onboarding review for {title}': '{title} 上线回顾',
};

/** The rule input a template installs with the user's choices (checked again by saveRule). */
export function templateRule(db: Database, key: TemplateKey, options: InstallOptions) {
  const template = listTemplates(db).find((candidate) => candidate.key === key);
  if (!template) throw new DomainError('not_found', `there is no workflow template “${String(key)}”`);
  const team = options.team?.trim() ?? '';
  if (template.needsTeam && team === '')
    throw new DomainError('validation', 'Choose the team to assign within.');
  return {
    ...template.rule,
    name: options.name?.trim() || template.rule.name,
    enabled: options.enabled,
    actions: template.rule.actions.map((action) => {
      const chosen = action.type === 'assign_owner' ? { ...action, team } : { ...action };
      if (options.locale === 'zh-CN') {
        if ('subject' in chosen && typeof chosen.subject === 'string')
          chosen.subject = ZH_TEXTS[chosen.subject] ?? chosen.subject;
        if ('message' in chosen && typeof chosen.message === 'string')
          chosen.message = ZH_TEXTS[chosen.message] ?? chosen.message;
      }
      return chosen;
    }),
  };
}
