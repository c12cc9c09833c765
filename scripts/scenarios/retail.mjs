/**
 * Scenario "retail": a home-goods and kitchenware shop in Hangzhou with walk-in customers, a few corporate
 * gift buyers, half a year of orders, a duplicate customer entered at the counter and an overdue complaint.
 * Hand-written; every name, address and number is invented (phone numbers follow the Chinese format,
 * e-mail addresses use the reserved .example domain).
 */
import { L, d, orderLines, rows } from './lib.mjs';

const HZ = (zh, en) => L(`杭州市${zh}`, `${en}, Hangzhou`);

// prettier-ignore
const users = rows(
  ['id', 'name', 'email', 'role', 'team', 'manager_id'],
  [
    [1, L('林晓', 'Lin Xiao'), 'lin.xiao@yuejia.example', 'manager', L('门店', 'Store'), null],
    [2, L('王强', 'Wang Qiang'), 'wang.qiang@yuejia.example', 'rep', L('门店', 'Store'), 1],
    [3, L('陈静', 'Chen Jing'), 'chen.jing@yuejia.example', 'rep', L('门店', 'Store'), 1],
  ],
);

// prettier-ignore
const products = rows(
  ['id', 'code', 'name', 'category', 'unit', 'price_minor', 'cost_minor', 'stock', 'description'],
  [
    [1, 'YJ-KT-001', L('铸铁珐琅锅 24cm', 'Enamel cast-iron casserole 24 cm'), L('厨具', 'Cookware'), L('个', 'pc'), 89900, 52000, 14, L('适用燃气灶、电磁炉和烤箱。', 'Works on gas, induction and in the oven.')],
    [2, 'YJ-KT-002', L('三层钢炒锅 32cm', 'Tri-ply stainless wok 32 cm'), L('厨具', 'Cookware'), L('个', 'pc'), 45900, 26000, 22, ''],
    [3, 'YJ-KT-003', L('陶瓷主厨刀 18cm', "Ceramic chef's knife 18 cm"), L('厨具', 'Cookware'), L('把', 'pc'), 19900, 8500, 30, ''],
    [4, 'YJ-TW-001', L('手冲咖啡壶套装', 'Pour-over coffee set'), L('茶咖器具', 'Coffee & tea'), L('套', 'set'), 32900, 16000, 9, ''],
    [5, 'YJ-TW-002', L('青瓷茶具六件套', 'Celadon tea set, 6 pieces'), L('茶咖器具', 'Coffee & tea'), L('套', 'set'), 56800, 27000, 6, L('龙泉青瓷，礼盒包装。', 'Longquan celadon in a gift box.')],
    [6, 'YJ-TW-003', L('手工陶瓷马克杯', 'Handmade ceramic mug'), L('餐具', 'Tableware'), L('只', 'pc'), 6800, 2500, 120, ''],
    [7, 'YJ-TX-001', L('长绒棉四件套 1.8m', 'Long-staple cotton bedding set, king'), L('家纺', 'Home textiles'), L('套', 'set'), 79900, 41000, 11, ''],
    [8, 'YJ-TX-002', L('亚麻窗帘（一对）', 'Linen curtains, pair'), L('家纺', 'Home textiles'), L('对', 'pair'), 52900, 24000, 0, L('米白色，宽 1.5m × 高 2.7m。', 'Off-white, 1.5 m wide × 2.7 m high.')],
    [9, 'YJ-TX-003', L('羊毛混纺盖毯', 'Wool-blend throw'), L('家纺', 'Home textiles'), L('条', 'pc'), 36900, 17500, 18, ''],
    [10, 'YJ-SA-001', L('智能恒温电水壶', 'Smart temperature kettle'), L('小家电', 'Small appliances'), L('台', 'pc'), 39900, 22000, 25, ''],
    [11, 'YJ-SA-002', L('空气炸锅 5L', 'Air fryer 5 L'), L('小家电', 'Small appliances'), L('台', 'pc'), 59900, 34000, 8, L('一年保修，七天无理由退换。', 'One-year warranty; 7-day no-questions return.')],
    [12, 'YJ-GF-001', L('企业定制礼盒', 'Corporate gift box, custom'), L('礼品', 'Gifts'), L('盒', 'box'), 29900, 15500, 40, L('可印企业标志，起订 20 盒。', 'Company logo printing, minimum 20 boxes.')],
  ],
);

