import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../workers/db/errors';
import { pipelineBoard } from '../../workers/db/features/pipeline/board';
import { moveOpportunity } from '../../workers/db/features/pipeline/move';
import { listStages, saveStages } from '../../workers/db/features/pipeline/stages';
import { DEFAULT_CARDS_PER_STAGE, type StageInput } from '../../workers/db/features/pipeline/api';
import { migrate } from '../../workers/db/migrations';
import { one } from '../../workers/db/repositories/sql';
import { insertUser } from '../../workers/db/repositories/users';
import { addCustomer, addDeal, stageId, T0 } from './pipeline-helpers';

let SQL: SqlJsStatic;
let db: Database;
let alice: number;
let bob: number;
let acme: number;
let huaxin: number;

beforeAll(async () => {
  SQL = await initSqlJs();
});

beforeEach(() => {
  db = new SQL.Database();
  migrate(db);
  db.exec('PRAGMA foreign_keys = ON');
  alice = insertUser(db, { name: 'Alice', email: 'alice@crm.cn', role: 'rep' });
  bob = insertUser(db, { name: 'Bob', email: 'bob@crm.cn', role: 'rep' });
  acme = addCustomer(db, 'Acme');
  huaxin = addCustomer(db, '华信科技');
});

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const column = (board: ReturnType<typeof pipelineBoard>, code: string) =>
  board.columns.find((c) => c.stage.code === code)!;

const deal = (id: number) =>
  one(
    db,
    'SELECT stage_id, probability, closed_at, won_reason, lost_reason FROM opportunities WHERE id = ?',
    [id],
  )!;

describe('pipelineBoard', () => {
  it('lists the stages in order with count, money per currency and weighted money', () => {
    addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 100_000, ownerId: alice });
    addDeal(db, { name: 'B', customerId: huaxin, stage: 'proposal', amountMinor: 33_333, probability: 30 });
    addDeal(db, { name: 'C', customerId: acme, stage: 'proposal', amountMinor: 5_000, currency: 'USD' });
    addDeal(db, { name: 'D', customerId: acme, stage: 'negotiation', amountMinor: 80_001, ownerId: bob });

    const board = pipelineBoard(db, {});
    expect(board.columns.map((c) => c.stage.code)).toEqual([
      'qualification',
      'needs_analysis',
      'proposal',
      'negotiation',
      'won',
      'lost',
    ]);
    const proposal = column(board, 'proposal');
    expect(proposal.count).toBe(3);
    // By hand: CNY 100000 + 33333 = 133333; weighted 100000×50% + 33333×30% = 50000 + 9999.9 → 59999.9 ≈ 60000.
    expect(proposal.totals).toEqual([
      { currency: 'CNY', amountMinor: 133_333, weightedMinor: 60_000 },
      { currency: 'USD', amountMinor: 5_000, weightedMinor: 2_500 },
    ]);
    const negotiation = column(board, 'negotiation');
    // 80001 × 75% = 60000.75 → 60001
    expect(negotiation.totals).toEqual([{ currency: 'CNY', amountMinor: 80_001, weightedMinor: 60_001 }]);
    expect(column(board, 'won')).toMatchObject({ count: 0, totals: [], cards: [] });
    expect(negotiation.cards[0]).toMatchObject({
      name: 'D',
      customerName: 'Acme',
      ownerName: 'Bob',
      probability: 75,
    });
  });

  it('filters by owner and by text in the deal or customer name; totals follow the filter', () => {
    addDeal(db, {
      name: 'Server upgrade',
      customerId: acme,
      stage: 'proposal',
      amountMinor: 1000,
      ownerId: alice,
    });
    addDeal(db, { name: 'Licences', customerId: huaxin, stage: 'proposal', amountMinor: 2000, ownerId: bob });
    addDeal(db, {
      name: 'Support',
      customerId: huaxin,
      stage: 'qualification',
      amountMinor: 4000,
      ownerId: null,
    });

    const mine = pipelineBoard(db, { ownerIds: [alice] });
    expect(column(mine, 'proposal').count).toBe(1);
    expect(column(mine, 'proposal').totals[0]!.amountMinor).toBe(1000);
    expect(column(mine, 'qualification').count).toBe(0);

    const byCustomer = pipelineBoard(db, { search: '华信' });
    expect(column(byCustomer, 'proposal').cards.map((c) => c.name)).toEqual(['Licences']);
    expect(column(byCustomer, 'qualification').count).toBe(1);

    const byDeal = pipelineBoard(db, { search: 'upgr' });
    expect(byDeal.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
    // LIKE wildcards typed by the user are literal.
    expect(pipelineBoard(db, { search: '%' }).columns.reduce((n, c) => n + c.count, 0)).toBe(0);
  });

  it('sends at most the card limit per stage while count and totals cover every deal', () => {
    for (let i = 0; i < 120; i++) {
      addDeal(db, {
        name: `Deal ${i}`,
        customerId: acme,
        stage: 'qualification',
        amountMinor: 100,
        expectedClose: i % 10 === 0 ? null : `2026-04-${String((i % 28) + 1).padStart(2, '0')}`,
      });
    }
    const board = pipelineBoard(db, {});
    const first = column(board, 'qualification');
    expect(first.count).toBe(120);
    expect(first.cards).toHaveLength(DEFAULT_CARDS_PER_STAGE);
    expect(first.totals[0]!.amountMinor).toBe(12_000);
    const dates = first.cards.map((c) => c.expectedClose);
    expect(dates.every((d) => d !== null)).toBe(true);
    expect([...dates].sort()).toEqual(dates);

    const more = pipelineBoard(db, { cardLimits: { [first.stage.id]: 200 } });
    const all = column(more, 'qualification').cards;
    expect(all).toHaveLength(120);
    expect(all.slice(-12).every((c) => c.expectedClose === null)).toBe(true);
  });
});

