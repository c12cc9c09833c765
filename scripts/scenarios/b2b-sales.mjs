/**
 * Scenario "b2b-sales": an industrial-IoT vendor selling machine monitoring to manufacturers in the Yangtze
 * Delta — accounts and their contacts, leads from a trade show, deals in every pipeline stage (stage ids
 * 1–6 are the app's default stages: qualification, needs analysis, proposal, negotiation, won, lost) and
 * contracts coming up for renewal. Hand-written; all companies, people and numbers are invented.
 */
import { L, d, orderLines, rows } from './lib.mjs';

// prettier-ignore
const users = rows(
  ['id', 'name', 'email', 'role', 'team', 'manager_id'],
  [
    [1, L('周雅琴', 'Zhou Yaqin'), 'zhou.yaqin@zhilian-iot.example', 'manager', L('华东大客户部', 'East China key accounts'), null],
    [2, L('李明', 'Li Ming'), 'li.ming@zhilian-iot.example', 'rep', L('华东大客户部', 'East China key accounts'), 1],
    [3, L('张悦', 'Zhang Yue'), 'zhang.yue@zhilian-iot.example', 'rep', L('华东大客户部', 'East China key accounts'), 1],
    [4, L('黄志强', 'Huang Zhiqiang'), 'huang.zhiqiang@zhilian-iot.example', 'rep', L('华东大客户部', 'East China key accounts'), 1],
  ],
);

const MFG = L('机械制造', 'Machinery');
// prettier-ignore
const customers = rows(
  ['id', 'kind', 'name', 'stage', 'owner_id', 'industry', 'address', 'phone', 'email', 'created_at'],
  [
    [1, 'company', L('苏州恒达精密机械有限公司', 'Suzhou Hengda Precision Machinery Co., Ltd.'), 'existing', 2, MFG, L('苏州市工业园区星湖街 218 号', '218 Xinghu St, Suzhou Industrial Park'), '0512-6283 1100', 'info@hengda-pm.example', d(-400, '10:00')],
    [2, 'company', L('宁波海联汽车零部件有限公司', 'Ningbo Hailian Auto Parts Co., Ltd.'), 'existing', 2, L('汽车零部件', 'Auto parts'), L('宁波市北仑区新碶大港路 77 号', '77 Dagang Rd, Beilun District, Ningbo'), '0574-8618 2200', 'contact@hailian-auto.example', d(-300, '14:30')],
    [3, 'company', L('无锡华光电子科技有限公司', 'Wuxi Huaguang Electronics Co., Ltd.'), 'new', 3, L('电子制造', 'Electronics'), L('无锡市新吴区长江路 16 号', '16 Changjiang Rd, Xinwu District, Wuxi'), '0510-8522 6600', 'sales@huaguang-e.example', d(-60, '09:15')],
    [4, 'company', L('常州新锐注塑有限公司', 'Changzhou Xinrui Injection Moulding Co., Ltd.'), 'prospect', 3, L('塑料制品', 'Plastics'), L('常州市武进区湖塘镇 305 号', '305 Hutang Town, Wujin District, Changzhou'), '0519-8631 0909', 'xinrui@xinrui-mould.example', d(-40, '11:45')],
    [5, 'company', L('合肥安泰食品机械有限公司', 'Hefei Antai Food Machinery Co., Ltd.'), 'existing', 2, MFG, L('合肥市经开区繁华大道 560 号', '560 Fanhua Ave, Hefei Economic Development Zone'), '0551-6380 7711', 'service@antai-fm.example', d(-420, '16:00')],
    [6, 'company', L('上海东方纺织集团', 'Shanghai Dongfang Textile Group'), 'prospect', 3, L('纺织', 'Textiles'), L('上海市松江区荣乐东路 1288 号', '1288 Rongle East Rd, Songjiang District, Shanghai'), '021-5778 3000', 'it@dongfang-textile.example', d(-44, '15:20')],
    [7, 'company', L('南通远洋船舶配件有限公司', 'Nantong Yuanyang Marine Parts Co., Ltd.'), 'new', 2, L('船舶配件', 'Marine parts'), L('南通市港闸区长泰路 9 号', '9 Changtai Rd, Gangzha District, Nantong'), '0513-8551 4422', 'qc@yuanyang-marine.example', d(-70, '10:40')],
    [8, 'company', L('杭州绿源新能源科技有限公司', 'Hangzhou Lvyuan New Energy Co., Ltd.'), 'existing', 3, L('新能源', 'New energy'), L('杭州市钱塘区 11 号大街 600 号', '600 Street 11, Qiantang District, Hangzhou'), '0571-8690 5500', 'ops@lvyuan-energy.example', d(-230, '13:10')],
    [9, 'company', L('嘉兴博瑞包装材料有限公司', 'Jiaxing Borui Packaging Co., Ltd.'), 'lost', 2, L('包装材料', 'Packaging'), L('嘉兴市秀洲区康和路 1136 号', '1136 Kanghe Rd, Xiuzhou District, Jiaxing'), '0573-8228 1016', 'borui@borui-pack.example', d(-450, '09:00')],
    [10, 'company', L('昆山精工模具有限公司', 'Kunshan Jinggong Mould Co., Ltd.'), 'prospect', 3, L('模具', 'Moulds'), L('昆山市开发区前进东路 88 号', '88 Qianjin East Rd, Kunshan Development Zone'), '0512-5778 6655', 'jinggong@jg-mould.example', d(-25, '17:05')],
  ],
);

