/**
 * Messages of the customer-value and sales analysis pages: lifetime value (clv), churn and cohorts
 * (churn), revenue forecast and weighted pipeline (forecast), campaign spend → revenue (roi), and the
 * parameter-range messages they share, in both languages.
 */
export const analyticsValueEn = {
  'analytics.value.range': '{name} must be a number from {min} to {max}.',
  'analytics.value.wholeRange': '{name} must be a whole number from {min} to {max}.',

  'analytics.clv.title': 'Customer lifetime value',
  'analytics.clv.description':
    'What a customer is worth over their expected lifetime, two ways: the simple CLV from the last 12 months of sales, and a discounted CLV per customer that applies your gross margin, the yearly retention and a discount rate.',
  'analytics.clv.lifespan': 'Expected lifespan (years)',
  'analytics.clv.margin': 'Gross margin (%)',
  'analytics.clv.discount': 'Discount rate (% per year)',
  'analytics.clv.retention': 'Yearly retention (%)',
  'analytics.clv.retentionHint': 'Leave blank to estimate it from the data.',
  'analytics.clv.retentionPlaceholder': 'Estimated',
  'analytics.clv.simple': 'Simple CLV',
  'analytics.clv.simpleFormula':
    '= average order value × purchases per customer per year × lifespan (revenue, before margin and discounting)',
  'analytics.clv.meanDiscounted': 'Mean discounted CLV per customer',
  'analytics.clv.discountedNote':
    'Each customer’s yearly revenue so far × gross margin, for every year of the lifespan, counted only while the customer stays (× retention each year) and discounted to today’s value.',
  'analytics.clv.aov': 'Average order value',
  'analytics.clv.frequency': 'Purchases per customer per year',
  'analytics.clv.lifespanShown': 'Lifespan',
  'analytics.clv.years': '{count} year|{count} years',
  'analytics.clv.retentionUsed': 'Yearly retention used',
  'analytics.clv.retentionEstimated':
    'estimated: of the customers who had bought in the year before, the share who bought again in the last 12 months',
  'analytics.clv.retentionEntered': 'as entered',
  'analytics.clv.factorsNote':
    'Average order value and purchases per customer are taken over the last 12 months, among the customers who bought in them.',
  'analytics.clv.histogramTitle': 'Customers by discounted CLV',
  'analytics.clv.histogramLabel':
    'Customers by discounted CLV (histogram; the same numbers are in the table below)',
  'analytics.clv.histogramTable': 'Show the histogram as a table',
  'analytics.clv.range': 'Discounted CLV',
  'analytics.clv.from': 'From',
  'analytics.clv.to': 'To',
  'analytics.clv.topTitle': 'Top 20 customers by discounted CLV',
  'analytics.clv.yearlyRevenue': 'Yearly revenue',
  'analytics.clv.clv': 'Discounted CLV',

  'analytics.churn.title': 'Churn and cohort retention',
  'analytics.churn.description':
    'How many customers you lose each month, and how the customers won in each month keep buying in the months after their first purchase.',
  'analytics.churn.inactiveDays': 'Lost after (days without a sale)',
  'analytics.churn.months': 'Months to show',
  'analytics.churn.rateTitle': 'Monthly churn rate',
  'analytics.churn.definition':
    'A customer counts as lost on the day they reach {days} days without a sale. Churn rate = customers lost during the month ÷ customers active at its start. Customers acquired during the month are shown but left out of the rate, so new business cannot hide losses.',
  'analytics.churn.average': 'Average monthly churn rate over these {count} months: {rate}',
  'analytics.churn.chartLabel': 'Monthly churn rate (line chart; the same numbers are in the table below)',
  'analytics.churn.start': 'Active at start',
  'analytics.churn.lost': 'Lost',
  'analytics.churn.acquired': 'Acquired (not in the rate)',
  'analytics.churn.rate': 'Churn rate',
  'analytics.churn.toDate': '{month} (to {date})',
  'analytics.churn.noMonths': 'No month in this range had active customers at its start.',
  'analytics.churn.cohortTitle': 'Cohort retention',
  'analytics.churn.cohortNote':
    'Each row is the customers whose first purchase was in that month; each column is the share of them who bought again N months later (M0 is the first month, always 100 %). Darker cells mean better retention; blank cells are months not reached yet.',
  'analytics.churn.cohort': 'First purchase',
  'analytics.churn.size': 'Customers',
  'analytics.churn.offset': 'M{n}',
  'analytics.churn.offsetLong': 'Month {n}',

  'analytics.forecast.title': 'Revenue forecast',
  'analytics.forecast.description':
    'Forecasts monthly revenue with an ARIMA time-series model fitted to the complete months of sales, with a prediction interval, and shows the open pipeline weighted by win probability by expected close month.',
  'analytics.forecast.horizon': 'Months ahead',
  'analytics.forecast.level': 'Prediction interval',
  'analytics.forecast.levelOption': '{level} %',
  'analytics.forecast.chartTitle': 'Monthly revenue and forecast',
  'analytics.forecast.model':
    'Model ARIMA({p}, {d}, {q}): the lowest AIC (Akaike information criterion, {aic}) among up to 2 autoregressive and 2 moving-average terms, {differenced}. Fitted on {count} complete months; the running month is left out.',
  'analytics.forecast.chartLabel':
    'Monthly revenue with the forecast and its prediction interval (line chart; the forecast numbers are in the table below, the history in the table after it)',
  'analytics.forecast.differenced.0': 'on the series as it is',
  'analytics.forecast.differenced.1': 'on the month-to-month changes (differenced once)',
  'analytics.forecast.differenced.2': 'on the changes of the changes (differenced twice)',
  'analytics.forecast.actual': 'Revenue',
  'analytics.forecast.forecast': 'Forecast',
  'analytics.forecast.band': '{level} % prediction interval',
  'analytics.forecast.lower': 'Lower bound',
  'analytics.forecast.upper': 'Upper bound',
  'analytics.forecast.tableTitle': 'Forecast by month',
  'analytics.forecast.bandNote':
    'If the past pattern holds, each month’s revenue falls between the bounds with {level} % probability; the band widens the further ahead it looks.',
  'analytics.forecast.history': 'Revenue of the {count} months the model was fitted on',
  'analytics.forecast.pipelineTitle': 'Weighted pipeline by expected close',
  'analytics.forecast.pipelineNote':
    'Open deals in this currency: weighted = amount × win probability. Deals expected to close before this month are overdue and listed apart, as are deals without an expected close date.',
  'analytics.forecast.pipelineChartLabel':
    'Weighted and total open pipeline by expected close month (bar chart; the same numbers are in the table below)',
  'analytics.forecast.pipelineEmpty': 'There are no open deals in {currency}.',
  'analytics.forecast.closeMonth': 'Expected close',
  'analytics.forecast.deals': 'Deals',
  'analytics.forecast.total': 'Total amount',
  'analytics.forecast.weighted': 'Weighted amount',
  'analytics.forecast.overdue': 'Overdue (expected before this month)',
  'analytics.forecast.undated': 'No expected close date',

  'analytics.roi.title': 'Campaign spend and revenue',
  'analytics.roi.description':
    'Fits a straight line (ordinary least squares) through your campaigns: spend (actual cost, else budget) against the sales to their members from the start date until 90 days after the end. Cancelled campaigns and those yet to start are left out.',
  'analytics.roi.readingTitle': 'What the campaigns show',
  'analytics.roi.readingMore':
    'Across these {count} campaigns, each extra {unit} spent went with {amount} more revenue.',
  'analytics.roi.readingLess':
    'Across these {count} campaigns, each extra {unit} spent went with {amount} less revenue.',
  'analytics.roi.range':
    'Allowing for the standard error, the likely range is {low} to {high} (about ±2 standard errors).',
  'analytics.roi.uncertain':
    'That estimate is uncertain: the likely range ({low} to {high}, about ±2 standard errors) includes zero, so the data show no clear link.',
  'analytics.roi.rSquaredReading':
    'Spend accounts for {share} of the differences in revenue between campaigns (R²).',
  'analytics.roi.caution':
    'This is an association, not proof that spend causes revenue: members may have bought anyway, and bigger campaigns may target better customers.',
  'analytics.roi.chartLabel':
    'Campaign spend against revenue with the fitted line (scatter chart; the same numbers are in the campaigns table below)',
  'analytics.roi.fittedLine': 'Fitted line',
  'analytics.roi.pointTooltip': '{name}: spend {spend}, revenue {revenue}',
  'analytics.roi.coefficientsCaption': 'Coefficients of the fitted line with their standard errors, and R²',
  'analytics.roi.term': 'Term',
  'analytics.roi.estimate': 'Estimate',
  'analytics.roi.standardError': 'Standard error',
  'analytics.roi.intercept': 'Intercept (revenue at zero spend)',
  'analytics.roi.slope': 'Slope (revenue per extra unit spent)',
  'analytics.roi.emptyTitle': 'Not enough campaigns yet',
  'analytics.roi.empty':
    'The spend → revenue line needs at least 3 campaigns in {currency} that have started (with a start date, not cancelled); there are {count}. Add campaigns with their budget or actual cost, then run again.',
  'analytics.roi.openCampaigns': 'Open campaigns',
  'analytics.roi.campaigns': 'Campaigns',
  'analytics.roi.campaign': 'Campaign',
  'analytics.roi.spend': 'Spend',
  'analytics.roi.revenue': 'Revenue',
  'analytics.roi.ratio': 'Revenue per {unit} spent',
} as const;

