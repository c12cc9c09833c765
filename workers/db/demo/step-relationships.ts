/**
 * Demo step 11: relationships between customers. People know each other as friends or colleagues;
 * anyone can regard a company as its client. Health is mostly good or normal; a lost customer's ties
 * more often deteriorate. Directed and unique per (customer, related customer, type).
 */
import type { Database } from 'sql.js';
import { type CustomerRow, DEMO_PROFILE, type DemoContext, roundToMinute } from './demo-context';
import { type Rng, WeightedPicker, isoTimestamp } from './random';
import type { RelationshipType } from './record-text';

type Health = 'good' | 'normal' | 'deteriorating';
const HEALTH: readonly Health[] = ['good', 'normal', 'deteriorating'];

export interface RelationshipsContext extends DemoContext {
  customers: readonly CustomerRow[];
}

export function insertRelationships(db: Database, rng: Rng, ctx: RelationshipsContext): void {
  const { records, nowMs, summary, report } = ctx;
  const persons = ctx.customers.filter((c) => c.kind === 'person');
  const companies = ctx.customers.filter((c) => c.kind === 'company');
  if (ctx.customers.length < 2) return;
  const healthPickers = {
    usual: new WeightedPicker(HEALTH, [50, 35, 15]),
    strained: new WeightedPicker(HEALTH, [10, 40, 50]),
  };
  const insert = db.prepare(
    `INSERT INTO customer_relationships (customer_id, related_customer_id, type, health, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    const seen = new Set<string>();
    const total = DEMO_PROFILE.relationships;
    report({ phase: 'relationships', done: 0, total });
    for (let attempt = 0; attempt < total * 3 && summary.relationships < total; attempt++) {
      const between = persons.length >= 2 && rng.chance(0.4);
      let from: CustomerRow;
      let to: CustomerRow;
      let type: RelationshipType;
      if (between) {
        from = rng.pick(persons);
        to = rng.pick(persons);
        type = rng.chance(0.6) ? 'friend' : 'colleague';
      } else {
        from = rng.pick(ctx.customers);
        to = companies.length > 0 ? rng.pick(companies) : rng.pick(ctx.customers);
        type = 'client';
      }
      const key = `${from.id}:${to.id}:${type}`;
      if (from.id === to.id || seen.has(key)) continue;
      seen.add(key);
      const strained = from.stage === 'lost' || to.stage === 'lost';
      const knownFrom = Math.max(from.createdMs, to.createdMs);
      const createdMs = roundToMinute(knownFrom + rng.next() * (nowMs - knownFrom));
      const updatedMs = roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      insert.run([
        from.id,
        to.id,
        type,
        (strained ? healthPickers.strained : healthPickers.usual).pick(rng),
        rng.pick(records.relationshipNotes[type]),
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      summary.relationships++;
    }
    report({ phase: 'relationships', done: summary.relationships, total });
  } finally {
    insert.free();
  }
}
