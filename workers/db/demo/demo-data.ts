/**
 * Seeded demo workspace: a believable small sales team with its customers, contacts, products, orders and
 * activities, in Chinese (zh-CN, amounts in CNY) or English (en, amounts in USD).
 *
 * Profile: 12 users (1 admin, 3 managers, 8 reps), 500 customers (≈70 % companies, ≈30 % persons; stages
 * ≈25 % prospect / 15 % new / 48 % existing / 12 % lost; owners spread unevenly, a few unassigned prospects),
 * 1–4 contacts per company (1 for some persons), 30 products, ≈3,000 orders over the last 24 months with 1–5
 * lines each (order total = sum of line amounts) and ≈2,000 activities (past ones done, future ones open,
 * a few overdue).
 *
 * Text: person names, streets and company names for `en` come from @faker-js/faker (seeded instance). For
 * zh-CN, faker's company names and streets invent cities ("诸乡县晨保险无限责任公司", "彭旁1号") and its
 * e-mails do not match the names, so Chinese names, companies (city + brand + industry word + 有限公司),
 * addresses, phones (mobiles 1[3-9]…, landlines with the city's area code) and pinyin e-mails are composed
 * here from fixed pools of real cities, districts, roads, surnames and given-name characters.
 *
 * Deterministic for a given (locale, seed, now): no Math.random, no Date.now; every date is derived from
 * `now`. Structural choices use {@link Rng}; faker (same seed) only supplies English words.
 *
 * Transactions: this function does NOT open one. The caller (the persistence engine) wraps the call in its
 * own transaction, captures the changes and commits; on a throw it rolls back. Inserts use prepared,
 * parameterized statements, freed in `finally`.
 */
import { Faker, base, en, zh_CN } from '@faker-js/faker';
import type { Database, SqlValue, Statement } from 'sql.js';
import type {
  CustomerKind,
  DemoLocale,
  DemoProgress,
  DemoSummary,
  LifecycleStage,
  UserRole,
} from '../contract';
import { DAY_MS, DEFAULT_SEED, Rng, WeightedPicker, isoDate, isoTimestamp } from './random';

export interface DemoDataOptions {
  locale: DemoLocale;
  seed?: number;
  now: Date;
  onProgress?: (progress: DemoProgress) => void;
}

/** Sizes of the demo profile (exported for tests and docs). */
export const DEMO_PROFILE = {
  users: 12,
  managers: 3,
  customers: 500,
  products: 30,
  orders: 3000,
  activities: 2000,
  orderMonths: 24,
} as const;

const PROGRESS_EVERY = 250;

// ---------------------------------------------------------------------------------------------------------
// Pools shared with the benchmark generator (plain data, no faker).
// ---------------------------------------------------------------------------------------------------------

