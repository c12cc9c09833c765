/** The pure role rules of workers/db/permissions.ts, shared by the UI and the DB worker. */
import { describe, expect, it } from 'vitest';
import { can, type Action } from '../../workers/db/permissions';

describe('can(role, action, context)', () => {
  it('lets an admin do everything, including any approval', () => {
    const actions: Action[] = [
      'record.delete',
      'stages.configure',
      'users.edit',
      'settings.edit',
      'automation.edit',
      'approval.decide',
    ];
    for (const action of actions)
      expect(can('admin', action, { actorId: 1, ownerId: 2, approverId: 3 }), action).toBe(true);
  });

  it('lets a rep delete only their own or unowned records', () => {
    expect(can('rep', 'record.delete', { actorId: 5, ownerId: 5 })).toBe(true);
    expect(can('rep', 'record.delete', { actorId: 5, ownerId: null })).toBe(true);
    expect(can('rep', 'record.delete', { actorId: 5, ownerId: 6 })).toBe(false);
  });

  it('keeps reps from stages, users, settings, automation and approvals', () => {
    for (const action of ['stages.configure', 'users.edit', 'settings.edit', 'automation.edit'] as const)
      expect(can('rep', action), action).toBe(false);
    expect(can('rep', 'approval.decide', { actorId: 5, approverId: null })).toBe(false);
    expect(can('rep', 'approval.decide', { actorId: 5, approverId: 5 })).toBe(false);
  });

  it('lets a manager delete, configure stages and decide their own or unassigned approvals, not edit users', () => {
    expect(can('manager', 'record.delete', { actorId: 2, ownerId: 9 })).toBe(true);
    expect(can('manager', 'stages.configure')).toBe(true);
    expect(can('manager', 'approval.decide', { actorId: 2, approverId: 2 })).toBe(true);
    expect(can('manager', 'approval.decide', { actorId: 2, approverId: null })).toBe(true);
    expect(can('manager', 'approval.decide', { actorId: 2, approverId: 3 })).toBe(false);
    expect(can('manager', 'users.edit')).toBe(false);
    expect(can('manager', 'settings.edit')).toBe(false);
  });

  it('lets nobody without a known role do anything', () => {
    expect(can(null, 'record.delete', { actorId: 1, ownerId: 1 })).toBe(false);
    expect(can(undefined, 'approval.decide')).toBe(false);
  });
});