// prettier-ignore
const contacts = rows(
  ['id', 'customer_id', 'name', 'title', 'phone', 'email', 'is_primary'],
  [
    [1, 1, L('钱伟', 'Qian Wei'), L('设备部部长', 'Head of equipment'), '138 1255 6012', 'qian.wei@hengda-pm.example', true],
    [2, 1, L('顾晓燕', 'Gu Xiaoyan'), L('采购经理', 'Purchasing manager'), '139 1308 2274', 'gu.xy@hengda-pm.example', false],
    [3, 2, L('邵建国', 'Shao Jianguo'), L('生产副总', 'VP of production'), '137 7741 0356', 'shao.jg@hailian-auto.example', true],
    [4, 2, L('潘婷', 'Pan Ting'), L('IT 经理', 'IT manager'), '136 5680 1928', 'pan.ting@hailian-auto.example', false],
    [5, 3, L('曹磊', 'Cao Lei'), L('工艺工程师', 'Process engineer'), '135 8522 4617', 'cao.lei@huaguang-e.example', true],
    [6, 4, L('韩冬', 'Han Dong'), L('总经理', 'General manager'), '138 6123 9050', 'han.dong@xinrui-mould.example', true],
    [7, 5, L('付强', 'Fu Qiang'), L('设备运维主管', 'Maintenance lead'), '139 5513 7702', 'fu.qiang@antai-fm.example', true],
    [8, 5, L('袁静', 'Yuan Jing'), L('财务经理', 'Finance manager'), '186 5510 3381', 'yuan.jing@antai-fm.example', false],
    [9, 6, L('谢建华', 'Xie Jianhua'), L('数字化总监', 'Head of digital'), '139 1700 6625', 'xie.jh@dongfang-textile.example', true],
    [10, 7, L('彭飞', 'Peng Fei'), L('质量经理', 'Quality manager'), '137 1366 0419', 'peng.fei@yuanyang-marine.example', true],
    [11, 8, L('沈丽', 'Shen Li'), L('生产经理', 'Production manager'), '138 5717 4530', 'shen.li@lvyuan-energy.example', true],
    [12, 8, L('蔡明', 'Cai Ming'), L('设备工程师', 'Equipment engineer'), '159 5712 8844', 'cai.ming@lvyuan-energy.example', false],
    [13, 9, L('杜鹏', 'Du Peng'), L('厂长', 'Plant manager'), '135 7322 0198', 'du.peng@borui-pack.example', true],
    [14, 10, L('夏雨', 'Xia Yu'), L('模具车间主任', 'Head of the mould shop'), '188 1560 2743', 'xia.yu@jg-mould.example', true],
  ],
);

