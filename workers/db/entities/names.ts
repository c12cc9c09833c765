/**
 * The record types of the workspace beyond customers (which keep their own index-tuned list), and the URL
 * segment of each one's list (`#/leads`) and pages (`#/leads/7`). Shared by the worker and the UI.
 */
export const RECORD_ENTITIES = [
  'contact',
  'lead',
  'opportunity',
  'product',
  'order',
  'contract',
  'case',
  'article',
  'campaign',
  'activity',
  'user',
] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

export const RECORD_PATHS: Record<RecordEntity, string> = {
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  product: 'products',
  order: 'orders',
  contract: 'contracts',
  case: 'cases',
  article: 'articles',
  campaign: 'campaigns',
  activity: 'activities',
  user: 'users',
};

/** The SQLite table behind each record type. */
export const RECORD_TABLES: Record<RecordEntity | 'customer', string> = {
  customer: 'customers',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  product: 'products',
  order: 'orders',
  contract: 'contracts',
  case: 'cases',
  article: 'knowledge_articles',
  campaign: 'campaigns',
  activity: 'activities',
  user: 'users',
};

export const isRecordEntity = (value: unknown): value is RecordEntity =>
  typeof value === 'string' && (RECORD_ENTITIES as readonly string[]).includes(value);
