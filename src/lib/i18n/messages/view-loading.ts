/**
 * Messages of the route outlet (src/components/shell/route-outlet.svelte) while a screen's code loads or
 * when it cannot be fetched. Spread into `en.ts` and `zh-cn.ts`, so the key check covers them.
 */
export const viewLoadingEn = {
  'view.loading': 'Loading this page…',
  'view.failedTitle': 'This page could not be loaded',
  'view.failedOffline':
    'You seem to be offline, and this page was not saved for offline use yet. Your data is safe. Connect to the internet and choose Try again.',
  'view.failedText':
    'The page’s code could not be fetched. Your data is safe. Try again; if it keeps failing, reload the app.',
  'view.reloadApp': 'Reload the app',
};

export const viewLoadingZhCN: Record<keyof typeof viewLoadingEn, string> = {
  'view.loading': '正在加载此页面…',
  'view.failedTitle': '无法加载此页面',
  'view.failedOffline':
    '您似乎处于离线状态，且此页面尚未保存以供离线使用。您的数据是安全的。请连接网络后选择“重试”。',
  'view.failedText': '无法获取此页面的代码。您的数据是安全的。请重试；如果仍然失败，请重新加载应用。',
  'view.reloadApp': '重新加载应用',
};
