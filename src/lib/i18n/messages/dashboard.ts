/**
 * Messages of the dashboard feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const dashboardEn = {
  'nav.dashboard': 'Dashboard',
};

export const dashboardZhCN: Record<keyof typeof dashboardEn, string> = {
  'nav.dashboard': '仪表盘',
};
