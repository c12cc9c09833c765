import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { marketingHandlers as api } from '../../workers/db/features/marketing/handlers';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { one } from '../../workers/db/repositories/sql';
import { closeWorkspace, failure, insert, openAuditedWorkspace, value } from './history-setup';
import { addCustomer } from './service-setup';

let engine: PersistenceEngine;
let campaign: number;

beforeEach(async () => {
  engine = await openAuditedWorkspace();
  campaign = await insert(engine, "INSERT INTO campaigns (name, location) VALUES ('春季展会', '上海')", []);
});
afterEach(() => closeWorkspace(engine));

async function retailView(name = 'Retail customers'): Promise<number> {
  return value(
    await records.saveView({
      entity: 'customer',
      name,
      shared: true,
      filter: { conditions: [{ field: 'industry', op: 'eq', value: 'Retail' }] },
      sort: null,
      columns: [],
      groupBy: null,
    }),
  ).value.id;
}

describe('target segments', () => {
  it('adds exactly the customers the saved view matches, stores the segment, and is idempotent', async () => {
    for (let i = 0; i < 30; i++)
      await addCustomer(engine, `Customer ${i}`, { industry: i % 5 === 0 ? 'Retail' : 'Energy' });
    const view = await retailView();
    expect(value(await api.segmentSize(view))).toBe(6);

    const first = value(await api.addSegment(campaign, view)).value;
    expect(first).toEqual({ matched: 6, added: 6, alreadyMembers: 0 });
    const members = value(await api.listMembers(campaign, { limit: 100 }));
    expect(members.total).toBe(6);
    expect(members.rows.map((m) => m.name).sort()).toEqual([
      'Customer 0',
      'Customer 10',
      'Customer 15',
      'Customer 20',
      'Customer 25',
      'Customer 5',
    ]);
    expect(value(await api.campaignSegment(campaign))).toEqual({
      viewId: view,
      name: 'Retail customers',
      filter: { conditions: [{ field: 'industry', op: 'eq', value: 'Retail' }], ownerIds: null, text: '' },
    });

    expect(value(await api.addSegment(campaign, view)).value).toEqual({
      matched: 6,
      added: 0,
      alreadyMembers: 6,
    });
    await addCustomer(engine, 'Newcomer', { industry: 'Retail' });
    expect(value(await api.addSegment(campaign, view)).value).toEqual({
      matched: 7,
      added: 1,
      alreadyMembers: 6,
    });
    expect(value(await api.listMembers(campaign)).total).toBe(7);
  });

  it('refuses views of other lists and missing views', async () => {
    const leadView = value(
      await records.saveView({
        entity: 'lead',
        name: 'All leads',
        shared: true,
        filter: {},
        sort: null,
        columns: [],
        groupBy: null,
      }),
    ).value.id;
    expect(failure(await api.addSegment(campaign, leadView)).code).toBe('segment_not_customer_view');
    expect(failure(await api.segmentSize(424242)).code).toBe('not_found');
    expect(failure(await api.addSegment(424242, await retailView())).code).toBe('not_found');
  });
});

describe('members and responses', () => {
  it('adds customers, contacts and leads once each, lists names and counts per response', async () => {
    const acme = await addCustomer(engine, 'Acme');
    const contact = await insert(engine, "INSERT INTO contacts (customer_id, name) VALUES (?, '李雷')", [
      acme,
    ]);
    const lead = await insert(engine, "INSERT INTO leads (name) VALUES ('韩梅梅')", []);

    const added = value(
      await api.addMembers(campaign, {
        customerIds: [acme, acme, 999],
        contactIds: [contact],
        leadIds: [lead],
      }),
    ).value;
    expect(added).toEqual({ added: 3, skipped: 1 });
    expect(value(await api.addMembers(campaign, { customerIds: [acme] })).value).toEqual({
      added: 0,
      skipped: 1,
    });
    expect(failure(await api.addMembers(campaign, {})).code).toBe('validation');

    const page = value(await api.listMembers(campaign));
    expect(page.rows.map((m) => [m.kind, m.name, m.response])).toEqual([
      ['customer', 'Acme', 'pending'],
      ['contact', '李雷', 'pending'],
      ['lead', '韩梅梅', 'pending'],
    ]);

    const [customerMember, contactMember] = page.rows;
    value(await api.setResponse(customerMember!.id, 'sent'));
    value(await api.setResponse(contactMember!.id, 'attended'));
    const counts = value(await api.listMembers(campaign)).counts;
    expect(counts).toMatchObject({ pending: 1, sent: 1, attended: 1, responded: 0 });
    const attendedOnly = value(await api.listMembers(campaign, { response: 'attended' }));
    expect(attendedOnly.rows.map((m) => m.name)).toEqual(['李雷']);
    expect(attendedOnly.total).toBe(1);

    const second = value(await api.listMembers(campaign, { offset: 1, limit: 1 }));
    expect(second.rows.map((m) => m.name)).toEqual(['李雷']);
    expect(second.total).toBe(3);
  });

  it('stamps respondedAt on the first answer, keeps it when refined, clears it when taken back', async () => {
    const acme = await addCustomer(engine, 'Acme');
    value(await api.addMembers(campaign, { customerIds: [acme] }));
    const member = value(await api.listMembers(campaign)).rows[0]!;

    expect(value(await api.setResponse(member.id, 'opened')).value.respondedAt).toBeNull();
    const responded = value(await api.setResponse(member.id, 'responded')).value;
    expect(responded.respondedAt).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const converted = value(await api.setResponse(member.id, 'converted')).value;
    expect(converted).toMatchObject({ response: 'converted', respondedAt: responded.respondedAt });
    expect(value(await api.setResponse(member.id, 'pending')).value.respondedAt).toBeNull();

    expect(failure(await api.setResponse(member.id, 'maybe' as 'sent')).code).toBe('validation');
    expect(failure(await api.setResponse(98765, 'sent')).code).toBe('not_found');

    const receipt = value(await api.removeMember(member.id));
    expect(value(await api.listMembers(campaign)).total).toBe(0);
    expect(failure(await api.removeMember(member.id)).code).toBe('not_found');
    // Undo brings the member back with its answer.
    await engine.undoDelete(receipt.undoSeq);
    expect(value(await api.listMembers(campaign)).rows[0]).toMatchObject({
      id: member.id,
      response: 'pending',
    });
  });
});

