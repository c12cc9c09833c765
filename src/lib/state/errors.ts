/**
 * The one place unexpected errors end up. Expected failures arrive as `{ ok: false, code }` results and are
 * shown where they happened (next to a field, in a dialog); anything thrown — a bug, a crashed worker — is
 * logged and shown as an error toast so the user is never left with a silently dead button.
 */
import type { Failure, Result } from '../../../workers/db/contract';
import { t } from '../i18n';
import { ERROR_KEYS } from '../i18n/codes';
import { toasts } from './toasts.svelte';

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function handleError(error: unknown): void {
  console.error(error);
  toasts.error(t('error.unexpected', { message: errorText(error) }));
}

export function failureMessage(failure: Failure): string {
  return t(ERROR_KEYS[failure.code] ?? 'error.unexpected', { message: failure.message });
}

/** Shows a failed result as an error toast. */
export function reportFailure(failure: Failure): void {
  toasts.error(failureMessage(failure));
}

/** Awaits a worker call; a thrown error goes to `handleError` and comes back as `null`. */
export async function attempt<T>(call: () => Promise<Result<T>>): Promise<Result<T> | null> {
  try {
    return await call();
  } catch (error) {
    handleError(error);
    return null;
  }
}
