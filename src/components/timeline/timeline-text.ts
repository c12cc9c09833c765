/**
 * How a timeline event reads: its sentence, its status and amount, the translated field names and values
 * of a change, and where it links. The worker sends codes and the records' own words; the words are shown
 * as text (never HTML) and the codes are translated here.
 */
import type { ActivityType, TimelineEvent, TimelineLink } from '../../../workers/db/features/activities/api';
import { formatDate, formatDateTime, formatMoney, hasMessage, t, type MessageKey } from '../../lib/i18n';
import { href } from '../../lib/state/router.svelte';

const isKey = hasMessage;

/** `t(prefix + code)` when such a message exists, else the code itself (a user-made stage, say). */
export function translated(prefix: string, code: string | null): string {
  if (code === null) return '';
  const key = `${prefix}${code}`;
  return isKey(key) ? t(key) : code;
}

export const activityTypeLabel = (type: ActivityType): string => translated('activities.type.', type);

/** Customer columns as the customer form names them; other columns show their raw name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  kind: 'customerForm.kind',
  name: 'customerForm.name',
  stage: 'customerForm.stage',
  owner_id: 'customerForm.owner',
  industry: 'customerForm.industry',
  address: 'customerForm.address',
  phone: 'customerForm.phone',
  email: 'customerForm.email',
  notes: 'customerForm.notes',
};

/** Columns whose values are codes with a translation. */
const VALUE_PREFIXES: Record<string, string> = { stage: 'stage.', kind: 'kind.' };

export function fieldLabel(field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

export function fieldValue(field: string, value: string | null): string {
  if (value === null || value === '') return t('timeline.emptyValue');
  const prefix = VALUE_PREFIXES[field];
  return prefix ? translated(prefix, value) : value;
}

/** The event's main line. */
export function headline(event: TimelineEvent): string {
  switch (event.kind) {
    case 'activity':
      return event.title;
    case 'contact':
      return t('timeline.contact', { name: event.title });
    case 'opportunity':
      return t('timeline.opportunity', { name: event.title });
    case 'order':
      return t('timeline.order', { number: event.title || `#${event.link?.id ?? ''}` });
    case 'contract':
      return t('timeline.contract', { name: event.title || `#${event.link?.id ?? ''}` });
    case 'case':
      return t('timeline.case', { subject: event.title });
    case 'campaign':
      return t('timeline.campaign', { name: event.title });
    case 'relationship': {
      const key = `timeline.relationship.${event.status ?? ''}`;
      return isKey(key) ? t(key, { name: event.title }) : event.title;
    }
    case 'change':
      return event.status === 'insert' ? t('timeline.created') : t('timeline.changed');
  }
}

/** Status, stage and amount, joined: "Shipped · ¥999.00". */
export function facts(event: TimelineEvent): string {
  const parts: string[] = [];
  if (event.kind === 'contact' && event.status === 'primary') parts.push(t('timeline.primary'));
  else if (event.kind === 'opportunity')
    parts.push(event.status ? translated('timeline.status.', event.status) : event.detail);
  else if (['order', 'contract', 'case', 'campaign'].includes(event.kind))
    parts.push(translated('timeline.status.', event.status));
  if (event.amount) parts.push(formatMoney(event.amount.minor, event.amount.currency));
  return parts.filter((part) => part !== '').join(' · ');
}

/** Calendar dates (orders, contracts) are shown as dates; instants with their time. */
export function when(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at) : formatDateTime(at);
}

export function linkHref(link: TimelineLink): string {
  return link.entity === 'customer'
    ? href({ name: 'customer', id: link.id })
    : href({ name: 'record', entity: link.entity, id: link.id });
}
