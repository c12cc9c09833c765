/**
 * Customer segmentation on RFM features: k-means on every customer with sales; Ward and DBSCAN (O(n²) and
 * neighbourhood-bound) on a seeded sample of at most 20,000 customers, the rest then assigned — Ward: to the
 * nearest cluster mean; DBSCAN: to the cluster of the nearest core point within eps, else noise — which is
 * how scikit-learn users apply either at scale (fit on a sample, `predict` by nearest centre / core).
 * Features: recency in days, log(1 + frequency), log(1 + monetary) (sales are heavy-tailed), standardised.
 */
import type { OrderData } from '../db/features/analytics/api';
import { kmeans } from '../kernels/kmeans';
import { silhouetteScore } from '../kernels/silhouette';
import type { RfmFeature, SegmentsRequest, SegmentsResult } from './contract';
import { type PendingWrites, sampleIndices, standardise, takeRows } from './common';
import { rfmOf } from './customer-value';
import { AnalysisError } from './data';
import { clusterSample } from './segment-methods';

export const MAX_SAMPLE = 20_000;
const SCATTER_POINTS = 2_000;

function featureMatrix(orders: OrderData, features: RfmFeature[]) {
  const values = rfmOf(orders);
  const rows: number[] = [];
  for (let c = 0; c < values.frequency.length; c++) if (values.frequency[c]! > 0) rows.push(c);
  const d = features.length;
  const raw = new Float64Array(rows.length * d);
  const transformed = new Float64Array(rows.length * d);
  rows.forEach((c, i) => {
    features.forEach((feature, j) => {
      const v =
        feature === 'recency'
          ? values.recency[c]!
          : feature === 'frequency'
            ? values.frequency[c]!
            : values.monetary[c]!;
      raw[i * d + j] = v;
      transformed[i * d + j] = feature === 'recency' ? v : Math.log1p(Math.max(0, v));
    });
  });
  return {
    customers: Int32Array.from(rows),
    raw,
    transformed: { data: transformed, rows: rows.length, cols: d },
  };
}

export function segmentsAnalysis(
  orders: OrderData,
  request: SegmentsRequest,
  pending: PendingWrites,
  progress: (fraction: number) => void,
): SegmentsResult {
  const features = [...new Set(request.features)];
  if (features.length === 0) throw new AnalysisError('analysis_invalid', 'choose at least one feature');
  const { customers, raw, transformed } = featureMatrix(orders, features);
  const n = customers.length;
  if (n < 2) throw new AnalysisError('empty', 'segmentation needs at least two customers with sales');
  const { matrix: x } = standardise(transformed);
  const d = x.cols;

  let labels: Int32Array;
  let fittedOn = n;
  if (request.method === 'kmeans') {
    labels = kmeans(x, { k: request.k, nInit: request.nInit, seed: request.seed }).labels;
  } else {
    const sample = sampleIndices(n, MAX_SAMPLE, request.seed);
    fittedOn = sample.length;
    labels = clusterSample(x, takeRows(x, sample), sample, request);
  }
  progress(0.7);

  let clusterCount = 0;
  let noise = 0;
  for (const label of labels) {
    if (label < 0) noise++;
    else clusterCount = Math.max(clusterCount, label + 1);
  }
  const sizes = new Array<number>(clusterCount).fill(0);
  const sums = new Float64Array(clusterCount * d);
  labels.forEach((label, i) => {
    if (label < 0) return;
    sizes[label]!++;
    for (let j = 0; j < d; j++) sums[label * d + j]! += raw[i * d + j]!;
  });
  const scatterRows = sampleIndices(n, SCATTER_POINTS, request.seed + 1);
  let silhouette: number | null = null;
  if (clusterCount >= 2 && clusterCount < n) {
    const scored = labels.some((l) => l < 0) ? undefined : labels;
    if (scored)
      silhouette = silhouetteScore(x, scored, { sampleSize: Math.min(n, 4000), seed: request.seed });
  }
  const elbow: SegmentsResult['elbow'] = [];
  if (request.elbowMax >= 2) {
    const sample = takeRows(x, sampleIndices(n, 20_000, request.seed + 2));
    for (let k = 1; k <= Math.min(request.elbowMax, sample.rows - 1); k++) {
      const fit = kmeans(sample, { k, nInit: 3, seed: request.seed });
      const s =
        k >= 2
          ? silhouetteScore(sample, fit.labels, {
              sampleSize: Math.min(sample.rows, 2000),
              seed: request.seed,
            })
          : 0;
      elbow.push({ k, inertia: fit.inertia, silhouette: s });
      progress(0.7 + (0.3 * k) / request.elbowMax);
    }
  }
  const perCustomer = new Int32Array(orders.customerIds.length).fill(-1);
  labels.forEach((label, i) => (perCustomer[customers[i]!] = label));
  const writeToken = pending.add({
    kind: 'segments',
    customerIds: orders.customerIds,
    values: perCustomer,
    params: { analysis: 'segments', method: request.method, features, k: request.k, seed: request.seed },
    summary: { clusters: sizes, noise, silhouette },
  });
  return {
    kind: 'segments',
    method: request.method,
    features,
    clusters: sizes.map((size, label) => ({
      label,
      size,
      means: Array.from({ length: d }, (_, j) => (size ? sums[label * d + j]! / size : 0)),
    })),
    noise,
    silhouette,
    elbow,
    sample: Array.from(scatterRows, (i) => ({
      values: Array.from(raw.subarray(i * d, (i + 1) * d)),
      label: labels[i]!,
    })),
    fittedOn,
    customers: n,
    workspaceCustomers: orders.customerIds.length,
    writeToken,
  };
}
