import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ordersHandlers as api } from '../../workers/db/features/orders/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { addCustomer, closeTestEngine, exec, openTestEngine, value } from './orders-setup';

let engine: PersistenceEngine;
let acme: number;
let owner: number;

const TODAY = '2026-03-16';

beforeEach(async () => {
  engine = await openTestEngine();
  acme = await addCustomer(engine, 'Acme');
  owner = Number(
    await exec(engine, "INSERT INTO users (name, email) VALUES ('Li', 'li@example.com') RETURNING id"),
  );
});

afterEach(() => closeTestEngine(engine));

const contract = (
  no: string,
  {
    renewal = null as string | null,
    end = null as string | null,
    status = 'active',
    ownerId = null as number | null,
  } = {},
) =>
  exec(
    engine,
    `INSERT INTO contracts (contract_no, title, customer_id, status, start_date, end_date, renewal_date, amount_minor, owner_id)
     VALUES (?, ?, ?, ?, '2025-01-01', ?, ?, 100000, ?) RETURNING id`,
    [no, `Contract ${no}`, acme, status, end, renewal, ownerId],
  );

const due = async (withinDays: number, ownerIds?: number[]) =>
  value(await api.contractsDueForRenewal({ withinDays, today: TODAY, ownerIds }));

describe('contracts due for renewal', () => {
  beforeEach(async () => {
    await contract('TODAY', { renewal: TODAY });
    await contract('DAY30', { renewal: '2026-04-15' }); // today + 30
    await contract('DAY31', { renewal: '2026-04-16' });
    await contract('END-ONLY', { end: '2026-03-20' });
    // The renewal date wins over an earlier end date.
    await contract('RENEWAL-WINS', { renewal: '2026-05-01', end: '2026-03-17' });
    await contract('OVERDUE', { renewal: '2026-03-10' });
    await contract('YESTERDAY', { end: '2026-03-15', ownerId: owner });
    await contract('ENDED', { renewal: '2026-03-18', status: 'expired' });
    await contract('RENEWED', { renewal: '2026-03-10', status: 'renewed' });
    await contract('OPEN-ENDED');
  });

  it('includes both ends of the window and lists overdue ones first, flagged, with days left', async () => {
    const report = await due(30);
    expect(report.rows.map((row) => [row.contractNo, row.daysLeft, row.overdue, row.dueKind])).toEqual([
      ['OVERDUE', -6, true, 'renewal'],
      ['YESTERDAY', -1, true, 'end'],
      ['TODAY', 0, false, 'renewal'],
      ['END-ONLY', 4, false, 'end'],
      ['DAY30', 30, false, 'renewal'],
    ]);
    expect({ overdue: report.overdue, due: report.due, total: report.total }).toEqual({
      overdue: 2,
      due: 3,
      total: 5,
    });
    expect(report.rows[0]).toMatchObject({
      customerName: 'Acme',
      title: 'Contract OVERDUE',
      amountMinor: 100000,
    });
  });

  it('widens with the window: 31 days takes the next day, 60 the later renewal date', async () => {
    expect((await due(31)).rows.map((row) => row.contractNo)).toContain('DAY31');
    expect((await due(60)).rows.map((row) => row.contractNo)).toContain('RENEWAL-WINS');
    expect((await due(0)).rows.map((row) => row.contractNo)).toEqual(['OVERDUE', 'YESTERDAY', 'TODAY']);
  });

  it('filters by owner', async () => {
    const mine = await due(30, [owner]);
    expect(mine.rows.map((row) => [row.contractNo, row.ownerName])).toEqual([['YESTERDAY', 'Li']]);
  });

  it('refuses a bad window or date with a field error', async () => {
    const badDays = await api.contractsDueForRenewal({ withinDays: -1, today: TODAY });
    expect(!badDays.ok && badDays.fields).toEqual({ withinDays: 'out_of_range' });
    const badToday = await api.contractsDueForRenewal({ withinDays: 30, today: '16/03/2026' });
    expect(!badToday.ok && badToday.fields).toEqual({ today: 'invalid_date' });
  });
});
