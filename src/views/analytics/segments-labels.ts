/**
 * Segment colours (one per cluster, grey for DBSCAN noise; the same in the scatter and the table) and the
 * labels suggested for saving: segments ranked by mean monetary value (else frequency, else recency —
 * lower is better) are "High / Mid / Low value" when there are two or three, "Segment n" otherwise.
 */
import type { SegmentsResult } from '../../lib/analytics-client';
import { t } from '../../lib/i18n';

// Tableau 10 plus two, distinguishable on light and dark backgrounds.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#17becf',
  '#8c564b',
];
const NOISE = '#9aa0a6';

export function segmentColour(label: number): string {
  return label < 0 ? NOISE : PALETTE[label % PALETTE.length]!;
}

export function suggestSegmentLabels(result: SegmentsResult): string[] {
  const { clusters, features } = result;
  const numbered = clusters.map((c) => t('analytics.segments.segmentN', { n: c.label + 1 }));
  if (clusters.length < 2 || clusters.length > 3) return numbered;
  const monetary = features.indexOf('monetary');
  const frequency = features.indexOf('frequency');
  const recency = features.indexOf('recency');
  const value = (means: number[]) =>
    monetary >= 0 ? means[monetary]! : frequency >= 0 ? means[frequency]! : -means[recency]!;
  const ranked = [...clusters].sort((a, b) => value(b.means) - value(a.means));
  const names =
    clusters.length === 3
      ? [
          t('analytics.segments.label.high'),
          t('analytics.segments.label.mid'),
          t('analytics.segments.label.low'),
        ]
      : [t('analytics.segments.label.high'), t('analytics.segments.label.low')];
  const labels = [...numbered];
  ranked.forEach((cluster, rank) => (labels[cluster.label] = names[rank]!));
  return labels;
}
