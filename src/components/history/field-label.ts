/**
 * A column of an audited table as a person reads it: the generic record definitions' label
 * (`field.<entity>.<key>`), else the customer/contact form's label, else the history panel's own list,
 * else the column name itself (custom and rare columns).
 */
import { RECORD_TABLES } from '../../../workers/db/entities/names';
import { hasMessage, t } from '../../lib/i18n';

const entityByTable = new Map(Object.entries(RECORD_TABLES).map(([entity, table]) => [table, entity]));

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const isKey = hasMessage;

export function fieldLabel(table: string, column: string): string {
  const entity = entityByTable.get(table);
  const key = camel(column);
  const candidates = [
    entity ? `field.${entity}.${key}` : '',
    table === 'customers' ? `customerForm.${key}` : '',
    table === 'contacts' ? `contactForm.${key}` : '',
    `history.field.${column}`,
  ];
  const found = candidates.find(isKey);
  return found ? t(found) : column;
}