// prettier-ignore
const campaigns = rows(
  ['id', 'name', 'channel', 'status', 'start_date', 'end_date', 'location', 'budget_minor', 'actual_cost_minor', 'description', 'owner_id'],
  [
    [1, L('长三角工业数字化展', 'Yangtze Delta Industrial Digitalisation Expo'), 'event', 'completed', d(-45), d(-43), L('上海国家会展中心', 'National Exhibition and Convention Center, Shanghai'), 12000000, 11350000, L('展位 7.1H-B12，现场演示振动监测。', 'Booth 7.1H-B12 with a live vibration-monitoring demo.'), 1],
    [2, L('预测性维护线上研讨会', 'Predictive maintenance webinar'), 'webinar', 'planned', d(14), d(14), L('线上', 'Online'), 1500000, 0, '', 4],
  ],
);

// prettier-ignore
const leads = rows(
  ['id', 'name', 'company', 'title', 'phone', 'email', 'source', 'status', 'score', 'owner_id', 'campaign_id', 'follow_up_on', 'notes', 'created_at', 'converted_at', 'converted_customer_id', 'converted_contact_id', 'converted_opportunity_id'],
  [
    [1, L('陈志远', 'Chen Zhiyuan'), L('扬州力拓液压设备有限公司', 'Yangzhou Lituo Hydraulics Co., Ltd.'), L('设备部经理', 'Equipment manager'), '138 5275 3016', 'chen.zy@lituo-hyd.example', 'event', 'qualified', 78, 4, 1, d(1), L('展会上看了演示；12 台液压站需要在线监测，预算已批。', 'Saw the demo at the expo; 12 hydraulic power units need monitoring and the budget is approved.'), d(-44, '15:30'), undefined, undefined, undefined, undefined],
    [2, L('林慧', 'Lin Hui'), L('温州瑞丰阀门有限公司', 'Wenzhou Ruifeng Valves Co., Ltd.'), L('生产总监', 'Production director'), '139 0577 2280', 'lin.hui@ruifeng-valve.example', 'website', 'new', 40, 4, undefined, d(2), '', d(-3, '10:20'), undefined, undefined, undefined, undefined],
    [3, L('郭斌', 'Guo Bin'), L('泰州华盛铸造有限公司', 'Taizhou Huasheng Foundry Co., Ltd.'), L('副总经理', 'Deputy general manager'), '136 0523 7719', 'guo.bin@huasheng-cast.example', 'referral', 'contacted', 55, 4, undefined, d(4), L('恒达钱伟推荐。', 'Referred by Qian Wei at Hengda.'), d(-18, '14:00'), undefined, undefined, undefined, undefined],
    [4, L('邱雪梅', 'Qiu Xuemei'), L('绍兴越美印染有限公司', 'Shaoxing Yuemei Dyeing Co., Ltd.'), L('设备科长', 'Equipment section chief'), '137 5851 4406', 'qiu.xm@yuemei-dye.example', 'event', 'contacted', 62, 4, 1, d(-2), '', d(-44, '11:10'), undefined, undefined, undefined, undefined],
    [5, L('王鹏', 'Wang Peng'), L('镇江金鼎电机有限公司', 'Zhenjiang Jinding Motors Co., Ltd.'), L('采购员', 'Buyer'), '135 1128 6630', '', 'cold_call', 'unqualified', 15, 4, undefined, undefined, L('目前无预算，明年再联系。', 'No budget this year; try again next year.'), d(-30, '16:45'), undefined, undefined, undefined, undefined],
    [6, L('方敏', 'Fang Min'), L('湖州天成家具有限公司', 'Huzhou Tiancheng Furniture Co., Ltd.'), L('厂务经理', 'Facilities manager'), '158 5720 3391', 'fang.min@tiancheng-furn.example', 'website', 'new', 35, 4, undefined, d(3), '', d(-1, '09:05'), undefined, undefined, undefined, undefined],
    [7, L('蒋涛', 'Jiang Tao'), L('台州东海机床有限公司', 'Taizhou Donghai Machine Tools Co., Ltd.'), L('技术总监', 'Technical director'), '139 0586 1174', 'jiang.tao@donghai-mt.example', 'partner', 'qualified', 70, 4, 1, d(5), '', d(-40, '13:35'), undefined, undefined, undefined, undefined],
    [8, L('沈丽', 'Shen Li'), L('杭州绿源新能源科技有限公司', 'Hangzhou Lvyuan New Energy Co., Ltd.'), L('生产经理', 'Production manager'), '138 5717 4530', 'shen.li@lvyuan-energy.example', 'website', 'converted', 80, 3, undefined, undefined, '', d(-240, '10:00'), d(-230, '13:10'), 8, 11, 212],
  ],
);

