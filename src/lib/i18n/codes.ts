/**
 * Maps every code the DB contract can return to a message key, so each failure reads as a specific,
 * actionable sentence in the user's language. The `Record<…>` types make a new contract code a type error
 * here until it has a message.
 */
import type { ErrorCode, FieldErrorCode, ProblemCode } from '../../../workers/db/contract';
import type { MessageKey } from './messages/en';

export const FIELD_ERROR_KEYS: Record<FieldErrorCode, MessageKey> = {
  required: 'field.required',
  too_long: 'field.too_long',
  invalid_email: 'field.invalid_email',
  invalid_phone: 'field.invalid_phone',
  invalid_choice: 'field.invalid_choice',
  not_found: 'field.not_found',
};

export const ERROR_KEYS: Record<ErrorCode, MessageKey> = {
  validation: 'error.validation',
  not_found: 'error.not_found',
  read_only: 'error.read_only',
  not_ready: 'error.not_ready',
  quota_exceeded: 'error.quota_exceeded',
  persist_failed: 'error.persist_failed',
  constraint: 'error.constraint',
  nothing_to_undo: 'error.nothing_to_undo',
  locked: 'encryption.error.locked',
  wrong_passphrase: 'encryption.error.wrongPassphrase',
  weak_passphrase: 'encryption.error.weakPassphrase',
  encryption_state: 'encryption.error.state',
  not_sqlite: 'backups.error.not_sqlite',
  damaged_file: 'backups.error.damaged_file',
  broken_references: 'backups.error.broken_references',
  newer_file: 'backups.error.newer_file',
  foreign_database: 'backups.error.foreign_database',
  migration_failed: 'backups.error.migration_failed',
  damaged_backup: 'backups.error.damaged_backup',
  file_expired: 'backups.error.file_expired',
  import_empty: 'import.error.empty',
  import_not_text: 'import.error.notText',
  import_too_large: 'import.error.tooLarge',
  import_expired: 'import.error.expired',
  import_cancelled: 'import.error.cancelled',
  import_unmapped: 'import.error.unmapped',
  import_needs_confirmation: 'import.error.needsConfirmation',
  import_failed: 'import.error.failed',
  sql_read_only: 'sql.error.readOnly',
  sql_error: 'sql.error.sqlite',
  sql_one_statement: 'sql.error.oneStatement',
  sql_name_taken: 'sql.error.nameTaken',
};

export const PROBLEM_KEYS: Record<ProblemCode, MessageKey> = {
  quota_exceeded: 'problem.quota_exceeded',
  append_failed: 'problem.append_failed',
  damaged_chunk: 'problem.damaged_chunk',
  damaged_log: 'problem.damaged_log',
  recovered_from_previous_snapshot: 'problem.recovered_from_previous_snapshot',
  newer_schema: 'problem.newer_schema',
  unsupported_browser: 'problem.unsupported_browser',
  load_failed: 'problem.load_failed',
  checkpoint_failed: 'problem.checkpoint_failed',
  encryption_changed: 'encryption.problem.changed',
};
