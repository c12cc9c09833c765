/**
 * Scenario "service": the after-sales service centre of a home-appliance brand in Nanjing — households and
 * two business customers, the appliances they bought, service cases in every state with their SLA deadlines
 * (two complaints already overdue), a knowledge base with one draft, and satisfaction-survey answers.
 * Hand-written; all people, companies and numbers are invented.
 */
import { L, d, orderLines, rows } from './lib.mjs';

const NJ = (zh, en) => L(`南京市${zh}`, `${en}, Nanjing`);

// prettier-ignore
const users = rows(
  ['id', 'name', 'email', 'role', 'team', 'manager_id'],
  [
    [1, L('刘芳', 'Liu Fang'), 'liu.fang@anxin-service.example', 'manager', L('客服中心', 'Service centre'), null],
    [2, L('赵磊', 'Zhao Lei'), 'zhao.lei@anxin-service.example', 'rep', L('客服中心', 'Service centre'), 1],
    [3, L('孙梅', 'Sun Mei'), 'sun.mei@anxin-service.example', 'rep', L('客服中心', 'Service centre'), 1],
    [4, L('周强', 'Zhou Qiang'), 'zhou.qiang@anxin-service.example', 'rep', L('上门工程师', 'Field engineers'), 1],
  ],
);

// prettier-ignore
const customers = rows(
  ['id', 'kind', 'name', 'stage', 'owner_id', 'industry', 'address', 'phone', 'email', 'created_at'],
  [
    [1, 'person', L('吴建国', 'Wu Jianguo'), 'existing', 2, '', NJ('鼓楼区中山北路 105 号', '105 Zhongshan North Rd, Gulou District'), '138 0517 2468', 'wujianguo@mail.example', d(-400, '10:00')],
    [2, 'person', L('李秀英', 'Li Xiuying'), 'existing', 2, '', NJ('秦淮区龙蟠中路 218 号', '218 Longpan Middle Rd, Qinhuai District'), '139 1298 6675', 'lixiuying@mail.example', d(-60, '14:20')],
    [3, 'person', L('张伟', 'Zhang Wei'), 'existing', 3, '', NJ('建邺区江东中路 369 号', '369 Jiangdong Middle Rd, Jianye District'), '137 7053 1182', 'zhangwei.nj@mail.example', d(-200, '09:30')],
    [4, 'person', L('王芳', 'Wang Fang'), 'existing', 3, '', NJ('玄武区珠江路 88 号', '88 Zhujiang Rd, Xuanwu District'), '136 0514 9037', 'wangfang@mail.example', d(-40, '16:10')],
    [5, 'person', L('陈立', 'Chen Li'), 'new', 3, '', NJ('江宁区双龙大道 1539 号', '1539 Shuanglong Ave, Jiangning District'), '159 5187 2203', 'chenli@mail.example', d(-15, '11:05')],
    [6, 'person', L('杨静', 'Yang Jing'), 'existing', 2, '', NJ('栖霞区仙林大道 163 号', '163 Xianlin Ave, Qixia District'), '135 8510 6649', 'yangjing@mail.example', d(-300, '13:40')],
    [7, 'person', L('黄磊', 'Huang Lei'), 'existing', 2, '', NJ('雨花台区软件大道 101 号', '101 Software Ave, Yuhuatai District'), '188 5168 3320', 'huanglei@mail.example', d(-90, '18:00')],
    [8, 'person', L('朱琳', 'Zhu Lin'), 'new', 3, '', NJ('浦口区江浦街道 27 号', '27 Jiangpu St, Pukou District'), '177 5120 8846', 'zhulin@mail.example', d(-12, '10:50')],
    [9, 'person', L('徐涛', 'Xu Tao'), 'existing', 2, '', NJ('鼓楼区汉中路 140 号', '140 Hanzhong Rd, Gulou District'), '133 9051 2714', 'xutao@mail.example', d(-500, '15:15')],
    [10, 'person', L('胡晓', 'Hu Xiao'), 'existing', 3, '', NJ('秦淮区中华路 50 号', '50 Zhonghua Rd, Qinhuai District'), '150 5178 6631', 'huxiao@mail.example', d(-150, '12:25')],
    [11, 'company', L('南京金陵物业服务有限公司', 'Nanjing Jinling Property Services Co., Ltd.'), 'existing', 1, L('物业管理', 'Property management'), NJ('建邺区庐山路 188 号', '188 Lushan Rd, Jianye District'), '025-8668 2100', 'service@jinling-property.example', d(-520, '09:00')],
    [12, 'company', L('南京秦淮湾酒店', 'Qinhuai Bay Hotel Nanjing'), 'existing', 1, L('酒店', 'Hotels'), NJ('秦淮区贡院街 66 号', '66 Gongyuan St, Qinhuai District'), '025-5226 8800', 'engineering@qinhuaibay-hotel.example', d(-390, '10:30')],
  ],
);

