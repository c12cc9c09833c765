/**
 * Messages of the import feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const importDataEn = {
  'nav.import': 'Import',
};

export const importDataZhCN: Record<keyof typeof importDataEn, string> = {
  'nav.import': '导入',
};
