/**
 * Instant hints before a round trip to the worker. The worker validates again and is the authority; these
 * only catch the obvious (empty required field, an email without "@x.y") with the same error codes.
 */
import type { FieldErrors } from '../../../workers/db/contract';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function hintErrors(values: { name: string; email: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = 'required';
  if (values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = 'invalid_email';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Moves focus to the first field with an error, in DOM order. */
export function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
