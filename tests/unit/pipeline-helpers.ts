/** Shared set-up for the pipeline tests: a migrated in-memory database with users, customers and deals. */
import type { Database } from 'sql.js';
import { insertCustomer } from '../../workers/db/repositories/customers';
import { one } from '../../workers/db/repositories/sql';

export const T0 = '2026-03-16T01:30:00.000Z';

export function addCustomer(
  db: Database,
  name: string,
  extra: { email?: string; phone?: string } = {},
): number {
  return insertCustomer(
    db,
    {
      kind: 'company',
      name,
      stage: 'prospect',
      ownerId: null,
      industry: '',
      address: '',
      phone: extra.phone ?? '',
      email: extra.email ?? '',
      notes: '',
    },
    T0,
  );
}

export function stageId(db: Database, code: string): number {
  return Number(one(db, 'SELECT id FROM pipeline_stages WHERE code = ?', [code])!.id);
}

export function addDeal(
  db: Database,
  deal: {
    name: string;
    customerId: number;
    stage: string;
    amountMinor: number;
    probability?: number;
    currency?: string;
    ownerId?: number | null;
    expectedClose?: string | null;
  },
): number {
  const stage = one(db, 'SELECT id, probability FROM pipeline_stages WHERE code = ?', [deal.stage])!;
  const row = one(
    db,
    `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, currency, probability, owner_id,
       expected_close) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      deal.name,
      deal.customerId,
      Number(stage.id),
      deal.amountMinor,
      deal.currency ?? 'CNY',
      deal.probability ?? Number(stage.probability),
      deal.ownerId ?? null,
      deal.expectedClose ?? null,
    ],
  );
  return Number(row!.id);
}
