/**
 * Messages of the sql console feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const sqlConsoleEn = {
  'nav.sql': 'SQL console',
};

export const sqlConsoleZhCN: Record<keyof typeof sqlConsoleEn, string> = {
  'nav.sql': 'SQL 控制台',
};