// [id, name zh, name en, customer, contact, stage, amount (yuan), discount bp, close in days, owner, created days ago, reasons]
// prettier-ignore
const opportunities = [
  [201, '恒达：二期产线设备监测扩容', 'Hengda: phase-2 line monitoring expansion', 1, 1, 4, 480000, 500, 12, 2, -75],
  [202, '海联：冲压车间预测性维护', 'Hailian: predictive maintenance for the press shop', 2, 3, 4, 365000, 0, 20, 2, -60],
  [203, '华光：SMT 产线能耗看板', 'Huaguang: SMT line energy dashboard', 3, 5, 3, 188000, 0, 25, 3, -50],
  [204, '新锐：注塑机联网试点', 'Xinrui: moulding-machine connectivity pilot', 4, 6, 2, 96000, 0, 40, 3, -35],
  [205, '安泰：设备健康平台第二年订阅', 'Antai: equipment-health platform, year 2', 5, 7, 3, 210000, 1000, 18, 2, -30],
  [206, '东方纺织：织机振动监测', 'Dongfang: loom vibration monitoring', 6, 9, 1, 520000, 0, 75, 3, -12],
  [207, '远洋：质检数据采集', 'Yuanyang: quality-inspection data capture', 7, 10, 2, 78000, 0, 35, 2, -65],
  [208, '绿源：电池车间 OEE 提升', 'Lvyuan: battery-shop OEE programme', 8, 11, 4, 640000, 500, 8, 3, -90],
  [209, '精工：模具寿命追踪', 'Jinggong: mould life tracking', 10, 14, 1, 125000, 0, 60, 3, -20],
  [210, '恒达：传感器备件框架协议', 'Hengda: sensor spare-parts framework', 1, 2, 3, 86000, 0, 30, 2, -28],
  [211, '海联：一期部署', 'Hailian: phase-1 rollout', 2, 3, 5, 290000, 500, -118, 2, -170, ['方案通过试点验证', 'Pilot proved the approach']],
  [212, '绿源：能耗监测平台', 'Lvyuan: energy monitoring platform', 8, 11, 5, 410000, 0, -197, 3, -230, ['节能效果超出预期', 'Energy savings beat expectations']],
  [213, '博瑞：包装线监测', 'Borui: packaging-line monitoring', 9, 13, 6, 150000, 0, -90, 2, -150, undefined, ['选择了价格低 30% 的本地供应商', 'Chose a local supplier 30% cheaper']],
  [214, '安泰：设备健康平台首年订阅', 'Antai: equipment-health platform, year 1', 5, 7, 5, 180000, 0, -357, 2, -420, ['运维团队强力推荐', 'Strong backing from the maintenance team']],
].map(([id, zh, en, customer, contact, stage, yuan, discount, close, owner, created, won, lost]) => ({
  id,
  name: L(zh, en),
  customer_id: customer,
  contact_id: contact,
  ...(id === 212 ? { lead_id: 8 } : {}),
  stage_id: stage,
  amount_minor: yuan * 100,
  discount_bp: discount,
  expected_close: d(close),
  ...(won ? { won_reason: L(won[0], won[1]) } : {}),
  ...(lost ? { lost_reason: L(lost[0], lost[1]) } : {}),
  owner_id: owner,
  created_at: d(created, '10:00'),
}));

