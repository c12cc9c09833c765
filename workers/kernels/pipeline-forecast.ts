/**
 * Probability-weighted pipeline forecast by expected-close month, per currency.
 *
 * For the open opportunities (current stage of kind 'open'; won and lost deals are history, not pipeline):
 * weighted = Σ amount × probability, with the deal's own probability (it defaults from the stage but may be
 * overridden per deal), next to the unweighted Σ amount and the count, grouped by month of expected close
 * (`monthOfDay` of clv.ts). Deals whose expected-close month lies before the as-of month are overdue and
 * reported apart, as are deals without an expected close (−1): both would otherwise inflate the months to
 * come or vanish. A deal expected this month is not overdue even if its day has passed. Amounts of
 * different currencies are never added: one result per currency code. Months without expected closes are
 * absent (their forecast is 0). Amounts are in whatever unit the caller passes (major units from
 * `pipelineColumns`); sums of integer minor units stay exact below 2^53.
 *
 * O(n + m log m) for m (currency, month) groups. Reference: pandas groupby(['currency', 'month']).sum() in
 * tests/reference/business_reference.py (the "weighted pipeline" of CRM sales reports).
 */

import { monthOfDay } from './clv';
import { KernelError, requireFinite, requireInteger, requireNonEmpty, requireSameLength } from './errors';
import { openStagePositions, requireStageIndices, type StageKind } from './funnel';

export interface PipelineForecastInput {
  /** Kind of every pipeline stage in board order. */
  stageKinds: readonly StageKind[];
  /** Per opportunity: index into stageKinds. */
  stage: Int32Array;
  /** ≥ 0. */
  amount: Float64Array;
  /** Win probability as a fraction in [0, 1] (the DB's percent ÷ 100). */
  probability: Float64Array;
  /** Day number of the expected close; −1 when not set. */
  expectedCloseDay: Int32Array;
  /** Dense currency code ≥ 0. */
  currency: Int32Array;
}

export interface PipelineTotals {
  count: number;
  amount: number;
  weighted: number;
}

export interface CurrencyForecast {
  currency: number;
  /** Expected-close months from the as-of month on, ascending. */
  months: Int32Array;
  count: Int32Array;
  amount: Float64Array;
  weighted: Float64Array;
  /** Expected close in a month before the as-of month. */
  overdue: PipelineTotals;
  /** No expected close set. */
  undated: PipelineTotals;
  /** Every open deal of the currency: months + overdue + undated. */
  total: PipelineTotals;
}

const totals = (): PipelineTotals => ({ count: 0, amount: 0, weighted: 0 });
const addTo = (t: PipelineTotals, amount: number, weighted: number): void => {
  t.count++;
  t.amount += amount;
  t.weighted += weighted;
};

/**
 * Forecast of the open pipeline per currency (ascending code; currencies without open deals are absent),
 * as of the month containing `asOfDay`. O(n + m log m).
 */
export function pipelineForecast(input: PipelineForecastInput, asOfDay: number): CurrencyForecast[] {
  const { stageKinds, stage, amount, probability, expectedCloseDay, currency } = input;
  const position = openStagePositions(stageKinds);
  requireNonEmpty('stage', stage);
  requireSameLength(
    ['stage', 'amount', 'probability', 'expectedCloseDay', 'currency'],
    [stage, amount, probability, expectedCloseDay, currency],
  );
  requireStageIndices(stage, stageKinds.length);
  requireFinite('amount', amount);
  requireFinite('probability', probability);
  requireInteger('asOfDay', asOfDay, -2147483648, 2147483647);
  const asOfMonth = monthOfDay(asOfDay);
  type Group = {
    byMonth: Map<number, PipelineTotals>;
    overdue: PipelineTotals;
    undated: PipelineTotals;
    total: PipelineTotals;
  };
  const groups = new Map<number, Group>();
  for (let i = 0; i < stage.length; i++) {
    if (amount[i]! < 0) throw new KernelError('INVALID_PARAMETER', `amount[${i}] = ${amount[i]} is negative`);
    if (probability[i]! < 0 || probability[i]! > 1) {
      throw new KernelError(
        'INVALID_PARAMETER',
        `probability[${i}] = ${probability[i]} is outside [0, 1] (pass percent ÷ 100)`,
      );
    }
    if (currency[i]! < 0)
      throw new KernelError('INVALID_PARAMETER', `currency[${i}] = ${currency[i]} is negative`);
    if (position[stage[i]!]! < 0) continue; // won or lost
    const weighted = amount[i]! * probability[i]!;
    let group = groups.get(currency[i]!);
    if (!group) {
      group = { byMonth: new Map(), overdue: totals(), undated: totals(), total: totals() };
      groups.set(currency[i]!, group);
    }
    addTo(group.total, amount[i]!, weighted);
    if (expectedCloseDay[i] === -1) {
      addTo(group.undated, amount[i]!, weighted);
      continue;
    }
    const month = monthOfDay(expectedCloseDay[i]!);
    if (month < asOfMonth) {
      addTo(group.overdue, amount[i]!, weighted);
      continue;
    }
    let cell = group.byMonth.get(month);
    if (!cell) group.byMonth.set(month, (cell = totals()));
    addTo(cell, amount[i]!, weighted);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([code, { byMonth, overdue, undated, total }]) => {
      const cells = [...byMonth.entries()].sort((a, b) => a[0] - b[0]);
      return {
        currency: code,
        months: Int32Array.from(cells, ([month]) => month),
        count: Int32Array.from(cells, ([, t]) => t.count),
        amount: Float64Array.from(cells, ([, t]) => t.amount),
        weighted: Float64Array.from(cells, ([, t]) => t.weighted),
        overdue,
        undated,
        total,
      };
    });
}
