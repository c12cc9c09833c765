import { recordsZhCN } from './records';
import type { Messages } from './en';
import { importDataZhCN } from './import';
import { historyZhCN } from './history';
import { duplicatesZhCN } from './duplicates';
import { sqlConsoleZhCN } from './sql';
import { ordersZhCN } from './orders';
import { exportZhCN } from './export';
import { dashboardZhCN } from './dashboard';
import { backupsZhCN } from './backups';
import { encryptionZhCN } from './encryption';
import { activitiesZhCN } from './activities';
import { searchZhCN } from './search';
import { analyticsZhCN } from './analytics';
import { analyticsDashboardZhCN } from './analytics-dashboard';
import { analyticsValueZhCN } from './analytics-value';
import { analyticsSegmentsZhCN } from './analytics-segments';
import { pipelineZhCN } from './pipeline';
import { approvalsZhCN } from './approvals';
import { serviceZhCN } from './service';
import { marketingZhCN } from './marketing';
import { automationZhCN } from './automation';
import { outreachZhCN } from './outreach';
import { paletteZhCN } from './palette';
import { scenariosZhCN } from './scenarios';
import { appUpdateZhCN } from './app-update';
import { viewLoadingZhCN } from './view-loading';

/** Simplified Chinese messages; typed against the English keys so none can be missing. */
export const zhCN: Messages = {
  'app.name': '客户管理系统',
  'app.short': 'CRM',
  'app.skip': '跳到主要内容',
  'app.loading': '正在打开数据库…',
  'app.loadingDetail': '你的数据只保存在本浏览器中，不会发送到任何服务器。',
  'app.loadingSlow': '加载时间比平时长。数据库较大时可能需要一些时间；如果一直没有变化，请重新加载页面。',

  'nav.label': '主导航',
  'nav.customers': '客户',
  'nav.settings': '设置',

  'header.language': '语言',
  'header.theme': '主题',
  'language.zh-CN': '简体中文',
  'language.en': 'English',
  'theme.system': '跟随系统',
  'theme.light': '浅色',
  'theme.dark': '深色',

  'status.label': '保存状态',
  'status.loading': '加载中…',
  'status.saved': '已保存',
  'status.saving': '保存中…',
  'status.error': '保存失败',
  'status.savedAt': '上次保存 {time}',
  'status.storageUsed': '已用 {size}',
  'status.readOnly': '只读',

  'boot.failedTitle': '无法打开数据库',
  'boot.failedIntro': '工作区未能打开。为避免误导，这里不显示空白的客户列表。',
  'boot.failedWhat': '你可以这样做',
  'boot.tipReload': '重新加载页面，临时问题通常会消失。',
  'boot.tipPrivate': '无痕/隐私窗口或某些浏览器设置会阻止本应用所需的存储，请使用普通窗口。',
  'boot.tipOtherTab': '关闭本应用其他可能卡住的标签页，然后重新加载。',
  'boot.tipSpace': '如果磁盘已满，请释放一些空间后重新加载。',
  'boot.detail': '技术细节',

  'banner.readOnly': '只读模式：为保护你的数据，编辑功能已停用。请先下载备份，然后重新加载。',
  'banner.detail': '详情',
  'banner.dismiss': '关闭',

  'problem.quota_exceeded':
    '浏览器为本网站分配的存储空间已满，最近的更改未能保存。请下载备份，释放空间（例如清除其他网站的数据）后点击“重试”。',
  'problem.append_failed': '最近的更改无法写入浏览器存储，未能保存。请点击“重试”；如果一直失败，请下载备份。',
  'problem.damaged_chunk':
    '已保存的数据库有一部分已损坏。为保护数据，工作区已切换为只读。请立即下载备份，然后重新加载。',
  'problem.damaged_log':
    '浏览器存储中的变更日志已损坏，最近的部分更改可能缺失。工作区已切换为只读。请下载备份，然后重新加载。',
  'problem.recovered_from_previous_snapshot':
    '数据库已从较早的完好副本恢复，最近的部分更改可能丢失，请核对你的数据。',
  'problem.newer_schema': '此数据库由更新版本的应用保存。请重新加载以获取最新版本；在此之前工作区为只读。',
  'problem.unsupported_browser':
    '此浏览器不支持本应用所需的存储功能（IndexedDB），你的更改无法保留。请在普通窗口中使用最新版 Chrome、Edge、Firefox 或 Safari。',
  'problem.load_failed': '无法从浏览器存储加载数据库。请重新加载页面；如果仍然失败，请下载备份。',
  'problem.checkpoint_failed':
    '压缩已保存的数据时失败。你的更改仍安全地保存在日志中，但存储占用会增加。请稍后点击“重试”。',

  'error.validation': '部分字段需要修改，请查看字段旁的提示。',
  'error.not_found': '该记录已不存在，可能已在其他标签页中被删除。',
  'error.read_only': '工作区为只读，暂时无法保存更改。',
  'error.not_ready': '数据库仍在打开中，请稍后再试。',
  'error.quota_exceeded': '未保存：浏览器存储空间已满。你填写的内容已保留，请释放空间后再次保存。',
  'error.persist_failed': '未保存：写入浏览器存储失败。你填写的内容已保留，请重试。',
  'error.constraint': '未保存：该操作会与其他数据冲突（例如重复）。',
  'error.workflow_failed': '未保存：某条工作流规则无法对此更改执行其操作。',
  'error.nothing_to_undo': '已没有可撤销的操作。',
  'error.unexpected': '出现错误：{message}',
  'error.boundaryTitle': '此页面出现问题',
  'error.boundaryText': '你的数据是安全的。请重试，或返回客户列表。',
  'error.tryAgain': '重试',

  'field.required': '此项为必填项。',
  'field.too_long': '内容过长，请缩短。',
  'field.invalid_email': '请输入有效的邮箱地址，例如 name@example.com。',
  'field.invalid_phone': '请输入有效的电话号码，例如 +86 138 0013 8000 或 010-1234 5678。',
  'field.invalid_choice': '请从列表中选择一个有效选项。',
  'field.not_found': '所选项目已不存在，请重新选择。',
  'field.invalid_number': '请输入数字，例如 42 或 19.99。',
  'field.out_of_range': '该值超出允许范围。',
  'field.invalid_date': '请输入有效日期，例如 2026-03-31。',

  'action.save': '保存',
  'action.saving': '保存中…',
  'action.cancel': '取消',
  'action.close': '关闭',
  'action.edit': '编辑',
  'action.delete': '删除',
  'action.deleting': '删除中…',
  'action.undo': '撤销',
  'action.retry': '重试',
  'action.reload': '重新加载',
  'action.downloadBackup': '下载 .sqlite 备份',
  'action.dismiss': '关闭通知',
  'action.back': '返回客户列表',

  'toast.saved': '已保存',
  'toast.deleted': '已删除“{name}”',
  'toast.restored': '已恢复',
  'toast.region': '通知',
  'toast.backupReady': '备份已下载：{file}',
  'toast.retryOk': '存储已恢复正常',
  'toast.persistGranted': '浏览器将持久保留你的数据',
  'toast.persistDenied': '浏览器未授予持久存储',

  'customers.title': '客户',
  'customers.new': '新建客户',
  'customers.search': '搜索客户',
  'customers.searchPlaceholder': '名称、邮箱或电话',
  'customers.stageFilter': '阶段',
  'customers.ownerFilter': '负责人',
  'customers.allStages': '全部阶段',
  'customers.allOwners': '全部负责人',
  'customers.clearFilters': '清除筛选',
  'customers.total': '共 {count} 位客户',
  'customers.counting': '正在统计…',
  'customers.table': '客户列表',
  'customers.emptyTitle': '还没有客户',
  'customers.emptyText': '添加第一位客户，或加载演示数据来体验本应用。',
  'customers.noMatchTitle': '没有符合条件的客户',
  'customers.noMatchText': '换个搜索词试试，或清除筛选条件。',
  'customers.loadFailed': '无法加载客户列表。',
  'customers.loading': '正在加载此行',

  'column.name': '名称',
  'column.kind': '类型',
  'column.stage': '阶段',
  'column.owner': '负责人',
  'column.industry': '行业',
  'column.phone': '电话',
  'column.email': '邮箱',
  'column.updatedAt': '更新时间',
  'column.createdAt': '创建时间',

  'kind.company': '企业',
  'kind.person': '个人',
  'stage.prospect': '潜在客户',
  'stage.new': '新客户',
  'stage.existing': '老客户',
  'stage.lost': '已流失',
  'owner.none': '未分配',

  'customerForm.createTitle': '新建客户',
  'customerForm.editTitle': '编辑客户',
  'customerForm.kind': '类型',
  'customerForm.name': '名称',
  'customerForm.stage': '阶段',
  'customerForm.owner': '负责人',
  'customerForm.industry': '行业',
  'customerForm.address': '地址',
  'customerForm.phone': '电话',
  'customerForm.email': '邮箱',
  'customerForm.notes': '备注',
  'form.requiredHint': '必填',
  'form.hasErrors': '请修改标出的字段。',

  'detail.title': '客户详情',
  'detail.notFoundTitle': '未找到客户',
  'detail.notFoundText': '客户 #{id} 不存在，可能已被删除。',
  'detail.loading': '正在加载客户…',
  'detail.created': '创建时间',
  'detail.updated': '更新时间',
  'detail.empty': '—',

  'delete.customerTitle': '删除客户',
  'delete.customerText': '确定删除“{name}”吗？',
  'delete.customerContacts': '其 {count} 位联系人也将一并删除。',
  'delete.customerNoContacts': '该客户没有联系人。',
  'delete.undoHint': '删除后可以立即撤销。',
  'delete.contactTitle': '删除联系人',
  'delete.contactText': '确定删除联系人“{name}”吗？',

  'contacts.title': '联系人',
  'contacts.add': '添加联系人',
  'contacts.empty': '还没有联系人。',
  'contacts.primary': '主要联系人',
  'contacts.actions': '操作',
  'contacts.editNamed': '编辑 {name}',
  'contacts.deleteNamed': '删除 {name}',
  'contactForm.createTitle': '新建联系人',
  'contactForm.editTitle': '编辑联系人',
  'contactForm.name': '姓名',
  'contactForm.title': '职位',
  'contactForm.phone': '电话',
  'contactForm.email': '邮箱',
  'contactForm.notes': '备注',
  'contactForm.primary': '主要联系人',
  'contactForm.consent': '邮件触达',
  'contactForm.unsubscribed': '已退订',
  'contactForm.doNotContact': '请勿联系',
  'contactForm.consentHint': '向细分或活动批量发送时会跳过此联系人，并计入跳过数。',

  'settings.title': '设置',
  'settings.appearance': '外观',
  'settings.language': '界面语言',
  'settings.theme': '配色主题',
  'settings.storage': '存储',
  'settings.used': '已用 / 可用',
  'settings.usedValue': '{used} / {quota}',
  'settings.unknown': '未知',
  'settings.persistent': '持久存储',
  'settings.persistentYes': '是 — 浏览器不会自动清除',
  'settings.persistentNo': '否 — 空间不足时浏览器可能清除数据',
  'settings.requestPersistence': '请求持久存储',
  'settings.databaseSize': '数据库大小',
  'settings.logRecords': '尚未写入快照的日志记录',
  'settings.refresh': '刷新',
  'settings.backup': '备份',
  'settings.backupText':
    '将整个数据库下载为 SQLite 文件。请保留一份副本：部分浏览器（Safari）会在 7 天未访问后清除网站数据。',
  'settings.downloadBackup': '下载备份 (.sqlite)',
  'settings.checkDatabase': '检查数据库',
  'settings.checking': '检查中…',
  'settings.checkResult': '完整性检查结果',
  'settings.demo': '演示数据',
  'settings.demoText': '以当前语言添加示例用户、客户、联系人、订单和活动。',
  'settings.loadDemo': '加载演示数据',
  'settings.loadingDemo': '正在加载演示数据…',
  'settings.demoConfirmTitle': '加载演示数据',
  'settings.demoConfirmText':
    '工作区中已有 {count} 位客户。演示数据会替换其中的全部数据：如需保留，请先下载备份。',
  'settings.demoConfirm': '替换为演示数据',
  'settings.demoDone': '演示数据已加载：{customers} 位客户，{contacts} 位联系人',
  'demo.progress': '演示数据进度',
  'demo.phase.users': '用户',
  'demo.phase.customers': '客户',
  'demo.phase.contacts': '联系人',
  'demo.phase.orders': '订单',
  'demo.phase.activities': '活动',
  'demo.phase.campaigns': '营销活动',
  'demo.phase.leads': '线索',
  'demo.phase.opportunities': '商机',
  'demo.phase.contracts': '合同',
  'demo.phase.cases': '服务工单',
  'demo.phase.articles': '知识库',
  'demo.phase.relationships': '客户关系',
  'demo.phase.members': '活动成员',
  'demo.phase.surveys': '满意度调查',
  'demo.phase.saving': '保存',

  'notFound.title': '页面不存在',
  'notFound.text': '此地址没有对应的页面。',

  ...importDataZhCN,
  ...recordsZhCN,
  ...historyZhCN,
  ...duplicatesZhCN,
  ...sqlConsoleZhCN,
  ...ordersZhCN,
  ...exportZhCN,
  ...dashboardZhCN,
  ...backupsZhCN,
  ...encryptionZhCN,
  ...activitiesZhCN,
  ...searchZhCN,
  ...analyticsZhCN,
  ...analyticsDashboardZhCN,
  ...analyticsValueZhCN,
  ...analyticsSegmentsZhCN,
  ...pipelineZhCN,
  ...approvalsZhCN,
  ...serviceZhCN,
  ...marketingZhCN,
  ...automationZhCN,
  ...outreachZhCN,
  ...paletteZhCN,
  ...scenariosZhCN,
  ...appUpdateZhCN,
  ...viewLoadingZhCN,
};
