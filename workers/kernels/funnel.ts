/**
 * Sales funnel: how many opportunities reached each open pipeline stage, stage-to-stage conversion, win
 * rate and sales-cycle length — overall, per owner and per month of creation.
 *
 * Input is the opportunities' current stage (an index into the pipeline's stages in board order, as
 * `pipelineColumns` in workers/db/features/analytics/columns.ts reads them), because the CRM keeps no stage
 * history. "Reached stage i" is therefore inferred; with the open stages numbered 0..S−1 in board order:
 * - an open opportunity at open stage j reached stages 0..j (deals move forward, so it passed the earlier
 *   ones even if it skipped one on the board);
 * - a won opportunity reached all S open stages;
 * - a lost opportunity reached 0..j when `lostFromStage` names the open stage j it was lost at (e.g. from
 *   the audit log); when unknown (−1, or no column) it counts at stage 0 only: every opportunity entered the
 *   pipeline, and nothing says it got further. That understates reach past stage 0 (and so the first
 *   conversion) when many losses are unattributed — the conservative choice, stated in the UI caption.
 * Conversion i → i+1 = reached[i+1] / reached[i]; the last open stage converts to won: won / reached[S−1].
 * Open deals still sitting at stage i count in its denominator (a cumulative funnel, not a closed cohort).
 * Win rate = won / (won + lost). Sales cycle = closedDay − createdDay in days, averaged over closed-won deals
 * (`meanCycleDaysWon`, the usual "sales cycle length") and over all closed deals (`meanCycleDaysClosed`);
 * closed deals without a closing day (closed_at NULL → −1) count in the win rate but not in the cycle means.
 * Ratios with a zero denominator are null, never NaN; groups without opportunities are absent.
 * Periods are months of creation (`monthOfDay` of clv.ts).
 *
 * O(n + groups · S) time: each opportunity adds 1 at its deepest stage, reach is a suffix sum per group.
 * Reference: pandas groupby of the same inference, tests/reference/business_reference.py.
 */

import { monthOfDay } from './clv';
import { KernelError, requireNonEmpty, requireSameLength } from './errors';

export type StageKind = 'open' | 'won' | 'lost';

export interface FunnelInput {
  /** Kind of every pipeline stage in board order (`PipelineColumns.stages[i].kind`). */
  stageKinds: readonly StageKind[];
  /** Per opportunity: index into stageKinds of its current stage. */
  stage: Int32Array;
  /** Per opportunity: owner code (≥ 0; −1 allowed for "no owner", grouped as its own owner). */
  owner: Int32Array;
  createdDay: Int32Array;
  /** Day the deal closed; −1 when not recorded. Ignored for open deals (a reopened deal may keep one). */
  closedDay: Int32Array;
  /** Optional, per opportunity: for a lost deal the stageKinds index of the open stage it was lost at, else −1. */
  lostFromStage?: Int32Array;
}

export interface FunnelStats {
  opportunities: number;
  open: number;
  won: number;
  lost: number;
  /** Per open stage (funnel position): opportunities that reached it. */
  reached: Int32Array;
  /** Per open stage: share of those reaching it that reached the next (the last: that were won). */
  conversion: (number | null)[];
  /** won / (won + lost); null without closed deals. */
  winRate: number | null;
  meanCycleDaysWon: number | null;
  meanCycleDaysClosed: number | null;
  /** Deals behind each mean (closed deals with a closing day). */
  cycleSampleWon: number;
  cycleSampleClosed: number;
}

export interface FunnelResult {
  /** stageKinds index of each funnel position (the open stages in board order). */
  openStages: Int32Array;
  overall: FunnelStats;
  /** Ascending owner code; only owners with opportunities. */
  byOwner: { owner: number; stats: FunnelStats }[];
  /** Ascending month of creation ((year − 1970) · 12 + month − 1); only months with opportunities. */
  byMonth: { month: number; stats: FunnelStats }[];
}

/** Funnel position of each stage (−1 for won/lost stages); throws unless there is an open stage. */
export function openStagePositions(stageKinds: readonly StageKind[]): Int32Array {
  requireNonEmpty('stageKinds', stageKinds);
  const position = new Int32Array(stageKinds.length).fill(-1);
  let open = 0;
  stageKinds.forEach((kind, i) => {
    if (kind === 'open') position[i] = open++;
    else if (kind !== 'won' && kind !== 'lost') {
      throw new KernelError('INVALID_PARAMETER', `stageKinds[${i}] is "${kind}", not open, won or lost`);
    }
  });
  if (open === 0) throw new KernelError('INVALID_PARAMETER', 'the pipeline has no open stage');
  return position;
}

/** Checks every stage[i] is an index into stageKinds. */
export function requireStageIndices(stage: Int32Array, stageCount: number): void {
  for (let i = 0; i < stage.length; i++) {
    if (stage[i]! < 0 || stage[i]! >= stageCount) {
      throw new KernelError('INVALID_PARAMETER', `stage[${i}] = ${stage[i]} is outside 0..${stageCount - 1}`);
    }
  }
}

const OPEN = 0;
const WON = 1;
const LOST = 2;