/** Common surnames with pinyin (roughly in order of frequency). */
export const CN_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['肖', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['袁', 'yuan'],
  ['潘', 'pan'],
  ['于', 'yu'],
  ['蒋', 'jiang'],
  ['蔡', 'cai'],
  ['余', 'yu'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['苏', 'su'],
  ['魏', 'wei'],
  ['吕', 'lv'],
  ['丁', 'ding'],
  ['任', 'ren'],
  ['沈', 'shen'],
  ['姚', 'yao'],
  ['卢', 'lu'],
  ['姜', 'jiang'],
  ['崔', 'cui'],
  ['钟', 'zhong'],
  ['谭', 'tan'],
  ['陆', 'lu'],
  ['汪', 'wang'],
  ['范', 'fan'],
  ['金', 'jin'],
  ['欧阳', 'ouyang'],
  ['司马', 'sima'],
  ['上官', 'shangguan'],
];

/** Characters used in given names, with pinyin. */
export const CN_GIVEN_CHARS: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['文', 'wen'],
  ['玉', 'yu'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['志', 'zhi'],
  ['海', 'hai'],
  ['宇', 'yu'],
  ['晨', 'chen'],
  ['欣', 'xin'],
  ['怡', 'yi'],
  ['浩', 'hao'],
  ['然', 'ran'],
  ['子', 'zi'],
  ['涵', 'han'],
  ['思', 'si'],
  ['雨', 'yu'],
  ['婷', 'ting'],
  ['佳', 'jia'],
  ['琪', 'qi'],
  ['博', 'bo'],
  ['轩', 'xuan'],
  ['鑫', 'xin'],
  ['鹏', 'peng'],
  ['飞', 'fei'],
  ['辉', 'hui'],
  ['俊', 'jun'],
  ['凯', 'kai'],
  ['慧', 'hui'],
  ['颖', 'ying'],
  ['倩', 'qian'],
  ['雪', 'xue'],
  ['梅', 'mei'],
  ['琳', 'lin'],
  ['峰', 'feng'],
  ['斌', 'bin'],
  ['亮', 'liang'],
  ['晓', 'xiao'],
  ['嘉', 'jia'],
  ['诗', 'shi'],
  ['一', 'yi'],
  ['诺', 'nuo'],
  ['梓', 'zi'],
  ['睿', 'rui'],
  ['泽', 'ze'],
  ['昊', 'hao'],
  ['天', 'tian'],
  ['成', 'cheng'],
  ['卫', 'wei'],
  ['东', 'dong'],
];

/** Brand characters for company names, with pinyin (two are combined: 华信, 瑞达, 恒通 …). */
export const CN_BRAND_CHARS: readonly (readonly [string, string])[] = [
  ['华', 'hua'],
  ['瑞', 'rui'],
  ['恒', 'heng'],
  ['天', 'tian'],
  ['中', 'zhong'],
  ['金', 'jin'],
  ['博', 'bo'],
  ['鼎', 'ding'],
  ['宏', 'hong'],
  ['盛', 'sheng'],
  ['新', 'xin'],
  ['鑫', 'xin'],
  ['安', 'an'],
  ['永', 'yong'],
  ['嘉', 'jia'],
  ['凯', 'kai'],
  ['联', 'lian'],
  ['信', 'xin'],
  ['泰', 'tai'],
  ['达', 'da'],
  ['通', 'tong'],
  ['远', 'yuan'],
  ['汇', 'hui'],
  ['腾', 'teng'],
  ['星', 'xing'],
  ['海', 'hai'],
  ['朗', 'lang'],
  ['诚', 'cheng'],
  ['德', 'de'],
  ['润', 'run'],
  ['和', 'he'],
  ['美', 'mei'],
  ['光', 'guang'],
  ['明', 'ming'],
  ['创', 'chuang'],
  ['科', 'ke'],
  ['晟', 'sheng'],
  ['昊', 'hao'],
  ['峰', 'feng'],
  ['银', 'yin'],
  ['锦', 'jin'],
  ['丰', 'feng'],
];

export interface CnCity {
  name: string;
  province: string;
  pinyin: string;
  area: string;
  districts: readonly string[];
  weight: number;
}

export const CN_CITIES: readonly CnCity[] = [
  {
    name: '北京',
    province: '',
    pinyin: 'beijing',
    area: '010',
    weight: 10,
    districts: ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '通州区'],
  },
  {
    name: '上海',
    province: '',
    pinyin: 'shanghai',
    area: '021',
    weight: 10,
    districts: ['浦东新区', '黄浦区', '徐汇区', '静安区', '长宁区', '闵行区'],
  },
  {
    name: '广州',
    province: '广东省',
    pinyin: 'guangzhou',
    area: '020',
    weight: 7,
    districts: ['天河区', '越秀区', '海珠区', '番禺区', '白云区'],
  },
  {
    name: '深圳',
    province: '广东省',
    pinyin: 'shenzhen',
    area: '0755',
    weight: 8,
    districts: ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区'],
  },
  {
    name: '杭州',
    province: '浙江省',
    pinyin: 'hangzhou',
    area: '0571',
    weight: 6,
    districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区'],
  },
  {
    name: '南京',
    province: '江苏省',
    pinyin: 'nanjing',
    area: '025',
    weight: 5,
    districts: ['玄武区', '秦淮区', '鼓楼区', '建邺区', '江宁区'],
  },
  {
    name: '苏州',
    province: '江苏省',
    pinyin: 'suzhou',
    area: '0512',
    weight: 5,
    districts: ['姑苏区', '吴中区', '相城区', '虎丘区', '吴江区'],
  },
  {
    name: '成都',
    province: '四川省',
    pinyin: 'chengdu',
    area: '028',
    weight: 5,
    districts: ['锦江区', '青羊区', '武侯区', '成华区', '金牛区'],
  },
  {
    name: '武汉',
    province: '湖北省',
    pinyin: 'wuhan',
    area: '027',
    weight: 4,
    districts: ['江汉区', '武昌区', '洪山区', '江岸区', '汉阳区'],
  },
  {
    name: '西安',
    province: '陕西省',
    pinyin: 'xian',
    area: '029',
    weight: 3,
    districts: ['雁塔区', '碑林区', '新城区', '未央区', '长安区'],
  },
  {
    name: '重庆',
    province: '',
    pinyin: 'chongqing',
    area: '023',
    weight: 4,
    districts: ['渝中区', '江北区', '南岸区', '九龙坡区', '渝北区'],
  },
  {
    name: '天津',
    province: '',
    pinyin: 'tianjin',
    area: '022',
    weight: 4,
    districts: ['和平区', '河西区', '南开区', '河东区', '滨海新区'],
  },
  {
    name: '青岛',
    province: '山东省',
    pinyin: 'qingdao',
    area: '0532',
    weight: 3,
    districts: ['市南区', '市北区', '崂山区', '黄岛区', '李沧区'],
  },
  {
    name: '厦门',
    province: '福建省',
    pinyin: 'xiamen',
    area: '0592',
    weight: 3,
    districts: ['思明区', '湖里区', '集美区', '海沧区'],
  },
  {
    name: '长沙',
    province: '湖南省',
    pinyin: 'changsha',
    area: '0731',
    weight: 3,
    districts: ['岳麓区', '芙蓉区', '天心区', '开福区', '雨花区'],
  },
  {
    name: '郑州',
    province: '河南省',
    pinyin: 'zhengzhou',
    area: '0371',
    weight: 3,
    districts: ['金水区', '中原区', '二七区', '惠济区'],
  },
  {
    name: '合肥',
    province: '安徽省',
    pinyin: 'hefei',
    area: '0551',
    weight: 2,
    districts: ['蜀山区', '包河区', '庐阳区', '瑶海区'],
  },
  {
    name: '宁波',
    province: '浙江省',
    pinyin: 'ningbo',
    area: '0574',
    weight: 3,
    districts: ['海曙区', '江北区', '鄞州区', '镇海区'],
  },
  {
    name: '东莞',
    province: '广东省',
    pinyin: 'dongguan',
    area: '0769',
    weight: 3,
    districts: ['南城街道', '东城街道', '长安镇', '虎门镇'],
  },
  {
    name: '佛山',
    province: '广东省',
    pinyin: 'foshan',
    area: '0757',
    weight: 2,
    districts: ['禅城区', '南海区', '顺德区'],
  },
  {
    name: '济南',
    province: '山东省',
    pinyin: 'jinan',
    area: '0531',
    weight: 2,
    districts: ['历下区', '市中区', '槐荫区', '天桥区'],
  },
  {
    name: '沈阳',
    province: '辽宁省',
    pinyin: 'shenyang',
    area: '024',
    weight: 2,
    districts: ['和平区', '沈河区', '皇姑区', '铁西区'],
  },
];