// prettier-ignore
const contacts = rows(
  ['id', 'customer_id', 'name', 'title', 'phone', 'email', 'is_primary'],
  [
    [1, 11, L('蒋国平', 'Jiang Guoping'), L('工程部经理', 'Engineering manager'), '138 5167 3305', 'jiang.gp@jinling-property.example', true],
    [2, 12, L('宋晓婷', 'Song Xiaoting'), L('工程总监', 'Director of engineering'), '139 5189 0472', 'song.xt@qinhuaibay-hotel.example', true],
  ],
);

// prettier-ignore
const products = rows(
  ['id', 'code', 'name', 'category', 'unit', 'price_minor', 'cost_minor', 'stock'],
  [
    [1, 'AX-WH-60', L('电热水器 60L', 'Electric water heater 60 L'), L('热水器', 'Water heaters'), L('台', 'unit'), 329900, 198000, 48],
    [2, 'AX-AC-35', L('变频空调 1.5 匹', 'Inverter air conditioner 3.5 kW'), L('空调', 'Air conditioners'), L('台', 'unit'), 399900, 255000, 60],
    [3, 'AX-WM-10', L('滚筒洗衣机 10kg', 'Front-load washer 10 kg'), L('洗衣机', 'Washers'), L('台', 'unit'), 299900, 176000, 35],
    [4, 'AX-DW-08', L('嵌入式洗碗机 8 套', 'Built-in dishwasher, 8 place settings'), L('厨房电器', 'Kitchen appliances'), L('台', 'unit'), 459900, 281000, 20],
    [5, 'AX-EXT-2Y', L('延保服务 2 年', 'Extended warranty, 2 years'), L('服务', 'Services'), L('份', 'plan'), 39900, 9000, 1000],
    [6, 'AX-PRT-RC', L('空调遥控器（配件）', 'Air-conditioner remote (spare part)'), L('配件', 'Spare parts'), L('个', 'pc'), 8900, 3000, 150],
  ],
);

// prettier-ignore
const orders = [
  [101, 'AX-2024-8812', 1, -400],
  [102, 'AX-2025-1207', 2, -60],
  [103, 'AX-2025-0436', 3, -200],
  [104, 'AX-2025-1388', 4, -30],
  [105, 'AX-2025-1502', 5, -15],
  [106, 'AX-2025-0215', 6, -300],
  [107, 'AX-2025-0963', 7, -90],
  [108, 'AX-2024-6120', 11, -500],
  [109, 'AX-2024-9034', 12, -380],
  [110, 'AX-2025-1560', 8, -12],
].map(([id, no, customer, days]) => ({
  id,
  order_no: no,
  customer_id: customer,
  order_date: d(days),
  status: 'completed',
  created_at: d(days, '12:00'),
}));

// prettier-ignore
const order_lines = orderLines(1, products, [
  [101, [[1, 1]]],
  [102, [[2, 1]]],
  [103, [[3, 1], [5, 1]]],
  [104, [[2, 1], [5, 1]]],
  [105, [[4, 1]]],
  [106, [[2, 2]]],
  [107, [[3, 1]]],
  [108, [[1, 12, 800]]],
  [109, [[2, 40, 1200], [5, 40, 1200]]],
  [110, [[6, 1]]],
]);

