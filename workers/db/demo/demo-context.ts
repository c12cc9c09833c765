/**
 * What the steps of the demo generator share: the profile sizes, the run's context (locale text, clock,
 * summary, progress), the row each customer leaves behind for orders and activities, and small helpers
 * for inserting and for placing instants in office hours.
 *
 * Why a separate file: each step (step-*.ts) imports these without importing the orchestrator
 * (demo-data.ts), so there is no import cycle.
 */
import type { Statement, SqlValue } from 'sql.js';
import type { CustomerKind, DemoProgress, DemoSummary, LifecycleStage, UserRole } from '../contract';
import type { LocaleText } from './locale-text';
import type { RecordText } from './record-text';
import { DAY_MS, type Rng } from './random';

/** Sizes of the demo profile (exported for tests and docs). */
export const DEMO_PROFILE = {
  users: 12,
  managers: 3,
  customers: 500,
  products: 30,
  orders: 3000,
  activities: 2000,
  orderMonths: 24,
  campaigns: 12,
  leads: 300,
  /** Besides one per converted lead. */
  opportunities: 380,
  contracts: 160,
  cases: 260,
  relationships: 140,
  surveyResponses: 600,
} as const;

/** Report progress every this many rows. */
export const PROGRESS_EVERY = 250;

/** Everything a step needs besides the database and the random source. */
export interface DemoContext {
  text: LocaleText;
  /** Vocabulary of leads, deals, contracts, cases, articles, campaigns. */
  records: RecordText;
  zh: boolean;
  /** Column index for bilingual pairs: 0 = zh-CN, 1 = en. */
  lang: 0 | 1;
  nowMs: number;
  /** When the demo company started using the CRM (≈3 years before `now`). */
  workspaceStartMs: number;
  /** Counts of written rows; each step adds to it. */
  summary: DemoSummary;
  report: (progress: DemoProgress) => void;
}

/** An order as the pipeline and service steps need it. */
export interface OrderRef {
  id: number;
  /** Order instant. */
  ms: number;
  totalMinor: number;
  /** The product of its first line. */
  productId: number;
}

/** A user as the later steps need it (owners, authors, teams). */
export interface StaffMember {
  id: number;
  role: UserRole;
  managerId: number | null;
}

/** A customer as the order and activity steps need it. */
export interface CustomerRow {
  id: number;
  kind: CustomerKind;
  stage: LifecycleStage;
  ownerId: number | null;
  createdMs: number;
  /** Orders only before this instant (lost customers stopped buying). */
  lostMs: number;
  shortName: string;
  orderWeight: number;
  contactIds: number[];
  /** Filled by the orders step, in date order. */
  orders: OrderRef[];
}

/** Fresh zeroed counts. */
export function emptySummary(): DemoSummary {
  return {
    users: 0,
    customers: 0,
    contacts: 0,
    orders: 0,
    activities: 0,
    leads: 0,
    opportunities: 0,
    openOpportunities: 0,
    contracts: 0,
    cases: 0,
    campaigns: 0,
    campaignMembers: 0,
    articles: 0,
    relationships: 0,
    surveyResponses: 0,
    timelineCustomerId: null,
    timelineEvents: 0,
  };
}

/** Runs an INSERT … RETURNING id and returns the id. */
export function insertReturningId(stmt: Statement, params: SqlValue[]): number {
  stmt.bind(params);
  try {
    if (!stmt.step()) throw new Error('INSERT … RETURNING id returned no row');
    return Number(stmt.get()[0]);
  } finally {
    stmt.reset();
  }
}

export function roundToMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

/**
 * Moves an instant to a quarter hour within office hours on the same UTC day: 09:00–18:00 in Beijing
 * (01:00–10:00 UTC) for zh-CN, 09:00–18:00 in New York (14:00–23:00 UTC, standard time) for en.
 */
export function workHours(ms: number, rng: Rng, startUtcHour: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  return day + startUtcHour * 3_600_000 + rng.int(36) * 900_000;
}
