import { describe, expect, it } from 'vitest';
import type { WorkflowRuleInput } from '../../workers/db/features/workflow/api';
import { blankAction, blankRule, blankTrigger, ruleProblems } from '../../src/views/automation/rule-form';

/** The rule editor's checks before a rule goes to the worker (src/views/automation/rule-form.ts). */
const rule = (over: Partial<WorkflowRuleInput>): WorkflowRuleInput => ({
  ...blankRule(),
  name: 'R',
  ...over,
});

describe('ruleProblems', () => {
  it('asks for a name and at least one action', () => {
    expect(ruleProblems(blankRule())).toEqual({
      name: 'automation.invalid.name',
      actions: 'automation.invalid.noActions',
    });
  });

  it('accepts a complete rule', () => {
    const ok = rule({
      actions: [{ type: 'notify', recipient: 'owner', message: 'New lead {title}' }],
    });
    expect(ruleProblems(ok)).toEqual({});
  });

  it('checks each blank action where it shows', () => {
    const problems = ruleProblems(
      rule({
        actions: [
          blankAction('set_field'),
          blankAction('assign_owner'),
          blankAction('create_task'),
          blankAction('add_to_campaign'),
          { type: 'notify', recipient: 'user', userId: null, message: '' },
          blankAction('escalate_case'),
        ],
      }),
    );
    expect(problems).toEqual({
      'action0.field': 'automation.invalid.field',
      'action1.team': 'automation.invalid.team',
      'action2.subject': 'automation.invalid.subject',
      'action3.campaign': 'automation.invalid.campaign',
      'action4.message': 'automation.invalid.message',
      'action4.user': 'automation.invalid.user',
      'action5.type': 'automation.invalid.escalateEntity',
    });
  });

  it('refuses a campaign action on a record type that cannot join one', () => {
    const problems = ruleProblems(
      rule({ entity: 'case', actions: [{ type: 'add_to_campaign', campaignId: 3 }] }),
    );
    expect(problems).toEqual({ 'action0.type': 'automation.invalid.campaignEntity' });
  });

  it('checks the trigger: stage only for opportunities, date field and whole days', () => {
    const actions = [blankAction('escalate_case')];
    expect(
      ruleProblems(rule({ entity: 'lead', trigger: blankTrigger('stage_entered'), actions })),
    ).toMatchObject({
      'trigger.type': 'automation.invalid.stageOnlyOpportunity',
    });
    expect(
      ruleProblems(rule({ entity: 'opportunity', trigger: blankTrigger('stage_entered'), actions: [] })),
    ).toMatchObject({ 'trigger.stage': 'automation.invalid.stage' });
    const dated = ruleProblems(
      rule({
        entity: 'contract',
        trigger: { type: 'date_reached', field: '', offsetDays: 2.5 },
        actions: [],
      }),
    );
    expect(dated).toMatchObject({
      'trigger.field': 'automation.invalid.dateField',
      'trigger.offset': 'automation.invalid.offset',
    });
    const fine = ruleProblems(
      rule({
        entity: 'contract',
        trigger: { type: 'date_reached', field: 'endDate', offsetDays: -30 },
        actions: [{ type: 'notify', recipient: 'owner', message: 'm' }],
      }),
    );
    expect(fine).toEqual({});
  });
});