// prettier-ignore
const customers = rows(
  ['id', 'kind', 'name', 'stage', 'owner_id', 'industry', 'address', 'phone', 'email', 'notes', 'created_at'],
  [
    [1, 'person', L('赵敏', 'Zhao Min'), 'existing', 2, '', HZ('西湖区文三路 259 号', '259 Wensan Rd, Xihu District'), '138 5716 2231', 'zhaomin@mail.example', L('VIP 会员，偏爱厨具，常在周末到店。', 'VIP member; likes cookware; usually comes in at weekends.'), d(-210, '11:20')],
    [2, 'person', L('孙丽华', 'Sun Lihua'), 'existing', 2, '', HZ('拱墅区湖墅南路 88 号', '88 Hushu South Rd, Gongshu District'), '139 0578 4410', 'sunlihua@mail.example', '', d(-190, '15:05')],
    [3, 'person', L('周杰', 'Zhou Jie'), 'new', 2, '', HZ('滨江区江南大道 1200 号', '1200 Jiangnan Ave, Binjiang District'), '186 5712 0937', 'zhoujie@mail.example', '', d(-8, '18:40')],
    [4, 'person', L('吴婷', 'Wu Ting'), 'existing', 3, '', HZ('上城区清泰街 316 号', '316 Qingtai St, Shangcheng District'), '137 5800 2176', 'wuting@mail.example', L('新房装修中，关注家纺。', 'Furnishing a new flat; interested in textiles.'), d(-140, '10:30')],
    [5, 'person', L('郑浩', 'Zheng Hao'), 'prospect', 2, '', '', '159 8820 6613', '', L('在烘焙课上留下了联系方式。', 'Left his number at a baking class.'), d(-15, '16:10')],
    [6, 'person', L('钱芳', 'Qian Fang'), 'existing', 3, '', HZ('西湖区古墩路 701 号', '701 Gudun Rd, Xihu District'), '135 6714 8802', 'qianfang@mail.example', '', d(-130, '14:45')],
    [7, 'person', L('冯磊', 'Feng Lei'), 'lost', 2, '', '', '158 5718 3340', 'fenglei@mail.example', L('搬去成都，不再到店。', 'Moved to Chengdu; no longer visits.'), d(-260, '12:00')],
    [8, 'person', L('何雨', 'He Yu'), 'new', 3, '', HZ('余杭区文一西路 998 号', '998 Wenyi West Rd, Yuhang District'), '177 5712 4468', 'heyu@mail.example', '', d(-4, '19:15')],
    [9, 'person', L('马晓东', 'Ma Xiaodong'), 'existing', 2, '', HZ('萧山区人民路 58 号', '58 Renmin Rd, Xiaoshan District'), '133 5719 2025', 'maxiaodong@mail.example', '', d(-118, '13:30')],
    [10, 'person', L('刘洋', 'Liu Yang'), 'existing', 2, '', HZ('西湖区天目山路 176 号', '176 Tianmushan Rd, Xihu District'), '139 0571 8866', 'liuyang88@mail.example', L('喜欢中式炒锅。', 'Likes Chinese-style woks.'), d(-100, '17:50')],
    [11, 'person', L('刘洋', 'Liu Yang'), 'new', 3, '', '', '139-0571-8866', 'LiuYang88@Mail.example', L('收银台新建的记录。', 'Entered at the till.'), d(-30, '12:35')],
    [12, 'company', L('杭州云栖科技有限公司', 'Hangzhou Yunqi Technology Co., Ltd.'), 'existing', 1, L('互联网', 'Internet'), HZ('西湖区云栖小镇 8 号楼', 'Building 8, Yunqi Town, Xihu District'), '0571-8702 6600', 'admin@yunqi-tech.example', L('每年中秋、春节采购员工礼盒。', 'Buys staff gift boxes for Mid-Autumn and Spring Festival.'), d(-330, '09:40')],
    [13, 'company', L('西湖设计工作室', 'West Lake Design Studio'), 'new', 1, L('室内设计', 'Interior design'), HZ('上城区南山路 202 号', '202 Nanshan Rd, Shangcheng District'), '0571-8706 1188', 'hello@westlake-design.example', '', d(-50, '15:20')],
    [14, 'person', L('宋佳', 'Song Jia'), 'existing', 3, '', HZ('拱墅区大关路 45 号', '45 Daguan Rd, Gongshu District'), '189 5713 7720', 'songjia@mail.example', '', d(-75, '11:00')],
    [15, 'person', L('唐雪', 'Tang Xue'), 'prospect', 3, '', '', '176 5710 3318', 'tangxue@mail.example', '', d(-9, '10:05')],
    [16, 'company', L('浙江禾丰餐饮管理有限公司', 'Zhejiang Hefeng Catering Management Co., Ltd.'), 'prospect', 1, L('餐饮', 'Catering'), HZ('滨江区长河路 475 号', '475 Changhe Rd, Binjiang District'), '0571-8677 3090', 'purchase@hefeng-catering.example', L('旗下 6 家餐厅，考虑统一采购厨具。', 'Runs six restaurants; considering central buying of kitchenware.'), d(-12, '14:15')],
  ],
);