// prettier-ignore
const C = ['id', 'subject', 'description', 'type', 'priority', 'status', 'customer_id', 'order_id', 'product_id', 'owner_id', 'created_at', 'resolved_at', 'resolution', 'csat'];
// prettier-ignore
const cases = rows(C, [
  [401, L('热水器底部漏水', 'Water heater leaking from the bottom'), L('顾客说地面已经积水，已自行关闭进水阀。', 'The floor is wet; the customer has closed the inlet valve himself.'), 'complaint', 'urgent', 'open', 1, 101, 1, 2, d(-1, '08:30'), undefined, undefined, undefined],
  [402, L('空调不制冷', 'Air conditioner not cooling'), L('开机半小时室温不降，外机运转正常。', 'Room temperature does not drop after 30 minutes; the outdoor unit runs.'), 'after_sales', 'high', 'in_progress', 2, 102, 2, 4, d(-1, '19:20'), undefined, undefined, undefined],
  [403, L('洗衣机脱水时噪音大', 'Washer is loud when spinning'), '', 'after_sales', 'normal', 'waiting', 3, 103, 3, 4, d(-2, '11:00'), undefined, undefined, undefined],
  [404, L('咨询延保服务价格', 'Question about the extended warranty price'), '', 'inquiry', 'low', 'open', 4, undefined, 5, 3, d(-1, '15:40'), undefined, undefined, undefined],
  [405, L('安装师傅迟到两小时', 'Installer arrived two hours late'), L('顾客为此请了半天假，要求说法。', 'The customer took half a day off for it and wants an explanation.'), 'complaint', 'normal', 'open', 5, 105, 4, 3, d(-4, '10:00'), undefined, undefined, undefined],
  [406, L('空调遥控器失灵', 'Air-conditioner remote not working'), '', 'after_sales', 'low', 'resolved', 8, 110, 6, 2, d(-10, '09:15'), d(-9, '10:00'), L('更换电池后恢复正常。', 'Works again with new batteries.'), 4],
  [407, L('酒店客房空调批量保养预约', 'Hotel: book servicing for 40 room air conditioners'), '', 'inquiry', 'normal', 'in_progress', 12, 109, 2, 1, d(-2, '09:10'), undefined, undefined, undefined],
  [408, L('物业：中央热水系统报修', 'Property: central hot-water system fault'), L('3 号楼热水器组出水温度不足 40°C。', 'Building 3 water heaters deliver under 40 °C.'), 'after_sales', 'high', 'open', 11, 108, 1, 4, d(-1, '21:00'), undefined, undefined, undefined],
  [409, L('热水器显示 E3 故障码', 'Water heater shows error code E3'), '', 'after_sales', 'normal', 'closed', 9, undefined, 1, 4, d(-25, '14:00'), d(-23, '16:30'), L('更换温控器。', 'Replaced the thermostat.'), 5],
  [410, L('空调有异味', 'Air conditioner smells musty'), '', 'after_sales', 'low', 'closed', 6, 106, 2, 2, d(-18, '10:40'), d(-16, '11:00'), L('上门清洗滤网和蒸发器。', 'Cleaned the filters and the evaporator on site.'), 4],
  [411, L('洗衣机门锁打不开', 'Washer door will not unlock'), '', 'after_sales', 'high', 'resolved', 7, 107, 3, 4, d(-14, '20:05'), d(-13, '15:20'), L('排水后门锁自动解锁，已教顾客操作。', 'Door unlocked after draining; showed the customer how.'), 5],
  [412, L('上门服务被取消却未通知', 'Visit cancelled without telling the customer'), '', 'complaint', 'normal', 'closed', 10, undefined, undefined, 3, d(-30, '09:00'), d(-27, '17:00'), L('致歉并赠送一次免费清洗。', 'Apologised and offered a free cleaning.'), 2],
  [413, L('咨询以旧换新', 'Question about trade-in'), '', 'inquiry', 'low', 'closed', 4, undefined, 2, 3, d(-40, '13:10'), d(-40, '13:40'), L('已发送以旧换新活动细则。', 'Sent the trade-in terms.'), 5],
  [414, L('洗碗机不排水', 'Dishwasher not draining'), '', 'after_sales', 'high', 'resolved', 5, 105, 4, 4, d(-8, '19:30'), d(-7, '18:00'), L('清理排水泵滤网。', 'Cleared the drain-pump filter.'), 3],
]);

