/**
 * Messages of the global search (the box in the header and the results page), in both languages. Spread
 * into `en.ts` and `zh-cn.ts`, so the key check covers them.
 */
export const searchEn = {
  'search.label': 'Search all records',
  'search.placeholder': 'Search names, companies, phones… (/)',
  'search.title': 'Search',
  'search.submit': 'Search',
  'search.searching': 'Searching…',
  'search.hint':
    'Type part of a name, company, email, phone number, order or contract number. Chinese text is found anywhere inside a name; every word you type must match.',
  'search.noResults': 'Nothing matches “{query}”.',
  'search.summary': '{count} record matches “{query}”.|{count} records match “{query}”.',
  'search.summaryCapped': 'More than {count} records match “{query}”; add a word to narrow it down.',
  'search.groupCount': '{shown} of {total}',
  'search.groupCountCapped': '{shown} of more than {total}',
  'search.showMore': 'Show more {type}',
  'search.seeAll': 'See all results for “{query}”',
  'search.failed': 'The search did not run: {message}',
  'search.tooLong': 'A search is at most {max} characters.',
  'search.resultsLabel': 'Search results',

  'search.entity.customer': 'Customers',
  'search.entity.contact': 'Contacts',
  'search.entity.lead': 'Leads',
  'search.entity.opportunity': 'Opportunities',
  'search.entity.product': 'Products',
  'search.entity.order': 'Orders',
  'search.entity.contract': 'Contracts',
  'search.entity.case': 'Cases',
  'search.entity.article': 'Knowledge articles',
  'search.entity.campaign': 'Campaigns',
};

export const searchZhCN: Record<keyof typeof searchEn, string> = {
  'search.label': '搜索全部记录',
  'search.placeholder': '搜索姓名、公司、电话…（/）',
  'search.title': '搜索',
  'search.submit': '搜索',
  'search.searching': '正在搜索…',
  'search.hint':
    '输入姓名、公司、邮箱、电话号码、订单号或合同号的一部分。中文可匹配名称中任意位置；输入的每个词都必须匹配。',
  'search.noResults': '没有与“{query}”匹配的记录。',
  'search.summary': '共 {count} 条记录与“{query}”匹配。',
  'search.summaryCapped': '超过 {count} 条记录与“{query}”匹配；再输入一个词可缩小范围。',
  'search.groupCount': '显示 {shown} / 共 {total}',
  'search.groupCountCapped': '显示 {shown} / 超过 {total}',
  'search.showMore': '显示更多{type}',
  'search.seeAll': '查看“{query}”的全部结果',
  'search.failed': '搜索未能执行：{message}',
  'search.tooLong': '搜索内容最多 {max} 个字符。',
  'search.resultsLabel': '搜索结果',

  'search.entity.customer': '客户',
  'search.entity.contact': '联系人',
  'search.entity.lead': '线索',
  'search.entity.opportunity': '商机',
  'search.entity.product': '产品',
  'search.entity.order': '订单',
  'search.entity.contract': '合同',
  'search.entity.case': '工单',
  'search.entity.article': '知识库文章',
  'search.entity.campaign': '营销活动',
};
