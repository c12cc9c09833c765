/**
 * Chinese (zh-CN) place pools: real cities with province, area code, districts and a weight, plus common
 * road and building names, from which addresses and landline numbers are composed.
 *
 * Why fixed pools: faker's zh_CN streets and cities are invented ("彭旁1号"). Shared by the demo and the
 * benchmark generators; seeded runs pick by index, so append, never reorder.
 */

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
