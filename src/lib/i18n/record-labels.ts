/**
 * Names of record types, their fields and choice values in both languages, looked up by the keys of
 * `workers/db/entities/definitions.ts`. Kept apart from the message catalogs because lists, filters and forms
 * build these keys at run time from the definitions; a missing label falls back to the key itself (and the
 * unit test in tests/unit/record-labels.test.ts fails), never to an empty cell.
 */
import type { EntityName, FieldDef } from '../../../workers/db/entities/types';
import { locale } from '../state/locale.svelte';

type Pair = readonly [en: string, zh: string];

export const ENTITY_LABELS: Record<EntityName, { one: Pair; many: Pair }> = {
  customer: { one: ['Customer', '客户'], many: ['Customers', '客户'] },
  contact: { one: ['Contact', '联系人'], many: ['Contacts', '联系人'] },
  lead: { one: ['Lead', '线索'], many: ['Leads', '线索'] },
  opportunity: { one: ['Opportunity', '商机'], many: ['Opportunities', '商机'] },
  product: { one: ['Product', '产品'], many: ['Products', '产品'] },
  order: { one: ['Order', '订单'], many: ['Orders', '订单'] },
  contract: { one: ['Contract', '合同'], many: ['Contracts', '合同'] },
  case: { one: ['Case', '工单'], many: ['Cases', '工单'] },
  article: { one: ['Article', '知识文章'], many: ['Knowledge base', '知识库'] },
  campaign: { one: ['Campaign', '营销活动'], many: ['Campaigns', '营销活动'] },
  activity: { one: ['Activity', '活动记录'], many: ['Activities', '活动记录'] },
  user: { one: ['User', '用户'], many: ['Users', '用户'] },
};

/** Field labels shared by many record types, then per-type ones that differ. */
const COMMON_FIELDS: Record<string, Pair> = {
  name: ['Name', '名称'],
  ownerId: ['Owner', '负责人'],
  customerId: ['Customer', '客户'],
  contactId: ['Contact', '联系人'],
  opportunityId: ['Opportunity', '商机'],
  leadId: ['Lead', '线索'],
  caseId: ['Case', '工单'],
  productId: ['Product', '产品'],
  campaignId: ['Campaign', '营销活动'],
  phone: ['Phone', '电话'],
  email: ['Email', '邮箱'],
  title: ['Title', '标题'],
  notes: ['Notes', '备注'],
  status: ['Status', '状态'],
  type: ['Type', '类型'],
  currency: ['Currency', '币种'],
  description: ['Description', '描述'],
  category: ['Category', '类别'],
  createdAt: ['Created', '创建时间'],
  updatedAt: ['Updated', '更新时间'],
  amountMinor: ['Amount', '金额'],
  startDate: ['Start date', '开始日期'],
  endDate: ['End date', '结束日期'],
  active: ['Active', '启用'],
};

const ENTITY_FIELDS: Partial<Record<EntityName, Record<string, Pair>>> = {
  customer: {
    segment: ['Segment', '细分'],
    churnRisk: ['Churn risk', '流失风险'],
    name: ['Name', '客户名称'],
    kind: ['Type', '类型'],
    stage: ['Stage', '阶段'],
    industry: ['Industry', '行业'],
    address: ['Address', '地址'],
  },
  contact: {
    name: ['Name', '姓名'],
    title: ['Job title', '职务'],
    isPrimary: ['Primary contact', '主要联系人'],
    unsubscribed: ['Unsubscribed', '已退订'],
    doNotContact: ['Do not contact', '请勿联系'],
  },
  lead: {
    name: ['Name', '姓名'],
    company: ['Company', '公司'],
    title: ['Job title', '职务'],
    source: ['Source', '来源'],
    score: ['Score', '评分'],
    followUpOn: ['Follow up on', '跟进日期'],
    convertedAt: ['Converted', '转化时间'],
    convertedCustomerId: ['Converted to customer', '转化客户'],
  },
  opportunity: {
    stageId: ['Stage', '阶段'],
    probability: ['Probability %', '赢率 %'],
    discountBp: ['Discount %', '折扣 %'],
    expectedClose: ['Expected close', '预计成交'],
    closedAt: ['Closed', '关闭时间'],
    wonReason: ['Won reason', '赢单原因'],
    lostReason: ['Lost reason', '输单原因'],
  },
  product: {
    code: ['Code', '编码'],
    unit: ['Unit', '单位'],
    priceMinor: ['Price', '价格'],
    costMinor: ['Cost', '成本'],
    stock: ['Stock', '库存'],
  },
  order: {
    orderNo: ['Order no.', '订单号'],
    orderDate: ['Order date', '下单日期'],
    totalMinor: ['Total', '总额'],
  },
  contract: {
    contractNo: ['Contract no.', '合同编号'],
    renewalDate: ['Renewal date', '续约日期'],
  },
  case: {
    subject: ['Subject', '主题'],
    priority: ['Priority', '优先级'],
    slaDue: ['SLA due', 'SLA 截止'],
    resolution: ['Resolution', '解决方案'],
    csat: ['CSAT (1–5)', '满意度 (1–5)'],
    resolvedAt: ['Resolved', '解决时间'],
  },
  article: { body: ['Text', '正文'], authorId: ['Author', '作者'], views: ['Views', '浏览量'] },
  campaign: {
    channel: ['Channel', '渠道'],
    location: ['Location', '地点'],
    budgetMinor: ['Budget', '预算'],
    actualCostMinor: ['Actual cost', '实际花费'],
  },
  activity: {
    subject: ['Subject', '主题'],
    dueAt: ['Due', '到期时间'],
    done: ['Done', '已完成'],
    body: ['Details', '详情'],
    doneAt: ['Done at', '完成时间'],
  },
  user: { role: ['Role', '角色'], team: ['Team', '团队'], managerId: ['Manager', '上级'] },
};

