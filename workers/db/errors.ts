/**
 * Errors the DB layer throws. The worker turns a `DomainError` into a `{ ok: false, code, message, fields }`
 * value (Comlink would keep only message/name/stack of an Error); anything else thrown is a bug.
 */
import type { ErrorCode, FieldErrors } from './contract';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

/**
 * The stored database was written by a newer version of the app. Opening it with this code could corrupt
 * it, so the workspace must stay read-only until the page is reloaded with the newer app.
 */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';

  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`The database has schema version ${found}; this app supports up to ${supported}.`);
  }
}
