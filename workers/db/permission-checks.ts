/**
 * The DB worker's side of {@link can}: the acting user's role read from the users table, and a refusal
 * (DomainError 'forbidden') for the clear cases — deciding an approval without being a manager, editing
 * users or settings without being an admin, configuring stages as a rep.
 *
 * Not checked: no acting user (none chosen yet, or the chosen one was deleted — a script, or a workspace
 * whose first users are being created), and a workspace without any admin (not set up with roles yet:
 * refusing there would leave nobody able to edit users and name an admin).
 */
import type { Database } from 'sql.js';
import { DomainError } from './errors';
import { can, isRole, type Action, type PermissionContext, type Role } from './permissions';
import { one } from './repositories/sql';

export function actorRole(db: Database, actorId: number | null): Role | null {
  if (actorId === null) return null;
  const role = one(
    db,
    "SELECT role FROM users WHERE id = ? AND EXISTS (SELECT 1 FROM users WHERE role = 'admin')",
    [actorId],
  )?.role;
  return isRole(role) ? role : null;
}

export function requirePermission(
  db: Database,
  actorId: number | null,
  action: Action,
  context: PermissionContext = {},
): void {
  const role = actorRole(db, actorId);
  if (role === null) return;
  if (!can(role, action, { ...context, actorId })) {
    throw new DomainError('forbidden', `A ${role} may not do this (${action}).`);
  }
}
