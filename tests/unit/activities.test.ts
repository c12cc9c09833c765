import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../workers/db/features/activities/api';
import { localDayBounds } from '../../workers/db/features/activities/activities';
import { activitiesHandlers as api } from '../../workers/db/features/activities/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { insertCustomer } from '../../workers/db/repositories/customers';
import { insertUser } from '../../workers/db/repositories/users';
import { runtime } from '../../workers/db/runtime';
import { insert, openWorkspace, tick, unwrap } from './activities-fixture';

let engine: PersistenceEngine;
let alice: number;
let bob: number;
let acme: number;
let otherContact: number;

beforeEach(async () => {
  engine = await openWorkspace();
  const seeded = await engine.write((db) => {
    const a = insertUser(db, { name: 'Alice', email: '', role: 'rep' });
    const b = insertUser(db, { name: 'Bob', email: '', role: 'rep' });
    const base = { kind: 'company', stage: 'new', ownerId: a, industry: '', address: '', phone: '' } as const;
    const acmeId = insertCustomer(db, { ...base, name: 'Acme', email: '', notes: '' }, tick());
    const otherId = insertCustomer(db, { ...base, name: 'Other', email: '', notes: '' }, tick());
    const contact = insert(db, `INSERT INTO contacts (customer_id, name) VALUES (?, 'Someone else')`, [
      otherId,
    ]);
    return { a, b, acmeId, contact };
  });
  ({ a: alice, b: bob, acmeId: acme, contact: otherContact } = seeded.value);
  runtime.actorId = alice;
});

afterEach(() => {
  engine.close();
  runtime.engine = null;
  runtime.actorId = null;
});

const log = async (input: Record<string, unknown>) => api.logActivity(input as never);

describe('logging activities', () => {
  it('logs a task for the acting user, open, and shows it on the customer timeline', async () => {
    const { value: task } = unwrap(
      await log({
        type: 'task',
        subject: '  Send the quote ',
        dueAt: '2025-03-10T10:00:00+08:00',
        customerId: acme,
      }),
    );
    expect(task).toMatchObject<Partial<Activity>>({
      type: 'task',
      subject: 'Send the quote',
      dueAt: '2025-03-10T02:00:00.000Z',
      done: false,
      doneAt: null,
      ownerId: alice,
      ownerName: 'Alice',
      customerName: 'Acme',
    });
    const { events } = unwrap(await api.customerTimeline(acme, { kinds: ['activity'] }));
    expect(events.map((e) => e.title)).toEqual(['Send the quote']);
  });

  it('logs a call without a time as done, now', async () => {
    const before = new Date().toISOString();
    const { value: call } = unwrap(await log({ type: 'call', subject: 'Called back', customerId: acme }));
    expect(call.done).toBe(true);
    expect(call.dueAt! >= before && call.dueAt === call.doneAt).toBe(true);
  });

  it('names each bad field and saves nothing', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ type: 'task', subject: '   ' }, { subject: 'required' }],
      [{ type: 'visit', subject: 'x' }, { type: 'invalid_choice' }],
      [{ subject: 'x' }, { type: 'required' }],
      [{ type: 'task', subject: 'x', dueAt: '2025-13-01T10:00:00Z' }, { dueAt: 'invalid_date' }],
      [{ type: 'task', subject: 'x', dueAt: 'tomorrow' }, { dueAt: 'invalid_date' }],
      [{ type: 'task', subject: 'x', dueAt: '2025-03-01T10:00' }, { dueAt: 'invalid_date' }],
      [{ type: 'task', subject: 'x'.repeat(201) }, { subject: 'too_long' }],
      [{ type: 'task', subject: 'x', customerId: 999 }, { customerId: 'not_found' }],
      [
        { type: 'task', subject: 'x', customerId: acme, contactId: otherContact },
        { contactId: 'invalid_choice' },
      ],
      [{ type: 'task', subject: 'x', ownerId: 'me' }, { ownerId: 'invalid_choice' }],
    ];
    for (const [input, fields] of cases) {
      expect(await log(input)).toMatchObject({ ok: false, code: 'validation', fields });
    }
    const count = await engine.read((db) => db.exec('SELECT count(*) FROM activities')[0]!.values[0]![0]);
    expect(count).toBe(0);
  });

  it('ticks an activity done and back, keeping one done time', async () => {
    const { value: task } = unwrap(await log({ type: 'task', subject: 'Follow up', customerId: acme }));
    const done = unwrap(await api.setActivityDone(task.id, true)).value;
    expect(done.done).toBe(true);
    expect(done.doneAt).not.toBeNull();
    const again = unwrap(await api.setActivityDone(task.id, true)).value;
    expect(again.doneAt).toBe(done.doneAt);
    const reopened = unwrap(await api.setActivityDone(task.id, false)).value;
    expect([reopened.done, reopened.doneAt]).toEqual([false, null]);
    expect(await api.setActivityDone(4242, true)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await api.setActivityDone(task.id, 'yes' as never)).toMatchObject({
      ok: false,
      code: 'validation',
    });
  });
});

