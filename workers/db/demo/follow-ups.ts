/**
 * Follow-up activities of the later demo steps: the calls, meetings and tasks attached to a lead, a deal or
 * a case (besides the customer), so record pages and the task list show work around them. One prepared
 * statement shared by the steps; each follow-up counts in the summary's activities.
 *
 * Open work is either planned (due in the coming weeks) or overdue (due in the last two weeks and never
 * done), so "my overdue tasks" is never empty; past work is done.
 */
import type { Database, Statement } from 'sql.js';
import { type DemoContext, roundToMinute, workHours } from './demo-context';
import type { ActivityType } from './locale-text';
import { DAY_MS, type Rng, isoTimestamp } from './random';

export interface FollowUpLinks {
  customerId: number | null;
  contactId: number | null;
  opportunityId?: number | null;
  leadId?: number | null;
  caseId?: number | null;
  ownerId: number | null;
}

export class FollowUpWriter {
  private readonly insert: Statement;

  constructor(
    db: Database,
    private readonly ctx: DemoContext,
  ) {
    this.insert = db.prepare(
      `INSERT INTO activities (type, subject, due_at, done, done_at, customer_id, contact_id, opportunity_id,
                               lead_id, case_id, owner_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Done work between `fromMs` and `toMs` (clamped to before now). */
  past(
    rng: Rng,
    type: ActivityType,
    subject: string,
    fromMs: number,
    toMs: number,
    links: FollowUpLinks,
  ): void {
    const { nowMs } = this.ctx;
    const end = Math.min(toMs, nowMs - 3_600_000);
    const start = Math.min(fromMs, end);
    const dueMs = Math.max(start, Math.min(this.officeHours(rng, start + rng.next() * (end - start)), end));
    const createdMs = Math.max(start, roundToMinute(dueMs - rng.next() * 5 * DAY_MS));
    const doneMs = Math.min(nowMs, Math.max(createdMs, dueMs + rng.int(8) * 900_000));
    this.write(type, subject, dueMs, doneMs, Math.min(createdMs, dueMs), links);
  }

  /**
   * Open work: overdue (due 1–14 days ago) with probability `overdueShare`, otherwise planned in the next
   * 1–21 days. `createdAfterMs` bounds when it was written down.
   */
  open(
    rng: Rng,
    type: ActivityType,
    subject: string,
    overdueShare: number,
    createdAfterMs: number,
    links: FollowUpLinks,
  ): void {
    const { nowMs } = this.ctx;
    const overdue = rng.chance(overdueShare);
    let dueMs = this.officeHours(
      rng,
      overdue ? nowMs - (1 + rng.next() * 13) * DAY_MS : nowMs + (1 + rng.next() * 20) * DAY_MS,
    );
    if (overdue) dueMs = Math.min(dueMs, nowMs - 3_600_000);
    else dueMs = Math.max(dueMs, nowMs + 3_600_000);
    const latestCreate = Math.min(nowMs, dueMs);
    const createdMs = roundToMinute(
      Math.min(latestCreate, Math.max(createdAfterMs, latestCreate - rng.next() * 10 * DAY_MS)),
    );
    this.write(type, subject, dueMs, null, createdMs, links);
  }

  free(): void {
    this.insert.free();
  }

  private officeHours(rng: Rng, ms: number): number {
    return workHours(ms, rng, this.ctx.zh ? 1 : 14);
  }

  private write(
    type: ActivityType,
    subject: string,
    dueMs: number,
    doneMs: number | null,
    createdMs: number,
    links: FollowUpLinks,
  ): void {
    const doneAt = doneMs === null ? null : isoTimestamp(doneMs);
    this.insert.run([
      type,
      subject,
      isoTimestamp(dueMs),
      doneMs === null ? 0 : 1,
      doneAt,
      links.customerId,
      links.contactId,
      links.opportunityId ?? null,
      links.leadId ?? null,
      links.caseId ?? null,
      links.ownerId,
      isoTimestamp(createdMs),
      doneAt ?? isoTimestamp(createdMs),
    ]);
    this.ctx.summary.activities++;
  }
}
