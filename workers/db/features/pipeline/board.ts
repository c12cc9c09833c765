/**
 * The kanban board: every stage in order with the count, money and probability-weighted money of the
 * matching opportunities, and the first cards of each stage.
 *
 * Totals come from one grouped scan, so they cover every matching deal however few cards are sent; cards
 * are read per stage from idx_opportunities_stage_close, at most the stage's limit. A board of 10,000 open
 * deals therefore sends ~120 cards, not 10,000 (the UI asks for more per column on "Show more").
 * Amounts are summed per currency and never converted: a stage holding CNY and USD deals shows two totals.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { all } from '../../repositories/sql';
import {
  DEFAULT_CARDS_PER_STAGE,
  MAX_CARDS_PER_STAGE,
  type BoardCard,
  type BoardColumn,
  type BoardQuery,
  type CurrencyTotal,
  type PipelineBoard,
} from './api';
import { listStages } from './stages';

type Params = Record<string, SqlValue>;

const CARD_COLUMNS = `o.id, o.name, o.customer_id, c.name AS customer_name, o.amount_minor, o.currency,
  o.probability, o.expected_close, u.name AS owner_name`;
const CARD_FROM = `FROM opportunities o JOIN customers c ON c.id = o.customer_id
  LEFT JOIN users u ON u.id = o.owner_id`;

export function toCard(row: Record<string, SqlValue>): BoardCard {
  return {
    id: Number(row.id),
    name: String(row.name),
    customerId: Number(row.customer_id),
    customerName: String(row.customer_name),
    amountMinor: Number(row.amount_minor),
    currency: String(row.currency),
    probability: Number(row.probability),
    expectedClose: row.expected_close === null ? null : String(row.expected_close),
    ownerName: row.owner_name === null ? null : String(row.owner_name),
  };
}

/** Cards for `ids`, in that order. */
function cardsByIds(db: Database, ids: readonly number[]): BoardCard[] {
  if (ids.length === 0) return [];
  const rows = all(
    db,
    `SELECT ${CARD_COLUMNS} FROM opportunities o CROSS JOIN customers c ON c.id = o.customer_id
     LEFT JOIN users u ON u.id = o.owner_id WHERE o.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((row) => [Number(row.id), toCard(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function cardById(db: Database, id: number): BoardCard | null {
  const row = all(db, `SELECT ${CARD_COLUMNS} ${CARD_FROM} WHERE o.id = ?`, [id])[0];
  return row ? toCard(row) : null;
}

function filters(query: BoardQuery): { terms: string[]; params: Params; needsCustomer: boolean } {
  const terms: string[] = [];
  const params: Params = {};
  let needsCustomer = false;
  const owners = query.ownerIds;
  if (owners !== undefined && owners !== null) {
    if (!Array.isArray(owners) || !owners.every((id) => Number.isSafeInteger(id))) {
      throw new DomainError('validation', 'Owner ids must be whole numbers.', { ownerIds: 'invalid_choice' });
    }
    terms.push('o.owner_id IN (SELECT value FROM json_each(:owners))');
    params[':owners'] = JSON.stringify(owners);
  }
  const search = typeof query.search === 'string' ? query.search.trim() : '';
  if (search !== '') {
    terms.push("(o.name LIKE :pattern ESCAPE '\\' OR c.name LIKE :pattern ESCAPE '\\')");
    params[':pattern'] = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    needsCustomer = true;
  }
  return { terms, params, needsCustomer };
}

function limitFor(query: BoardQuery, stageId: number): number {
  const raw = query.cardLimits?.[stageId];
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return DEFAULT_CARDS_PER_STAGE;
  return Math.min(MAX_CARDS_PER_STAGE, Math.max(0, Math.floor(raw)));
}

export function pipelineBoard(db: Database, query: BoardQuery): PipelineBoard {
  const { terms, params, needsCustomer } = filters(query ?? {});
  const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  const join = needsCustomer ? 'JOIN customers c ON c.id = o.customer_id' : '';
  // Weighted money is summed as amount × probability and divided once, so rounding happens per total,
  // not per deal.
  const grouped = all(
    db,
    `SELECT o.stage_id, o.currency, count(*) AS n, sum(o.amount_minor) AS amount,
       sum(o.amount_minor * o.probability) AS weighted
     FROM opportunities o ${join} ${where} GROUP BY o.stage_id, o.currency`,
    params,
  );
  const counts = new Map<number, number>();
  const totals = new Map<number, CurrencyTotal[]>();
  for (const row of grouped) {
    const stageId = Number(row.stage_id);
    counts.set(stageId, (counts.get(stageId) ?? 0) + Number(row.n));
    const list = totals.get(stageId) ?? [];
    list.push({
      currency: String(row.currency),
      amountMinor: Number(row.amount),
      weightedMinor: Math.round(Number(row.weighted) / 100),
    });
    totals.set(stageId, list);
  }

  const stageTerms = ['o.stage_id = :stage', ...terms];
  // Ids first, from idx_opportunities_stage_close without touching customers: joining before the sort
  // made SQLite join every deal of a stage (7,500 in a won column at the bench profile) to sort 20.
  const idSql = `SELECT o.id FROM opportunities o ${join} WHERE ${stageTerms.join(' AND ')}
    ORDER BY o.expected_close IS NULL, o.expected_close, o.id LIMIT :limit`;
  const stmt = db.prepare(idSql);
  try {
    const columns: BoardColumn[] = listStages(db).map((stage) => {
      const count = counts.get(stage.id) ?? 0;
      const limit = limitFor(query ?? {}, stage.id);
      const ids: number[] = [];
      if (count > 0 && limit > 0) {
        stmt.bind({ ...params, ':stage': stage.id, ':limit': limit });
        while (stmt.step()) ids.push(Number(stmt.get()[0]));
        stmt.reset();
      }
      const money = (totals.get(stage.id) ?? []).sort((a, b) => b.amountMinor - a.amountMinor);
      return { stage, count, totals: money, cards: cardsByIds(db, ids) };
    });
    return { columns };
  } finally {
    stmt.free();
  }
}
