/** Users: the sales reps, managers and admins that customers and activities are assigned to. */
import type { Database } from 'sql.js';
import type { User, UserRole } from '../contract';
import { DomainError } from '../errors';
import { all, one, type Row } from './sql';

const ROLES: readonly UserRole[] = ['rep', 'manager', 'admin'];

function toUser(row: Row): User {
  return {
    id: Number(row.id),
    name: String(row.name),
    email: String(row.email),
    role: row.role as UserRole,
    team: String(row.team),
    managerId: row.manager_id === null ? null : Number(row.manager_id),
  };
}

export function listUsers(db: Database): User[] {
  return all(db, 'SELECT id, name, email, role, team, manager_id FROM users ORDER BY name, id').map(toUser);
}

export function insertUser(
  db: Database,
  input: { name: string; email: string; role: UserRole },
  now: string = new Date().toISOString(),
): number {
  const name = input.name.trim();
  if (name === '') throw new DomainError('validation', 'A user needs a name.', { name: 'required' });
  if (!ROLES.includes(input.role)) {
    throw new DomainError('validation', `Unknown role ${input.role}.`, { role: 'invalid_choice' });
  }
  const row = one(
    db,
    'INSERT INTO users (name, email, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    [name, input.email.trim(), input.role, now, now],
  );
  return Number(row?.id);
}
