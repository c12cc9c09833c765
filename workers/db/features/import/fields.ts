/**
 * The fields each record type can import, the header texts (Chinese and English) that map to them
 * automatically, and the words accepted for choice fields (stage, status, source …) in both languages.
 */
import type { ColumnMapping, ImportRecordType } from './api';

export interface FieldDef {
  key: string;
  required?: boolean;
  /** Header texts, compared after {@link normalizeHeader}. */
  headers: readonly string[];
}

const NAME_HEADERS = ['名称', '名字', 'name'];
const PHONE = {
  key: 'phone',
  headers: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系电话',
    '联系方式',
    '座机',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
    'cell',
    'mobilephone',
  ],
};
const EMAIL = {
  key: 'email',
  headers: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email', 'mail', 'emailaddress'],
};
const NOTES = {
  key: 'notes',
  headers: ['备注', '说明', '附注', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
};
const TITLE = { key: 'title', headers: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position'] };
const OWNER = {
  key: 'owner',
  headers: ['负责人', '销售', '销售代表', '客户经理', '所有者', 'owner', 'salesrep', 'accountowner'],
};
const CUSTOMER = {
  key: 'customer',
  required: true,
  headers: [
    '客户',
    '客户名称',
    '所属客户',
    '公司',
    '公司名称',
    '单位',
    '单位名称',
    '客户邮箱',
    'customer',
    'customername',
    'company',
    'companyname',
    'account',
    'organization',
    'org',
  ],
};

export const FIELDS: Record<ImportRecordType, readonly FieldDef[]> = {
  customers: [
    {
      key: 'name',
      required: true,
      headers: [
        ...NAME_HEADERS,
        '公司名称',
        '客户名称',
        '客户',
        '公司',
        '企业名称',
        '单位名称',
        'company',
        'companyname',
        'customer',
        'customername',
        'account',
        'accountname',
      ],
    },
    { key: 'kind', headers: ['类型', '客户类型', 'kind', 'type', 'customertype'] },
    {
      key: 'stage',
      headers: ['阶段', '客户阶段', '生命周期', '生命周期阶段', 'stage', 'lifecyclestage', 'lifecycle'],
    },
    { key: 'industry', headers: ['行业', '所属行业', 'industry', 'sector'] },
    {
      key: 'address',
      headers: ['地址', '公司地址', '联系地址', '通讯地址', '详细地址', 'address', 'street'],
    },
    PHONE,
    EMAIL,
    NOTES,
    OWNER,
  ],
  contacts: [
    {
      key: 'name',
      required: true,
      headers: ['姓名', '联系人', '联系人姓名', ...NAME_HEADERS, 'fullname', 'contact', 'contactname'],
    },
    CUSTOMER,
    TITLE,
    PHONE,
    EMAIL,
    NOTES,
  ],
  leads: [
    {
      key: 'name',
      required: true,
      headers: ['姓名', '联系人', '线索', '线索名称', ...NAME_HEADERS, 'fullname', 'leadname', 'lead'],
    },
    {
      key: 'company',
      headers: ['公司', '公司名称', '单位', '企业', 'company', 'companyname', 'organization'],
    },
    TITLE,
    PHONE,
    EMAIL,
    { key: 'source', headers: ['来源', '线索来源', 'source', 'leadsource'] },
    { key: 'status', headers: ['状态', '线索状态', 'status', 'leadstatus'] },
    { key: 'score', headers: ['评分', '分数', '打分', 'score', 'leadscore'] },
    {
      key: 'followUpOn',
      headers: [
        '跟进日期',
        '下次跟进',
        '跟进时间',
        '下次跟进日期',
        'followup',
        'followupon',
        'followupdate',
        'nextfollowup',
      ],
    },
    NOTES,
    OWNER,
  ],
  products: [
    {
      key: 'code',
      required: true,
      headers: ['编码', '产品编码', '编号', '货号', '产品编号', 'sku', 'code', 'productcode', 'itemcode'],
    },
    {
      key: 'name',
      required: true,
      headers: [...NAME_HEADERS, '产品名称', '品名', '产品', 'productname', 'product'],
    },
    { key: 'category', headers: ['分类', '类别', '产品分类', '类目', 'category'] },
    { key: 'unit', headers: ['单位', '计量单位', 'unit', 'uom'] },
    { key: 'price', headers: ['价格', '单价', '售价', '销售价', 'price', 'unitprice', 'listprice'] },
    { key: 'cost', headers: ['成本', '成本价', '进价', 'cost', 'unitcost'] },
    { key: 'stock', headers: ['库存', '库存数量', 'stock', 'inventory', 'qty', 'quantity'] },
    { key: 'description', headers: ['描述', '产品描述', '说明', 'description'] },
    { key: 'active', headers: ['启用', '是否启用', '在售', 'active', 'enabled'] },
  ],
  orders: [
    {
      key: 'orderNo',
      headers: ['订单号', '订单编号', '单号', '编号', 'orderno', 'ordernumber', 'number', 'order', 'orderid'],
    },
    CUSTOMER,
    {
      key: 'orderDate',
      required: true,
      headers: ['日期', '订单日期', '下单日期', '下单时间', 'date', 'orderdate'],
    },
    { key: 'status', headers: ['状态', '订单状态', 'status', 'orderstatus'] },
    {
      key: 'total',
      headers: ['金额', '总额', '总金额', '订单金额', '合计', 'total', 'amount', 'totalamount'],
    },
    { key: 'currency', headers: ['币种', '货币', 'currency'] },
    NOTES,
    OWNER,
  ],
};

/** Case, width (full-width letters), spaces, punctuation and a trailing "(…)" or "*" do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-.:：*#/]+/g, '');
}

/**
 * Suggests a field for each column: exact matches first, then headers containing a known word (longest
 * word wins, e.g. "客户联系电话" → phone). Each field is given to one column only.
 */
export function matchHeaders(headers: readonly string[], recordType: ImportRecordType): ColumnMapping {
  const fields = FIELDS[recordType];
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<string>();
  for (const field of fields) {
    const words = new Set(field.headers.map(normalizeHeader));
    const column = normalized.findIndex((header, index) => mapping[index] === null && words.has(header));
    if (column >= 0) {
      mapping[column] = field.key;
      taken.add(field.key);
    }
  }
  normalized.forEach((header, column) => {
    if (mapping[column] !== null || header === '') return;
    let best: { key: string; length: number } | null = null;
    for (const field of fields) {
      if (taken.has(field.key)) continue;
      for (const word of field.headers.map(normalizeHeader)) {
        // Short Latin words ("tel", "org") inside longer headers match too much.
        if (word.length < 2 || (/^[a-z]+$/.test(word) && word.length < 5)) continue;
        if (header.includes(word) && (!best || word.length > best.length))
          best = { key: field.key, length: word.length };
      }
    }
    if (best) {
      mapping[column] = best.key;
      taken.add(best.key);
    }
  });
  return mapping;
}

/** The record type whose required fields and other fields the headers cover best. */
export function suggestRecordType(suggested: Record<ImportRecordType, ColumnMapping>): ImportRecordType {
  let best: ImportRecordType = 'customers';
  let bestScore = -1;
  for (const [type, mapping] of Object.entries(suggested) as [ImportRecordType, ColumnMapping][]) {
    const mapped = new Set(mapping.filter((key): key is string => key !== null));
    const required = FIELDS[type].filter((field) => field.required);
    const score = required.every((field) => mapped.has(field.key)) ? 100 + mapped.size : mapped.size;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

/** Accepted words per choice value (the code itself, English labels, Chinese labels). */
export const CHOICES = {
  kind: {
    company: ['企业', '公司', '单位', 'business', 'organization'],
    person: ['个人', '个体', 'individual'],
  },
  stage: {
    prospect: ['潜在客户', '潜在', '意向客户'],
    new: ['新客户', '新', '新签'],
    existing: ['老客户', '现有客户', '已成交', '成交客户', '老'],
    lost: ['已流失', '流失', '流失客户'],
  },
  leadStatus: {
    new: ['新线索', '新', '未联系'],
    contacted: ['已联系', '联系中'],
    qualified: ['已确认', '合格', '有效'],
    unqualified: ['不合格', '无效'],
    converted: ['已转化', '已转换', '转化'],
  },
  leadSource: {
    website: ['网站', '官网', 'web'],
    referral: ['推荐', '转介绍', '介绍'],
    event: ['活动', '展会', '会议'],
    campaign: ['营销活动', '市场活动'],
    cold_call: ['电话', '陌拜', '陌生拜访', '电话营销', 'cold call', 'coldcall'],
    advertising: ['广告', 'ads', 'ad'],
    social: ['社交媒体', '社交', '微信', '微博'],
    partner: ['合作伙伴', '渠道', '伙伴'],
    other: ['其他', '其它'],
  },
  orderStatus: {
    draft: ['草稿'],
    confirmed: ['已确认', '确认'],
    shipped: ['已发货', '发货'],
    completed: ['已完成', '完成'],
    cancelled: ['已取消', '取消', 'canceled'],
  },
  active: {
    yes: ['是', '启用', '在售', 'y', 'true', '1', 'active', 'enabled'],
    no: ['否', '停用', '下架', 'n', 'false', '0', 'inactive', 'disabled'],
  },
} as const;

const choiceKey = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The choice code for `text` (its code or any listed word), or null when it is none of them. */
export function parseChoice<T extends string>(text: string, table: Record<T, readonly string[]>): T | null {
  const key = choiceKey(text);
  for (const [code, words] of Object.entries(table) as [T, readonly string[]][]) {
    if (choiceKey(code) === key || words.some((word) => choiceKey(word) === key)) return code;
  }
  return null;
}