const CHOICES: Record<string, Pair> = {
  // customers
  company: ['Company', '企业'],
  person: ['Person', '个人'],
  prospect: ['Prospect', '潜在客户'],
  existing: ['Existing', '老客户'],
  lost: ['Lost', '流失'],
  // leads
  website: ['Website', '官网'],
  referral: ['Referral', '转介绍'],
  event: ['Event', '会议活动'],
  campaign: ['Campaign', '营销活动'],
  cold_call: ['Cold call', '电话拜访'],
  advertising: ['Advertising', '广告'],
  social: ['Social media', '社交媒体'],
  partner: ['Partner', '合作伙伴'],
  other: ['Other', '其他'],
  new: ['New', '新'],
  contacted: ['Contacted', '已联系'],
  qualified: ['Qualified', '合格'],
  unqualified: ['Unqualified', '不合格'],
  converted: ['Converted', '已转化'],
  // orders and contracts
  draft: ['Draft', '草稿'],
  confirmed: ['Confirmed', '已确认'],
  shipped: ['Shipped', '已发货'],
  completed: ['Completed', '已完成'],
  cancelled: ['Cancelled', '已取消'],
  active: ['Active', '生效中'],
  expired: ['Expired', '已到期'],
  terminated: ['Terminated', '已终止'],
  renewed: ['Renewed', '已续约'],
  // cases
  inquiry: ['Inquiry', '咨询'],
  complaint: ['Complaint', '投诉'],
  after_sales: ['After-sales', '售后'],
  low: ['Low', '低'],
  normal: ['Normal', '普通'],
  high: ['High', '高'],
  urgent: ['Urgent', '紧急'],
  open: ['Open', '待处理'],
  in_progress: ['In progress', '处理中'],
  waiting: ['Waiting', '等待中'],
  resolved: ['Resolved', '已解决'],
  closed: ['Closed', '已关闭'],
  // articles
  published: ['Published', '已发布'],
  archived: ['Archived', '已归档'],
  // campaigns
  email: ['Email', '邮件'],
  sms: ['SMS', '短信'],
  webinar: ['Webinar', '网络研讨会'],
  planned: ['Planned', '计划中'],
  // activities
  call: ['Call', '电话'],
  meeting: ['Meeting', '会议'],
  note: ['Note', '备注'],
  task: ['Task', '任务'],
  // users
  rep: ['Sales rep', '销售代表'],
  manager: ['Manager', '经理'],
  admin: ['Admin', '管理员'],
};

/** Per-type overrides where the same value reads differently (a campaign "active" vs a contract). */
const ENTITY_CHOICES: Partial<Record<EntityName, Record<string, Pair>>> = {
  campaign: { active: ['Running', '进行中'], event: ['Event', '线下活动'] },
  customer: { new: ['New', '新客户'] },
  lead: { new: ['New', '新线索'] },
};

/** Seeded pipeline stages are translated by code until the user renames them. */
const STAGE_CODES: Record<string, Pair> = {
  qualification: ['Qualification', '初步接洽'],
  needs_analysis: ['Needs analysis', '需求分析'],
  proposal: ['Proposal', '方案报价'],
  negotiation: ['Negotiation', '商务谈判'],
  won: ['Won', '赢单'],
  lost: ['Lost', '输单'],
};

const pick = (pair: Pair): string => (locale.current === 'en' ? pair[0] : pair[1]);

export function entityLabel(entity: EntityName, plural = false): string {
  const labels = ENTITY_LABELS[entity];
  return pick(plural ? labels.many : labels.one);
}

export function fieldLabel(entity: EntityName, field: Pick<FieldDef, 'key' | 'label'>): string {
  if (field.label !== undefined) return field.label;
  const pair = ENTITY_FIELDS[entity]?.[field.key] ?? COMMON_FIELDS[field.key];
  return pair ? pick(pair) : field.key;
}

export function choiceLabel(entity: EntityName, value: string): string {
  const pair = ENTITY_CHOICES[entity]?.[value] ?? CHOICES[value];
  return pair ? pick(pair) : value;
}

/** A pipeline stage's name: the translation of a seeded stage whose name the user kept, else the name. */
export function stageLabel(name: string, code: string | null | undefined): string {
  const pair = code ? STAGE_CODES[code] : undefined;
  if (pair && (name === pair[1] || name === pair[0])) return pick(pair);
  return name;
}

/** Whether every built-in field and choice has a label (used by the unit test). */
export function missingLabels(defs: readonly { entity: EntityName; fields: FieldDef[] }[]): string[] {
  const missing: string[] = [];
  for (const def of defs) {
    for (const field of def.fields) {
      if (field.customId !== undefined) continue;
      if (!(ENTITY_FIELDS[def.entity]?.[field.key] ?? COMMON_FIELDS[field.key]))
        missing.push(`${def.entity}.${field.key}`);
      for (const choice of field.choices ?? [])
        if (!(ENTITY_CHOICES[def.entity]?.[choice] ?? CHOICES[choice]))
          missing.push(`${def.entity}.${field.key}=${choice}`);
    }
  }
  return missing;
}
