/**
 * Per-locale text for the demo generator: how a person, a company, an address, a phone number and an e-mail
 * look in zh-CN or en, plus the job titles, notes and activity subjects to pick from.
 *
 * zh-CN is composed here from the fixed pools (pools-zh*.ts): faker's zh_CN companies and streets invent
 * places and its e-mails do not match the names. en uses a seeded faker instance for person names, streets,
 * zip codes and some company names, and the US city pool for addresses and phones.
 *
 * Deterministic: every choice comes from the caller's {@link Rng} or the caller's seeded faker, in a fixed
 * order, so the same seed gives the same workspace.
 */
import type { Faker } from '@faker-js/faker';
import type { Industry, ProductSeed } from './catalog';
import {
  CN_BRAND_CHARS,
  CN_GIVEN_CHARS,
  CN_MAIL_PROVIDERS,
  CN_MOBILE_PREFIXES,
  CN_SURNAMES,
} from './pools-zh';
import { CN_BUILDINGS, CN_CITIES, CN_ROADS } from './pools-zh-places';
import { EN_MAIL_PROVIDERS, US_CITIES } from './pools-en';
import { type Rng, WeightedPicker } from './random';

export interface PersonName {
  name: string;
  /** Latin form for e-mail local parts, e.g. "zhang.wei" / "emily.clark". */
  latin: string;
}

export interface Place {
  cityIndex: number;
  address: string;
}

export interface Company {
  name: string;
  domain: string;
}

export type ActivityType = 'call' | 'meeting' | 'email' | 'note' | 'task';

export interface LocaleText {
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

export function zhText(rng: Rng): LocaleText {
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

export function enText(rng: Rng, faker: Faker): LocaleText {
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
