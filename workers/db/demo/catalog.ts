/**
 * What the demo company deals in: customer industries (with the words that end a company name in either
 * language), and the product catalogue of an IT reseller (equipment, software, services) in categories.
 *
 * Plain bilingual data shared by the demo generator and the benchmark generator (industries only). Seeded
 * runs pick by index, so append, never reorder.
 */

export interface Industry {
  zh: string;
  en: string;
  /** Words that end a Chinese company name (before 有限公司). */
  zhWords: readonly string[];
  /** Words that end an English company name (before Inc./LLC). */
  enWords: readonly string[];
  /** Latin word used in generated e-mail domains. */
  slug: string;
  weight: number;
}

export const INDUSTRIES: readonly Industry[] = [
  {
    zh: '信息技术',
    en: 'Technology',
    slug: 'tech',
    weight: 14,
    zhWords: ['科技', '信息技术', '软件', '网络科技', '数据科技', '智能科技'],
    enWords: ['Software', 'Systems', 'Technologies', 'Data', 'Labs'],
  },
  {
    zh: '制造业',
    en: 'Manufacturing',
    slug: 'mfg',
    weight: 14,
    zhWords: ['机械制造', '精密机械', '电子', '新材料', '自动化设备', '五金制品'],
    enWords: ['Manufacturing', 'Industries', 'Precision', 'Components', 'Tooling'],
  },
  {
    zh: '批发零售',
    en: 'Wholesale & Retail',
    slug: 'trade',
    weight: 10,
    zhWords: ['商贸', '贸易', '百货', '供应链管理'],
    enWords: ['Trading', 'Supply', 'Retail', 'Distributors'],
  },
  {
    zh: '金融服务',
    en: 'Financial Services',
    slug: 'capital',
    weight: 6,
    zhWords: ['投资管理', '融资租赁', '保险代理', '资产管理'],
    enWords: ['Capital', 'Financial', 'Advisors', 'Insurance'],
  },
  {
    zh: '医疗健康',
    en: 'Healthcare',
    slug: 'med',
    weight: 7,
    zhWords: ['医疗器械', '生物科技', '医药', '健康管理'],
    enWords: ['Medical', 'Health', 'Biotech', 'Pharma'],
  },
  {
    zh: '教育培训',
    en: 'Education',
    slug: 'edu',
    weight: 5,
    zhWords: ['教育科技', '文化教育', '职业培训'],
    enWords: ['Learning', 'Academy', 'Education'],
  },
  {
    zh: '物流运输',
    en: 'Logistics',
    slug: 'logistics',
    weight: 7,
    zhWords: ['物流', '供应链', '国际货运代理', '运输'],
    enWords: ['Logistics', 'Freight', 'Transport'],
  },
  {
    zh: '建筑工程',
    en: 'Construction',
    slug: 'build',
    weight: 7,
    zhWords: ['建筑工程', '建设', '装饰工程', '建材'],
    enWords: ['Construction', 'Builders', 'Contracting'],
  },
  {
    zh: '餐饮酒店',
    en: 'Hospitality',
    slug: 'food',
    weight: 5,
    zhWords: ['餐饮管理', '酒店管理', '食品'],
    enWords: ['Hospitality', 'Foods', 'Catering'],
  },
  {
    zh: '能源化工',
    en: 'Energy & Chemicals',
    slug: 'energy',
    weight: 5,
    zhWords: ['新能源', '化工', '环保科技', '电力设备'],
    enWords: ['Energy', 'Solar', 'Chemicals', 'Power'],
  },
  {
    zh: '房地产',
    en: 'Real Estate',
    slug: 'property',
    weight: 4,
    zhWords: ['置业', '房地产开发', '物业管理'],
    enWords: ['Realty', 'Properties', 'Development'],
  },
  {
    zh: '文化传媒',
    en: 'Media',
    slug: 'media',
    weight: 4,
    zhWords: ['文化传媒', '广告', '影视文化'],
    enWords: ['Media', 'Studios', 'Creative'],
  },
  {
    zh: '专业服务',
    en: 'Professional Services',
    slug: 'consulting',
    weight: 8,
    zhWords: ['企业管理咨询', '人力资源', '财务咨询', '信息咨询'],
    enWords: ['Consulting', 'Partners', 'Advisory'],
  },
  {
    zh: '农业',
    en: 'Agriculture',
    slug: 'agri',
    weight: 3,
    zhWords: ['农业科技', '生态农业', '农产品'],
    enWords: ['Farms', 'Agri', 'Growers'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Products: a reseller of IT equipment, software and services.
// ---------------------------------------------------------------------------------------------------------

export interface ProductSeed {
  zh: string;
  en: string;
  /** Index into PRODUCT_CATEGORIES. */
  cat: number;
  unit: readonly [zh: string, en: string];
  /** List price in whole CNY / USD. */
  cny: number;
  usd: number;
  /** Typical quantity per order line. */
  maxQty: number;
}

export const PRODUCT_CATEGORIES: readonly (readonly [zh: string, en: string])[] = [
  ['软件与云服务', 'Software & Cloud'],
  ['技术服务', 'Services'],
  ['网络与服务器', 'Networking & Servers'],
  ['电脑及配件', 'Computers & Accessories'],
  ['办公设备', 'Office Equipment'],
  ['办公家具', 'Office Furniture'],
  ['耗材', 'Supplies'],
  ['安防设备', 'Security'],
];

export const PRODUCTS: readonly ProductSeed[] = [
  {
    zh: '企业版CRM软件许可（年/用户）',
    en: 'CRM Enterprise License (per user/year)',
    cat: 0,
    unit: ['套', 'license'],
    cny: 1200,
    usd: 180,
    maxQty: 50,
  },
  {
    zh: '云服务器 4核8G（年）',
    en: 'Cloud Server 4 vCPU / 8 GB (1 year)',
    cat: 0,
    unit: ['年', 'year'],
    cny: 3600,
    usd: 540,
    maxQty: 10,
  },
  {
    zh: '对象存储 1TB（年）',
    en: 'Object Storage 1 TB (1 year)',
    cat: 0,
    unit: ['年', 'year'],
    cny: 1500,
    usd: 220,
    maxQty: 10,
  },
  {
    zh: '标准技术支持服务包',
    en: 'Standard Support Plan',
    cat: 1,
    unit: ['项', 'plan'],
    cny: 8000,
    usd: 1200,
    maxQty: 1,
  },
  {
    zh: '高级技术支持服务包',
    en: 'Premium Support Plan',
    cat: 1,
    unit: ['项', 'plan'],
    cny: 20000,
    usd: 3000,
    maxQty: 1,
  },
  {
    zh: '实施与培训服务（人天）',
    en: 'Implementation & Training (per day)',
    cat: 1,
    unit: ['人天', 'day'],
    cny: 2500,
    usd: 400,
    maxQty: 15,
  },
  {
    zh: '数据迁移服务',
    en: 'Data Migration Service',
    cat: 1,
    unit: ['项', 'job'],
    cny: 15000,
    usd: 2200,
    maxQty: 1,
  },
  {
    zh: '企业邮箱（年/用户）',
    en: 'Business Email (per user/year)',
    cat: 0,
    unit: ['个', 'mailbox'],
    cny: 180,
    usd: 30,
    maxQty: 100,
  },
  {
    zh: '下一代防火墙',
    en: 'Next-Generation Firewall',
    cat: 2,
    unit: ['台', 'unit'],
    cny: 28000,
    usd: 4200,
    maxQty: 2,
  },
  {
    zh: '千兆交换机 24口',
    en: '24-Port Gigabit Switch',
    cat: 2,
    unit: ['台', 'unit'],
    cny: 2400,
    usd: 380,
    maxQty: 8,
  },
  {
    zh: '企业级无线AP',
    en: 'Enterprise Wireless Access Point',
    cat: 2,
    unit: ['个', 'unit'],
    cny: 980,
    usd: 160,
    maxQty: 20,
  },
  {
    zh: '商务笔记本电脑 14英寸',
    en: '14" Business Laptop',
    cat: 3,
    unit: ['台', 'unit'],
    cny: 6500,
    usd: 1100,
    maxQty: 20,
  },
  {
    zh: '台式工作站',
    en: 'Desktop Workstation',
    cat: 3,
    unit: ['台', 'unit'],
    cny: 8800,
    usd: 1500,
    maxQty: 10,
  },
  { zh: '27英寸显示器', en: '27" Monitor', cat: 3, unit: ['台', 'unit'], cny: 1600, usd: 260, maxQty: 30 },
  { zh: '激光打印机', en: 'Laser Printer', cat: 4, unit: ['台', 'unit'], cny: 2200, usd: 350, maxQty: 5 },
  {
    zh: '多功能复印一体机',
    en: 'Multifunction Copier',
    cat: 4,
    unit: ['台', 'unit'],
    cny: 12800,
    usd: 2100,
    maxQty: 2,
  },
  {
    zh: '视频会议终端',
    en: 'Video Conferencing System',
    cat: 4,
    unit: ['套', 'set'],
    cny: 15800,
    usd: 2600,
    maxQty: 3,
  },
  {
    zh: '65英寸会议平板',
    en: '65" Interactive Display',
    cat: 4,
    unit: ['台', 'unit'],
    cny: 18800,
    usd: 3100,
    maxQty: 3,
  },
  { zh: 'UPS不间断电源 3kVA', en: 'UPS 3 kVA', cat: 2, unit: ['台', 'unit'], cny: 4200, usd: 680, maxQty: 4 },
  {
    zh: '2U机架式服务器',
    en: '2U Rack Server',
    cat: 2,
    unit: ['台', 'unit'],
    cny: 36000,
    usd: 5800,
    maxQty: 4,
  },
  { zh: '固态硬盘 1TB', en: '1 TB SSD', cat: 3, unit: ['块', 'unit'], cny: 560, usd: 90, maxQty: 40 },
  {
    zh: '无线键鼠套装',
    en: 'Wireless Keyboard & Mouse',
    cat: 3,
    unit: ['套', 'set'],
    cny: 199,
    usd: 35,
    maxQty: 50,
  },
  {
    zh: '人体工学办公椅',
    en: 'Ergonomic Office Chair',
    cat: 5,
    unit: ['把', 'unit'],
    cny: 1280,
    usd: 220,
    maxQty: 30,
  },
  {
    zh: '电动升降办公桌',
    en: 'Standing Desk',
    cat: 5,
    unit: ['张', 'unit'],
    cny: 2680,
    usd: 450,
    maxQty: 20,
  },
  {
    zh: 'A4复印纸（箱）',
    en: 'A4 Copy Paper (case)',
    cat: 6,
    unit: ['箱', 'case'],
    cny: 135,
    usd: 28,
    maxQty: 60,
  },
  { zh: '原装硒鼓', en: 'Toner Cartridge', cat: 6, unit: ['个', 'unit'], cny: 420, usd: 70, maxQty: 24 },
  {
    zh: '门禁考勤一体机',
    en: 'Access Control Terminal',
    cat: 7,
    unit: ['台', 'unit'],
    cny: 1850,
    usd: 300,
    maxQty: 6,
  },
  {
    zh: '网络摄像机',
    en: 'IP Security Camera',
    cat: 7,
    unit: ['台', 'unit'],
    cny: 780,
    usd: 130,
    maxQty: 24,
  },
  {
    zh: '数据备份一体机',
    en: 'Backup Appliance',
    cat: 2,
    unit: ['台', 'unit'],
    cny: 26000,
    usd: 4100,
    maxQty: 2,
  },
  {
    zh: '年度维保服务',
    en: 'Annual Maintenance Contract',
    cat: 1,
    unit: ['年', 'year'],
    cny: 9600,
    usd: 1500,
    maxQty: 1,
  },
];
