/**
 * Validators for what the UI sends to the DB worker. Input crosses a thread boundary, so it is `unknown`
 * until checked here; the result is either a clean value (strings trimmed, phone normalised) or one error
 * code per offending field, which the UI translates next to that field.
 */
import {
  CUSTOMER_KINDS,
  LIFECYCLE_STAGES,
  type ContactInput,
  type CustomerInput,
  type FieldErrorCode,
  type FieldErrors,
} from './contract';

export type Validated<T> = { value: T } | { fields: FieldErrors };

export const LIMITS = { name: 200, text: 500, notes: 5000, email: 254 } as const;

// One @, a dotted domain with non-empty labels, no whitespace anywhere. Deliverability is not our business.
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// Digits with an optional leading +, and the separators people type: spaces, dashes, dots, parentheses.
export const PHONE = /^\+?[\d\s\-().]+$/;

/** Code points, so an emoji counts as one character as the user sees it. */
const length = (s: string): number => [...s].length;

type Reader = { record: Record<string, unknown>; fields: FieldErrors };

function reader(input: unknown): Reader {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return { record, fields: {} };
}

/** A trimmed string; absent/null reads as ''. A non-string gets `wrongType` and reads as ''. */
function text(r: Reader, key: string, max: number, wrongType: FieldErrorCode): string {
  const raw = r.record[key];
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') {
    r.fields[key] = wrongType;
    return '';
  }
  const value = raw.trim();
  if (length(value) > max) r.fields[key] = 'too_long';
  return value;
}

function requiredName(r: Reader, key: string): string {
  const value = text(r, key, LIMITS.name, 'required');
  if (value === '' && r.fields[key] === undefined) r.fields[key] = 'required';
  return value;
}

function email(r: Reader, key: string): string {
  const value = text(r, key, LIMITS.email, 'invalid_email');
  if (value !== '' && r.fields[key] === undefined && !EMAIL.test(value)) r.fields[key] = 'invalid_email';
  return value;
}

/** Full-width digits and brackets (common with Chinese input methods) are folded to ASCII first. */
function phone(r: Reader, key: string): string {
  const value = text(r, key, LIMITS.text, 'invalid_phone').normalize('NFKC');
  if (value === '' || r.fields[key] !== undefined) return value;
  const digits = value.replace(/\D/g, '').length;
  if (!PHONE.test(value) || digits < 5 || digits > 20) r.fields[key] = 'invalid_phone';
  return value;
}

/** Missing → 'required'; present but not one of `choices` → 'invalid_choice'. */
function choice<T extends string>(r: Reader, key: string, choices: readonly T[]): T {
  const raw = r.record[key];
  if (raw === undefined || raw === null || raw === '') r.fields[key] = 'required';
  else if (!choices.includes(raw as T)) r.fields[key] = 'invalid_choice';
  return raw as T;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function result<T>(r: Reader, value: T): Validated<T> {
  return Object.keys(r.fields).length > 0 ? { fields: r.fields } : { value };
}

export function validateCustomerInput(input: unknown): Validated<CustomerInput> {
  const r = reader(input);
  const rawOwner = r.record.ownerId;
  let ownerId: number | null = null;
  if (isId(rawOwner)) ownerId = rawOwner;
  else if (rawOwner !== undefined && rawOwner !== null) r.fields.ownerId = 'invalid_choice';
  return result<CustomerInput>(r, {
    kind: choice(r, 'kind', CUSTOMER_KINDS),
    name: requiredName(r, 'name'),
    stage: choice(r, 'stage', LIFECYCLE_STAGES),
    ownerId,
    industry: text(r, 'industry', LIMITS.text, 'invalid_choice'),
    address: text(r, 'address', LIMITS.text, 'invalid_choice'),
    phone: phone(r, 'phone'),
    email: email(r, 'email'),
    notes: text(r, 'notes', LIMITS.notes, 'invalid_choice'),
  });
}

export function validateContactInput(input: unknown): Validated<ContactInput> {
  const r = reader(input);
  const customerId = r.record.customerId;
  if (!isId(customerId)) r.fields.customerId = 'required';
  const rawPrimary = r.record.isPrimary;
  if (rawPrimary !== undefined && rawPrimary !== null && typeof rawPrimary !== 'boolean') {
    r.fields.isPrimary = 'invalid_choice';
  }
  const consent: Pick<ContactInput, 'unsubscribed' | 'doNotContact'> = {};
  for (const key of ['unsubscribed', 'doNotContact'] as const) {
    const flag = r.record[key];
    if (flag === undefined || flag === null) continue;
    if (typeof flag === 'boolean') consent[key] = flag;
    else r.fields[key] = 'invalid_choice';
  }
  return result<ContactInput>(r, {
    ...consent,
    customerId: customerId as number,
    name: requiredName(r, 'name'),
    title: text(r, 'title', LIMITS.text, 'invalid_choice'),
    phone: phone(r, 'phone'),
    email: email(r, 'email'),
    notes: text(r, 'notes', LIMITS.notes, 'invalid_choice'),
    isPrimary: rawPrimary === true,
  });
}