describe('customer relationships', () => {
  it('shows a relationship on both customers with its direction', async () => {
    const a = await addCustomer(engine, '星河贸易');
    const b = await addCustomer(engine, '远航物流');
    const saved = value(
      await api.saveRelationship({
        customerId: a,
        relatedCustomerId: b,
        type: 'client',
        health: 'good',
        notes: ' 年度合作 ',
      }),
    ).value;
    expect(saved).toMatchObject({
      direction: 'outgoing',
      otherName: '远航物流',
      type: 'client',
      notes: '年度合作',
    });

    expect(value(await api.listRelationships(a))).toEqual([
      expect.objectContaining({
        id: saved.id,
        direction: 'outgoing',
        otherId: b,
        otherName: '远航物流',
        health: 'good',
      }),
    ]);
    expect(value(await api.listRelationships(b))).toEqual([
      expect.objectContaining({
        id: saved.id,
        direction: 'incoming',
        otherId: a,
        otherName: '星河贸易',
        type: 'client',
      }),
    ]);

    // Edit: the health deteriorates; seen from b it is still incoming.
    value(
      await api.saveRelationship({
        id: saved.id,
        customerId: a,
        relatedCustomerId: b,
        type: 'client',
        health: 'deteriorating',
      }),
    );
    expect(value(await api.listRelationships(b))[0]).toMatchObject({ health: 'deteriorating', notes: '' });

    value(await api.deleteRelationship(saved.id));
    expect(value(await api.listRelationships(a))).toEqual([]);
    expect(failure(await api.deleteRelationship(saved.id)).code).toBe('not_found');
  });

  it('refuses itself, duplicates (mutual types both ways), bad choices and missing customers', async () => {
    const a = await addCustomer(engine, 'A');
    const b = await addCustomer(engine, 'B');
    const base = { customerId: a, relatedCustomerId: b, health: 'normal' } as const;
    expect(failure(await api.saveRelationship({ ...base, relatedCustomerId: a, type: 'friend' })).code).toBe(
      'relationship_self',
    );
    value(await api.saveRelationship({ ...base, type: 'friend' }));
    expect(failure(await api.saveRelationship({ ...base, type: 'friend' })).code).toBe('relationship_exists');
    // Friendship is mutual: b → a friend is the same relationship.
    expect(
      failure(await api.saveRelationship({ ...base, customerId: b, relatedCustomerId: a, type: 'friend' }))
        .code,
    ).toBe('relationship_exists');
    // "Client" has a direction: each may be the other's client.
    value(await api.saveRelationship({ ...base, type: 'client' }));
    value(await api.saveRelationship({ ...base, customerId: b, relatedCustomerId: a, type: 'client' }));
    expect(value(await api.listRelationships(a))).toHaveLength(3);

    const bad = failure(await api.saveRelationship({ ...base, type: 'enemy' as 'friend' }));
    expect(bad.code).toBe('validation');
    expect(
      failure(await api.saveRelationship({ ...base, health: 'great' as 'good', type: 'colleague' })).code,
    ).toBe('validation');
    expect(
      failure(await api.saveRelationship({ ...base, relatedCustomerId: 777, type: 'colleague' })).code,
    ).toBe('not_found');
    expect(await engine.read((db) => one(db, 'SELECT count(*) AS n FROM customer_relationships'))).toEqual({
      n: 3,
    });
  });
});