// prettier-ignore
const A = ['id', 'title', 'body', 'category', 'tags', 'status', 'author_id', 'views'];
// prettier-ignore
const knowledge_articles = rows(A, [
  [501, L('热水器漏水应急处理', 'Leaking water heater: first steps'), L('1. 请顾客关闭进水阀并断电。\n2. 确认漏水位置：接头、安全阀还是内胆。\n3. 内胆漏水需更换整机（保修期内免费），4 小时内派工。', '1. Ask the customer to close the inlet valve and switch off the power.\n2. Find where it leaks: a joint, the safety valve or the tank.\n3. A leaking tank means a new unit (free under warranty); dispatch an engineer within 4 hours.'), L('热水器', 'Water heaters'), L(['漏水', '热水器'], ['leak', 'water heater']), 'published', 1, 46],
  [502, L('空调不制冷的常见原因', 'Air conditioner not cooling: common causes'), L('滤网堵塞、遥控器模式设置错误、室外机散热不良、制冷剂不足。先远程排查前两项，再安排上门。', 'Clogged filters, the wrong remote mode, a blocked outdoor unit, low refrigerant. Rule out the first two by phone before sending an engineer.'), L('空调', 'Air conditioners'), L(['空调', '制冷'], ['air conditioner', 'cooling']), 'published', 4, 88],
  [503, L('洗衣机异响与门锁故障排查', 'Washer noise and door-lock problems'), L('异响：检查运输螺栓是否拆除、机器是否水平。门锁：程序结束后等待 2 分钟，或先执行排水。', 'Noise: check the transit bolts are out and the machine is level. Door lock: wait 2 minutes after the programme, or run a drain first.'), L('洗衣机', 'Washers'), L(['洗衣机', '噪音', '门锁'], ['washer', 'noise', 'door lock']), 'published', 4, 31],
  [504, L('延保服务价格与条款', 'Extended warranty: prices and terms'), L('整机购买后 1 年内可购买 2 年延保，价格 399 元，覆盖零件与人工。', 'A 2-year extension can be bought within a year of purchase for ¥399; covers parts and labour.'), L('服务政策', 'Service policy'), L(['延保'], ['warranty']), 'published', 1, 57],
  [505, L('上门服务时间承诺与补偿标准', 'Visit time promise and compensation'), L('约定时段开始后 30 分钟未到达，赠送一次免费清洗；超过 2 小时，另补偿 100 元服务券。', 'More than 30 minutes late: one free cleaning. More than 2 hours late: also a ¥100 service voucher.'), L('服务政策', 'Service policy'), L(['上门', '补偿'], ['visit', 'compensation']), 'draft', 1, 0],
  [506, L('空调滤网清洁与异味处理', 'Cleaning air-conditioner filters and musty smells'), L('每两周清洗一次滤网；异味多来自蒸发器霉菌，需上门清洗。', 'Wash the filters every two weeks; a musty smell usually means mould on the evaporator, which needs a service visit.'), L('空调', 'Air conditioners'), L(['空调', '异味'], ['air conditioner', 'smell']), 'published', 2, 64],
  [507, L('热水器故障码速查表', 'Water heater error codes'), L('E1 干烧保护；E2 漏电；E3 温度传感器故障；E4 超温。', 'E1 dry-fire protection; E2 earth leakage; E3 temperature sensor fault; E4 over-temperature.'), L('热水器', 'Water heaters'), L(['热水器', '故障码'], ['water heater', 'error code']), 'published', 4, 39],
]);

// prettier-ignore
const case_articles = rows(
  ['id', 'case_id', 'article_id'],
  [
    [1, 409, 507],
    [2, 410, 506],
    [3, 411, 503],
  ],
);