export const CN_ROADS: readonly string[] = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '长江路',
  '黄河路',
  '和平路',
  '新华路',
  '科技路',
  '创业路',
  '学府路',
  '文化路',
  '工业大道',
  '滨江大道',
  '世纪大道',
  '高新大道',
  '东风路',
  '胜利路',
  '青年路',
  '光明路',
  '复兴路',
  '振兴路',
  '金融街',
  '软件园路',
  '迎宾大道',
  '花园路',
];

export const CN_BUILDINGS: readonly string[] = [
  '国际大厦',
  '科技园',
  '金融中心',
  '商务广场',
  '创新中心',
  '财富中心',
  '产业园',
  '写字楼',
  '科创大厦',
];

export interface UsCity {
  city: string;
  state: string;
  area: string;
  weight: number;
}

export const US_CITIES: readonly UsCity[] = [
  { city: 'New York', state: 'NY', area: '212', weight: 10 },
  { city: 'Los Angeles', state: 'CA', area: '213', weight: 8 },
  { city: 'Chicago', state: 'IL', area: '312', weight: 7 },
  { city: 'Houston', state: 'TX', area: '713', weight: 5 },
  { city: 'Phoenix', state: 'AZ', area: '602', weight: 3 },
  { city: 'Philadelphia', state: 'PA', area: '215', weight: 4 },
  { city: 'San Antonio', state: 'TX', area: '210', weight: 2 },
  { city: 'San Diego', state: 'CA', area: '619', weight: 3 },
  { city: 'Dallas', state: 'TX', area: '214', weight: 5 },
  { city: 'Austin', state: 'TX', area: '512', weight: 4 },
  { city: 'Seattle', state: 'WA', area: '206', weight: 5 },
  { city: 'Denver', state: 'CO', area: '303', weight: 3 },
  { city: 'Boston', state: 'MA', area: '617', weight: 5 },
  { city: 'Atlanta', state: 'GA', area: '404', weight: 4 },
  { city: 'Miami', state: 'FL', area: '305', weight: 3 },
  { city: 'Minneapolis', state: 'MN', area: '612', weight: 2 },
  { city: 'Portland', state: 'OR', area: '503', weight: 2 },
  { city: 'Nashville', state: 'TN', area: '615', weight: 2 },
  { city: 'San Francisco', state: 'CA', area: '415', weight: 6 },
  { city: 'Charlotte', state: 'NC', area: '704', weight: 2 },
];

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

export const EN_FIRST_NAMES: readonly string[] = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Emily',
  'Anthony',
  'Olivia',
  'Mark',
  'Emma',
  'Steven',
  'Sophia',
  'Andrew',
  'Grace',
];

export const EN_LAST_NAMES: readonly string[] = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Hill',
  'Green',
];

export const CN_MAIL_PROVIDERS: readonly string[] = [
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
];
export const EN_MAIL_PROVIDERS: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'];

/** Mobile prefixes in use in mainland China (13x–19x). */
export const CN_MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '170',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '198',
  '199',
];

// ---------------------------------------------------------------------------------------------------------
// Locale-specific text.
// ---------------------------------------------------------------------------------------------------------

interface PersonName {
  name: string;
  /** Latin form for e-mail local parts, e.g. "zhang.wei" / "emily.clark". */
  latin: string;
}

interface Place {
  cityIndex: number;
  address: string;
}

interface Company {
  name: string;
  domain: string;
}

type ActivityType = 'call' | 'meeting' | 'email' | 'note' | 'task';

interface LocaleText {
  currency: 'CNY' | 'USD';
  personName(): PersonName;
  place(company: boolean): Place;
  company(industry: Industry, cityIndex: number): Company;
  mobile(): string;
  landline(cityIndex: number): string;
  personalEmail(person: PersonName): string;
  industry(industry: Industry): string;
  titles: readonly string[];
  customerNotes: readonly string[];
  contactNotes: readonly string[];
  activitySubjects: Record<ActivityType, readonly string[]>;
  /** Short form of a customer name in activity subjects. */
  shortName(customerName: string): string;
  subject(template: string, customerShortName: string): string;
  productName(product: ProductSeed): string;
  /** List price in minor units. */
  price(product: ProductSeed): number;
  userEmailDomain: string;
}