// prettier-ignore
const products = rows(
  ['id', 'code', 'name', 'category', 'unit', 'price_minor', 'cost_minor', 'stock'],
  [
    [1, 'ZL-GW-100', L('边缘网关 GW-100', 'Edge gateway GW-100'), L('硬件', 'Hardware'), L('台', 'unit'), 680000, 310000, 35],
    [2, 'ZL-VS-200', L('无线振动传感器 VS-200', 'Wireless vibration sensor VS-200'), L('硬件', 'Hardware'), L('个', 'pc'), 128000, 52000, 420],
    [3, 'ZL-TS-210', L('温度传感器 TS-210', 'Temperature sensor TS-210'), L('硬件', 'Hardware'), L('个', 'pc'), 42000, 15000, 600],
    [4, 'ZL-SAAS-PRO', L('设备健康平台（年订阅/每台设备）', 'Equipment-health platform, per machine per year'), L('软件订阅', 'Subscriptions'), L('台·年', 'machine-year'), 360000, 60000, 10000],
    [5, 'ZL-SVC-IMP', L('实施服务（人天）', 'Implementation services, per person-day'), L('服务', 'Services'), L('人天', 'day'), 250000, 120000, 500],
  ],
);

// prettier-ignore
const orders = [
  [101, 'ZL-SO-2401', 8, 212, -195, 3],
  [102, 'ZL-SO-2412', 2, 211, -115, 2],
  [103, 'ZL-SO-2330', 5, 214, -355, 2],
].map(([id, no, customer, opportunity, days, owner]) => ({
  id,
  order_no: no,
  customer_id: customer,
  opportunity_id: opportunity,
  order_date: d(days),
  status: 'completed',
  owner_id: owner,
  created_at: d(days, '11:00'),
}));

// prettier-ignore
const order_lines = orderLines(1, products, [
  [101, [[1, 4], [2, 40], [4, 40], [5, 20]]],
  [102, [[1, 3], [2, 30], [3, 20], [4, 30], [5, 12, 500]]],
  [103, [[1, 2], [2, 16], [4, 16], [5, 8]]],
]);

// prettier-ignore
const contracts = rows(
  ['id', 'contract_no', 'title', 'customer_id', 'opportunity_id', 'order_id', 'status', 'start_date', 'end_date', 'renewal_date', 'amount_minor', 'owner_id'],
  [
    [301, 'ZL-HT-2025-014', L('安泰·设备健康平台首年订阅', 'Antai · equipment-health platform, year 1'), 5, 214, 103, 'active', d(-355), d(10), d(-20), 18000000, 2],
    [302, 'ZL-HT-2025-031', L('海联·一期部署与订阅', 'Hailian · phase-1 rollout and subscription'), 2, 211, 102, 'active', d(-115), d(250), d(220), 29000000, 2],
    [303, 'ZL-HT-2025-022', L('绿源·能耗监测平台', 'Lvyuan · energy monitoring platform'), 8, 212, 101, 'active', d(-195), d(170), d(140), 41000000, 3],
    [304, 'ZL-HT-2024-067', L('恒达·设备监测平台订阅', 'Hengda · machine-monitoring subscription'), 1, undefined, undefined, 'active', d(-320), d(45), d(15), 24000000, 2],
    [305, 'ZL-HT-2024-052', L('博瑞·包装线监测', 'Borui · packaging-line monitoring'), 9, undefined, undefined, 'expired', d(-425), d(-60), undefined, 9600000, 2],
    [306, 'ZL-HT-2024-071', L('绿源·传感器维保服务', 'Lvyuan · sensor maintenance service'), 8, undefined, undefined, 'active', d(-335), d(30), d(0), 3600000, 3],
  ],
);