// prettier-ignore
const contacts = rows(
  ['id', 'customer_id', 'name', 'title', 'phone', 'email', 'is_primary'],
  [
    [1, 12, L('许文', 'Xu Wen'), L('行政经理', 'Office manager'), '138 5710 6621', 'xu.wen@yunqi-tech.example', true],
    [2, 12, L('高峰', 'Gao Feng'), L('采购专员', 'Purchasing officer'), '139 5711 0843', 'gao.feng@yunqi-tech.example', false],
    [3, 13, L('叶子涵', 'Ye Zihan'), L('创始人', 'Founder'), '136 0571 2290', 'zihan@westlake-design.example', true],
    [4, 16, L('罗军', 'Luo Jun'), L('采购总监', 'Head of purchasing'), '137 7712 5506', 'luo.jun@hefeng-catering.example', true],
  ],
);

// [id, order no, customer, days ago, status, owner]
// prettier-ignore
const orderList = [
  [101, 'YJ-1001', 1, -172, 'completed', 2],
  [102, 'YJ-1002', 2, -160, 'completed', 2],
  [103, 'YJ-1003', 12, -150, 'completed', 1],
  [104, 'YJ-1004', 4, -133, 'completed', 3],
  [105, 'YJ-1005', 6, -121, 'completed', 3],
  [106, 'YJ-1006', 9, -110, 'completed', 2],
  [107, 'YJ-1007', 10, -96, 'completed', 2],
  [108, 'YJ-1008', 1, -84, 'completed', 2],
  [109, 'YJ-0987', 7, -200, 'completed', 2],
  [110, 'YJ-1010', 14, -70, 'completed', 3],
  [111, 'YJ-1011', 2, -58, 'completed', 2],
  [112, 'YJ-1012', 13, -45, 'completed', 1],
  [113, 'YJ-1013', 11, -30, 'completed', 3],
  [114, 'YJ-1014', 4, -21, 'shipped', 3],
  [115, 'YJ-1015', 1, -12, 'completed', 2],
  [116, 'YJ-1016', 3, -6, 'confirmed', 2],
  [117, 'YJ-1017', 12, -3, 'confirmed', 1],
  [118, 'YJ-1018', 8, -1, 'draft', 3],
];
// prettier-ignore
const orders = orderList.map(([id, no, customer, days, status, owner]) => ({
  id,
  order_no: no,
  customer_id: customer,
  order_date: d(days),
  status,
  owner_id: owner,
  created_at: d(days, '15:00'),
  ...(customer === 12 ? { contact_id: 1 } : {}),
}));