describe('moveOpportunity', () => {
  it('takes the new stage probability and leaves closing fields empty for open stages', () => {
    const id = addDeal(db, {
      name: 'A',
      customerId: acme,
      stage: 'qualification',
      amountMinor: 1000,
      probability: 42,
    });
    const moved = moveOpportunity(db, id, stageId(db, 'negotiation'), undefined, T0);
    expect(moved.card.probability).toBe(75);
    expect(deal(id)).toMatchObject({
      stage_id: stageId(db, 'negotiation'),
      probability: 75,
      closed_at: null,
    });
    expect(column(pipelineBoard(db, {}), 'negotiation').totals[0]!.weightedMinor).toBe(750);
  });

  it('requires a reason to lose a deal and records it with the closing time', () => {
    const id = addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 1000 });
    const lost = stageId(db, 'lost');
    const error = caught(() => moveOpportunity(db, id, lost, { reason: '   ' }, T0));
    expect(error.code).toBe('pipeline_reason_required');
    expect(error.fields).toEqual({ reason: 'required' });
    expect(deal(id).stage_id).toBe(stageId(db, 'proposal'));

    moveOpportunity(db, id, lost, { reason: ' Price too high ' }, T0);
    expect(deal(id)).toMatchObject({
      stage_id: lost,
      probability: 0,
      closed_at: T0,
      lost_reason: 'Price too high',
    });
  });

  it('wins without a reason, switches outcome cleanly and clears closing when reopened', () => {
    const id = addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 1000 });
    moveOpportunity(db, id, stageId(db, 'won'), {}, T0);
    expect(deal(id)).toMatchObject({ probability: 100, closed_at: T0, won_reason: '', lost_reason: '' });

    moveOpportunity(db, id, stageId(db, 'lost'), { reason: 'Budget cut' }, '2026-03-17T00:00:00.000Z');
    expect(deal(id)).toMatchObject({
      closed_at: '2026-03-17T00:00:00.000Z',
      won_reason: '',
      lost_reason: 'Budget cut',
    });

    moveOpportunity(db, id, stageId(db, 'needs_analysis'), { reason: 'ignored' }, T0);
    expect(deal(id)).toMatchObject({ probability: 25, closed_at: null, won_reason: '', lost_reason: '' });
  });

  it('refuses unknown deals and stages, and over-long reasons', () => {
    const id = addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 1000 });
    expect(caught(() => moveOpportunity(db, 999, stageId(db, 'won'), {}, T0)).code).toBe('not_found');
    expect(caught(() => moveOpportunity(db, id, 999, {}, T0)).fields).toEqual({ stageId: 'not_found' });
    const long = caught(() => moveOpportunity(db, id, stageId(db, 'won'), { reason: 'x'.repeat(501) }, T0));
    expect(long.fields).toEqual({ reason: 'too_long' });
    expect(deal(id).closed_at).toBeNull();
  });
});