function slugLatin(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function zhText(rng: Rng): LocaleText {
  const cityPicker = new WeightedPicker(
    CN_CITIES,
    CN_CITIES.map((c) => c.weight),
  );
  // Frequent surnames are much more common: weight ∝ 1/(rank+4).
  const surnamePicker = new WeightedPicker(
    CN_SURNAMES,
    CN_SURNAMES.map((_, i) => 1 / (i + 4)),
  );
  const usedDomains = new Set<string>();
  return {
    currency: 'CNY',
    personName() {
      const [sur, surPy] = surnamePicker.pick(rng);
      const [g1, g1Py] = rng.pick(CN_GIVEN_CHARS);
      if (rng.chance(0.3)) return { name: sur + g1, latin: `${surPy}${g1Py}` };
      const [g2, g2Py] = rng.pick(CN_GIVEN_CHARS);
      return { name: sur + g1 + g2, latin: `${surPy}.${g1Py}${g2Py}` };
    },
    place(company) {
      const cityIndex = CN_CITIES.indexOf(cityPicker.pick(rng));
      const city = CN_CITIES[cityIndex]!;
      let address = `${city.province}${city.name}市${rng.pick(city.districts)}${rng.pick(CN_ROADS)}${rng.between(1, 399)}号`;
      if (company) {
        address += rng.chance(0.6)
          ? `${rng.pick(CN_BUILDINGS)}${rng.between(1, 28)}${rng.pick(['01', '02', '03', '05', '06', '08', '10'])}室`
          : `${rng.between(1, 12)}号楼`;
      } else {
        address += `${rng.between(1, 30)}栋${rng.between(1, 3)}单元${rng.between(1, 33)}0${rng.between(1, 4)}室`;
      }
      return { cityIndex, address };
    },
    company(industry, cityIndex) {
      const [b1, b1Py] = rng.pick(CN_BRAND_CHARS);
      let [b2, b2Py] = rng.pick(CN_BRAND_CHARS);
      if (b2 === b1)
        [b2, b2Py] =
          CN_BRAND_CHARS[(CN_BRAND_CHARS.findIndex((c) => c[0] === b1) + 7) % CN_BRAND_CHARS.length]!;
      const city = CN_CITIES[cityIndex]!;
      const word = rng.pick(industry.zhWords);
      const suffix = rng.chance(0.12) ? '股份有限公司' : rng.chance(0.05) ? '集团有限公司' : '有限公司';
      const name = `${city.name}${b1}${b2}${word}${suffix}`;
      let domain = `${b1Py}${b2Py}${industry.slug}.${rng.pick(['com', 'com.cn', 'cn'])}`;
      if (usedDomains.has(domain)) domain = `${city.pinyin.slice(0, 2)}${domain}`;
      usedDomains.add(domain);
      return { name, domain };
    },
    mobile() {
      return rng.pick(CN_MOBILE_PREFIXES) + rng.digits(8);
    },
    landline(cityIndex) {
      const city = CN_CITIES[cityIndex]!;
      return `${city.area}-${rng.between(2, 8)}${rng.digits(7)}`;
    },
    personalEmail(person) {
      if (rng.chance(0.35)) return `${rng.between(1, 9)}${rng.digits(rng.between(7, 9))}@qq.com`;
      return `${person.latin.replace('.', '')}${rng.chance(0.6) ? rng.between(1, 99) : ''}@${rng.pick(CN_MAIL_PROVIDERS)}`;
    },
    industry: (industry) => industry.zh,
    titles: [
      '总经理',
      '副总经理',
      '采购经理',
      '采购专员',
      '财务总监',
      '财务经理',
      '技术总监',
      'IT主管',
      '行政主管',
      '销售总监',
      '运营经理',
      '项目经理',
      '董事长',
      '市场部经理',
      '人事经理',
      '办公室主任',
    ],
    customerNotes: [
      '重点客户，每季度回访一次。',
      '对价格比较敏感，报价需预留折扣空间。',
      '年底有集中采购计划。',
      '通过行业展会认识。',
      '老客户转介绍。',
      '需要开具增值税专用发票。',
      '决策周期较长，需多次拜访。',
      '偏好微信沟通，电话常不接。',
      '付款及时，信用良好。',
      '曾反馈售后响应慢，需重点关注。',
    ],
    contactNotes: [
      '关键决策人。',
      '负责日常对接。',
      '技术评估负责人。',
      '喜欢上午联系。',
      '只接受邮件沟通。',
    ],
    activitySubjects: {
      call: ['电话回访', '确认采购需求', '跟进报价', '续约沟通', '催收回款', '售后回访'],
      meeting: ['上门拜访', '产品演示', '方案讲解会', '商务谈判', '季度业务回顾', '合同签约'],
      email: ['发送报价单', '发送产品资料', '确认合同条款', '发送发票', '节日问候'],
      note: ['客户反馈价格偏高', '对方决策人变更', '预算下季度审批', '正在评估竞品', '客户对服务很满意'],
      task: ['准备报价方案', '寄送样品', '安排技术交流', '提交合同审批', '跟进回款', '更新客户资料'],
    },
    shortName(customerName) {
      const city = CN_CITIES.find((c) => customerName.startsWith(c.name));
      const stripped = customerName.replace(/(股份|集团)?有限公司$/, '');
      return city ? stripped.slice(city.name.length) : stripped;
    },
    subject: (template, who) => `${template}：${who}`,
    productName: (product) => product.zh,
    price: (product) => product.cny * 100,
    userEmailDomain: 'example.cn',
  };
}

function enText(rng: Rng, faker: Faker): LocaleText {
  const cityPicker = new WeightedPicker(
    US_CITIES,
    US_CITIES.map((c) => c.weight),
  );
  const usedDomains = new Set<string>();
  return {
    currency: 'USD',
    personName() {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      return { name: `${first} ${last}`, latin: `${slugLatin(first)}.${slugLatin(last)}` };
    },
    place(company) {
      const cityIndex = US_CITIES.indexOf(cityPicker.pick(rng));
      const city = US_CITIES[cityIndex]!;
      let street = `${rng.between(1, 9899)} ${faker.location.street()}`;
      if (company && rng.chance(0.5)) street += `, Suite ${rng.between(1, 30)}${rng.digits(2)}`;
      else if (!company && rng.chance(0.3))
        street += `, Apt ${rng.between(1, 40)}${rng.pick(['A', 'B', 'C', 'D'])}`;
      return {
        cityIndex,
        address: `${street}, ${city.city}, ${city.state} ${faker.location.zipCode('#####')}`,
      };
    },
    company(industry) {
      let name: string;
      if (rng.chance(0.45)) {
        name = faker.company.name();
      } else {
        const head = rng.chance(0.7)
          ? faker.person.lastName()
          : faker.word.adjective({ length: { min: 4, max: 8 } });
        const cap = head.charAt(0).toUpperCase() + head.slice(1);
        name = `${cap} ${rng.pick(industry.enWords)} ${rng.pick(['Inc.', 'LLC', 'Group', 'Co.', 'Corp.', 'Partners'])}`;
      }
      const stem = slugLatin(name.replace(/\b(Inc|LLC|Group|Co|Corp|Partners|and)\b\.?/g, '')).slice(0, 24);
      let domain = `${stem || 'acme'}.com`;
      if (usedDomains.has(domain)) domain = `${stem}${industry.slug}.com`;
      usedDomains.add(domain);
      return { name, domain };
    },
    mobile() {
      const city = cityPicker.pick(rng);
      return `(${city.area}) ${rng.between(201, 989)}-${rng.digits(4)}`;
    },
    landline(cityIndex) {
      const city = US_CITIES[cityIndex]!;
      return `(${city.area}) ${rng.between(201, 989)}-${rng.digits(4)}`;
    },
    personalEmail(person) {
      const local = rng.chance(0.5) ? person.latin : `${person.latin.replace('.', '')}${rng.between(1, 99)}`;
      return `${local}@${rng.pick(EN_MAIL_PROVIDERS)}`;
    },
    industry: (industry) => industry.en,
    titles: [
      'CEO',
      'COO',
      'CFO',
      'CTO',
      'VP of Sales',
      'Purchasing Manager',
      'Procurement Specialist',
      'IT Manager',
      'Office Manager',
      'Operations Manager',
      'Project Manager',
      'Finance Manager',
      'Marketing Director',
      'HR Manager',
      'Owner',
      'Facilities Manager',
    ],
    customerNotes: [
      'Key account: quarterly business review.',
      'Price sensitive; leave room for a discount.',
      'Budget cycle ends in December.',
      'Met at a trade show.',
      'Referred by an existing customer.',
      'Requires purchase orders before invoicing.',
      'Long decision cycle, several stakeholders.',
      'Prefers email over phone.',
      'Pays on time, good credit.',
      'Complained about support response times.',
    ],
    contactNotes: [
      'Decision maker.',
      'Day-to-day contact.',
      'Leads technical evaluation.',
      'Best reached mornings.',
      'Email only.',
    ],
    activitySubjects: {
      call: [
        'Follow-up call',
        'Needs discovery call',
        'Quote follow-up',
        'Renewal call',
        'Payment reminder',
        'Support check-in',
      ],
      meeting: [
        'On-site visit',
        'Product demo',
        'Solution workshop',
        'Contract negotiation',
        'Quarterly business review',
        'Contract signing',
      ],
      email: [
        'Sent quotation',
        'Sent product brochure',
        'Contract terms',
        'Sent invoice',
        'Holiday greetings',
      ],
      note: [
        'Price concerns raised',
        'New decision maker',
        'Budget approval next quarter',
        'Evaluating a competitor',
        'Very satisfied with service',
      ],
      task: [
        'Prepare quotation',
        'Ship samples',
        'Schedule technical session',
        'Submit contract for approval',
        'Chase payment',
        'Update account details',
      ],
    },
    shortName: (customerName) => customerName.replace(/,?\s+(Inc\.|LLC|Group|Co\.|Corp\.|Partners)$/, ''),
    subject: (template, who) => `${template}: ${who}`,
    productName: (product) => product.en,
    price: (product) => product.usd * 100,
    userEmailDomain: 'example.com',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Products: a reseller of IT equipment, software and services.
// ---------------------------------------------------------------------------------------------------------

interface ProductSeed {
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

// ---------------------------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------------------------

const STAGES: readonly LifecycleStage[] = ['prospect', 'new', 'existing', 'lost'];
const STAGE_WEIGHTS = [25, 15, 48, 12];
const TEAMS: readonly (readonly [zh: string, en: string])[] = [
  ['华东区', 'East'],
  ['华南区', 'West'],
  ['华北区', 'Central'],
];

interface CustomerRow {
  id: number;
  stage: LifecycleStage;
  ownerId: number | null;
  createdMs: number;
  /** Orders only before this instant (lost customers stopped buying). */
  lostMs: number;
  shortName: string;
  orderWeight: number;
  contactIds: number[];
}

interface LineDraft {
  productId: number;
  quantity: number;
  unitPrice: number;
}

/** Runs an INSERT … RETURNING id and returns the id. */
function insertReturningId(stmt: Statement, params: SqlValue[]): number {
  stmt.bind(params);
  try {
    if (!stmt.step()) throw new Error('INSERT … RETURNING id returned no row');
    return Number(stmt.get()[0]);
  } finally {
    stmt.reset();
  }
}

/**
 * Inserts the demo profile into `db` (which must be migrated) and returns how many rows of each kind it
 * wrote. Adds to whatever is already there; the caller decides whether to load demo data into a
 * non-empty workspace. Must run inside the caller's transaction.
 */
export function generateDemoData(db: Database, options: DemoDataOptions): DemoSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateDemoData: options.now is not a valid date');
  const zh = options.locale === 'zh-CN';
  const lang = zh ? 0 : 1;
  const rng = new Rng(seed);
  const faker = new Faker({ locale: zh ? [zh_CN, en, base] : [en, base], seed });
  const text = zh ? zhText(rng) : enText(rng, faker);
  const report = options.onProgress ?? (() => {});
  const summary: DemoSummary = { users: 0, customers: 0, contacts: 0, orders: 0, activities: 0 };
  const workspaceStartMs = roundToMinute(nowMs - 3 * 365 * DAY_MS - 30 * DAY_MS);

  const statements: Statement[] = [];
  const prepare = (sql: string): Statement => {
    const stmt = db.prepare(sql);
    statements.push(stmt);
    return stmt;
  };

  try {
    // ----- users: admin, managers (one team each), reps spread over the teams -----
    const insertUser = prepare(
      `INSERT INTO users (name, email, role, team, manager_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const reps: number[] = [];
    const managers: number[] = [];
    const userEmails = new Set<string>();
    report({ phase: 'users', done: 0, total: DEMO_PROFILE.users });
    for (let i = 0; i < DEMO_PROFILE.users; i++) {
      const role: UserRole = i === 0 ? 'admin' : i <= DEMO_PROFILE.managers ? 'manager' : 'rep';
      const person = text.personName();
      let email = `${person.latin}@${text.userEmailDomain}`;
      for (let n = 2; userEmails.has(email); n++) email = `${person.latin}${n}@${text.userEmailDomain}`;
      userEmails.add(email);
      const teamIndex =
        role === 'manager' ? managers.length : role === 'rep' ? reps.length % managers.length : -1;
      const team = teamIndex >= 0 ? TEAMS[teamIndex % TEAMS.length]![lang] : '';
      const managerId = role === 'rep' ? managers[teamIndex]! : null;
      const joined = isoTimestamp(workspaceStartMs + i * rng.between(3, 40) * DAY_MS);
      const id = insertReturningId(insertUser, [person.name, email, role, team, managerId, joined, joined]);
      if (role === 'manager') managers.push(id);
      if (role === 'rep') reps.push(id);
      summary.users++;
    }
    report({ phase: 'users', done: summary.users, total: DEMO_PROFILE.users });

    // Reps own very different books of business; managers keep a few key accounts.
    const owners = [...reps, ...managers];
    const ownerWeights = [
      ...rng.shuffled(reps.map((_, i) => 1 / Math.pow(i + 1, 0.8))),
      ...managers.map(() => 0.08),
    ];
    const ownerPicker = new WeightedPicker(owners, ownerWeights);

    // ----- products -----
    const insertProduct = prepare(
      `INSERT INTO products (code, name, category, unit, price_minor, cost_minor, currency, stock, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const products: { id: number; price: number; maxQty: number }[] = [];
    for (let i = 0; i < PRODUCTS.length; i++) {
      const seedRow = PRODUCTS[i]!;
      const price = text.price(seedRow);
      const cost = Math.round((price * rng.between(45, 78)) / 100);
      const stock = seedRow.maxQty === 1 ? 0 : rng.between(0, 400);
      const added = isoTimestamp(workspaceStartMs + rng.int(60) * DAY_MS);
      const id = insertReturningId(insertProduct, [
        `P-${1001 + i}`,
        text.productName(seedRow),
        PRODUCT_CATEGORIES[seedRow.cat]![lang],
        seedRow.unit[lang],
        price,
        cost,
        text.currency,
        stock,
        added,
        added,
      ]);
      products.push({ id, price, maxQty: seedRow.maxQty });
    }
    // Popular products sell more often.
    const productPicker = new WeightedPicker(
      products,
      products.map(() => 0.3 + rng.next()),
    );

    // ----- customers and contacts -----
    const insertCustomer = prepare(
      `INSERT INTO customers (kind, name, stage, owner_id, industry, address, phone, email, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const insertContact = prepare(
      `INSERT INTO contacts (customer_id, name, title, phone, email, notes, is_primary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const stagePicker = new WeightedPicker(STAGES, STAGE_WEIGHTS);
    const industryPicker = new WeightedPicker(
      INDUSTRIES,
      INDUSTRIES.map((i) => i.weight),
    );
    const customers: CustomerRow[] = [];
    const totalCustomers = DEMO_PROFILE.customers;
    report({ phase: 'customers', done: 0, total: totalCustomers });
    for (let i = 0; i < totalCustomers; i++) {
      const kind: CustomerKind = rng.chance(0.7) ? 'company' : 'person';
      const stage = stagePicker.pick(rng);
      // A few prospects sit unassigned in the shared pool (公海).
      const ownerId = stage === 'prospect' && rng.chance(0.08) ? null : ownerPicker.pick(rng);
      // Created: prospects within a year, new customers within 6 months, the others over 3 years.
      const ageMs =
        stage === 'new'
          ? rng.next() * 180 * DAY_MS
          : stage === 'prospect'
            ? rng.next() * 365 * DAY_MS
            : 120 * DAY_MS + rng.next() * (nowMs - workspaceStartMs - 120 * DAY_MS);
      const createdMs = roundToMinute(nowMs - ageMs);
      const updatedMs = roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const place = text.place(kind === 'company');
      let name: string;
      let industry = '';
      let phone: string;
      let email: string;
      let domain = '';
      if (kind === 'company') {
        const ind = industryPicker.pick(rng);
        const company = text.company(ind, place.cityIndex);
        name = company.name;
        domain = company.domain;
        industry = text.industry(ind);
        phone = rng.chance(0.75) ? text.landline(place.cityIndex) : text.mobile();
        email = `${rng.pick(['info', 'contact', 'sales', 'service', 'hello'])}@${domain}`;
      } else {
        const person = text.personName();
        name = person.name;
        phone = text.mobile();
        email = text.personalEmail(person);
      }
      const notes = rng.chance(0.35) ? rng.pick(text.customerNotes) : '';
      const id = insertReturningId(insertCustomer, [
        kind,
        name,
        stage,
        ownerId,
        industry,
        place.address,
        phone,
        rng.chance(0.92) ? email : '',
        notes,
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      summary.customers++;

      const lostMs = stage === 'lost' ? roundToMinute(nowMs - (60 + rng.next() * 300) * DAY_MS) : nowMs;
      const orderWeight =
        stage === 'existing'
          ? 0.4 + rng.next() * rng.next() * 6
          : stage === 'lost'
            ? 0.6
            : stage === 'new'
              ? 0.5
              : 0;
      const row: CustomerRow = {
        id,
        stage,
        ownerId,
        createdMs,
        lostMs: Math.max(lostMs, createdMs + DAY_MS),
        shortName: text.shortName(name),
        orderWeight,
        contactIds: [],
      };
      customers.push(row);

      // Contacts: companies 1–4, persons sometimes one (an assistant or family member).
      const contactCount = kind === 'company' ? rng.between(1, 4) : rng.chance(0.15) ? 1 : 0;
      for (let c = 0; c < contactCount; c++) {
        const person = text.personName();
        const contactEmail = domain ? `${person.latin}@${domain}` : text.personalEmail(person);
        const contactCreated = isoTimestamp(roundToMinute(createdMs + rng.next() * (updatedMs - createdMs)));
        const contactId = insertReturningId(insertContact, [
          id,
          person.name,
          kind === 'company' ? rng.pick(text.titles) : '',
          rng.chance(0.85) ? text.mobile() : text.landline(place.cityIndex),
          rng.chance(0.9) ? contactEmail : '',
          rng.chance(0.15) ? rng.pick(text.contactNotes) : '',
          c === 0 ? 1 : 0,
          contactCreated,
          contactCreated,
        ]);
        row.contactIds.push(contactId);
        summary.contacts++;
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'customers', done: i + 1, total: totalCustomers });
    }
    report({ phase: 'customers', done: summary.customers, total: totalCustomers });
    report({ phase: 'contacts', done: summary.contacts, total: summary.contacts });

    // ----- orders and lines: generated in date order, so ids and order numbers grow with the date -----
    const buyers = customers.filter((c) => c.orderWeight > 0);
    const buyerPicker = new WeightedPicker(
      buyers,
      buyers.map((c) => c.orderWeight),
    );
    const orderWindowMs = DEMO_PROFILE.orderMonths * 30.44 * DAY_MS;
    const totalOrders = DEMO_PROFILE.orders;
    const drafts: { buyer: CustomerRow; orderMs: number }[] = [];
    for (let i = 0; i < totalOrders; i++) {
      const buyer = buyerPicker.pick(rng);
      const from = Math.max(buyer.createdMs, nowMs - orderWindowMs);
      const to = Math.max(from, buyer.lostMs);
      // Uniform over the customer's buying window; growth comes from the customer base growing.
      let orderMs = workHours(from + rng.next() * (to - from), rng, zh ? 1 : 14);
      if (orderMs > nowMs) orderMs -= DAY_MS;
      drafts.push({ buyer, orderMs });
    }
    drafts.sort((a, b) => a.orderMs - b.orderMs || a.buyer.id - b.buyer.id);

    const insertOrder = prepare(
      `INSERT INTO orders (order_no, customer_id, contact_id, order_date, status, currency, total_minor, owner_id,
                           created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const insertLine = prepare(
      `INSERT INTO order_lines (order_id, product_id, quantity, unit_price_minor) VALUES (?, ?, ?, ?)`,
    );
    const orderNoPrefix = zh ? 'SO' : 'ORD-';
    let dayKey = '';
    let daySeq = 0;
    report({ phase: 'orders', done: 0, total: totalOrders });
    for (let i = 0; i < drafts.length; i++) {
      const { buyer, orderMs: rawMs } = drafts[i]!;
      // Never after `now`, never before the customer existed (office-hours rounding may cross either).
      const orderMs = Math.max(Math.min(rawMs, nowMs), buyer.createdMs);
      const ageDays = (nowMs - orderMs) / DAY_MS;
      const orderDate = isoDate(orderMs);
      if (orderDate !== dayKey) {
        dayKey = orderDate;
        daySeq = 0;
      }
      daySeq++;
      const orderNo = `${orderNoPrefix}${orderDate.replaceAll('-', '')}-${String(daySeq).padStart(3, '0')}`;

      // Lines first, so the order is inserted once with its final total.
      const lines: LineDraft[] = [];
      const lineCount = pickLineCount(rng);
      for (let l = 0; l < lineCount; l++) {
        const product = productPicker.pick(rng);
        if (lines.some((line) => line.productId === product.id)) continue;
        const quantity =
          product.maxQty === 1 ? 1 : rng.between(1, Math.max(1, Math.round(product.maxQty * rng.next())));
        // Negotiated unit price: list price most of the time, up to 15 % off for some deals.
        const unitPrice = rng.chance(0.7)
          ? product.price
          : Math.round((product.price * rng.between(85, 99)) / 100);
        lines.push({ productId: product.id, quantity, unitPrice });
      }
      let total = 0;
      for (const line of lines) total += line.quantity * line.unitPrice;

      const status = orderStatus(rng, ageDays);
      const updatedMs = roundToMinute(orderMs + Math.min(ageDays, rng.next() * 20) * DAY_MS);
      const orderId = insertReturningId(insertOrder, [
        orderNo,
        buyer.id,
        buyer.contactIds.length > 0 ? buyer.contactIds[0]! : null,
        orderDate,
        status,
        text.currency,
        total,
        buyer.ownerId,
        isoTimestamp(orderMs),
        isoTimestamp(updatedMs),
      ]);
      for (const line of lines) insertLine.run([orderId, line.productId, line.quantity, line.unitPrice]);
      summary.orders++;
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'orders', done: i + 1, total: totalOrders });
    }
    report({ phase: 'orders', done: summary.orders, total: totalOrders });

    // ----- activities -----
    const insertActivity = prepare(
      `INSERT INTO activities (type, subject, due_at, done, done_at, customer_id, contact_id, owner_id,
                               created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const activityTypes: readonly ActivityType[] = ['call', 'meeting', 'email', 'note', 'task'];
    const typePicker = new WeightedPicker(activityTypes, [30, 15, 25, 12, 18]);
    const activityCustomerPicker = new WeightedPicker(
      customers,
      customers.map((c) => (c.stage === 'lost' ? 0.3 : c.stage === 'prospect' ? 1.2 : 0.5 + c.orderWeight)),
    );
    const totalActivities = DEMO_PROFILE.activities;
    report({ phase: 'activities', done: 0, total: totalActivities });
    for (let i = 0; i < totalActivities; i++) {
      const customer = activityCustomerPicker.pick(rng);
      const type = typePicker.pick(rng);
      // Calls, meetings and tasks are sometimes planned in the next 30 days; the rest is history.
      const future = type !== 'note' && type !== 'email' && customer.stage !== 'lost' && rng.chance(0.2);
      let dueMs: number;
      if (future) {
        dueMs = nowMs + (1 + rng.next() * 29) * DAY_MS;
      } else {
        const from = Math.max(customer.createdMs, nowMs - 540 * DAY_MS);
        const to = Math.max(from, Math.min(customer.lostMs + 30 * DAY_MS, nowMs - DAY_MS));
        dueMs = from + rng.next() * (to - from);
      }
      dueMs = workHours(dueMs, rng, zh ? 1 : 14);
      if (!future) dueMs = Math.min(dueMs, nowMs - 3_600_000);
      // Past activities are done, except some recent calls and tasks nobody closed (overdue).
      const overdue =
        !future && (type === 'task' || type === 'call') && nowMs - dueMs < 21 * DAY_MS && rng.chance(0.3);
      const done = !future && !overdue;
      const createdMs = Math.min(
        Math.max(customer.createdMs, roundToMinute(dueMs - rng.next() * 7 * DAY_MS)),
        nowMs,
      );
      const doneAt = done
        ? isoTimestamp(Math.min(nowMs, Math.max(createdMs, dueMs + rng.int(8) * 900_000)))
        : null;
      const contactId =
        customer.contactIds.length > 0 && rng.chance(0.7) ? rng.pick(customer.contactIds) : null;
      insertActivity.run([
        type,
        text.subject(rng.pick(text.activitySubjects[type]), customer.shortName),
        isoTimestamp(dueMs),
        done ? 1 : 0,
        doneAt,
        customer.id,
        contactId,
        customer.ownerId ?? ownerPicker.pick(rng),
        isoTimestamp(createdMs),
        doneAt ?? isoTimestamp(createdMs),
      ]);
      summary.activities++;
      if ((i + 1) % PROGRESS_EVERY === 0)
        report({ phase: 'activities', done: i + 1, total: totalActivities });
    }
    report({ phase: 'activities', done: summary.activities, total: totalActivities });
    return summary;
  } finally {
    for (const stmt of statements) stmt.free();
  }
}

function roundToMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

/**
 * Moves an instant to a quarter hour within office hours on the same UTC day: 09:00–18:00 in Beijing
 * (01:00–10:00 UTC) for zh-CN, 09:00–18:00 in New York (14:00–23:00 UTC, standard time) for en.
 */
function workHours(ms: number, rng: Rng, startUtcHour: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  return day + startUtcHour * 3_600_000 + rng.int(36) * 900_000;
}

function pickLineCount(rng: Rng): number {
  const x = rng.next();
  return x < 0.35 ? 1 : x < 0.6 ? 2 : x < 0.8 ? 3 : x < 0.93 ? 4 : 5;
}

function orderStatus(rng: Rng, ageDays: number): string {
  if (rng.chance(0.04)) return 'cancelled';
  if (ageDays < 7) return rng.pick(['draft', 'confirmed', 'confirmed', 'shipped']);
  if (ageDays < 30) return rng.pick(['confirmed', 'shipped', 'shipped', 'completed']);
  return 'completed';
}