// prettier-ignore
const order_lines = orderLines(1, products, [
  [101, [[1, 1], [6, 2]]],
  [102, [[7, 1]]],
  [103, [[12, 30, 1000], [6, 30, 1000]]],
  [104, [[5, 1]]],
  [105, [[9, 1], [6, 4]]],
  [106, [[10, 1]]],
  [107, [[2, 1], [3, 1]]],
  [108, [[4, 1]]],
  [109, [[8, 1]]],
  [110, [[11, 1]]],
  [111, [[9, 2]]],
  [112, [[5, 2], [4, 2]]],
  [113, [[6, 6]]],
  [114, [[7, 1], [8, 1]]],
  [115, [[11, 1]]],
  [116, [[1, 1]]],
  [117, [[12, 50, 1000]]],
  [118, [[10, 1]]],
]);

// prettier-ignore
const cases = rows(
  ['id', 'subject', 'description', 'type', 'priority', 'status', 'customer_id', 'order_id', 'product_id', 'owner_id', 'created_at', 'resolved_at', 'resolution', 'csat'],
  [
    [201, L('空气炸锅用了一周就不加热', 'Air fryer stopped heating after a week'), L('顾客来电：YJ-1015 购买的空气炸锅通电后风扇转动但不加热，要求换货。', 'Customer called: the air fryer from YJ-1015 runs its fan but no longer heats; she asks for a replacement.'), 'complaint', 'high', 'open', 1, 115, 11, 3, d(-3, '10:15'), undefined, undefined, undefined],
    [202, L('珐琅锅能否用于电磁炉', 'Does the enamel casserole work on induction?'), '', 'inquiry', 'low', 'resolved', 3, undefined, 1, 2, d(-7, '18:50'), d(-7, '19:05'), L('已确认适用于电磁炉，并发送了使用说明。', 'Confirmed it works on induction and sent the care guide.'), 5],
    [203, L('窗帘到货颜色与样品不符', 'Curtains arrived in a different shade from the sample'), L('顾客发来照片，实物偏黄。', 'Customer sent photos: the curtains look more yellow than the sample.'), 'after_sales', 'normal', 'in_progress', 4, 114, 8, 3, d(-1, '16:40'), undefined, undefined, undefined],
    [204, L('企业礼盒需开具增值税专用发票', 'Gift-box order needs a VAT special invoice'), '', 'inquiry', 'normal', 'waiting', 12, 117, 12, 1, d(-2, '09:30'), undefined, undefined, undefined],
  ],
);

// prettier-ignore
const knowledge_articles = rows(
  ['id', 'title', 'body', 'category', 'tags', 'status', 'author_id'],
  [
    [1, L('空气炸锅不加热的排查步骤', 'Air fryer does not heat: what to check'), L('1. 确认锅篮完全推入到位（安全开关）。\n2. 检查温度旋钮是否设置在 80°C 以上。\n3. 仍不加热：七天内直接换新，超过七天按保修寄修。', '1. Check the basket is pushed fully home (safety switch).\n2. Check the temperature dial is above 80 °C.\n3. Still cold: within 7 days replace it; after that, send it in under warranty.'), L('小家电', 'Small appliances'), ['air fryer', 'warranty'], 'published', 3],
    [2, L('退换货政策', 'Returns and exchanges'), L('商品签收后 7 天内可无理由退换；30 天内质量问题可换新；定制礼盒不退换。', 'Any item can be returned within 7 days of delivery; faulty items are replaced within 30 days; custom gift boxes cannot be returned.'), L('售后', 'After-sales'), ['returns'], 'published', 1],
  ],
);

