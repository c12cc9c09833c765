/**
 * What the DB worker offers analytics. The UI calls only `connectAnalytics` (handing over one end of a
 * MessageChannel whose other end goes to the analytics worker); the analytics worker then reads typed
 * columns straight from the DB worker through {@link AnalyticsDataApi}, so no table crosses the main
 * thread. Types only.
 */
import type { Result } from '../../contract';

export interface OrderData {
  currency: string;
  /** Day number (since 1970-01-01) the analysis is "as of": today, or the latest sale if later. */
  asOfDay: number;
  /** All customers, ids ascending; per-customer columns are aligned with it. */
  customerIds: Int32Array;
  createdDay: Int32Array;
  /** Per sale: index into customerIds, day number, amount in major units. */
  customerIndex: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export interface CustomerActivityColumns {
  cases: Int32Array;
  /** NaN where no case was rated. */
  meanCsat: Float64Array;
  activities: Int32Array;
}

export interface BasketColumns {
  /** CSR: basket b holds items[offsets[b]..offsets[b+1]). */
  offsets: Int32Array;
  /** Dense product numbers: index into productIds / productNames. */
  items: Int32Array;
  productIds: Int32Array;
  productNames: string[];
}

export interface PipelineStageInfo {
  id: number;
  name: string;
  code: string | null;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

export interface PipelineColumns {
  /** In board order. */
  stages: PipelineStageInfo[];
  currencies: string[];
  /** Owner code → user id (−1 = no owner). */
  ownerIds: Int32Array;
  /** Per opportunity: index into stages. */
  stage: Int32Array;
  amount: Float64Array;
  /** 0–1. */
  probability: Float64Array;
  /** Day numbers; −1 when unset. */
  expectedCloseDay: Int32Array;
  createdDay: Int32Array;
  closedDay: Int32Array;
  currency: Int32Array;
  owner: Int32Array;
  /** Lost deals: index into stages of the open stage they were lost at (audit log), else −1. */
  lostFromStage: Int32Array;
}

export interface SurveyColumns {
  customerId: Int32Array;
  day: Int32Array;
  /** NaN = not answered. csat and aspects 1–5, nps 0–10. */
  csat: Float64Array;
  nps: Float64Array;
  quality: Float64Array;
  reliability: Float64Array;
  responsiveness: Float64Array;
  price: Float64Array;
  /** Per response: index into segmentLabels of the customer's Segment column (−1 = anonymous response). */
  segment: Int32Array;
  /** Distinct segment labels of responding customers ('' = no segment). */
  segmentLabels: string[];
}

export interface CampaignSpendColumns {
  campaignIds: Int32Array;
  names: string[];
  spend: Float64Array;
  revenue: Float64Array;
}

/** Headline figures computed in SQL (cheap aggregates, no kernel needed). */
export interface KpiFigures {
  currency: string;
  /** Sales in the last 365 days up to the as-of day. */
  revenueLastYear: number;
  openPipeline: number;
  weightedPipeline: number;
  won: number;
  lost: number;
  customers: number;
  asOfDay: number;
}

/** Scores to write onto customers, aligned with `customerIds`. */
export interface ScoreWrite {
  kind: 'segments' | 'churn_risk';
  customerIds: Int32Array;
  /** segments: index into `labels` (−1 = clear); churn_risk: whole percent 0–100 (−1 = not scored). */
  values: Int32Array;
  labels?: string[];
  params: Record<string, unknown>;
  summary: Record<string, unknown>;
}

export interface AnalysisRunInfo {
  id: number;
  kind: 'segments' | 'churn_risk';
  customers: number;
  createdAt: string;
  params: Record<string, unknown>;
  summary: Record<string, unknown>;
}

/** Called by the analytics worker over its MessageChannel port (Comlink). */
export interface AnalyticsDataApi {
  saleCurrencies(): Promise<Result<{ currency: string; orders: number }[]>>;
  orderData(currency: string): Promise<Result<OrderData>>;
  customerActivity(customerIds: Int32Array, beforeDay: number): Promise<Result<CustomerActivityColumns>>;
  basketColumns(limit: number): Promise<Result<BasketColumns>>;
  pipelineColumns(): Promise<Result<PipelineColumns>>;
  surveyColumns(): Promise<Result<SurveyColumns>>;
  campaignSpend(currency: string): Promise<Result<CampaignSpendColumns>>;
  kpis(currency: string): Promise<Result<KpiFigures>>;
  customerNames(ids: number[]): Promise<Result<Record<number, string>>>;
  /** Writes segments or churn risks onto every listed customer in one durable write; returns how many got one. */
  writeScores(write: ScoreWrite, onProgress?: (done: number, total: number) => void): Promise<Result<number>>;
}

/** The analytics part of the UI's DB API. */
export interface AnalyticsApi {
  /** Serves {@link AnalyticsDataApi} on `port` (transferred from the page). */
  connectAnalytics(port: MessagePort): void;
  /** Currencies with sales, most orders first (the pages' currency choice). */
  saleCurrencies(): Promise<Result<{ currency: string; orders: number }[]>>;
  /** Past write-backs, newest first. */
  listAnalysisRuns(): Promise<Result<AnalysisRunInfo[]>>;
  /** Segment labels in use with their customer counts (filters, campaign targeting). */
  segmentCounts(): Promise<Result<{ segment: string; customers: number }[]>>;
}