export const analyticsValueZhCN: Record<keyof typeof analyticsValueEn, string> = {
  'analytics.value.range': '{name}必须是 {min} 到 {max} 之间的数字。',
  'analytics.value.wholeRange': '{name}必须是 {min} 到 {max} 之间的整数。',

  'analytics.clv.title': '客户终身价值',
  'analytics.clv.description':
    '从两个角度衡量客户在预期生命周期内的价值：基于最近 12 个月销售的简单 CLV，以及按毛利率、年留存率和折现率计算的每位客户折现 CLV。',
  'analytics.clv.lifespan': '预期生命周期（年）',
  'analytics.clv.margin': '毛利率（%）',
  'analytics.clv.discount': '折现率（%/年）',
  'analytics.clv.retention': '年留存率（%）',
  'analytics.clv.retentionHint': '留空则根据数据估算。',
  'analytics.clv.retentionPlaceholder': '自动估算',
  'analytics.clv.simple': '简单 CLV',
  'analytics.clv.simpleFormula':
    '= 平均订单金额 × 每位客户每年购买次数 × 生命周期（按收入计，未扣毛利、未折现）',
  'analytics.clv.meanDiscounted': '每位客户的平均折现 CLV',
  'analytics.clv.discountedNote':
    '每位客户迄今的年均收入 × 毛利率，逐年计入生命周期内的每一年，仅在客户仍留存时计入（每年 × 留存率），并折算为今天的价值。',
  'analytics.clv.aov': '平均订单金额',
  'analytics.clv.frequency': '每位客户每年购买次数',
  'analytics.clv.lifespanShown': '生命周期',
  'analytics.clv.years': '{count} 年',
  'analytics.clv.retentionUsed': '采用的年留存率',
  'analytics.clv.retentionEstimated': '估算值：前一年有购买的客户中，最近 12 个月再次购买的比例',
  'analytics.clv.retentionEntered': '手动输入',
  'analytics.clv.factorsNote': '平均订单金额和每位客户购买次数按最近 12 个月、在此期间有购买的客户计算。',
  'analytics.clv.histogramTitle': '按折现 CLV 的客户分布',
  'analytics.clv.histogramLabel': '按折现 CLV 的客户分布（直方图；下表列出相同数据）',
  'analytics.clv.histogramTable': '以表格查看直方图',
  'analytics.clv.range': '折现 CLV',
  'analytics.clv.from': '下限',
  'analytics.clv.to': '上限',
  'analytics.clv.topTitle': '折现 CLV 前 20 位客户',
  'analytics.clv.yearlyRevenue': '年均收入',
  'analytics.clv.clv': '折现 CLV',

  'analytics.churn.title': '客户流失与同期群留存',
  'analytics.churn.description':
    '每月流失多少客户，以及每个月新获得的客户在首次购买后的几个月里持续购买的情况。',
  'analytics.churn.inactiveDays': '视为流失（连续无销售天数）',
  'analytics.churn.months': '显示月数',
  'analytics.churn.rateTitle': '月流失率',
  'analytics.churn.definition':
    '客户连续 {days} 天没有销售即在当天计为流失。流失率 = 当月流失的客户数 ÷ 月初的活跃客户数。当月新获得的客户单独列出、不计入流失率，以免新业务掩盖流失。',
  'analytics.churn.average': '这 {count} 个月的平均月流失率：{rate}',
  'analytics.churn.chartLabel': '月流失率（折线图；下表列出相同数据）',
  'analytics.churn.start': '月初活跃客户',
  'analytics.churn.lost': '流失',
  'analytics.churn.acquired': '新增（不计入流失率）',
  'analytics.churn.rate': '流失率',
  'analytics.churn.toDate': '{month}（截至 {date}）',
  'analytics.churn.noMonths': '所选范围内没有月初有活跃客户的月份。',
  'analytics.churn.cohortTitle': '同期群留存',
  'analytics.churn.cohortNote':
    '每行是首次购买在该月的客户，每列是其中在 N 个月后再次购买的比例（M0 为首购当月，始终为 100%）。颜色越深留存越好；空白表示尚未到达的月份。',
  'analytics.churn.cohort': '首次购买月份',
  'analytics.churn.size': '客户数',
  'analytics.churn.offset': 'M{n}',
  'analytics.churn.offsetLong': '第 {n} 个月',

  'analytics.forecast.title': '收入预测',
  'analytics.forecast.description':
    '用基于完整月份销售数据拟合的 ARIMA 时间序列模型预测月收入并给出预测区间，同时按预计成交月份展示按赢单概率加权的未结商机。',
  'analytics.forecast.horizon': '预测月数',
  'analytics.forecast.level': '预测区间',
  'analytics.forecast.levelOption': '{level}%',
  'analytics.forecast.chartTitle': '月收入与预测',
  'analytics.forecast.model':
    '模型 ARIMA({p}, {d}, {q})：{differenced}，在最多 2 个自回归项和 2 个移动平均项中选出 AIC（赤池信息准则）最低者，AIC = {aic}。基于 {count} 个完整月份拟合，不含当前未结束的月份。',
  'analytics.forecast.chartLabel': '月收入及其预测和预测区间（折线图；预测数据见下表，历史数据见其后的表格）',
  'analytics.forecast.differenced.0': '直接对原序列建模',
  'analytics.forecast.differenced.1': '对逐月变化量建模（1 次差分）',
  'analytics.forecast.differenced.2': '对变化量的变化建模（2 次差分）',
  'analytics.forecast.actual': '收入',
  'analytics.forecast.forecast': '预测',
  'analytics.forecast.band': '{level}% 预测区间',
  'analytics.forecast.lower': '下限',
  'analytics.forecast.upper': '上限',
  'analytics.forecast.tableTitle': '按月预测',
  'analytics.forecast.bandNote':
    '若过去的规律延续，每月收入有 {level}% 的概率落在上下限之间；预测越远，区间越宽。',
  'analytics.forecast.history': '模型拟合所用的 {count} 个月收入',
  'analytics.forecast.pipelineTitle': '按预计成交月份的加权商机',
  'analytics.forecast.pipelineNote':
    '该币种的未结商机：加权金额 = 金额 × 赢单概率。预计成交日期早于本月的商机已逾期，单独列出；没有预计成交日期的商机也单独列出。',
  'analytics.forecast.pipelineChartLabel': '按预计成交月份的加权与总未结商机金额（柱状图；下表列出相同数据）',
  'analytics.forecast.pipelineEmpty': '没有 {currency} 的未结商机。',
  'analytics.forecast.closeMonth': '预计成交',
  'analytics.forecast.deals': '商机数',
  'analytics.forecast.total': '总金额',
  'analytics.forecast.weighted': '加权金额',
  'analytics.forecast.overdue': '已逾期（预计在本月之前成交）',
  'analytics.forecast.undated': '无预计成交日期',

  'analytics.roi.title': '营销活动投入与收入',
  'analytics.roi.description':
    '用普通最小二乘法为营销活动拟合一条直线：投入（实际成本，没有则用预算）对比活动成员从开始日期到结束后 90 天内的销售额。已取消和尚未开始的活动不计入。',
  'analytics.roi.readingTitle': '活动数据说明了什么',
  'analytics.roi.readingMore': '在这 {count} 个活动中，每多投入 {unit}，收入平均多 {amount}。',
  'analytics.roi.readingLess': '在这 {count} 个活动中，每多投入 {unit}，收入平均少 {amount}。',
  'analytics.roi.range': '考虑标准误，可能的范围是 {low} 到 {high}（约 ±2 个标准误）。',
  'analytics.roi.uncertain':
    '这一估计并不确定：可能的范围（{low} 到 {high}，约 ±2 个标准误）包含零，数据未显示明确的关系。',
  'analytics.roi.rSquaredReading': '投入可以解释各活动收入差异的 {share}（R²）。',
  'analytics.roi.caution':
    '这是相关关系，并不证明投入带来了收入：成员可能本来就会购买，规模更大的活动也可能面向更优质的客户。',
  'analytics.roi.chartLabel': '营销活动投入与收入及拟合直线（散点图；下方活动表列出相同数据）',
  'analytics.roi.fittedLine': '拟合直线',
  'analytics.roi.pointTooltip': '{name}：投入 {spend}，收入 {revenue}',
  'analytics.roi.coefficientsCaption': '拟合直线的系数及其标准误，以及 R²',
  'analytics.roi.term': '项',
  'analytics.roi.estimate': '估计值',
  'analytics.roi.standardError': '标准误',
  'analytics.roi.intercept': '截距（零投入时的收入）',
  'analytics.roi.slope': '斜率（每多投入一个货币单位的收入）',
  'analytics.roi.emptyTitle': '营销活动还不够',
  'analytics.roi.empty':
    '投入与收入的拟合需要至少 3 个已开始（有开始日期、未取消）的 {currency} 营销活动，目前有 {count} 个。添加带有预算或实际成本的活动后再运行。',
  'analytics.roi.openCampaigns': '打开营销活动',
  'analytics.roi.campaigns': '营销活动',
  'analytics.roi.campaign': '营销活动',
  'analytics.roi.spend': '投入',
  'analytics.roi.revenue': '收入',
  'analytics.roi.ratio': '每投入 {unit} 的收入',
};