// prettier-ignore
const activities = rows(
  ['id', 'type', 'subject', 'body', 'due_at', 'done', 'customer_id', 'contact_id', 'case_id', 'owner_id'],
  [
    [1, 'call', L('回访：珐琅锅使用体验', 'Follow-up call: how is the casserole?'), L('很满意，想看看茶具。', 'Very happy; wants to look at tea sets.'), d(-80, '11:00'), true, 1, undefined, undefined, 2],
    [2, 'email', L('发送中秋礼盒报价', 'Sent Mid-Autumn gift box quote'), '', d(-155, '10:00'), true, 12, 1, undefined, 1],
    [3, 'meeting', L('到店看样：茶具与咖啡器具', 'In-store viewing: tea and coffee sets'), '', d(-47, '14:00'), true, 13, 3, undefined, 1],
    [4, 'task', L('给禾丰餐饮发送商用厨具报价', 'Send Hefeng Catering a quote for commercial cookware'), '', d(2, '17:00'), false, 16, 4, undefined, 1],
    [5, 'note', L('顾客搬家去成都', 'Customer moved to Chengdu'), L('以后可通过网店联系。', 'Can still be reached through the online shop.'), d(-190, '12:00'), true, 7, undefined, undefined, 2],
    [6, 'task', L('邀请郑浩参加周末烘焙课', 'Invite Zheng Hao to the weekend baking class'), '', d(1, '18:00'), false, 5, undefined, undefined, 2],
    [7, 'call', L('通知会员春季折扣', 'Told her about the spring member discount'), '', d(-20, '16:30'), true, 2, undefined, undefined, 2],
    [8, 'call', L('确认炒锅送货时间', 'Confirmed the wok delivery time'), '', d(-95, '10:30'), true, 10, undefined, undefined, 2],
    [9, 'task', L('空气炸锅使用回访', 'Air fryer follow-up call'), '', d(-2, '15:00'), false, 14, undefined, undefined, 3],
    [10, 'email', L('收到窗帘色差照片', 'Received photos of the curtain colour'), '', d(-1, '17:10'), true, 4, undefined, 203, 3],
  ],
);

// prettier-ignore
const campaigns = rows(
  ['id', 'name', 'channel', 'status', 'start_date', 'end_date', 'location', 'budget_minor', 'description', 'owner_id'],
  [[1, L('春季家居焕新节', 'Spring home refresh sale'), 'event', 'active', d(-5), d(10), L('门店一楼', 'Shop floor'), 800000, L('会员满 500 减 60，烘焙体验课。', '¥60 off every ¥500 for members; baking classes.'), 1]],
);

// prettier-ignore
const campaign_members = rows(
  ['id', 'campaign_id', 'customer_id', 'response'],
  [
    [1, 1, 1, 'sent'],
    [2, 1, 2, 'responded'],
    [3, 1, 5, 'attended'],
    [4, 1, 15, 'pending'],
  ],
);

// prettier-ignore
const surveys = rows(['id', 'name', 'description', 'status'], [[1, L('购物满意度调查', 'Shopping satisfaction survey'), '', 'open']]);

// prettier-ignore
const survey_responses = rows(
  ['id', 'survey_id', 'customer_id', 'responded_at', 'csat', 'nps', 'quality', 'price', 'comment'],
  [
    [1, 1, 1, d(-80, '20:00'), 5, 9, 5, 4, L('锅很好用。', 'Great casserole.')],
    [2, 1, 2, d(-55, '21:10'), 4, 8, 4, 3, ''],
    [3, 1, 6, d(-118, '19:30'), 5, 10, 5, 4, L('店员很专业。', 'Very knowledgeable staff.')],
    [4, 1, 9, d(-105, '12:45'), 3, 6, 3, 3, L('水壶盖有点松。', 'The kettle lid is a bit loose.')],
  ],
);

