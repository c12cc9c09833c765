/**
 * Messages of the export feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const exportEn = {
  'export.button': 'Export',
  'export.menu': 'Export the list',
  'export.scope': 'Exports the list as shown: its search, filters and sort.',
  'export.kind.customers-csv': 'Customers · CSV (Excel)',
  'export.kind.customers-json': 'Customers · JSON',
  'export.kind.contacts-vcf': 'Their contacts · vCard',
  'export.kind.contacts-csv': 'Their contacts · CSV',
  'export.kind.activities-ics': 'Their tasks and meetings · calendar (.ics)',
  'export.progress': 'Exporting… {percent}%',
  'export.progressLabel': 'Export progress',
  'export.done': 'Exported {count} record to {file}.|Exported {count} records to {file}.',
  'export.nothing': 'Nothing to export: the file would be empty.',
};

export const exportZhCN: Record<keyof typeof exportEn, string> = {
  'export.button': '导出',
  'export.menu': '导出列表',
  'export.scope': '按当前显示的列表导出：包括搜索、筛选和排序。',
  'export.kind.customers-csv': '客户 · CSV（Excel）',
  'export.kind.customers-json': '客户 · JSON',
  'export.kind.contacts-vcf': '其联系人 · vCard',
  'export.kind.contacts-csv': '其联系人 · CSV',
  'export.kind.activities-ics': '其任务和会议 · 日历（.ics）',
  'export.progress': '正在导出… {percent}%',
  'export.progressLabel': '导出进度',
  'export.done': '已将 {count} 条记录导出到 {file}。',
  'export.nothing': '没有可导出的内容：文件会是空的。',
};
