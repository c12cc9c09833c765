/**
 * What the page asks of the analytics worker and what comes back. Requests are plain parameters; results
 * are summaries sized for a chart and a table (a sample of points, the top rows), never a whole table —
 * per-customer results stay in the worker until the user writes them back. Types only.
 */
import type { Result } from '../db/contract';
import type { KpiFigures } from '../db/features/analytics/api';

export type RfmFeature = 'recency' | 'frequency' | 'monetary';
export type ChurnFeature = 'tenure' | 'recency' | 'frequency' | 'monetary' | 'cases' | 'csat' | 'activities';
export type ChurnModelKind = 'tree' | 'logistic' | 'forest' | 'boosting';
export type SegmentMethod = 'kmeans' | 'dbscan' | 'ward';

interface Base {
  /** Sales currency the analysis looks at (money is never summed across currencies). */
  currency: string;
  /** The page's data version (changes counter): cached columns are reused while it is unchanged. */
  dataVersion: number;
}

export interface RfmRequest extends Base {
  kind: 'rfm';
}
export interface ClvRequest extends Base {
  kind: 'clv';
  /** Expected lifespan in years (simple CLV) and horizon of the discounted sum. */
  lifespanYears: number;
  margin: number;
  discountRate: number;
  /** Yearly retention; null = estimated from the data (1 − last year's churn rate). */
  retention: number | null;
}
export interface ChurnRequest extends Base {
  kind: 'churn';
  /** A customer without a sale for this many days has churned. */
  inactiveDays: number;
  /** Months of churn history and of cohorts to show. */
  months: number;
}
export interface SegmentsRequest extends Base {
  kind: 'segments';
  method: SegmentMethod;
  features: RfmFeature[];
  k: number;
  seed: number;
  nInit: number;
  /** DBSCAN: neighbourhood radius in standardised units, and core size. */
  eps: number;
  minSamples: number;
  /** Largest k of the elbow and silhouette curves (0 = skip them). */
  elbowMax: number;
}
export interface ChurnModelRequest extends Base {
  kind: 'churnModel';
  model: ChurnModelKind;
  features: ChurnFeature[];
  /** Churn = no sale within this many days after the cut-off (features are taken before it). */
  horizonDays: number;
  testFraction: number;
  seed: number;
  maxDepth: number;
  trees: number;
}
export interface RegressionRequest extends Base {
  kind: 'regression';
}
export interface ForecastRequest extends Base {
  kind: 'forecast';
  horizon: number;
  level: number;
}
export interface BasketRequest extends Base {
  kind: 'basket';
  minSupport: number;
  minConfidence: number;
  maxLength: number;
  /** The newest this many sales are the baskets. */
  baskets: number;
}

export interface FunnelRequest extends Base {
  kind: 'funnel';
  /** Months of creation shown in the by-period table (the funnel itself covers every opportunity). */
  months: number;
}
export interface SatisfactionWeights {
  quality: number;
  reliability: number;
  responsiveness: number;
  price: number;
}
export interface SatisfactionRequest extends Base {
  kind: 'satisfaction';
  weights: SatisfactionWeights;
}

/** Headline figures computed in SQL by the DB worker (the analytics dashboard's KPI cards). */
export interface OverviewRequest extends Base {
  kind: 'overview';
}

export type AnalysisRequest =
  | OverviewRequest
  | FunnelRequest
  | SatisfactionRequest
  | RfmRequest
  | ClvRequest
  | ChurnRequest
  | SegmentsRequest
  | ChurnModelRequest
  | RegressionRequest
  | ForecastRequest
  | BasketRequest;
export type AnalysisKind = AnalysisRequest['kind'];

export interface NamedCustomer {
  id: number;
  name: string;
}

export interface RfmResult {
  kind: 'rfm';
  asOfDay: number;
  customersWithOrders: number;
  customersWithout: number;
  /** Named RFM segments (by R and F score), in a fixed order. */
  segments: { segment: string; customers: number; recency: number; frequency: number; monetary: number }[];
  /** 5 × 5 counts, row = R score − 1, column = F score − 1. */
  grid: number[];
  top: (NamedCustomer & {
    recency: number;
    frequency: number;
    monetary: number;
    r: number;
    f: number;
    m: number;
  })[];
  /** Token for writing the named segments back onto customers. */
  writeToken: string;
}

export interface ClvResult {
  kind: 'clv';
  averageOrderValue: number;
  purchaseFrequency: number;
  simpleClv: number;
  retention: number;
  retentionEstimated: boolean;
  meanDiscountedClv: number;
  /** Histogram of per-customer discounted CLV. */
  histogram: { from: number; to: number; customers: number }[];
  top: (NamedCustomer & { clv: number; yearlyRevenue: number })[];
}

export interface ChurnResultSummary {
  kind: 'churn';
  /** The as-of day (today, or the newest sale if later): the last month is observed up to it only. */
  asOfDay: number;
  /** Per month: its first day, customers active at its start, lost during it, rate. */
  monthly: { month: number; start: number; lost: number; acquired: number; rate: number }[];
  cohorts: { month: number; size: number; retention: (number | null)[] }[];
}

