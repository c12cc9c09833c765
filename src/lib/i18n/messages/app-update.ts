/**
 * Messages of the "new version available" prompt (src/components/shell/update-prompt.svelte). Spread into
 * `en.ts` and `zh-cn.ts`, so the key check covers them.
 */
export const appUpdateEn = {
  'update.region': 'App update',
  'update.available': 'A new version is available.',
  'update.reload': 'Reload',
  'update.later': 'Later',
  'update.waiting': 'Finishing saving your changes, then reloading…',
  'update.activating': 'Reloading…',
};

export const appUpdateZhCN: Record<keyof typeof appUpdateEn, string> = {
  'update.region': '应用更新',
  'update.available': '新版本可用。',
  'update.reload': '重新加载',
  'update.later': '稍后',
  'update.waiting': '正在完成保存您的更改，之后重新加载…',
  'update.activating': '正在重新加载…',
};
