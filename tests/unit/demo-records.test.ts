/**
 * The demo workspace's leads, deals, contracts, cases, knowledge base, campaigns and relationships: what a
 * user opening those screens would notice (every list filled in their language, every pipeline column
 * used, renewals and overdue cases to act on, teams to filter by) and that the records agree with each other.
 */
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../../workers/db/contract';
import { generateDemoData } from '../../workers/db/demo/demo-data';
import { CASE_SLA_HOURS } from '../../workers/db/demo/step-service';
import { CJK, NOW, expectHealthyRows, freshDb, inTransaction, loadSqlJs, rows, scalar } from './demo-setup';

const now = NOW.toISOString();
const today = now.slice(0, 10);

beforeAll(loadSqlJs);

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`demo records (${locale})`, () => {
    let db: Database;
    let summary: DemoSummary;

    beforeAll(() => {
      db = freshDb();
      summary = inTransaction(db, () => generateDemoData(db, { locale, seed: 77, now: NOW }));
      return () => db.close();
    });

    it('fills every record list and reports the counts per table', () => {
      const counts = {
        leads: scalar(db, 'SELECT count(*) FROM leads'),
        opportunities: scalar(db, 'SELECT count(*) FROM opportunities'),
        openOpportunities: scalar(
          db,
          `SELECT count(*) FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
            WHERE s.is_won = 0 AND s.is_lost = 0`,
        ),
        contracts: scalar(db, 'SELECT count(*) FROM contracts'),
        cases: scalar(db, 'SELECT count(*) FROM cases'),
        campaigns: scalar(db, 'SELECT count(*) FROM campaigns'),
        campaignMembers: scalar(db, 'SELECT count(*) FROM campaign_members'),
        articles: scalar(db, 'SELECT count(*) FROM knowledge_articles'),
        relationships: scalar(db, 'SELECT count(*) FROM customer_relationships'),
        activities: scalar(db, 'SELECT count(*) FROM activities'),
      };
      expect(summary).toMatchObject(counts);
      expect(counts.leads).toBe(300);
      expect(counts.opportunities).toBeGreaterThan(380);
      expect(counts.contracts).toBeGreaterThan(120);
      expect(counts.cases).toBe(260);
      expect(counts.campaigns).toBeGreaterThanOrEqual(10);
      expect(counts.campaignMembers).toBeGreaterThan(200);
      expect(counts.articles).toBeGreaterThanOrEqual(10);
      expect(counts.relationships).toBeGreaterThan(100);
      expectHealthy(db);
    });

    it('writes every new record in the chosen language', () => {
      const texts = rows(
        db,
        `SELECT name FROM leads UNION ALL SELECT name FROM opportunities UNION ALL SELECT title FROM contracts
         UNION ALL SELECT subject FROM cases UNION ALL SELECT title FROM knowledge_articles
         UNION ALL SELECT name FROM campaigns UNION ALL SELECT won_reason || lost_reason FROM opportunities
          WHERE closed_at IS NOT NULL`,
      ).map((r) => String(r[0]));
      const cjk = texts.filter((text) => CJK.test(text)).length;
      if (locale === 'zh-CN') expect(cjk).toBe(texts.length);
      else expect(cjk).toBe(0);
      const currency = locale === 'zh-CN' ? 'CNY' : 'USD';
      expect(
        rows(
          db,
          `SELECT currency FROM opportunities UNION SELECT currency FROM contracts
           UNION SELECT currency FROM campaigns`,
        ),
      ).toEqual([[currency]]);
    });

    it('organizes users in at least two teams, each with a manager, under one admin', () => {
      const teams = rows(
        db,
        `SELECT r.team, count(*), m.id FROM users r JOIN users m ON m.id = r.manager_id
          WHERE r.role = 'rep' AND m.role = 'manager' AND m.team = r.team GROUP BY r.team`,
      );
      expect(teams.length).toBeGreaterThanOrEqual(2);
      expect(scalar(db, "SELECT count(*) FROM users WHERE role = 'rep' AND manager_id IS NULL")).toBe(0);
      expect(
        scalar(
          db,
          `SELECT count(*) FROM users m JOIN users a ON a.id = m.manager_id
            WHERE m.role = 'manager' AND a.role = 'admin'`,
        ),
      ).toBe(scalar(db, "SELECT count(*) FROM users WHERE role = 'manager'"));
      // Every team's reps own customers, so "my team" lists are never empty.
      for (const [team] of teams) {
        expect(
          scalar(db, 'SELECT count(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.team = ?', [
            team as string,
          ]),
        ).toBeGreaterThan(10);
      }
    });

    it('has deals in every pipeline stage, and reasons on closed ones', () => {
      const perStage = rows(
        db,
        `SELECT s.id, s.is_won, s.is_lost, count(o.id) FROM pipeline_stages s
           LEFT JOIN opportunities o ON o.stage_id = s.id GROUP BY s.id`,
      );
      expect(perStage.length).toBe(6);
      for (const [, , , count] of perStage) expect(Number(count)).toBeGreaterThanOrEqual(10);
      const deals = `FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id`;
      expect(
        scalar(db, `SELECT count(*) ${deals} WHERE s.is_won = 1 AND (won_reason = '' OR closed_at IS NULL)`),
      ).toBe(0);
      expect(
        scalar(
          db,
          `SELECT count(*) ${deals} WHERE s.is_lost = 1 AND (lost_reason = '' OR closed_at IS NULL)`,
        ),
      ).toBe(0);
      expect(
        scalar(
          db,
          `SELECT count(*) ${deals} WHERE s.is_won = 0 AND s.is_lost = 0
             AND (closed_at IS NOT NULL OR won_reason <> '' OR lost_reason <> '' OR expected_close IS NULL)`,
        ),
      ).toBe(0);
      expect(scalar(db, `SELECT count(*) ${deals} WHERE s.is_won = 1 AND o.probability <> 100`)).toBe(0);
      // Some open deals are already late, most are still ahead.
      expect(
        scalar(db, `SELECT count(*) ${deals} WHERE s.is_won = 0 AND s.is_lost = 0 AND expected_close < ?`, [
          today,
        ]),
      ).toBeGreaterThan(0);
      // A won deal's order belongs to the same customer and has the deal's amount.
      const linked = rows(
        db,
        `SELECT o.customer_id = d.customer_id, o.total_minor = d.amount_minor, s.is_won
           FROM orders o JOIN opportunities d ON d.id = o.opportunity_id JOIN pipeline_stages s ON s.id = d.stage_id`,
      );
      expect(linked.length).toBeGreaterThan(20);
      for (const row of linked) expect(row).toEqual([1, 1, 1]);
    });

    it('has leads in every status; converted ones link to their customer, contact and deal', () => {
      expect(rows(db, 'SELECT DISTINCT status FROM leads ORDER BY status').map((r) => r[0])).toEqual([
        'contacted',
        'converted',
        'new',
        'qualified',
        'unqualified',
      ]);
      const converted = rows(
        db,
        `SELECT l.id, l.converted_at, c.created_at, k.customer_id = c.id, d.customer_id = c.id, d.lead_id = l.id,
                l.name = k.name
           FROM leads l
           JOIN customers c ON c.id = l.converted_customer_id
           JOIN contacts k ON k.id = l.converted_contact_id
           JOIN opportunities d ON d.id = l.converted_opportunity_id
          WHERE l.status = 'converted'`,
      );
      expect(converted.length).toBe(scalar(db, "SELECT count(*) FROM leads WHERE status = 'converted'"));
      expect(converted.length).toBeGreaterThan(20);
      for (const [, convertedAt, customerCreated, ...links] of converted) {
        expect(convertedAt).toBe(customerCreated);
        expect(links).toEqual([1, 1, 1, 1]);
      }
      expect(
        scalar(
          db,
          `SELECT count(*) FROM leads WHERE status <> 'converted'
             AND (converted_at IS NOT NULL OR converted_customer_id IS NOT NULL OR converted_opportunity_id IS NOT NULL)`,
        ),
      ).toBe(0);
      // Open leads have a follow-up date, some of them already passed.
      const open = "status IN ('new', 'contacted', 'qualified')";
      expect(scalar(db, `SELECT count(*) FROM leads WHERE ${open} AND follow_up_on IS NULL`)).toBe(0);
      expect(
        scalar(db, `SELECT count(*) FROM leads WHERE ${open} AND follow_up_on < ?`, [today]),
      ).toBeGreaterThan(5);
      expect(scalar(db, 'SELECT count(*) FROM leads WHERE campaign_id IS NOT NULL')).toBeGreaterThan(10);
    });

    it('has contracts due for renewal within 30, 60 and 90 days, with statuses that fit the dates', () => {
      const due = (from: number, to: number) =>
        scalar(
          db,
          `SELECT count(*) FROM contracts WHERE status = 'active'
             AND renewal_date > date(?, ?) AND renewal_date <= date(?, ?)`,
          [now, `${from} days`, now, `${to} days`],
        );
      expect(due(-1, 30)).toBeGreaterThanOrEqual(2);
      expect(due(30, 60)).toBeGreaterThanOrEqual(2);
      expect(due(60, 90)).toBeGreaterThanOrEqual(2);
      expect(
        scalar(
          db,
          "SELECT count(*) FROM contracts WHERE status = 'active' AND (start_date > ? OR end_date < ?)",
          [today, today],
        ),
      ).toBe(0);
      expect(
        scalar(
          db,
          "SELECT count(*) FROM contracts WHERE status IN ('expired', 'renewed') AND end_date >= ?",
          [today],
        ),
      ).toBe(0);
      expect(
        scalar(db, "SELECT count(*) FROM contracts WHERE status = 'draft' AND start_date <= ?", [today]),
      ).toBe(0);
      for (const status of ['active', 'expired', 'renewed', 'draft']) {
        expect(scalar(db, 'SELECT count(*) FROM contracts WHERE status = ?', [status])).toBeGreaterThan(0);
      }
      // A renewed contract has its successor starting the next day.
      expect(
        scalar(
          db,
          `SELECT count(*) FROM contracts c WHERE status = 'renewed' AND NOT EXISTS (
             SELECT 1 FROM contracts n WHERE n.customer_id = c.customer_id AND n.start_date = date(c.end_date, '+1 day'))`,
        ),
      ).toBe(0);
      expect(scalar(db, 'SELECT count(DISTINCT contract_no) FROM contracts')).toBe(summary.contracts);
    });

    it('has cases of every type and priority, SLA from the priority, overdue open ones, CSAT on closed ones', () => {
      expect(scalar(db, 'SELECT count(DISTINCT type) FROM cases')).toBe(3);
      expect(scalar(db, 'SELECT count(DISTINCT priority) FROM cases')).toBe(4);
      expect(scalar(db, 'SELECT count(DISTINCT status) FROM cases')).toBe(5);
      for (const [priority, hours] of Object.entries(CASE_SLA_HOURS)) {
        expect(
          scalar(
            db,
            `SELECT count(*) FROM cases WHERE priority = ?
               AND round((julianday(sla_due) - julianday(created_at)) * 24, 3) <> ?`,
            [priority, hours],
          ),
        ).toBe(0);
      }
      const open = "status IN ('open', 'in_progress', 'waiting')";
      expect(scalar(db, `SELECT count(*) FROM cases WHERE ${open} AND sla_due < ?`, [now])).toBeGreaterThan(
        3,
      );
      expect(
        scalar(
          db,
          `SELECT count(*) FROM cases WHERE ${open} AND (resolved_at IS NOT NULL OR csat IS NOT NULL)`,
        ),
      ).toBe(0);
      expect(
        scalar(
          db,
          "SELECT count(*) FROM cases WHERE status IN ('resolved', 'closed') AND resolved_at IS NULL",
        ),
      ).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM cases WHERE status <> 'closed' AND csat IS NOT NULL")).toBe(0);
      const closed = scalar(db, "SELECT count(*) FROM cases WHERE status = 'closed'");
      expect(
        scalar(db, "SELECT count(*) FROM cases WHERE status = 'closed' AND csat IS NOT NULL"),
      ).toBeGreaterThan(closed * 0.7);
      expect(scalar(db, 'SELECT count(DISTINCT csat) FROM cases')).toBe(5);
      // After-sales cases name an order of the same customer and a product on it.
      expect(
        scalar(
          db,
          `SELECT count(*) FROM cases c JOIN orders o ON o.id = c.order_id
            WHERE o.customer_id <> c.customer_id
               OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = c.product_id)`,
        ),
      ).toBe(0);
      expect(
        scalar(db, "SELECT count(*) FROM cases WHERE type = 'after_sales' AND order_id IS NOT NULL"),
      ).toBeGreaterThan(20);
    });

    it('has past, running and planned campaigns with members whose responses fit', () => {
      for (const status of ['completed', 'active', 'planned', 'cancelled']) {
        expect(scalar(db, 'SELECT count(*) FROM campaigns WHERE status = ?', [status])).toBeGreaterThan(0);
      }
      expect(
        scalar(db, "SELECT count(*) FROM campaigns WHERE status = 'planned' AND start_date <= ?", [today]),
      ).toBe(0);
      expect(
        scalar(db, "SELECT count(*) FROM campaigns WHERE status = 'completed' AND end_date >= ?", [today]),
      ).toBe(0);
      expect(
        scalar(
          db,
          "SELECT count(*) FROM campaigns WHERE status = 'active' AND NOT (start_date <= ? AND end_date >= ?)",
          [today, today],
        ),
      ).toBe(0);
      const members = (status: string, response: string) =>
        scalar(
          db,
          `SELECT count(*) FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
            WHERE c.status = ? AND m.response ${response}`,
          [status],
        );
      expect(members('planned', "<> 'pending'")).toBe(0);
      expect(members('planned', "= 'pending'")).toBeGreaterThan(0);
      expect(members('completed', "IN ('responded', 'attended', 'converted')")).toBeGreaterThan(30);
      expect(scalar(db, 'SELECT count(DISTINCT response) FROM campaign_members')).toBe(7);
      expect(
        scalar(
          db,
          "SELECT count(*) FROM campaign_members WHERE response IN ('pending', 'sent') AND responded_at IS NOT NULL",
        ),
      ).toBe(0);
      // The leads a campaign brought in are its members.
      expect(
        scalar(
          db,
          `SELECT count(*) FROM leads l WHERE campaign_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM campaign_members m WHERE m.campaign_id = l.campaign_id AND m.lead_id = l.id)`,
        ),
      ).toBe(0);
    });

    it('has relationships of every type and health, and a published knowledge base', () => {
      expect(scalar(db, 'SELECT count(DISTINCT type) FROM customer_relationships')).toBe(3);
      expect(scalar(db, 'SELECT count(DISTINCT health) FROM customer_relationships')).toBe(3);
      expect(
        scalar(db, "SELECT count(*) FROM knowledge_articles WHERE status = 'published' AND body <> ''"),
      ).toBeGreaterThan(5);
      expect(scalar(db, 'SELECT count(*) FROM knowledge_articles WHERE json_array_length(tags) = 0')).toBe(0);
    });

    it('plans follow-ups on leads, deals and cases, some of them overdue', () => {
      for (const column of ['lead_id', 'opportunity_id', 'case_id']) {
        const overdue = scalar(
          db,
          `SELECT count(*) FROM activities WHERE ${column} IS NOT NULL AND done = 0 AND due_at < ?`,
          [now],
        );
        expect(overdue, column).toBeGreaterThan(2);
      }
      expect(
        scalar(db, "SELECT count(*) FROM activities WHERE type = 'task' AND done = 0 AND due_at < ?", [now]),
      ).toBeGreaterThan(10);
      // A deal's or case's activities are on its customer.
      expect(
        scalar(
          db,
          `SELECT count(*) FROM activities a LEFT JOIN opportunities o ON o.id = a.opportunity_id
             LEFT JOIN cases c ON c.id = a.case_id
            WHERE a.customer_id IS NOT coalesce(o.customer_id, c.customer_id, a.customer_id)`,
        ),
      ).toBe(0);
      expect(scalar(db, 'SELECT count(*) FROM activities WHERE (done = 1) <> (done_at IS NOT NULL)')).toBe(0);
    });

    it('dates everything before now and after the records it depends on', () => {
      for (const table of [
        'leads',
        'opportunities',
        'contracts',
        'cases',
        'campaigns',
        'campaign_members',
        'knowledge_articles',
        'customer_relationships',
        'activities',
      ]) {
        expect(
          scalar(db, `SELECT count(*) FROM ${table} WHERE created_at > ? OR updated_at > ?`, [now, now]),
          table,
        ).toBe(0);
        expect(scalar(db, `SELECT count(*) FROM ${table} WHERE created_at > updated_at`), table).toBe(0);
      }
      for (const table of ['opportunities', 'contracts', 'cases']) {
        expect(
          scalar(
            db,
            `SELECT count(*) FROM ${table} t JOIN customers c ON c.id = t.customer_id WHERE t.created_at < c.created_at`,
          ),
          table,
        ).toBe(0);
      }
      expect(
        scalar(db, 'SELECT count(*) FROM opportunities WHERE closed_at < created_at OR closed_at > ?', [now]),
      ).toBe(0);
      expect(
        scalar(db, 'SELECT count(*) FROM cases WHERE resolved_at < created_at OR resolved_at > ?', [now]),
      ).toBe(0);
    });

    it('names the customer with the longest timeline', () => {
      const busiest = rows(
        db,
        `SELECT customer_id, count(*) FROM (
           SELECT customer_id FROM contacts UNION ALL SELECT customer_id FROM activities
           UNION ALL SELECT customer_id FROM orders UNION ALL SELECT customer_id FROM opportunities
           UNION ALL SELECT customer_id FROM contracts UNION ALL SELECT customer_id FROM cases)
          WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`,
      )[0]!;
      expect([summary.timelineCustomerId, summary.timelineEvents]).toEqual(busiest.map(Number));
      expect(summary.timelineEvents).toBeGreaterThan(30);
    });
  });
}

function expectHealthy(db: Database): void {
  const { fk, integrity } = expectHealthyRows(db);
  expect(fk).toEqual([]);
  expect(integrity).toEqual([['ok']]);
}