// prettier-ignore
const activities = rows(
  ['id', 'type', 'subject', 'body', 'due_at', 'done', 'customer_id', 'contact_id', 'opportunity_id', 'lead_id', 'owner_id'],
  [
    [1, 'meeting', L('二期方案评审会', 'Phase-2 proposal review'), L('设备部认可方案，采购要求再压价 3%。', 'Equipment team approved; purchasing asks for another 3% off.'), d(-6, '14:00'), true, 1, 1, 201, undefined, 2],
    [2, 'call', L('确认预算审批进度', 'Checked on budget approval'), L('集团预算会下周二。', 'Group budget meeting is next Tuesday.'), d(-3, '10:30'), true, 2, 3, 202, undefined, 2],
    [3, 'email', L('发送 SMT 能耗看板方案与报价', 'Sent the SMT energy dashboard proposal and quote'), '', d(-9, '16:20'), true, 3, 5, 203, undefined, 3],
    [4, 'task', L('准备注塑机联网试点的投资回报测算', 'Prepare the ROI estimate for the moulding pilot'), '', d(3, '17:00'), false, 4, 6, 204, undefined, 3],
    [5, 'meeting', L('第二年订阅续费沟通', 'Year-2 subscription renewal talk'), '', d(2, '10:00'), false, 5, 7, 205, undefined, 2],
    [6, 'call', L('初次电话：了解织机数量与现有系统', 'First call: number of looms and current systems'), L('约 800 台织机，现有 MES 为自研。', 'About 800 looms; in-house MES.'), d(-12, '15:00'), true, 6, 9, 206, undefined, 3],
    [7, 'task', L('发送最终报价（含 5% 折扣）', 'Send the final quote (5% discount)'), '', d(-1, '18:00'), false, 8, 11, 208, undefined, 3],
    [8, 'email', L('客户告知预算冻结到下季度', 'Customer says the budget is frozen until next quarter'), L('彭飞：质检项目今年不再推进。', 'Peng Fei: the inspection project will not go ahead this year.'), d(-2, '09:40'), true, 7, 10, 207, undefined, 2],
    [9, 'call', L('展会后跟进：确认液压站监测需求', 'Post-expo follow-up: hydraulic unit monitoring needs'), '', d(-20, '11:00'), true, undefined, undefined, undefined, 1, 4],
    [10, 'task', L('安排东海机床产品演示', 'Book a product demo for Donghai Machine Tools'), '', d(5, '14:00'), false, undefined, undefined, undefined, 7, 4],
    [11, 'note', L('丢单复盘', 'Lost-deal review'), L('本地供应商报价低 30%，但不含平台订阅。', 'The local supplier was 30% cheaper but offers no platform subscription.'), d(-88, '17:30'), true, 9, 13, 213, undefined, 2],
    [12, 'meeting', L('模具车间现场调研', 'On-site survey of the mould shop'), '', d(9, '09:30'), false, 10, 14, 209, undefined, 3],
  ],
);

// prettier-ignore
const campaign_members = [
  { id: 1, campaign_id: 1, lead_id: 1, response: 'attended' },
  { id: 2, campaign_id: 1, lead_id: 4, response: 'attended' },
  { id: 3, campaign_id: 1, lead_id: 7, response: 'responded' },
  { id: 4, campaign_id: 1, customer_id: 6, response: 'attended' },
  { id: 5, campaign_id: 2, customer_id: 3, response: 'sent' },
  { id: 6, campaign_id: 2, customer_id: 4, response: 'sent' },
];

