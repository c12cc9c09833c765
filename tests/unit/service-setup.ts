/** Shared set-up for the service and marketing tests: an audited workspace and quick inserts of rows. */
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { insert } from './history-setup';

export const addCustomer = (engine: PersistenceEngine, name: string, extra: { industry?: string } = {}) =>
  insert(engine, 'INSERT INTO customers (name, industry) VALUES (?, ?)', [name, extra.industry ?? '']);

export const addArticle = (
  engine: PersistenceEngine,
  article: { title: string; body?: string; tags?: string[]; category?: string; status?: string },
) =>
  insert(
    engine,
    'INSERT INTO knowledge_articles (title, body, tags, category, status) VALUES (?, ?, ?, ?, ?)',
    [
      article.title,
      article.body ?? '',
      JSON.stringify(article.tags ?? []),
      article.category ?? '',
      article.status ?? 'published',
    ],
  );

export const addCase = (engine: PersistenceEngine, customerId: number, subject: string) =>
  insert(engine, 'INSERT INTO cases (subject, customer_id) VALUES (?, ?)', [subject, customerId]);