describe('saveStages', () => {
  const asInput = (): StageInput[] =>
    listStages(db).map((s) => ({ id: s.id, name: s.name, probability: s.probability }));

  it('renames (dropping the code), reorders, adds and deletes in one save', () => {
    const input = asInput();
    const [qualification, needs] = [input[0]!, input[1]!];
    needs.name = 'Discovery';
    const added: StageInput = { id: null, name: 'Trial', probability: 40, kind: 'open' };
    const saved = saveStages(db, [needs, qualification, added, ...input.slice(3)], T0);
    expect(saved.map((s) => s.name)).toEqual(['Discovery', '初步接洽', 'Trial', '商务谈判', '赢单', '输单']);
    expect(saved[0]!.code).toBeNull();
    expect(saved[1]!.code).toBe('qualification');
    expect(saved.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(saved.find((s) => s.name === '方案报价')).toBeUndefined();
  });

  it('swaps two names in one save despite the unique constraint', () => {
    const input = asInput();
    [input[0]!.name, input[1]!.name] = [input[1]!.name, input[0]!.name];
    const saved = saveStages(db, input, T0);
    expect(saved.slice(0, 2).map((s) => s.name)).toEqual(['需求分析', '初步接洽']);
  });

  it('reports every invalid field at once and changes nothing', () => {
    const input = asInput();
    input[0]!.name = '  ';
    input[1]!.probability = 101;
    input[2]!.probability = 12.5;
    input[3]!.name = input[4]!.name;
    const error = caught(() => saveStages(db, input, T0));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      'name.0': 'required',
      'probability.1': 'out_of_range',
      'probability.2': 'out_of_range',
      'name.4': 'duplicate',
    });
    expect(listStages(db).map((s) => s.name)).toEqual([
      '初步接洽',
      '需求分析',
      '方案报价',
      '商务谈判',
      '赢单',
      '输单',
    ]);
  });

  it('refuses to delete a stage that opportunities use, naming the count', () => {
    addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 1 });
    addDeal(db, { name: 'B', customerId: acme, stage: 'proposal', amountMinor: 1 });
    expect(listStages(db).find((s) => s.code === 'proposal')!.opportunityCount).toBe(2);
    const error = caught(() =>
      saveStages(
        db,
        asInput().filter((s) => s.name !== '方案报价'),
        T0,
      ),
    );
    expect(error.code).toBe('pipeline_stage_in_use');
    expect(error.message).toContain('“方案报价” (2)');
    expect(listStages(db)).toHaveLength(6);
  });

  it('keeps exactly one won and one lost stage and a stored stage keeps its kind', () => {
    const withoutLost = asInput().filter((s) => s.name !== '输单');
    expect(caught(() => saveStages(db, withoutLost, T0)).code).toBe('pipeline_stage_kinds');
    const twoWon = [...asInput(), { id: null, name: 'Won again', probability: 100, kind: 'won' as const }];
    expect(caught(() => saveStages(db, twoWon, T0)).code).toBe('pipeline_stage_kinds');
    const input = asInput();
    input[0]!.kind = 'won';
    expect(caught(() => saveStages(db, input, T0)).fields).toEqual({ 'kind.0': 'invalid_choice' });
  });

  it('moves deals that followed the stage probability along with it; overridden ones keep theirs', () => {
    const following = addDeal(db, { name: 'A', customerId: acme, stage: 'proposal', amountMinor: 1 });
    const own = addDeal(db, {
      name: 'B',
      customerId: acme,
      stage: 'proposal',
      amountMinor: 1,
      probability: 65,
    });
    const input = asInput();
    input[2]!.probability = 60;
    saveStages(db, input, T0);
    expect(deal(following).probability).toBe(60);
    expect(deal(own).probability).toBe(65);
  });
});
