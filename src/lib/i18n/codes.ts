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
};
