/**
 * Messages of the encryption feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const encryptionEn = {
  'nav.encryption': 'Encryption',
};

export const encryptionZhCN: Record<keyof typeof encryptionEn, string> = {
  'nav.encryption': '加密',
};