export interface SegmentsResult {
  kind: 'segments';
  method: SegmentMethod;
  features: RfmFeature[];
  clusters: { label: number; size: number; means: number[] }[];
  noise: number;
  silhouette: number | null;
  /** k → inertia / silhouette for the elbow chart (k-means on a sample). */
  elbow: { k: number; inertia: number; silhouette: number }[];
  /** Up to 2,000 customers: their features (original units) and cluster label (−1 noise). */
  sample: { values: number[]; label: number }[];
  /** Customers clustered on a sample and the rest assigned to the nearest cluster (Ward, DBSCAN at scale). */
  fittedOn: number;
  customers: number;
  /** Every customer of the workspace (saving rewrites the Segment column of all of them). */
  workspaceCustomers: number;
  writeToken: string;
}

export interface ChurnModelResult {
  kind: 'churnModel';
  model: ChurnModelKind;
  features: ChurnFeature[];
  cutoffDay: number;
  trainSize: number;
  testSize: number;
  churnShare: number;
  accuracy: number;
  precision: number;
  recall: number;
  auc: number;
  /** [tn, fp, fn, tp]. */
  confusion: number[];
  roc: { fpr: number; tpr: number }[];
  /** Importance (trees) or standardised coefficient (logistic) per feature. */
  importance: number[];
  scored: number;
  /** Every customer of the workspace (saving rewrites the Churn risk column of all of them). */
  workspaceCustomers: number;
  riskHistogram: number[];
  atRisk: (NamedCustomer & { risk: number })[];
  writeToken: string;
}

export interface RegressionResult {
  kind: 'regression';
  /** Campaigns with a start date in the currency (spend = actual cost, else budget). */
  points: { id: number; name: string; spend: number; revenue: number }[];
  /** OLS revenue = intercept + slope · spend; null with fewer than 3 campaigns (no standard errors). */
  fit: { intercept: number; slope: number; interceptSe: number; slopeSe: number; rSquared: number } | null;
}

export interface ForecastResult {
  kind: 'forecast';
  months: number[];
  actual: number[];
  forecastMonths: number[];
  forecast: number[];
  lower: number[];
  upper: number[];
  order: { p: number; d: number; q: number };
  aic: number;
  /** Open opportunities by expected close month, in the request's currency. */
  pipeline: { month: number; weighted: number; total: number; count: number }[];
  pipelineOverdue: { weighted: number; total: number; count: number };
  /** Open opportunities without an expected close date. */
  pipelineUndated: { weighted: number; total: number; count: number };
}

export interface BasketResult {
  kind: 'basket';
  baskets: number;
  itemsets: number;
  rules: { antecedent: string[]; consequent: string[]; support: number; confidence: number; lift: number }[];
  totalRules: number;
}

export interface FunnelFigures {
  opportunities: number;
  open: number;
  won: number;
  lost: number;
  winRate: number | null;
  meanCycleDaysWon: number | null;
  meanCycleDaysClosed: number | null;
}
export interface FunnelResultSummary {
  kind: 'funnel';
  /** The open stages in board order with the deals that reached each and their conversion to the next. */
  stages: { name: string; code: string | null; reached: number; conversion: number | null }[];
  overall: FunnelFigures;
  /** ownerId −1 = no owner. */
  byOwner: (FunnelFigures & { ownerId: number })[];
  byMonth: (FunnelFigures & { month: number })[];
}

export interface SatisfactionResult {
  kind: 'satisfaction';
  responses: number;
  csat: { month: number; responses: number; satisfiedPercent: number; mean: number }[];
  nps: {
    month: number;
    responses: number;
    promoters: number;
    passives: number;
    detractors: number;
    nps: number;
  }[];
  /** Mean over customers of their mean index / preference (null when nobody answered enough). */
  meanIndex: number | null;
  meanPreference: number | null;
  /** Per customer segment (the Segment column; '' = customers without one). */
  bySegment: { segment: string; customers: number; index: number | null; preference: number | null }[];
  lowest: (NamedCustomer & { index: number })[];
}

export interface OverviewResult extends KpiFigures {
  kind: 'overview';
}

export type AnalysisResult =
  | OverviewResult
  | FunnelResultSummary
  | SatisfactionResult
  | RfmResult
  | ClvResult
  | ChurnResultSummary
  | SegmentsResult
  | ChurnModelResult
  | RegressionResult
  | ForecastResult
  | BasketResult;

export type ResultOf<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;

/** Progress of a run: fraction 0–1 and the step (translated by the page). */
export type ProgressStep = 'loading' | 'computing' | 'scoring' | 'writing';
export type ProgressListener = (fraction: number, step: ProgressStep) => void;

export interface AlsoBought {
  productId: number;
  name: string;
  /** Baskets with both / baskets with the product. */
  confidence: number;
  lift: number;
  together: number;
}

/** The analytics worker's API (Comlink). */
export interface AnalyticsWorkerApi {
  /** Receives the port to the DB worker (see AnalyticsDataApi). */
  connect(port: MessagePort): void;
  /** In-process data source (unit tests, benchmarks): the DB worker's data handlers themselves. */
  connectDirect(remote: unknown): void;
  run<R extends AnalysisRequest>(
    request: R,
    onProgress?: ProgressListener,
  ): Promise<Result<ResultOf<R['kind']>>>;
  /** Writes a result's per-customer values onto customers; `labels` rename segments first. */
  writeBack(token: string, labels?: string[], onProgress?: ProgressListener): Promise<Result<number>>;
  alsoBought(productId: number, dataVersion: number): Promise<Result<AlsoBought[]>>;
}
