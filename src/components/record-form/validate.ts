/**
 * Form error helpers. Validation itself happens in the DB worker (the authority, a few ms away), which
 * reports every field's problem at once; the forms never pre-empt it with partial checks.
 */
import type { FieldErrors } from '../../../workers/db/contract';

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Moves focus to the first field with an error, in DOM order. */
export function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
