/**
 * Demo step 13: satisfaction surveys and their responses, so the satisfaction analytics (CSAT and NPS
 * trends, the satisfaction index, preference scores) have something real-shaped to read. Customers answer
 * a few weeks after an order; how they feel follows their lifecycle (lost customers were less happy, and
 * found the price higher), with noise, and now and then a question left unanswered (NULL), as in life.
 */
import type { Database } from 'sql.js';
import { type CustomerRow, type DemoContext } from './demo-context';
import { DAY_MS, type Rng, isoTimestamp } from './random';

export interface SurveysContext extends DemoContext {
  customers: readonly CustomerRow[];
}

const MOOD: Record<CustomerRow['stage'], number> = { existing: 4.0, new: 3.8, prospect: 3.5, lost: 2.5 };

/** Standard normal draw (Box–Muller). */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

const scale = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

export function insertSurveys(db: Database, rng: Rng, ctx: SurveysContext, total: number): void {
  const { zh, nowMs, summary, report } = ctx;
  report({ phase: 'surveys', done: 0, total });
  const surveyIds = [
    [
      zh ? '季度客户满意度调查' : 'Quarterly customer satisfaction survey',
      zh ? '质量、可靠性、响应速度与价格' : 'Quality, reliability, responsiveness and price',
    ],
    [zh ? '售后回访' : 'After-sales follow-up', zh ? '订单交付后的回访' : 'Follow-up after delivery'],
  ].map(([name, description]) => {
    db.run(
      "INSERT INTO surveys (name, description, status, created_at, updated_at) VALUES (?, ?, 'open', ?, ?)",
      [name!, description!, isoTimestamp(ctx.workspaceStartMs), isoTimestamp(ctx.workspaceStartMs)],
    );
    return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
  });
  const buyers = ctx.customers.filter((c) => c.orders.length > 0);
  if (buyers.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO survey_responses (survey_id, customer_id, contact_id, responded_at, csat, nps, quality,
       reliability, responsiveness, price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    let written = 0;
    for (let attempt = 0; attempt < total * 3 && written < total; attempt++) {
      const customer = rng.pick(buyers);
      const order = rng.pick(customer.orders);
      const at = order.ms + (3 + rng.int(25)) * DAY_MS + rng.int(DAY_MS);
      if (at > nowMs) continue;
      const mood = MOOD[customer.stage] + 0.5 * gaussian(rng);
      const aspect = () => (rng.chance(0.05) ? null : scale(mood + 0.7 * gaussian(rng), 1, 5));
      const quality = aspect();
      const reliability = aspect();
      const responsiveness = aspect();
      const price = rng.chance(0.05) ? null : scale(3 + (3.5 - mood) * 0.8 + 0.7 * gaussian(rng), 1, 5);
      const csat = scale(mood + 0.4 * gaussian(rng), 1, 5);
      const nps = rng.chance(0.1) ? null : scale((mood - 1) * 2.5 + 1.2 * gaussian(rng), 0, 10);
      const contact =
        customer.contactIds.length > 0 && rng.chance(0.7) ? rng.pick(customer.contactIds) : null;
      insert.run([
        surveyIds[rng.chance(0.6) ? 0 : 1]!,
        customer.id,
        contact,
        isoTimestamp(at),
        csat,
        nps,
        quality,
        reliability,
        responsiveness,
        price,
      ]);
      written++;
      if (written % 100 === 0) report({ phase: 'surveys', done: written, total });
    }
    summary.surveyResponses = written;
    report({ phase: 'surveys', done: written, total });
  } finally {
    insert.free();
  }
}
