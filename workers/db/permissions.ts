/**
 * What each role may do, as one pure function shared by the UI (src/lib/state/permissions.svelte.ts hides
 * what the acting user may not do) and the DB worker (which refuses the clear cases with
 * DomainError('forbidden')).
 *
 * Roles guide honest users and prevent mistakes; they are not a security boundary. Whoever owns the browser
 * can pick another user in the header, open the SQL console or edit the stored file (see README).
 *
 * - rep: sees and edits records; deletes only records they own (or nobody owns); cannot configure the
 *   pipeline's stages, edit users or settings, or decide approvals.
 * - manager: what a rep may, plus deleting any record, configuring stages and deciding approvals assigned
 *   to them or to nobody in particular.
 * - admin: everything (users, settings, automation rules, any approval).
 */
export type Role = 'rep' | 'manager' | 'admin';

export type Action =
  | 'record.delete'
  | 'stages.configure'
  | 'users.edit'
  | 'settings.edit'
  | 'automation.edit'
  | 'approval.decide';

/** What an action is about, when the answer depends on it. */
export interface PermissionContext {
  /** The acting user. */
  actorId?: number | null;
  /** The record's owner (record.delete). */
  ownerId?: number | null;
  /** The approval's designated approver; null = any manager or admin (approval.decide). */
  approverId?: number | null;
}

export const ROLES: readonly Role[] = ['rep', 'manager', 'admin'];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export function can(role: Role | null | undefined, action: Action, context: PermissionContext = {}): boolean {
  if (role === 'admin') return true;
  if (role !== 'manager' && role !== 'rep') return false;
  switch (action) {
    case 'record.delete':
      if (role === 'manager') return true;
      return context.ownerId === null || context.ownerId === undefined || context.ownerId === context.actorId;
    case 'stages.configure':
      return role === 'manager';
    case 'approval.decide':
      return (
        role === 'manager' &&
        (context.approverId === null ||
          context.approverId === undefined ||
          context.approverId === context.actorId)
      );
    case 'users.edit':
    case 'settings.edit':
    case 'automation.edit':
      return false;
  }
}
