/**
 * Messages of the backups feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const backupsEn = {
  'nav.backups': 'Backups',
};

export const backupsZhCN: Record<keyof typeof backupsEn, string> = {
  'nav.backups': '备份',
};