/** Running totals of one group; `deepest[j]` counts opportunities whose deepest stage is j. */
class Tally {
  readonly deepest: Int32Array;
  readonly outcomes = [0, 0, 0];
  cycleSumWon = 0;
  cycleSampleWon = 0;
  cycleSumClosed = 0;
  cycleSampleClosed = 0;
  constructor(stageCount: number) {
    this.deepest = new Int32Array(stageCount);
  }
  add(depth: number, outcome: number, cycleDays: number | null): void {
    this.deepest[depth]!++;
    this.outcomes[outcome]!++;
    if (cycleDays === null) return;
    this.cycleSumClosed += cycleDays;
    this.cycleSampleClosed++;
    if (outcome === WON) {
      this.cycleSumWon += cycleDays;
      this.cycleSampleWon++;
    }
  }
  stats(): FunnelStats {
    const s = this.deepest.length;
    const reached = new Int32Array(s);
    let below = 0;
    for (let j = s - 1; j >= 0; j--) reached[j] = below += this.deepest[j]!;
    const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
    const [open, won, lost] = this.outcomes as [number, number, number];
    return {
      opportunities: open + won + lost,
      open,
      won,
      lost,
      reached,
      conversion: Array.from(reached, (r, j) => ratio(j + 1 < s ? reached[j + 1]! : won, r)),
      winRate: ratio(won, won + lost),
      meanCycleDaysWon: ratio(this.cycleSumWon, this.cycleSampleWon),
      meanCycleDaysClosed: ratio(this.cycleSumClosed, this.cycleSampleClosed),
      cycleSampleWon: this.cycleSampleWon,
      cycleSampleClosed: this.cycleSampleClosed,
    };
  }
}

function grouped(tallies: Map<number, Tally>): { key: number; stats: FunnelStats }[] {
  return [...tallies.entries()].sort((a, b) => a[0] - b[0]).map(([key, t]) => ({ key, stats: t.stats() }));
}

/** Funnel counts, conversions, win rate and cycle length overall, per owner and per creation month. O(n + groups · S). */
export function funnelAnalysis(input: FunnelInput): FunnelResult {
  const { stageKinds, stage, owner, createdDay, closedDay, lostFromStage } = input;
  const position = openStagePositions(stageKinds);
  requireNonEmpty('stage', stage);
  const names = ['stage', 'owner', 'createdDay', 'closedDay'];
  const columns = [stage, owner, createdDay, closedDay];
  if (lostFromStage) {
    names.push('lostFromStage');
    columns.push(lostFromStage);
  }
  requireSameLength(names, columns);
  requireStageIndices(stage, stageKinds.length);
  const stageCount = position.reduce((max, p) => Math.max(max, p + 1), 0);
  const overall = new Tally(stageCount);
  const byOwner = new Map<number, Tally>();
  const byMonth = new Map<number, Tally>();
  const tallyOf = (map: Map<number, Tally>, key: number): Tally => {
    let t = map.get(key);
    if (!t) map.set(key, (t = new Tally(stageCount)));
    return t;
  };
  for (let i = 0; i < stage.length; i++) {
    const kind = stageKinds[stage[i]!]!;
    const outcome = kind === 'open' ? OPEN : kind === 'won' ? WON : LOST;
    if (owner[i]! < -1) {
      throw new KernelError('INVALID_PARAMETER', `owner[${i}] = ${owner[i]} is below −1 (no owner)`);
    }
    let depth: number;
    if (outcome === OPEN) depth = position[stage[i]!]!;
    else if (outcome === WON) depth = stageCount - 1;
    else depth = lostDepth(lostFromStage?.[i] ?? -1, i, position);
    let cycleDays: number | null = null;
    if (outcome !== OPEN && closedDay[i] !== -1) {
      cycleDays = closedDay[i]! - createdDay[i]!;
      if (cycleDays < 0) {
        throw new KernelError(
          'INVALID_PARAMETER',
          `opportunity ${i} closed (day ${closedDay[i]}) before it was created (day ${createdDay[i]})`,
        );
      }
    }
    overall.add(depth, outcome, cycleDays);
    tallyOf(byOwner, owner[i]!).add(depth, outcome, cycleDays);
    tallyOf(byMonth, monthOfDay(createdDay[i]!)).add(depth, outcome, cycleDays);
  }
  const openStages = new Int32Array(stageCount);
  position.forEach((p, i) => p >= 0 && (openStages[p] = i));
  return {
    openStages,
    overall: overall.stats(),
    byOwner: grouped(byOwner).map(({ key, stats }) => ({ owner: key, stats })),
    byMonth: grouped(byMonth).map(({ key, stats }) => ({ month: key, stats })),
  };
}

function lostDepth(lostFrom: number, i: number, position: Int32Array): number {
  if (lostFrom === -1) return 0;
  const depth = position[lostFrom] ?? -1;
  if (depth < 0) {
    throw new KernelError(
      'INVALID_PARAMETER',
      `lostFromStage[${i}] = ${lostFrom} is not an open stage (use −1 when unknown)`,
    );
  }
  return depth;
}