export default {
  format: 'kehu-crm-scenario',
  version: 1,
  id: 'b2b-sales',
  languages: ['zh-CN', 'en'],
  title: L('B2B 销售：智联工业物联网', 'B2B sales: Zhilian Industrial IoT'),
  description: L(
    '一家向长三角制造企业销售设备监测方案的工业物联网公司：10 家客户及其联系人、展会带来的线索、分布在各个销售阶段的 14 笔商机，以及几份即将到期、需要续约的合同。',
    'An industrial-IoT company selling machine monitoring to manufacturers around Shanghai: 10 accounts and their contacts, leads from a trade show, 14 deals across every pipeline stage and several contracts coming up for renewal.',
  ),
  data: {
    users,
    customers,
    contacts,
    campaigns,
    leads,
    opportunities,
    products,
    orders,
    order_lines,
    contracts,
    campaign_members,
    activities,
  },
  exercises: [
    {
      id: 'win-three',
      title: L('把三笔商机移到“赢单”', 'Move three deals to Won'),
      instructions: L(
        '月底冲刺：三位客户已经签字。打开“销售漏斗”，把任意三笔进行中的商机移到“赢单”列。可以拖放，也可以用键盘：选中卡片按空格拿起，用方向键移动，再按空格放下。',
        'Month-end push: three customers have signed. Open the Pipeline and move any three open deals to the Won column — drag them, or use the keyboard: focus a card, Space to pick it up, arrow keys to move, Space to drop.',
      ),
      checks: [
        'SELECT count(*) >= 3 FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE s.is_won = 1 AND o.id BETWEEN 201 AND 210',
      ],
    },
    {
      id: 'convert-lead',
      title: L('转化展会线索“陈志远”', 'Convert the trade-show lead Chen Zhiyuan'),
      instructions: L(
        '扬州力拓液压的陈志远已确认需求和预算。打开这条线索，点击“转化线索”，一步生成客户、联系人和商机。',
        'Chen Zhiyuan of Yangzhou Lituo Hydraulics has confirmed the need and the budget. Open the lead and use “Convert lead” to create the customer, the contact and a deal in one step.',
      ),
      checks: [
        "SELECT count(*) = 1 FROM leads WHERE id = 1 AND status = 'converted' AND converted_customer_id IS NOT NULL",
      ],
    },
    {
      id: 'lose-with-reason',
      title: L('记录丢单及原因', 'Record a lost deal with its reason'),
      instructions: L(
        '南通远洋来信说质检项目的预算冻结到下季度。把商机“远洋：质检数据采集”移到“输单”，并写明丢单原因。',
        'Nantong Yuanyang wrote that the inspection budget is frozen until next quarter. Move the deal “Yuanyang: quality-inspection data capture” to Lost and give the reason.',
      ),
      checks: [
        "SELECT count(*) = 1 FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.id = 207 AND s.is_lost = 1 AND trim(o.lost_reason) <> ''",
      ],
    },
    {
      id: 'renew-contract',
      title: L('为即将到期的合同续约', 'Renew the contract that is about to expire'),
      instructions: L(
        '在“续约”页面可以看到合肥安泰的合同 ZL-HT-2025-014 十天后到期，客户已同意续签一年。把这份合同的状态改为“已续约”，并为安泰新建下一年的合同（结束日期晚于旧合同）。',
        'The Renewals page shows that Hefei Antai’s contract ZL-HT-2025-014 ends in ten days, and the customer has agreed to another year. Set that contract’s status to Renewed and create Antai’s contract for the next year (ending after the old one).',
      ),
      checks: [
        "SELECT count(*) = 1 FROM contracts WHERE id = 301 AND status = 'renewed'",
        'SELECT count(*) >= 1 FROM contracts WHERE id > 10000 AND customer_id = 5 AND end_date > (SELECT end_date FROM contracts WHERE id = 301)',
      ],
    },
    {
      id: 'plan-meeting',
      title: L('约宁波海联开现场会', 'Book an on-site meeting with Ningbo Hailian'),
      instructions: L(
        '邵建国希望下周在工厂碰面，推进冲压车间项目。在宁波海联的客户页面记录一条类型为“会议”的活动，并设定会议时间。',
        'Shao Jianguo wants to meet at the plant next week about the press-shop project. On Ningbo Hailian’s customer page, log an activity of type “Meeting” with its date and time.',
      ),
      checks: [
        "SELECT count(*) >= 1 FROM activities WHERE id > 10000 AND customer_id = 2 AND type = 'meeting'",
      ],
    },
  ],
};