// prettier-ignore
const activities = rows(
  ['id', 'type', 'subject', 'body', 'due_at', 'done', 'customer_id', 'contact_id', 'case_id', 'owner_id'],
  [
    [1, 'call', L('顾客来电报修漏水', 'Customer called about the leak'), '', d(-1, '08:25'), true, 1, undefined, 401, 2],
    [2, 'task', L('派工程师上门处理漏水', 'Send an engineer for the leak'), '', d(-1, '12:30'), false, 1, undefined, 401, 4],
    [3, 'call', L('确认上门时间', 'Agreed the visit time'), L('顾客今天下午在家。', 'The customer is home this afternoon.'), d(-1, '19:40'), true, 2, undefined, 402, 4],
    [4, 'email', L('发送客房空调保养排期表', 'Sent the room AC servicing schedule'), '', d(-1, '16:00'), true, 12, 2, 407, 1],
    [5, 'call', L('顾客投诉安装迟到', 'Customer complained about the late installer'), '', d(-4, '10:00'), true, 5, undefined, 405, 3],
    [6, 'task', L('等待配件到货：减震器', 'Waiting for the part: shock absorber'), '', d(2, '10:00'), false, 3, undefined, 403, 4],
    [7, 'meeting', L('物业年度维保合同沟通', 'Annual maintenance contract talk with the property company'), '', d(6, '14:30'), false, 11, 1, undefined, 1],
    [8, 'note', L('已致歉并赠送免费清洗', 'Apologised; free cleaning given'), '', d(-27, '17:00'), true, 10, undefined, 412, 3],
  ],
);

// prettier-ignore
const contracts = rows(
  ['id', 'contract_no', 'title', 'customer_id', 'status', 'start_date', 'end_date', 'renewal_date', 'amount_minor', 'owner_id'],
  [
    [301, 'AX-FW-2025-003', L('秦淮湾酒店空调年度维保', 'Qinhuai Bay Hotel annual AC maintenance'), 12, 'active', d(-300), d(65), d(35), 12000000, 1],
    [302, 'AX-FW-2024-011', L('金陵物业热水系统维保', 'Jinling Property hot-water system maintenance'), 11, 'active', d(-340), d(25), d(-5), 6800000, 1],
  ],
);

// prettier-ignore
const surveys = rows(
  ['id', 'name', 'description', 'status'],
  [[1, L('服务回访满意度调查', 'Service follow-up survey'), L('工单关闭后三天内电话回访。', 'Phone follow-up within three days of closing a case.'), 'open']],
);

// prettier-ignore
const R = ['id', 'survey_id', 'customer_id', 'case_id', 'responded_at', 'csat', 'nps', 'quality', 'reliability', 'responsiveness', 'price', 'comment'];
// prettier-ignore
const survey_responses = rows(R, [
  [1, 1, 8, 406, d(-8, '10:00'), 4, 8, 4, 4, 5, 4, ''],
  [2, 1, 9, 409, d(-22, '15:00'), 5, 9, 5, 5, 4, 4, L('工程师很专业。', 'Very professional engineer.')],
  [3, 1, 6, 410, d(-15, '11:30'), 4, 7, 4, 4, 3, 4, ''],
  [4, 1, 7, 411, d(-12, '19:00'), 5, 10, 5, 4, 5, 4, ''],
  [5, 1, 10, 412, d(-26, '18:20'), 2, 3, 3, 3, 1, 3, L('取消上门没人通知我。', 'Nobody told me the visit was cancelled.')],
  [6, 1, 4, 413, d(-39, '14:00'), 5, 9, undefined, undefined, 5, undefined, ''],
  [7, 1, 5, 414, d(-6, '20:10'), 3, 6, 3, 3, 4, 3, L('第二次才修好。', 'Fixed on the second visit.')],
  [8, 1, 2, undefined, d(-50, '16:00'), 4, 8, 4, 4, 4, 3, ''],
  [9, 1, 12, undefined, d(-60, '10:30'), 4, 7, 4, 4, 3, 3, ''],
  [10, 1, 11, undefined, d(-75, '09:45'), 3, 6, 3, 4, 3, 3, L('希望响应再快些。', 'Would like faster responses.')],
]);

