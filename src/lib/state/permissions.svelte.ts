/**
 * What the acting user (the header's switcher) may do, for the UI: hides or disables what their role does
 * not allow (delete buttons, stage configuration, user editing, approval decisions). The same pure rules
 * (workers/db/permissions.ts) let the DB worker refuse the clear cases.
 *
 * Not access control: whoever owns the browser can switch user, open the SQL console or edit the stored
 * file. Roles guide honest users and prevent mistakes (README § Roles).
 */
import { can, type Action, type PermissionContext, type Role } from '../../../workers/db/permissions';
import { actor } from './actor.svelte';
import { users } from './users.svelte';

class Permissions {
  /**
   * The acting user's role; null (nothing refused) while the workspace has no users or no admin yet — as
   * in the DB worker (permission-checks.ts), so a workspace can be set up before roles apply.
   */
  readonly role = $derived<Role | null>(
    users.list.some((user) => user.role === 'admin') ? (actor.user?.role ?? null) : null,
  );

  can(action: Action, context: Omit<PermissionContext, 'actorId'> = {}): boolean {
    if (this.role === null) return true;
    return can(this.role, action, { ...context, actorId: actor.id });
  }

  /** `record.delete` for a record row, whose owner is `ownerId` (records without an owner field: anyone). */
  canDeleteRecord(record: object | null | undefined): boolean {
    const owner = record && 'ownerId' in record ? record.ownerId : null;
    return this.can('record.delete', { ownerId: typeof owner === 'number' ? owner : null });
  }

  /** Creating and editing records of a type: users are for admins; everything else for everyone. */
  canEdit(entity: string): boolean {
    return entity !== 'user' || this.can('users.edit');
  }

  /** A bulk selection may hold others' records, so bulk delete needs the right to delete anyone's. */
  canBulkDelete(entity: string): boolean {
    const someoneElse = -1; // no user has this id: "a record owned by another user"
    return this.canEdit(entity) && this.can('record.delete', { ownerId: someoneElse });
  }
}

export const permissions = new Permissions();