describe('calendar', () => {
  const add = (type: string, dueAt: string, owner = alice) =>
    engine.write((db) =>
      insert(db, `INSERT INTO activities (type, subject, due_at, owner_id) VALUES (?, ?, ?, ?)`, [
        type,
        `${type} ${dueAt}`,
        dueAt,
        owner,
      ]),
    );

  it('returns tasks and meetings from `from` up to but not including `to`, by owner', async () => {
    await add('task', '2025-02-28T23:59:59.999Z'); // just before
    await add('task', '2025-03-01T00:00:00.000Z'); // first instant: in
    await add('meeting', '2025-03-15T09:00:00.000Z', bob);
    await add('call', '2025-03-15T10:00:00.000Z'); // calls are not on the calendar
    await add('task', '2025-03-31T23:59:59.999Z'); // last instant: in
    await add('task', '2025-04-01T00:00:00.000Z'); // `to` itself: out
    const range = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };

    const everyone = unwrap(await api.calendar({ ...range, ownerIds: null }));
    expect(everyone.events.map((e) => e.dueAt)).toEqual([
      '2025-03-01T00:00:00.000Z',
      '2025-03-15T09:00:00.000Z',
      '2025-03-31T23:59:59.999Z',
    ]);
    expect(everyone.truncated).toBe(false);
    const mine = unwrap(await api.calendar({ ...range, ownerIds: [alice] }));
    expect(mine.events.map((e) => e.ownerName)).toEqual(['Alice', 'Alice']);
    expect(await api.calendar({ ...range, to: range.from, ownerIds: null })).toMatchObject({
      ok: false,
      fields: { to: 'invalid_date' },
    });
    expect(await api.calendar({ from: 'March', to: range.to, ownerIds: null })).toMatchObject({
      ok: false,
      fields: { from: 'invalid_date' },
    });
  });
});

describe('my tasks', () => {
  it('splits open work into overdue (before local midnight) and today', async () => {
    const today = '2025-03-10';
    const { start, end } = localDayBounds(today)!;
    const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();
    const rows: [string, string, number, number][] = [
      ['Last week', ms(start, -7 * 86_400_000), 0, alice],
      ['Last night', ms(start, -1), 0, alice],
      ['Done yesterday', ms(start, -3_600_000), 1, alice],
      ['Midnight', start, 0, alice],
      ['Ticked this morning', ms(start, 3_600_000), 1, alice],
      ['Last minute', ms(end, -60_000), 0, alice],
      ['Tomorrow', end, 0, alice],
      ["Bob's", ms(start, -1), 0, bob],
    ];
    await engine.write((db) => {
      for (const [subject, due, done, owner] of rows)
        insert(
          db,
          `INSERT INTO activities (type, subject, due_at, done, owner_id) VALUES ('task', ?, ?, ?, ?)`,
          [subject, due, done, owner],
        );
    });
    const tasks = unwrap(await api.myTasks(alice, today));
    expect(tasks.overdue.map((a) => a.subject)).toEqual(['Last week', 'Last night']);
    expect(tasks.today.map((a) => [a.subject, a.done])).toEqual([
      ['Midnight', false],
      ['Ticked this morning', true],
      ['Last minute', false],
    ]);
    expect(tasks.overdueTotal).toBe(2);
    expect(await api.myTasks(alice, '2025-02-30')).toMatchObject({
      ok: false,
      fields: { today: 'invalid_date' },
    });
    expect(await api.myTasks(0, today)).toMatchObject({ ok: false, fields: { ownerId: 'required' } });
  });
});