export default {
  format: 'kehu-crm-scenario',
  version: 1,
  id: 'service',
  languages: ['zh-CN', 'en'],
  title: L('客户服务：安心家电售后中心', 'Customer service: Anxin Appliance Care'),
  description: L(
    '南京一家家电品牌的售后服务中心：12 位客户（含一家物业公司和一家酒店）、他们购买的电器、各种状态的服务工单及其服务时限（两起投诉已经逾期）、包含一篇草稿的知识库，以及满意度回访结果。',
    'The after-sales service centre of a home-appliance brand in Nanjing: 12 customers (a property manager and a hotel among them), the appliances they bought, service cases in every state with their SLA deadlines (two complaints already overdue), a knowledge base with one draft, and satisfaction-survey answers.',
  ),
  data: {
    users,
    customers,
    contacts,
    products,
    orders,
    order_lines,
    cases,
    knowledge_articles,
    case_articles,
    activities,
    contracts,
    surveys,
    survey_responses,
  },
  exercises: [
    {
      id: 'resolve-overdue',
      title: L('处理逾期的漏水投诉', 'Resolve the overdue leak complaint'),
      instructions: L(
        '吴建国的工单“热水器底部漏水”是紧急投诉，已经超过 4 小时服务时限。工程师已更换热水器：把工单改为“已解决”，在“解决方案”中写明处理结果，并录入顾客的满意度（CSAT）评分。',
        'Wu Jianguo’s case “Water heater leaking from the bottom” is an urgent complaint past its 4-hour SLA. The engineer has replaced the heater: set the case to Resolved, write the resolution and enter the customer’s satisfaction (CSAT) score.',
      ),
      checks: [
        "SELECT count(*) = 1 FROM cases WHERE id = 401 AND status IN ('resolved', 'closed') AND csat IS NOT NULL AND trim(resolution) <> ''",
      ],
    },
    {
      id: 'link-article',
      title: L('为工单关联知识库文章', 'Link a knowledge-base article to a case'),
      instructions: L(
        '打开工单“空调不制冷”，在知识库中找到讲空调不制冷原因的文章，并把它关联到这张工单，方便工程师参考。',
        'Open the case “Air conditioner not cooling”, find the knowledge-base article about why air conditioners stop cooling, and link it to the case so the engineer can use it.',
      ),
      checks: ['SELECT count(*) >= 1 FROM case_articles WHERE case_id = 402'],
    },
    {
      id: 'escalate',
      title: L('升级安装迟到的投诉', 'Escalate the late-installer complaint'),
      instructions: L(
        '陈立投诉“安装师傅迟到两小时”，工单已经逾期。把优先级改为“紧急”，并把负责人改为服务经理刘芳。',
        'Chen Li’s complaint “Installer arrived two hours late” is overdue. Raise its priority to Urgent and make the service manager, Liu Fang, its owner.',
      ),
      checks: ["SELECT count(*) = 1 FROM cases WHERE id = 405 AND priority = 'urgent' AND owner_id = 1"],
    },
    {
      id: 'publish-article',
      title: L('发布补偿标准文章', 'Publish the compensation article'),
      instructions: L(
        '知识库文章“上门服务时间承诺与补偿标准”已经审核通过。把它的状态从“草稿”改为“已发布”。',
        'The knowledge-base article “Visit time promise and compensation” has been approved. Change its status from Draft to Published.',
      ),
      checks: ["SELECT count(*) = 1 FROM knowledge_articles WHERE id = 505 AND status = 'published'"],
    },
    {
      id: 'survey-answer',
      title: L('录入张伟的回访结果', 'Enter Zhang Wei’s survey answers'),
      instructions: L(
        '张伟在电话回访中给出了满意度 4 分、推荐意愿（NPS）8 分。在他的客户页面的“满意度”部分录入这次回访。',
        'On a follow-up call Zhang Wei gave satisfaction 4 and likelihood to recommend (NPS) 8. Enter the answers in the Satisfaction section of his customer page.',
      ),
      checks: [
        'SELECT count(*) >= 1 FROM survey_responses WHERE id > 10000 AND customer_id = 3 AND csat IS NOT NULL AND nps IS NOT NULL',
      ],
    },
  ],
};
