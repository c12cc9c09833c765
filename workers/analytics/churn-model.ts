/**
 * Churn prediction. Features are taken as of a cut-off day `horizon` days before the as-of day and the label
 * is whether the customer bought again in the horizon after it — so the model learns from the past what it
 * is then asked about the present (features as of today → probability of no sale in the next horizon).
 * Recency at the cut-off is a fair feature because the label looks only after the cut-off.
 * Training uses at most 200,000 customers (50,000 for the ensembles; a seeded sample — trees cost
 * O(depth · features · n log n) each); every customer with a sale is scored. Missing CSAT (no rated case) takes the population mean.
 */
import type { CustomerActivityColumns, OrderData } from '../db/features/analytics/api';
import { decisionTree, type DecisionTree } from '../kernels/cart';
import type { Matrix } from '../kernels/errors';
import { logisticRegression, predictProbability } from '../kernels/logistic';
import { accuracy, confusionMatrix, precision, recall, rocAuc, trainTestSplit } from '../kernels/metrics';
import { randomForest, predictForestProbability } from '../kernels/forest';
import { gradientBoosting, predictBoostedProbability } from '../kernels/boosting';
import type { ChurnFeature, ChurnModelRequest, ChurnModelResult } from './contract';
import { type PendingWrites, sampleIndices, takeRows, topIndices } from './common';
import { AnalysisError } from './data';

const MAX_TRAINING = 200_000;
/** Ensembles fit tens to hundreds of trees: 50,000 rows keep a run under a minute on a laptop. */
const MAX_TRAINING_ENSEMBLE = 50_000;

/** Per customer with a sale before `day`: the chosen features as of `day` (rows) and their customer index. */
export function featuresAt(
  orders: OrderData,
  activity: CustomerActivityColumns,
  day: number,
  features: ChurnFeature[],
): { x: Matrix; customers: Int32Array } {
  const n = orders.customerIds.length;
  const last = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const spent = new Float64Array(n);
  for (let i = 0; i < orders.day.length; i++) {
    if (orders.day[i]! >= day) continue;
    const c = orders.customerIndex[i]!;
    count[c]!++;
    spent[c]! += orders.amount[i]!;
    if (orders.day[i]! > last[c]!) last[c] = orders.day[i]!;
  }
  let csatSum = 0;
  let csatCount = 0;
  for (const v of activity.meanCsat)
    if (!Number.isNaN(v)) [csatSum, csatCount] = [csatSum + v, csatCount + 1];
  const csatFill = csatCount ? csatSum / csatCount : 3;
  const customers: number[] = [];
  for (let c = 0; c < n; c++) if (count[c]! > 0) customers.push(c);
  const d = features.length;
  const data = new Float64Array(customers.length * d);
  customers.forEach((c, row) => {
    features.forEach((feature, j) => {
      let v: number;
      switch (feature) {
        case 'tenure':
          v = Math.max(0, day - orders.createdDay[c]!);
          break;
        case 'recency':
          v = day - last[c]!;
          break;
        case 'frequency':
          v = count[c]!;
          break;
        case 'monetary':
          v = spent[c]!;
          break;
        case 'cases':
          v = activity.cases[c]!;
          break;
        case 'csat':
          v = Number.isNaN(activity.meanCsat[c]!) ? csatFill : activity.meanCsat[c]!;
          break;
        case 'activities':
          v = activity.activities[c]!;
          break;
      }
      data[row * d + j] = v;
    });
  });
  return { x: { data, rows: customers.length, cols: d }, customers: Int32Array.from(customers) };
}

/** 1 = no sale in [from, to]. */
function churnLabels(orders: OrderData, customers: Int32Array, from: number, to: number): Uint8Array {
  const bought = new Uint8Array(orders.customerIds.length);
  for (let i = 0; i < orders.day.length; i++)
    if (orders.day[i]! >= from && orders.day[i]! <= to) bought[orders.customerIndex[i]!] = 1;
  return Uint8Array.from(customers, (c) => (bought[c] ? 0 : 1));
}

function treeProbability(tree: DecisionTree, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let node = 0;
    while (tree.feature[node]! >= 0)
      node =
        x.data[i * x.cols + tree.feature[node]!]! <= tree.threshold[node]!
          ? tree.left[node]!
          : tree.right[node]!;
    const base = node * tree.classes;
    const total = tree.counts[base]! + tree.counts[base + 1]!;
    out[i] = total ? tree.counts[base + 1]! / total : 0;
  }
  return out;
}