export default {
  format: 'kehu-crm-scenario',
  version: 1,
  id: 'retail',
  languages: ['zh-CN', 'en'],
  title: L('零售门店：悦家生活馆', 'Retail store: Yuejia Home'),
  description: L(
    '杭州一家家居与厨具零售店：16 位顾客（其中 3 家企业客户）、12 种商品、半年的订单、一次营销活动和几张售后工单。店员录入了一位重复的顾客，还有一起投诉已经超过了服务时限。',
    'A home-goods and kitchenware shop in Hangzhou: 16 customers (3 of them companies), 12 products, half a year of orders, a campaign and a few service cases. A colleague entered one customer twice, and one complaint is past its service deadline.',
  ),
  data: {
    users,
    customers,
    contacts,
    campaigns,
    products,
    orders,
    order_lines,
    cases,
    knowledge_articles,
    campaign_members,
    activities,
    surveys,
    survey_responses,
  },
  exercises: [
    {
      id: 'log-call',
      title: L('给赵敏打回访电话并记录下来', 'Call Zhao Min back and log the call'),
      instructions: L(
        '赵敏上周买的空气炸锅出了问题。打开她的客户页面，在“时间线”中记录一条类型为“电话”的活动，写下通话要点。',
        'Zhao Min’s new air fryer has a problem. Open her customer page and, on the timeline, log an activity of type “Call” with what you talked about.',
      ),
      checks: ["SELECT count(*) >= 1 FROM activities WHERE customer_id = 1 AND type = 'call' AND id > 10000"],
    },
    {
      id: 'merge-duplicates',
      title: L('合并重复的顾客“刘洋”', 'Merge the duplicate customer “Liu Yang”'),
      instructions: L(
        '收银台给刘洋又建了一条记录（手机号相同）。在“重复数据”页面把两条记录合并成一条，两张订单都要保留在合并后的顾客名下。',
        'Someone at the till created a second record for Liu Yang (same mobile number). On the Duplicates page, merge the two into one; both of his orders must end up on the remaining customer.',
      ),
      checks: [
        'SELECT (SELECT count(*) FROM customers WHERE id IN (10, 11)) = 1',
        'SELECT count(*) = 2 AND count(DISTINCT customer_id) = 1 FROM orders WHERE id IN (107, 113) AND customer_id IN (10, 11)',
      ],
    },
    {
      id: 'resolve-complaint',
      title: L('处理逾期的投诉并记录满意度', 'Resolve the overdue complaint with a satisfaction score'),
      instructions: L(
        '工单“空气炸锅用了一周就不加热”已经超过服务时限。把状态改为“已解决”，在“解决方案”中写明处理结果（例如：已为顾客换新机），并录入顾客给出的满意度（CSAT）评分。',
        'The case “Air fryer stopped heating after a week” is past its SLA. Set it to Resolved, write the resolution (for example: replaced the unit) and enter the satisfaction (CSAT) score the customer gave.',
      ),
      checks: [
        "SELECT count(*) = 1 FROM cases WHERE id = 201 AND status IN ('resolved', 'closed') AND csat IS NOT NULL AND trim(resolution) <> ''",
      ],
    },
    {
      id: 'new-order',
      title: L('为孙丽华新建一张订单', 'Take an order for Sun Lihua'),
      instructions: L(
        '孙丽华到店买了两只手工陶瓷马克杯（YJ-TW-003）。为她新建一张状态为“已确认”的订单。',
        'Sun Lihua is buying two handmade ceramic mugs (YJ-TW-003) in the shop. Create a confirmed order for her.',
      ),
      checks: [
        "SELECT count(*) >= 1 FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id > 10000 AND o.customer_id = 2 AND o.status IN ('confirmed', 'shipped', 'completed') AND l.product_id = 6 AND l.quantity >= 2",
      ],
    },
    {
      id: 'restock',
      title: L('给缺货的亚麻窗帘补货', 'Restock the linen curtains'),
      instructions: L(
        '亚麻窗帘（YJ-TX-002）已经缺货，今天到货 20 对。在产品页面把库存改为 20。',
        'The linen curtains (YJ-TX-002) are out of stock and 20 pairs arrived today. Set the product’s stock to 20.',
      ),
      checks: ['SELECT count(*) = 1 FROM products WHERE id = 8 AND stock >= 20'],
    },
  ],
};
