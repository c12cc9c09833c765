/**
 * Messages of the dashboard feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const dashboardEn = {
  'nav.dashboard': 'Dashboard',

  'dashboard.title': 'Dashboard',
  'dashboard.empty':
    'Nothing is pinned yet. Save a query in the SQL console and choose “On dashboard” to show it here.',
  'dashboard.openConsole': 'Open the SQL console',
  'dashboard.refresh': 'Refresh',
  'dashboard.loading': 'Running…',
  'dashboard.edit': 'Edit in console',
  'dashboard.chartNoNumbers':
    'A chart needs a first column of labels and at least one numeric column after it.',
  'dashboard.chartLabel': 'Chart: {name}',
  'dashboard.chartRows': 'Showing the first {count} rows.',
};

export const dashboardZhCN: Record<keyof typeof dashboardEn, string> = {
  'nav.dashboard': '仪表盘',

  'dashboard.title': '仪表盘',
  'dashboard.empty': '还没有固定任何内容。在 SQL 控制台保存查询，并选择“在仪表盘上”即可显示在这里。',
  'dashboard.openConsole': '打开 SQL 控制台',
  'dashboard.refresh': '刷新',
  'dashboard.loading': '正在运行…',
  'dashboard.edit': '在控制台中编辑',
  'dashboard.chartNoNumbers': '图表需要第一列为标签，之后至少有一列数值。',
  'dashboard.chartLabel': '图表：{name}',
  'dashboard.chartRows': '显示前 {count} 行。',
};