/** Fits the chosen model and returns a scorer plus per-feature importance (coefficients for logistic). */
function fit(request: ChurnModelRequest, x: Matrix, y: Uint8Array) {
  const labels = Int32Array.from(y);
  switch (request.model) {
    case 'logistic': {
      const model = logisticRegression(x, y);
      return {
        score: (m: Matrix) => predictProbability(model, m),
        importance: Array.from(model.coefficients),
      };
    }
    case 'tree': {
      const tree = decisionTree(x, labels, { maxDepth: request.maxDepth, minSamplesLeaf: 20 });
      return {
        score: (m: Matrix) => treeProbability(tree, m),
        importance: Array.from(tree.featureImportances),
      };
    }
    case 'forest': {
      const forest = randomForest(x, labels, {
        trees: request.trees,
        maxDepth: request.maxDepth,
        minSamplesLeaf: 5,
        seed: request.seed,
      });
      return {
        score: (m: Matrix) => predictForestProbability(forest, m),
        importance: Array.from(forest.featureImportances),
      };
    }
    case 'boosting': {
      const boosted = gradientBoosting(x, labels, {
        estimators: request.trees,
        maxDepth: Math.min(request.maxDepth, 5),
      });
      return {
        score: (m: Matrix) => predictBoostedProbability(boosted, m),
        importance: Array.from(boosted.featureImportances),
      };
    }
  }
}

function rocPoints(y: Uint8Array, scores: Float64Array): { fpr: number; tpr: number }[] {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (const v of y) positives += v;
  const negatives = y.length - positives;
  const points = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  const step = Math.max(1, Math.floor(order.length / 100));
  order.forEach((i, rank) => {
    if (y[i]) tp++;
    else fp++;
    const boundary = rank === order.length - 1 || scores[order[rank + 1]!] !== scores[i];
    if (boundary && (rank % step === 0 || rank === order.length - 1))
      points.push({ fpr: negatives ? fp / negatives : 0, tpr: positives ? tp / positives : 0 });
  });
  return points;
}

/** Customers per 10-point risk band (0–10 %, …, 90–100 %). */
function riskBuckets(risk: Float64Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const p of risk) counts[Math.min(9, Math.floor(p * 10))]!++;
  return counts;
}

export async function churnModelAnalysis(
  orders: OrderData,
  activityAt: (day: number) => Promise<CustomerActivityColumns>,
  request: ChurnModelRequest,
  names: (ids: number[]) => Promise<Record<number, string>>,
  pending: PendingWrites,
  progress: (fraction: number) => void,
): Promise<ChurnModelResult> {
  const features = [...new Set(request.features)];
  if (features.length === 0) throw new AnalysisError('analysis_invalid', 'choose at least one feature');
  const cutoff = orders.asOfDay - request.horizonDays;
  const past = featuresAt(orders, await activityAt(cutoff), cutoff, features);
  if (past.x.rows < 20)
    throw new AnalysisError(
      'empty',
      `only ${past.x.rows} customers bought before the cut-off; at least 20 are needed`,
    );
  const labels = churnLabels(orders, past.customers, cutoff, orders.asOfDay);
  const limit =
    request.model === 'forest' || request.model === 'boosting' ? MAX_TRAINING_ENSEMBLE : MAX_TRAINING;
  const sample = sampleIndices(past.x.rows, limit, request.seed);
  const x = takeRows(past.x, sample);
  const y = Uint8Array.from(sample, (i) => labels[i]!);
  const { train, test } = trainTestSplit(x.rows, request.testFraction, request.seed);
  const yTrain = Uint8Array.from(train, (i) => y[i]!);
  const yTest = Uint8Array.from(test, (i) => y[i]!);
  progress(0.3);
  const model = fit(request, takeRows(x, train), yTrain);
  progress(0.7);
  const testScores = model.score(takeRows(x, test));
  const predicted = Uint8Array.from(testScores, (p) => (p >= 0.5 ? 1 : 0));
  let churned = 0;
  for (const v of y) churned += v;

  const now = featuresAt(orders, await activityAt(orders.asOfDay + 1), orders.asOfDay + 1, features);
  const risk = model.score(now.x);
  const perCustomer = new Int32Array(orders.customerIds.length).fill(-1);
  now.customers.forEach((c, i) => (perCustomer[c] = Math.round(risk[i]! * 100)));
  const top = topIndices(risk, 20);
  const named = await names(top.map((i) => orders.customerIds[now.customers[i]!]!));
  const summary = { accuracy: accuracy(yTest, predicted), auc: rocAuc(yTest, testScores) };
  const writeToken = pending.add({
    kind: 'churn_risk',
    customerIds: orders.customerIds,
    values: perCustomer,
    params: { model: request.model, features, horizonDays: request.horizonDays, seed: request.seed },
    summary,
  });
  return {
    kind: 'churnModel',
    model: request.model,
    features,
    cutoffDay: cutoff,
    trainSize: train.length,
    testSize: test.length,
    churnShare: churned / y.length,
    accuracy: summary.accuracy,
    precision: precision(yTest, predicted),
    recall: recall(yTest, predicted),
    auc: summary.auc,
    confusion: Array.from(confusionMatrix(yTest, predicted, 2)),
    roc: rocPoints(yTest, testScores),
    importance: model.importance,
    scored: now.x.rows,
    workspaceCustomers: orders.customerIds.length,
    riskHistogram: riskBuckets(risk),
    atRisk: top.map((i) => {
      const id = orders.customerIds[now.customers[i]!]!;
      return { id, name: named[id] ?? `#${id}`, risk: risk[i]! };
    }),
    writeToken,
  };
}
