import type {
  OperatingModel,
  PlatformStatus,
  PlatformType,
  PricingKind,
  QualificationKind,
  RecognitionLevel,
  ServiceCategory,
  ServiceStage,
  ServiceStatus,
} from '@pilotlink/core';
import { demoUscc } from './demo-uscc';

/**
 * SPEC §10 demo catalogue: the platforms of the Jinjiang document's two attachment tables with their
 * real host institutions (依托单位), plus a few platforms in Fuzhou, Jiaxing and Guangzhou drawn from
 * those cities' priority industries. Hosts outside the Jinjiang lists are generic "示范" orgs (like
 * the identity seed's demo SME), never real companies. USCCs are generated (see demo-uscc.ts); addresses
 * of real institutions stop at the town or park. Pure data: demo-catalogue.seed.ts writes it.
 */

export interface DemoOperatorOrg {
  name: string;
  uscc: string;
  regionCode: string;
  address: string | null;
}

export interface DemoQualification {
  kind: QualificationKind;
  certificateNo: string;
  accreditedScope: string;
  /** Last valid day, YYYY-MM-DD. */
  validUntil: string;
}

export interface DemoPricing {
  pricingKind: PricingKind;
  priceFen: number | null;
  unitName: string | null;
}

export interface DemoService extends DemoPricing {
  title: string;
  description: string;
  category: ServiceCategory;
  stages: ServiceStage[];
  fieldCodes: string[];
  leadTimeDays: number;
  /** Defaults to true; statutory or mandatory testing is not voucher-eligible. */
  voucherEligible?: boolean;
  /** Defaults to PUBLISHED. */
  status?: Extract<ServiceStatus, 'DRAFT' | 'PUBLISHED'>;
}

export interface DemoEquipment {
  name: string;
  model: string | null;
  maker: string | null;
  category: string;
  keySpecs: string;
  hourlyRateFen: number;
}

export interface DemoPlatform {
  operator: DemoOperatorOrg;
  name: string;
  type: PlatformType;
  operatingModel: OperatingModel;
  fieldCodes: string[];
  regionCode: string;
  address: string;
  description: string;
  contactName?: string;
  recognitionLevel: RecognitionLevel;
  status: Exclude<PlatformStatus, 'DELISTED'>;
  statusReason?: string;
  /** Rows of the Jinjiang attachments this platform stands for: '1-3' is 附件1 序号3, '2-6' is 附件2 序号6. */
  jinjiangRows?: string[];
  qualifications: DemoQualification[];
  services: DemoService[];
  equipment: DemoEquipment[];
}

/** Whole yuan to fen, so prices below read as yuan. */
const yuan = (amount: number): number => amount * 100;
const fixed = (amountYuan: number): DemoPricing => ({
  pricingKind: 'FIXED',
  priceFen: yuan(amountYuan),
  unitName: null,
});
const perUnit = (amountYuan: number, unitName: string): DemoPricing => ({
  pricingKind: 'UNIT',
  priceFen: yuan(amountYuan),
  unitName,
});
const onQuote = (): DemoPricing => ({ pricingKind: 'QUOTE', priceFen: null, unitName: null });

const JINJIANG = '350582';
const QUANZHOU = '350500';
const FUZHOU = '350100';
const JIAXING = '330400';
const GUANGZHOU = '440100';

/** Host institutions. Serials from 300 up; 海西纺织 is the identity seed's platform-operator org (serial 201). */
export const DEMO_OPERATOR_ORGS = {
  haixiTextile: {
    name: '海西纺织新材料工业技术晋江研究院',
    uscc: demoUscc('12', JINJIANG, 201),
    regionCode: JINJIANG,
    address: null,
  },
  xingyeLeather: {
    name: '兴业皮革科技股份有限公司',
    uscc: demoUscc('91', JINJIANG, 301),
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
  },
  straitGraphene: {
    name: '福建海峡石墨烯产业技术研究院有限公司',
    uscc: demoUscc('91', JINJIANG, 302),
    regionCode: JINJIANG,
    address: '福建省晋江市',
  },
  panpanFoods: {
    name: '盼盼食品集团有限公司',
    uscc: demoUscc('91', JINJIANG, 303),
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
  },
  fuzhouUniversity: {
    name: '福州大学',
    uscc: demoUscc('12', FUZHOU, 304),
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县学园路2号',
  },
  quanzhouEquipmentInstitute: {
    name: '泉州装备制造研究所',
    uscc: demoUscc('12', QUANZHOU, 305),
    regionCode: QUANZHOU,
    address: '福建省晋江市三创园',
  },
  polyuJinjiang: {
    name: '港理大晋江研究院',
    uscc: demoUscc('12', JINJIANG, 306),
    regionCode: JINJIANG,
    address: '福建省晋江市三创园',
  },
  leatherShoeInstituteJinjiang: {
    name: '中国皮革和制鞋工业研究院（晋江）有限公司',
    uscc: demoUscc('91', JINJIANG, 307),
    regionCode: JINJIANG,
    address: '福建省晋江市',
  },
  fzuJinjiangCampus: {
    name: '福州大学晋江市福大科教园发展中心',
    uscc: demoUscc('12', JINJIANG, 308),
    regionCode: JINJIANG,
    address: '福建省晋江市福州大学晋江科教园',
  },
  huaqingElectronic: {
    name: '福建华清电子材料科技有限公司',
    uscc: demoUscc('91', JINJIANG, 309),
    regionCode: JINJIANG,
    address: '福建省晋江市',
  },
  zgcHardwareJinjiang: {
    name: '中关村硬创空间（晋江）科技有限公司',
    uscc: demoUscc('91', JINJIANG, 310),
    regionCode: JINJIANG,
    address: '福建省晋江市',
  },
  panpanBeverage: {
    name: '福建盼盼饮料有限公司',
    uscc: demoUscc('91', JINJIANG, 311),
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
  },
  jiayiPlastic: {
    name: '福建嘉怡塑胶有限公司',
    uscc: demoUscc('91', JINJIANG, 312),
    regionCode: JINJIANG,
    address: '福建省晋江市',
  },

  fuzhouEnergyInstitute: {
    name: '福州示范新能源产业技术研究院',
    uscc: demoUscc('12', FUZHOU, 321),
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县福州高新区',
  },
  fuzhouConceptCentre: {
    name: '福州示范科技成果概念验证中心',
    uscc: demoUscc('12', FUZHOU, 322),
    regionCode: FUZHOU,
    address: '福建省福州市鼓楼区',
  },
  fuzhouDisplayInstitute: {
    name: '福州示范先进显示技术研究院',
    uscc: demoUscc('12', FUZHOU, 323),
    regionCode: FUZHOU,
    address: '福建省福州市长乐区滨海新城',
  },
  fuzhouBiomedTesting: {
    name: '福州示范生物医药检测技术有限公司',
    uscc: demoUscc('91', FUZHOU, 324),
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县福州高新区',
  },

  jiaxingHydrogen: {
    name: '嘉兴示范氢能科技有限公司',
    uscc: demoUscc('91', JIAXING, 331),
    regionCode: JIAXING,
    address: '浙江省嘉兴市南湖区',
  },
  jiaxingMaterialsBase: {
    name: '嘉兴示范新材料中试基地运营有限公司',
    uscc: demoUscc('91', JIAXING, 332),
    regionCode: JIAXING,
    address: '浙江省嘉兴市嘉兴港区（浙江乍浦经济开发区）',
  },
  jiaxingTesting: {
    name: '嘉兴示范检验检测有限公司',
    uscc: demoUscc('91', JIAXING, 333),
    regionCode: JIAXING,
    address: '浙江省嘉兴市秀洲区',
  },
  jiaxingSynbio: {
    name: '嘉兴示范合成生物技术研究院',
    uscc: demoUscc('12', JIAXING, 334),
    regionCode: JIAXING,
    address: '浙江省嘉兴市南湖区',
  },

  guangzhouBiomed: {
    name: '广州示范生物医药中试服务有限公司',
    uscc: demoUscc('91', GUANGZHOU, 341),
    regionCode: GUANGZHOU,
    address: '广东省广州市黄埔区广州科学城',
  },
  guangzhouDisplay: {
    name: '广州示范新型显示科技有限公司',
    uscc: demoUscc('91', GUANGZHOU, 342),
    regionCode: GUANGZHOU,
    address: '广东省广州市增城区',
  },
  guangzhouLowAltitude: {
    name: '广州示范低空技术检测有限公司',
    uscc: demoUscc('91', GUANGZHOU, 343),
    regionCode: GUANGZHOU,
    address: '广东省广州市南沙区',
  },
  guangzhouPolymer: {
    name: '广州示范功能高分子材料研究院',
    uscc: demoUscc('12', GUANGZHOU, 344),
    regionCode: GUANGZHOU,
    address: '广东省广州市番禺区',
  },
} satisfies Record<string, DemoOperatorOrg>;

const ORG = DEMO_OPERATOR_ORGS;

/** 晋江: both attachment tables (附件1 省级需求清单, 附件2 泉州级意向清单), deduplicated. */
const JINJIANG_PLATFORMS: DemoPlatform[] = [
  {
    operator: ORG.haixiTextile,
    name: '高端绿色功能性纺织面料中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['TEXTILE_FIBER', 'TEXTILE_DYEING'],
    regionCode: JINJIANG,
    address: '福建省晋江市经济开发区',
    description:
      '依托海西纺织新材料工业技术晋江研究院建设，面向晋江及泉州纺织鞋服企业提供功能性纤维与面料的小试、中试打样和性能评价服务。' +
      '平台围绕再生纤维、可降解纤维、锦纶等功能纤维的应用开发，以及绿色印染、复合、烫金、植绒等后整理工艺开展工艺放大和小批量试制。' +
      '该平台同时以“高端绿色功能性纺织面料研发中试平台”列入泉州级中试验证平台意向清单。',
    contactName: '林工',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-1', '2-2'],
    // Real institution: no invented certificate numbers.
    qualifications: [],
    services: [
      {
        title: '功能性面料小样打样与工艺开发',
        description:
          '根据客户提供的纤维或纱线完成小样织造、前处理和功能整理打样，输出工艺单和小样。每款不超过 3 个配色。',
        category: 'SAMPLE_MAKING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_FIBER'],
        ...fixed(12_000),
        leadTimeDays: 15,
      },
      {
        title: '低水耗无水染色工艺中试验证',
        description:
          '在中试染色设备上对涤纶等合成纤维织物开展低浴比、无水染色工艺放大试验，每批次不超过 20 kg，提供色差、色牢度和工艺参数报告。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['TEXTILE_DYEING'],
        ...perUnit(6_800, '批次'),
        leadTimeDays: 20,
      },
      {
        title: '功能性纺织品性能检测（吸湿速干、抗菌、防紫外）',
        description: '按现行国家和行业标准检测面料的吸湿速干、抗菌和防紫外性能，出具带 CNAS 标识的检测报告。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB'],
        fieldCodes: ['TEXTILE_FIBER'],
        ...perUnit(1_200, '样品'),
        leadTimeDays: 7,
      },
      {
        title: '面料后整理工艺中试（复合、烫金、植绒）',
        description: '针对复合、烫金、植绒等后整理环节开展工艺参数摸索和中试验证，费用按工艺难度和批量报价。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['TEXTILE_DYEING'],
        ...onQuote(),
        leadTimeDays: 20,
      },
      {
        title: '功能面料小批量试生产',
        description: '工艺定型后的功能面料小批量试产，每批次 500–2,000 米，帮助企业完成客户送样和市场验证。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['TEXTILE_FIBER', 'TEXTILE_DYEING'],
        ...perUnit(25_000, '批次'),
        leadTimeDays: 30,
      },
    ],
    equipment: [
      {
        name: '电脑测色配色仪',
        model: '850',
        maker: 'Datacolor',
        category: '光学测量仪器',
        keySpecs: 'D/8° 积分球；波长范围 360–700 nm；重复性 ≤0.01 ΔE*ab',
        hourlyRateFen: yuan(150),
      },
      {
        name: '电子万能材料试验机（织物强力）',
        model: '5967',
        maker: 'Instron',
        category: '力学测试仪器',
        keySpecs: '最大载荷 30 kN；配织物拉伸、撕破、顶破夹具',
        hourlyRateFen: yuan(180),
      },
    ],
  },
  {
    operator: ORG.xingyeLeather,
    name: '新型表面微结构功能皮革材料中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'LEADING',
    fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
    description:
      '由兴业皮革科技股份有限公司牵头建设，依托企业制革与皮革后整饰产线的富余中试能力适度开放。' +
      '平台聚焦皮革表面微结构构筑、功能涂饰和低碳制革工艺，为鞋服、箱包和汽车内饰企业提供新型皮革材料的工艺验证、打样和小批量试制。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-2', '2-9'],
    qualifications: [],
    services: [
      {
        title: '功能皮革表面涂饰工艺中试',
        description: '针对防水、耐磨、抗菌等功能涂饰需求开展配方筛选和涂饰工艺中试，按需求复杂度报价。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['PILOT'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...onQuote(),
        leadTimeDays: 25,
      },
      {
        title: '皮革表面微结构压花打样',
        description: '根据客户纹理设计制作压花版并完成皮革表面微结构打样，每款提供 5 张样皮。',
        category: 'SAMPLE_MAKING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(3_500, '款'),
        leadTimeDays: 10,
      },
      {
        title: '皮革物理性能测试（撕裂、耐折、摩擦色牢度）',
        description: '检测成品革的撕裂力、耐折牢度和摩擦色牢度等物理指标，出具测试报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(900, '样品'),
        leadTimeDays: 5,
      },
      {
        title: '功能皮革小批量试生产',
        description: '在企业产线上安排功能皮革小批量试产，每批次约 3,000 平方英尺，用于客户试制和订单验证。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(48_000, '批次'),
        leadTimeDays: 30,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.straitGraphene,
    name: '石墨烯改性新材料中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['MATERIALS_GRAPHENE', 'TEXTILE_FIBER', 'TEXTILE_SHOE_MATERIAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市',
    description:
      '依托福建海峡石墨烯产业技术研究院有限公司建设，围绕石墨烯在纺织鞋服领域的改性应用开展中试服务。' +
      '平台可开展石墨烯分散液制备、石墨烯改性纤维和鞋材（如改性 EVA、橡胶大底）的配方开发与中试放大，并提供导热、抗静电、抗菌等功能验证。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-3', '2-6'],
    // Real institution: no invented certificate numbers.
    qualifications: [],
    services: [
      {
        title: '石墨烯分散液定制与公斤级放大',
        description: '按下游应用定制石墨烯水性或油性分散液配方，并完成公斤级放大制备和稳定性评价。',
        category: 'SCALE_UP',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['MATERIALS_GRAPHENE'],
        ...fixed(68_000),
        leadTimeDays: 30,
      },
      {
        title: '石墨烯改性EVA鞋材配方开发',
        description: '将石墨烯引入 EVA 发泡鞋材体系，开发兼顾导热、抗菌和回弹性能的配方，交付配方与工艺窗口报告。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['MATERIALS_GRAPHENE', 'TEXTILE_SHOE_MATERIAL'],
        ...fixed(45_000),
        leadTimeDays: 30,
      },
      {
        title: '石墨烯材料表征（拉曼光谱、扫描电镜）',
        description: '用拉曼光谱和扫描电镜表征石墨烯层数、缺陷和片径分布。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS_GRAPHENE'],
        ...perUnit(1_500, '样品'),
        leadTimeDays: 7,
      },
      {
        title: '石墨烯改性纤维功能验证（远红外、抗静电、抗菌）',
        description: '对石墨烯改性纤维及其织物进行远红外发射率、抗静电和抗菌性能验证，出具对比报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['MATERIALS_GRAPHENE', 'TEXTILE_FIBER'],
        ...perUnit(2_600, '样品'),
        leadTimeDays: 10,
      },
    ],
    equipment: [
      {
        name: '显微共焦拉曼光谱仪',
        model: 'inVia Qontor',
        maker: 'Renishaw',
        category: '光谱仪器',
        keySpecs: '激发波长 532/785 nm；光谱分辨率 ≤1 cm⁻¹；配自动对焦和面扫描',
        hourlyRateFen: yuan(300),
      },
      {
        name: '场发射扫描电子显微镜',
        model: 'Sigma 300',
        maker: 'ZEISS',
        category: '电子显微镜',
        keySpecs: '分辨率 1.2 nm（15 kV）；加速电压 0.02–30 kV；配能谱仪',
        hourlyRateFen: yuan(400),
      },
    ],
  },
  {
    operator: ORG.panpanFoods,
    name: '休闲食品及饮品研发中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'LEADING',
    fieldCodes: ['FOOD', 'FOOD_FUNCTIONAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
    description:
      '由盼盼食品集团有限公司牵头建设，依托企业烘焙、膨化及饮品研发中试车间面向行业开放。' +
      '平台可承接休闲食品与饮品的配方开发、工艺放大、货架期评估和小批量试产，帮助中小食品企业和创业团队缩短新品从小样到上市的周期。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-4'],
    qualifications: [],
    services: [
      {
        title: '烘焙及膨化休闲食品配方开发',
        description: '面向低糖、低脂、高纤维等健康化方向开发烘焙和膨化食品配方，交付配方、工艺说明和样品。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB'],
        fieldCodes: ['FOOD', 'FOOD_FUNCTIONAL'],
        ...fixed(30_000),
        leadTimeDays: 30,
      },
      {
        title: '饮品中试线工艺放大（500 L/批）',
        description: '在饮品中试线上完成调配、均质、杀菌等工序的放大验证，每批次约 500 L。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['FOOD'],
        ...perUnit(18_000, '批次'),
        leadTimeDays: 20,
      },
      {
        title: '食品加速货架期试验',
        description: '通过恒温恒湿加速试验评估产品感官、水分、酸价和过氧化值等指标的变化，推算货架期。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['FOOD'],
        ...perUnit(3_200, '样品'),
        leadTimeDays: 45,
      },
      {
        title: '休闲食品小批量试产',
        description: '定型配方的休闲食品小批量试产和包装，用于渠道试销和客户评价。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['FOOD'],
        ...perUnit(26_000, '批次'),
        leadTimeDays: 25,
      },
      {
        title: '预包装食品出厂检验',
        description: '按食品安全国家标准和产品执行标准完成出厂检验项目，属于法定检验，不适用服务券抵扣。',
        category: 'INSPECTION_TESTING',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['FOOD'],
        ...perUnit(800, '样品'),
        leadTimeDays: 5,
        voucherEligible: false,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.fuzhouUniversity,
    name: '微电子技术研发公共服务平台',
    type: 'COMMON_TECH',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['ELECTRONICS_IC', 'ELECTRONICS_PACKAGING'],
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县学园路2号（福州大学旗山校区）',
    description:
      '依托福州大学微电子相关学科和实验平台建设，列入晋江市中试创新服务平台建设需求清单（省级）。' +
      '平台面向集成电路设计、器件工艺和封装测试企业提供器件电学测试、失效分析、可靠性评估和工艺仿真等共性技术研发服务，并推动高校成果向晋江集成电路产业转化。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-5'],
    qualifications: [],
    services: [
      {
        title: '半导体器件电学参数测试（I-V/C-V）',
        description: '在探针台上完成分立器件或测试结构的 I-V、C-V 特性测试，交付原始数据和参数提取结果。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['ELECTRONICS_IC'],
        ...perUnit(1_800, '样品'),
        leadTimeDays: 7,
      },
      {
        title: '芯片失效分析',
        description: '结合电性定位、开封、切片和显微观察定位芯片失效点并分析原因，按样品数量和分析深度报价。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ELECTRONICS_IC', 'ELECTRONICS_PACKAGING'],
        ...onQuote(),
        leadTimeDays: 15,
      },
      {
        title: '器件工艺与电路仿真（TCAD）',
        description: '用 TCAD 工具对器件结构和关键工艺步骤进行仿真，评估方案可行性，减少流片试错次数。',
        category: 'SIMULATION',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['ELECTRONICS_IC'],
        ...fixed(20_000),
        leadTimeDays: 20,
      },
      {
        title: '集成电路工程师技术培训',
        description: '面向企业工程师开展器件物理、可靠性和失效分析专题培训，每场 1 天，可到企业现场授课。',
        category: 'CONSULTING_TRAINING',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['ELECTRONICS_IC'],
        ...perUnit(8_000, '场'),
        leadTimeDays: 14,
      },
    ],
    equipment: [
      {
        name: '半导体参数分析仪',
        model: 'B1500A',
        maker: 'Keysight',
        category: '电学测量仪器',
        keySpecs: '配 4 个 SMU 和 CV 测量单元；最小电流分辨率 0.1 fA',
        hourlyRateFen: yuan(250),
      },
      {
        name: '手动探针台',
        model: 'TS2000',
        maker: 'MPI',
        category: '电学测量仪器',
        keySpecs: '兼容 8 英寸晶圆；热卡盘 -60–300 ℃',
        hourlyRateFen: yuan(150),
      },
    ],
  },
  {
    operator: ORG.quanzhouEquipmentInstitute,
    name: '高性能电机驱动与电力电子系统研发公共服务平台',
    type: 'COMMON_TECH',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['EQUIPMENT_CNC', 'EQUIPMENT_ROBOTICS'],
    regionCode: QUANZHOU,
    address: '福建省晋江市三创园',
    description:
      '依托泉州装备制造研究所建设，面向数控装备、工业机器人等领域提供高性能电机驱动与电力电子系统的共性技术研发服务。' +
      '平台可开展电机及驱动器的设计仿真、控制算法开发、效率与温升测试，为企业伺服系统和控制器的国产化提供技术支撑。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-6'],
    qualifications: [],
    services: [
      {
        title: '电机电磁与热仿真设计',
        description: '对永磁同步电机等进行电磁场和温度场联合仿真，给出方案优化建议和仿真报告。',
        category: 'SIMULATION',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['EQUIPMENT_CNC'],
        ...fixed(35_000),
        leadTimeDays: 20,
      },
      {
        title: '伺服驱动控制算法开发',
        description: '针对客户电机和负载开发电流环、速度环和位置环控制算法，并在样机上完成联调。',
        category: 'TECH_TRANSFER',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['EQUIPMENT_CNC', 'EQUIPMENT_ROBOTICS'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '电机效率MAP与温升测试',
        description: '在对拖测功平台上测试电机全工况效率 MAP 和额定工况温升，出具测试报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['EQUIPMENT_CNC'],
        ...perUnit(4_500, '台'),
        leadTimeDays: 7,
      },
      {
        title: '功率器件双脉冲测试',
        description: '测试 IGBT、SiC MOSFET 等功率器件的开关特性和损耗，为驱动器选型和设计提供数据。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['EQUIPMENT_CNC'],
        ...perUnit(2_800, '样品'),
        leadTimeDays: 5,
      },
    ],
    equipment: [
      {
        name: '高精度功率分析仪',
        model: 'WT5000',
        maker: '横河（Yokogawa）',
        category: '电学测量仪器',
        keySpecs: '基本功率精度 ±0.03%；最多 7 个输入单元；适用电机及变频器效率测试',
        hourlyRateFen: yuan(200),
      },
      {
        name: '电机对拖测功平台',
        model: null,
        maker: null,
        category: '工艺试验设备',
        keySpecs: '额定功率 200 kW；最高转速 12,000 r/min；扭矩传感器精度 0.1% FS',
        hourlyRateFen: yuan(500),
      },
    ],
  },
  {
    operator: ORG.polyuJinjiang,
    name: '食品功能验证研发公共服务平台',
    type: 'COMMON_TECH',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['FOOD_FUNCTIONAL', 'FOOD_MEDICAL', 'FOOD_MARINE'],
    regionCode: JINJIANG,
    address: '福建省晋江市三创园',
    description:
      '依托港理大晋江研究院的食品科研团队建设，面向晋江食品企业开展功能性成分评价和功能宣称验证。' +
      '平台提供活性成分分离鉴定、体外功能评价、营养与感官评价，服务无糖低卡、食药同源、特医食品和海洋食品精深加工等方向的新品开发。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-7', '2-7'],
    qualifications: [],
    services: [
      {
        title: '功能性成分分离与鉴定',
        description: '用液相色谱、气质联用等手段对食品原料和产品中的功能性成分进行分离、鉴定和定量。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB'],
        fieldCodes: ['FOOD_FUNCTIONAL'],
        ...perUnit(3_800, '样品'),
        leadTimeDays: 15,
      },
      {
        title: '体外功能评价（抗氧化、降糖相关酶抑制）',
        description: '以体外模型评价样品的抗氧化活性和 α-葡萄糖苷酶等降糖相关酶的抑制作用，为配方筛选提供依据。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['FOOD_FUNCTIONAL'],
        ...perUnit(5_500, '样品'),
        leadTimeDays: 20,
      },
      {
        title: '海洋食品副产物高值化利用概念验证',
        description: '针对鱼皮、鱼骨、鱼溶浆等副产物，验证提取肽、胶原蛋白或鱼油等高值产品的技术和经济可行性。',
        category: 'CONCEPT_VERIFICATION',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['FOOD_MARINE'],
        ...fixed(80_000),
        leadTimeDays: 60,
      },
      {
        title: '特医食品配方设计咨询',
        description: '结合目标人群的营养需求和法规要求，为特殊医学用途配方食品提供配方设计和注册前咨询。',
        category: 'CONSULTING_TRAINING',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['FOOD_MEDICAL'],
        ...fixed(20_000),
        leadTimeDays: 20,
      },
    ],
    equipment: [
      {
        name: '高效液相色谱仪',
        model: '1260 Infinity II',
        maker: 'Agilent',
        category: '色谱仪器',
        keySpecs: '四元泵；二极管阵列检测器和荧光检测器；自动进样器',
        hourlyRateFen: yuan(200),
      },
      {
        name: '气相色谱-质谱联用仪',
        model: 'GCMS-QP2020 NX',
        maker: '岛津（Shimadzu）',
        category: '色谱仪器',
        keySpecs: '质量范围 m/z 1.5–1090；配顶空进样器，适用风味和挥发性成分分析',
        hourlyRateFen: yuan(350),
      },
    ],
  },
  {
    operator: ORG.leatherShoeInstituteJinjiang,
    name: '先进绿色石化鞋服制造业中试服务基地',
    type: 'PILOT_BASE',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['TEXTILE_SHOE_MATERIAL', 'TEXTILE_SUPERCRITICAL_FOAM', 'PETROCHEM', 'MATERIALS_POLYMER'],
    regionCode: JINJIANG,
    address: '福建省晋江市',
    description:
      '依托中国皮革和制鞋工业研究院（晋江）有限公司建设，面向晋江鞋服产业链提供从鞋用弹性体材料、鞋材配方到成鞋工艺的中试服务。' +
      '基地可开展绿色石化原料在鞋材中的应用验证、发泡与模压工艺放大、成鞋舒适性和安全性评测以及鞋材检验检测。' +
      '该基地同时以“福建省先进绿色石化制鞋产业中试平台”列入泉州级中试验证平台意向清单。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['1-8', '2-4'],
    // Real institution: no invented certificate numbers.
    qualifications: [],
    services: [
      {
        title: '鞋用弹性体材料配方开发',
        description: '围绕 EVA、TPU、橡胶等鞋用弹性体开展轻量化、高回弹和耐磨配方开发，交付配方和工艺参数。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL', 'MATERIALS_POLYMER'],
        ...fixed(50_000),
        leadTimeDays: 30,
      },
      {
        title: '鞋底模压发泡工艺中试放大',
        description: '在中试模压发泡线上完成鞋底从小样到量产工艺的放大验证，含模具试模和工艺窗口确认。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL', 'TEXTILE_SUPERCRITICAL_FOAM'],
        ...fixed(120_000),
        leadTimeDays: 45,
      },
      {
        title: '成鞋舒适性评测（足底压力、缓震、回弹）',
        description: '结合生物力学测试和试穿评价，量化成鞋的足底压力分布、缓震和回弹性能。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(2_400, '双'),
        leadTimeDays: 10,
      },
      {
        title: '鞋材有害物质检测',
        description: '检测鞋材中的多环芳烃、邻苯二甲酸酯、重金属等有害物质，出具 CMA/CNAS 检测报告。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB', 'SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(1_100, '样品'),
        leadTimeDays: 7,
      },
      {
        title: '儿童鞋安全技术规范符合性检验（GB 30585）',
        description: '按强制性国家标准 GB 30585 检验儿童鞋的安全技术指标。属于强制性检验，不适用服务券抵扣。',
        category: 'TYPE_TEST',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(3_600, '样品'),
        leadTimeDays: 15,
        voucherEligible: false,
      },
      {
        title: '成鞋小批量试产',
        description: '在基地示范车间完成新款成鞋小批量试产，每批次 300–1,000 双。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(35_000, '批次'),
        leadTimeDays: 30,
      },
    ],
    equipment: [
      {
        name: '旋转流变仪',
        model: 'MCR 302e',
        maker: 'Anton Paar',
        category: '流变测试仪器',
        keySpecs: '扭矩范围 1 nN·m–230 mN·m；温度 -150–1000 ℃（配不同温控附件）',
        hourlyRateFen: yuan(250),
      },
      {
        name: '电子万能材料试验机',
        model: '5967',
        maker: 'Instron',
        category: '力学测试仪器',
        keySpecs: '最大载荷 30 kN；配鞋材拉伸、撕裂、剥离夹具',
        hourlyRateFen: yuan(180),
      },
    ],
  },
  {
    operator: ORG.fzuJinjiangCampus,
    name: '福州大学-晋江微电子中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['ELECTRONICS_IC', 'ELECTRONICS_PACKAGING', 'ELECTRONICS_TERMINAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市福州大学晋江科教园',
    description:
      '由福州大学晋江市福大科教园发展中心牵头建设，是福州大学微电子学科在晋江的成果转化和中试载体。' +
      '平台聚焦集成电路上下游配套、先进封装和智能终端应用，提供封装工艺验证、可靠性试验和样机试制服务，支撑晋江集成电路企业的产品验证需求。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['2-1'],
    qualifications: [],
    services: [
      {
        title: '先进封装工艺验证',
        description: '针对倒装、系统级封装等工艺开展打样和工艺验证，按封装形式和数量报价。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_PACKAGING'],
        ...onQuote(),
        leadTimeDays: 30,
      },
      {
        title: '芯片可靠性试验（高温存储、温度循环、HAST）',
        description: '按 JEDEC 等标准开展高温存储、温度循环、高加速应力等可靠性试验，每批次不超过 77 颗。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['ELECTRONICS_IC', 'ELECTRONICS_PACKAGING'],
        ...perUnit(6_500, '批次'),
        leadTimeDays: 21,
      },
      {
        title: '智能终端原型样机试制',
        description: '完成智能终端产品的硬件方案、PCB 打样和结构手板，交付可演示的原型样机。',
        category: 'SAMPLE_MAKING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ELECTRONICS_TERMINAL'],
        ...fixed(60_000),
        leadTimeDays: 30,
      },
      {
        title: '国产半导体装备与材料应用验证',
        description: '在中试工艺条件下验证国产设备、材料的工艺适配性和稳定性，出具应用验证报告。',
        category: 'EQUIPMENT_VALIDATION',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_IC'],
        ...onQuote(),
        leadTimeDays: 45,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.quanzhouEquipmentInstitute,
    name: '高性能电机驱动与功率电子系统中试验证与转化基地',
    type: 'PILOT_BASE',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['EQUIPMENT_CNC', 'EQUIPMENT_ROBOTICS', 'ENERGY_STORAGE'],
    regionCode: QUANZHOU,
    address: '福建省晋江市三创园',
    description:
      '泉州装备制造研究所在电机驱动与电力电子研发公共服务平台基础上建设的中试验证与转化基地，列入泉州级中试验证平台意向清单。' +
      '基地面向伺服驱动器、变频器、储能变流器等产品提供样机试制、整机试验验证和小批量试产，打通研发成果向本地装备企业转化的环节。',
    recognitionLevel: 'NONE',
    status: 'LISTED',
    jinjiangRows: ['2-3'],
    qualifications: [],
    services: [
      {
        title: '驱动器与变流器样机试制',
        description: '根据客户技术指标完成驱动器或储能变流器的硬件设计、样机制作和功能调试。',
        category: 'SAMPLE_MAKING',
        stages: ['PILOT'],
        fieldCodes: ['EQUIPMENT_CNC', 'ENERGY_STORAGE'],
        ...fixed(150_000),
        leadTimeDays: 45,
      },
      {
        title: '整机装备负载与寿命试验验证',
        description: '在基地试验线上对整机装备及核心部件开展负载、寿命和环境适应性验证，按试验周期报价。',
        category: 'EQUIPMENT_VALIDATION',
        stages: ['PILOT'],
        fieldCodes: ['EQUIPMENT_CNC', 'EQUIPMENT_ROBOTICS'],
        ...onQuote(),
        leadTimeDays: 30,
      },
      {
        title: '电机驱动产品小批量试产',
        description: '验证定型后的驱动器产品小批量试产，含贴片、装配、老化和出厂测试，每批次 50–200 台。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['EQUIPMENT_CNC'],
        ...perUnit(40_000, '批次'),
        leadTimeDays: 30,
      },
      {
        title: '电磁兼容预测试',
        description: '在正式认证前对驱动器、变流器进行传导和辐射发射预测试，帮助企业提前整改。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT'],
        fieldCodes: ['EQUIPMENT_CNC', 'ENERGY_STORAGE'],
        ...perUnit(1_500, '小时'),
        leadTimeDays: 5,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.huaqingElectronic,
    name: '氮化铝陶瓷中试研发平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['MATERIALS_CERAMICS', 'ELECTRONICS_PACKAGING'],
    regionCode: JINJIANG,
    address: '福建省晋江市',
    description:
      '依托福建华清电子材料科技有限公司氮化铝陶瓷基板的研发和生产基础建设，面向先进陶瓷和电子封装领域开放中试能力。' +
      '平台可开展氮化铝粉体与基板的配方和烧结工艺验证、流延成型试制、金属化工艺试验以及导热、绝缘等性能检测，服务功率半导体、LED 和通信器件散热基板的应用开发。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    jinjiangRows: ['2-5'],
    qualifications: [],
    services: [
      {
        title: '氮化铝基板流延成型与烧结试制',
        description: '按客户规格完成氮化铝浆料流延、叠层和烧结试制，交付基板样品和关键工艺参数。',
        category: 'SAMPLE_MAKING',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_CERAMICS'],
        ...perUnit(18_000, '批次'),
        leadTimeDays: 25,
      },
      {
        title: '陶瓷基板金属化工艺验证（DBC/AMB）',
        description: '对直接覆铜和活性金属钎焊等金属化工艺开展验证，评估结合强度和热循环可靠性。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_CERAMICS', 'ELECTRONICS_PACKAGING'],
        ...onQuote(),
        leadTimeDays: 30,
      },
      {
        title: '陶瓷材料热导率测试（激光闪射法）',
        description: '用激光闪射法测定陶瓷材料热扩散系数并计算热导率，可测室温至高温多个温度点。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS_CERAMICS'],
        ...perUnit(1_200, '样品'),
        leadTimeDays: 5,
      },
      {
        title: '先进陶瓷粉体表征（粒度、物相）',
        description: '测试陶瓷粉体的粒度分布和 XRD 物相组成，评估原料批次一致性。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS_CERAMICS'],
        ...perUnit(900, '样品'),
        leadTimeDays: 5,
      },
    ],
    equipment: [
      {
        name: '激光导热仪',
        model: 'LFA 467 HyperFlash',
        maker: '耐驰（NETZSCH）',
        category: '热分析仪器',
        keySpecs: '温度范围 -100–500 ℃；热扩散系数 0.01–2000 mm²/s；自动进样 16 位',
        hourlyRateFen: yuan(300),
      },
      {
        name: 'X射线衍射仪',
        model: 'D8 ADVANCE',
        maker: 'Bruker',
        category: 'X射线分析仪器',
        keySpecs: 'Cu 靶；测角仪半径 ≥250 mm；配一维阵列探测器',
        hourlyRateFen: yuan(250),
      },
    ],
  },
  {
    operator: ORG.zgcHardwareJinjiang,
    name: '福建省中关村中试熟化服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['ELECTRONICS_TERMINAL', 'AI', 'EQUIPMENT_SENSING'],
    regionCode: JINJIANG,
    address: '福建省晋江市',
    description:
      '由中关村硬创空间（晋江）科技有限公司建设运营，面向硬件创业团队和中小企业提供从原型到量产的中试熟化服务。' +
      '平台整合结构设计、电子打样、小批量贴片和可靠性测试等资源，帮助智能硬件、智能穿戴和 AI 终端项目完成工程样机验证和量产导入。',
    recognitionLevel: 'NONE',
    status: 'LISTED',
    jinjiangRows: ['2-8'],
    qualifications: [],
    services: [
      {
        title: '智能硬件工程样机开发',
        description: '在原型基础上完成电路、结构和固件的工程化设计，交付可用于小批量导入的工程样机。',
        category: 'SAMPLE_MAKING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ELECTRONICS_TERMINAL'],
        ...fixed(80_000),
        leadTimeDays: 45,
      },
      {
        title: 'PCBA小批量贴片试产',
        description: '为工程验证和试销提供 PCBA 小批量贴片、焊接和功能测试，每批次不超过 500 片。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['ELECTRONICS_TERMINAL'],
        ...perUnit(12_000, '批次'),
        leadTimeDays: 10,
      },
      {
        title: '产品可制造性设计评审（DFM）',
        description: '由量产经验丰富的工程师评审产品设计的可制造性、可测试性和物料风险，给出整改清单。',
        category: 'CONSULTING_TRAINING',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_TERMINAL'],
        ...fixed(15_000),
        leadTimeDays: 10,
      },
      {
        title: '智能穿戴产品跌落与环境可靠性测试',
        description: '对智能穿戴和手持终端开展跌落、高低温、湿热和按键寿命测试，出具测试报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_TERMINAL', 'EQUIPMENT_SENSING'],
        ...perUnit(3_000, '样品'),
        leadTimeDays: 7,
      },
      {
        title: 'AI终端项目概念验证辅导',
        description: '帮助 AI 终端创业项目梳理应用场景、验证关键技术路线，并对接投融资和中试资源。',
        category: 'CONCEPT_VERIFICATION',
        stages: ['CONCEPT'],
        fieldCodes: ['AI', 'ELECTRONICS_TERMINAL'],
        ...fixed(30_000),
        leadTimeDays: 30,
        status: 'DRAFT',
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.panpanBeverage,
    name: '盼盼食品集团饮品研发创新中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['FOOD', 'FOOD_FUNCTIONAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市安海镇',
    description:
      '依托福建盼盼饮料有限公司的饮品研发中心和中试灌装线建设，列入泉州级中试验证平台意向清单。' +
      '平台面向功能饮料、植物蛋白饮料、无糖茶饮等新品开发，提供配方调配、杀菌与灌装工艺验证、稳定性评估和小批量试灌装服务。',
    recognitionLevel: 'NONE',
    status: 'LISTED',
    jinjiangRows: ['2-10'],
    qualifications: [],
    services: [
      {
        title: '功能饮料配方调配与口味优化',
        description: '根据目标人群和功能定位完成饮料配方调配和感官优化，交付配方和小样。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB'],
        fieldCodes: ['FOOD_FUNCTIONAL'],
        ...fixed(25_000),
        leadTimeDays: 20,
      },
      {
        title: '饮料UHT与巴氏杀菌工艺验证',
        description: '在中试线上验证超高温瞬时灭菌或巴氏杀菌工艺参数，兼顾微生物安全和风味保留。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['FOOD'],
        ...perUnit(9_000, '批次'),
        leadTimeDays: 10,
      },
      {
        title: '饮料小批量试灌装',
        description: '利用中试灌装线完成 PET 瓶或利乐包小批量试灌装，用于市场测试和客户送样。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['FOOD'],
        ...perUnit(22_000, '批次'),
        leadTimeDays: 15,
      },
      {
        title: '饮品稳定性与货架期评估',
        description: '评估饮品在储存期间的沉淀、分层、色泽和风味变化，推算货架期并提出稳定性改进建议。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT'],
        fieldCodes: ['FOOD'],
        ...perUnit(2_800, '样品'),
        leadTimeDays: 60,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.jiayiPlastic,
    name: 'EVA超临界一次发泡成型中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['TEXTILE_SUPERCRITICAL_FOAM', 'TEXTILE_SHOE_MATERIAL', 'MATERIALS_POLYMER'],
    regionCode: JINJIANG,
    address: '福建省晋江市',
    description:
      '由福建嘉怡塑胶有限公司建设，聚焦 EVA 及其共混材料的超临界流体一次发泡成型技术。' +
      '平台开放超临界发泡釜和模压发泡中试设备，为鞋材企业提供轻量化、高回弹中底材料的配方验证、发泡工艺窗口摸索和小批量试产，以物理发泡替代化学发泡剂。',
    recognitionLevel: 'NONE',
    status: 'LISTED',
    jinjiangRows: ['2-11'],
    qualifications: [],
    services: [
      {
        title: 'EVA超临界发泡配方验证',
        description: '对客户 EVA 或共混配方进行超临界发泡适配性验证，给出发泡倍率、泡孔结构和物性数据。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_SUPERCRITICAL_FOAM', 'MATERIALS_POLYMER'],
        ...fixed(28_000),
        leadTimeDays: 20,
      },
      {
        title: '超临界一次发泡成型中试',
        description: '在中试发泡釜和模压设备上完成一次发泡成型放大试验，每批次可产出中底片材约 200 双。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['TEXTILE_SUPERCRITICAL_FOAM'],
        ...perUnit(15_000, '批次'),
        leadTimeDays: 15,
      },
      {
        title: '发泡鞋材物性测试（密度、硬度、回弹、压缩永久变形）',
        description: '按鞋材常用标准测试发泡材料的密度、硬度、回弹率和压缩永久变形。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        ...perUnit(800, '样品'),
        leadTimeDays: 5,
      },
      {
        title: '发泡中底小批量试产',
        description: '工艺定型后的超临界发泡中底小批量试产，用于品牌客户试穿和订单验证。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['TEXTILE_SUPERCRITICAL_FOAM', 'TEXTILE_SHOE_MATERIAL'],
        ...perUnit(30_000, '批次'),
        leadTimeDays: 20,
      },
      {
        title: '超临界发泡釜机时共享',
        description: '向具备操作能力的企业和团队开放超临界发泡釜机时，由平台工程师陪同操作。',
        category: 'EQUIPMENT_SHARING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_SUPERCRITICAL_FOAM'],
        ...perUnit(600, '小时'),
        leadTimeDays: 3,
      },
    ],
    equipment: [
      {
        name: '超临界流体发泡釜',
        model: null,
        maker: null,
        category: '工艺试验设备',
        keySpecs: '容积 50 L；最高压力 35 MPa；最高温度 200 ℃；CO₂/N₂ 双介质',
        hourlyRateFen: yuan(600),
      },
    ],
  },
  {
    // The Jinjiang plan asks for a 智能纤维及智能纺织品中试验证平台; the demo operator is still drafting it.
    operator: ORG.haixiTextile,
    name: '智能纤维及智能纺织品中试验证平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['TEXTILE_FIBER', 'ELECTRONICS_TERMINAL'],
    regionCode: JINJIANG,
    address: '福建省晋江市经济开发区',
    description:
      '海西纺织新材料工业技术晋江研究院正在筹建的平台，对应晋江市行动方案中支持建设智能纤维及智能纺织品中试验证平台的方向。' +
      '平台拟面向智能穿戴和功能服装企业，提供导电纤维、柔性传感织物的工艺开发和可靠性验证。',
    contactName: '林工',
    recognitionLevel: 'NONE',
    status: 'DRAFT',
    qualifications: [],
    services: [
      {
        title: '导电纤维与纱线工艺开发',
        description: '开发镀银、碳系等导电纤维和纱线的制备与包覆工艺，评估导电稳定性。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['TEXTILE_FIBER'],
        ...onQuote(),
        leadTimeDays: 30,
        status: 'DRAFT',
      },
      {
        title: '柔性传感织物样品试制',
        description: '按客户的传感需求试制压力、应变或温度传感织物样品，交付样品和性能数据。',
        category: 'SAMPLE_MAKING',
        stages: ['LAB'],
        fieldCodes: ['TEXTILE_FIBER', 'ELECTRONICS_TERMINAL'],
        ...fixed(36_000),
        leadTimeDays: 30,
        status: 'DRAFT',
      },
      {
        title: '智能纺织品水洗耐久性验证',
        description: '模拟家庭水洗和穿着摩擦，验证智能纺织品电学性能的衰减情况。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT'],
        fieldCodes: ['TEXTILE_FIBER'],
        ...perUnit(2_000, '样品'),
        leadTimeDays: 14,
        status: 'DRAFT',
      },
    ],
    equipment: [],
  },
];

/** 福州: 新型储能, 新型功能材料概念验证, 印刷显示 and 生物医药 (000 document). */
const FUZHOU_PLATFORMS: DemoPlatform[] = [
  {
    operator: ORG.fuzhouEnergyInstitute,
    name: '福州新型储能电池中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['ENERGY_CATHODE', 'ENERGY_ANODE', 'ENERGY_ELECTROLYTE', 'ENERGY_CELL', 'ENERGY_BMS'],
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县福州高新区',
    description:
      '面向福州新型储能电池产业链建设的中试服务平台，覆盖正负极材料、电解液到电芯及模组的验证环节。' +
      '平台建有软包电芯中试线和电池测试实验室，可为材料企业提供公斤级材料放大和电芯级评价，为储能系统企业提供 BMS 联调和安全性能测试。',
    recognitionLevel: 'PROVINCE',
    status: 'LISTED',
    qualifications: [
      {
        kind: 'CNAS',
        certificateNo: 'CNAS L18231',
        accreditedScope: '锂离子电池及电池组电性能、循环寿命和安全性能检测',
        validUntil: '2028-11-30',
      },
    ],
    services: [
      {
        title: '正极材料公斤级放大合成',
        description: '将实验室克级正极材料合成工艺放大到公斤级，交付材料样品、工艺包和一致性数据。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['ENERGY_CATHODE'],
        ...fixed(180_000),
        leadTimeDays: 45,
      },
      {
        title: '软包电芯试制与电化学评价',
        description: '用客户提供的正负极材料或电解液试制软包电芯，完成容量、倍率和首效等电化学评价。',
        category: 'SAMPLE_MAKING',
        stages: ['PILOT'],
        fieldCodes: ['ENERGY_CELL', 'ENERGY_ANODE', 'ENERGY_ELECTROLYTE'],
        ...perUnit(26_000, '批次'),
        leadTimeDays: 30,
      },
      {
        title: '电芯循环寿命测试',
        description: '在恒温条件下按约定工步测试电芯循环寿命和容量衰减，按月提交阶段数据。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ENERGY_CELL'],
        ...perUnit(3_500, '样品'),
        leadTimeDays: 60,
      },
      {
        title: '储能电池安全性能测试（过充、短路、热滥用）',
        description: '对储能电芯和模组开展过充、外短路、针刺和热滥用等安全测试，出具 CNAS 检测报告。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['ENERGY_CELL', 'ENERGY_STORAGE'],
        ...perUnit(7_800, '样品'),
        leadTimeDays: 15,
      },
      {
        title: '钠离子电池材料概念验证',
        description: '对钠离子电池正负极新材料开展早期可行性验证，评估性能潜力和放大路线。',
        category: 'CONCEPT_VERIFICATION',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['ENERGY_CATHODE', 'ENERGY_ANODE'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '储能系统BMS/EMS联调验证',
        description: '在储能测试平台上完成 BMS 与 EMS 的通信、均衡和保护策略联调验证。',
        category: 'EQUIPMENT_VALIDATION',
        stages: ['PILOT'],
        fieldCodes: ['ENERGY_BMS', 'ENERGY_STORAGE'],
        ...onQuote(),
        leadTimeDays: 30,
      },
    ],
    equipment: [
      {
        name: '电池充放电测试系统',
        model: 'CT-4008T-5V6A',
        maker: '新威（Neware）',
        category: '电池测试设备',
        keySpecs: '8 通道；电压 0–5 V；电流 0–6 A；精度 ±0.05% FS',
        hourlyRateFen: yuan(80),
      },
      {
        name: '电池绝热加速量热仪',
        model: 'EV+ ARC',
        maker: 'Thermal Hazard Technology',
        category: '热分析仪器',
        keySpecs: '大腔体，可容纳软包和方形电芯；温度范围室温–600 ℃；用于热失控研究',
        hourlyRateFen: yuan(500),
      },
    ],
  },
  {
    operator: ORG.fuzhouConceptCentre,
    name: '新型功能材料概念验证平台',
    type: 'CONCEPT_VERIFICATION',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['MATERIALS', 'MATERIALS_ECHEM', 'MATERIALS_POLYMER', 'MATERIALS_CERAMICS'],
    regionCode: FUZHOU,
    address: '福建省福州市鼓楼区',
    description:
      '福州市实施方案中重点打造的共性技术平台方向之一，面向高校院所和创新创业团队的新型功能材料早期成果开展概念验证。' +
      '平台提供技术可行性验证、小试工艺复现、知识产权与市场评估，并设计对接中试服务平台的转化路径。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [],
    services: [
      {
        title: '材料成果技术可行性验证',
        description: '组织专家和实验资源对材料成果的核心性能和技术路线进行独立验证，出具概念验证报告。',
        category: 'CONCEPT_VERIFICATION',
        stages: ['CONCEPT'],
        fieldCodes: ['MATERIALS'],
        ...fixed(60_000),
        leadTimeDays: 45,
      },
      {
        title: '小试工艺复现与关键参数确认',
        description: '在独立实验室复现成果方的小试工艺，确认关键工艺参数和性能重复性。',
        category: 'TECH_TRANSFER',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS', 'MATERIALS_POLYMER'],
        ...onQuote(),
        leadTimeDays: 30,
      },
      {
        title: '知识产权布局与市场前景评估',
        description: '分析成果的专利保护范围和自由实施风险，评估目标市场规模和竞争格局。',
        category: 'CONSULTING_TRAINING',
        stages: ['CONCEPT'],
        fieldCodes: ['MATERIALS'],
        ...fixed(18_000),
        leadTimeDays: 20,
      },
      {
        title: '概念验证到中试转化路径设计',
        description: '为通过概念验证的项目设计中试方案和资金计划，并推荐匹配的中试服务平台。',
        category: 'TECH_TRANSFER',
        stages: ['CONCEPT', 'LAB'],
        fieldCodes: ['MATERIALS', 'MATERIALS_ECHEM'],
        ...fixed(25_000),
        leadTimeDays: 20,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.fuzhouDisplayInstitute,
    name: '印刷OLED/QLED先进显示技术研发公共服务平台',
    type: 'COMMON_TECH',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['ELECTRONICS_DISPLAY'],
    regionCode: FUZHOU,
    address: '福建省福州市长乐区滨海新城',
    description:
      '聚焦印刷 OLED/QLED 显示技术的共性技术研发平台，是福州市实施方案中重点打造的共性技术平台方向之一。' +
      '平台可开展功能墨水配制与评价、喷墨打印成膜工艺开发、器件制备与光电性能测试，为显示材料和面板企业提供共性技术研发服务。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [],
    services: [
      {
        title: '量子点及OLED功能墨水配制与评价',
        description: '按打印工艺要求调配功能墨水的黏度、表面张力和溶剂体系，并评价成膜均匀性。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...fixed(40_000),
        leadTimeDays: 30,
      },
      {
        title: '喷墨打印成膜工艺开发',
        description: '针对客户像素结构开发喷墨打印和干燥工艺，解决咖啡环、膜厚不均等问题。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...onQuote(),
        leadTimeDays: 45,
      },
      {
        title: '显示器件光电性能测试（亮度、色坐标、效率、寿命）',
        description: '测试 OLED/QLED 器件的亮度、色坐标、外量子效率和寿命衰减曲线。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...perUnit(2_200, '样品'),
        leadTimeDays: 10,
      },
      {
        title: '材料喷墨打印机机时共享',
        description: '开放科研级材料喷墨打印机机时，用于墨水打印性验证和小面积器件制备。',
        category: 'EQUIPMENT_SHARING',
        stages: ['LAB'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...perUnit(800, '小时'),
        leadTimeDays: 3,
      },
    ],
    equipment: [
      {
        name: '光谱辐射亮度计',
        model: 'CS-2000',
        maker: '柯尼卡美能达（Konica Minolta）',
        category: '光学测量仪器',
        keySpecs: '波长范围 380–780 nm；亮度范围 0.003–500,000 cd/m²',
        hourlyRateFen: yuan(200),
      },
      {
        name: '材料喷墨打印机',
        model: 'DMP-2850',
        maker: 'Fujifilm Dimatix',
        category: '工艺试验设备',
        keySpecs: '墨滴体积 1 pL/10 pL；打印面积 210×315 mm；平台可加热至 60 ℃',
        hourlyRateFen: yuan(800),
      },
    ],
  },
  {
    operator: ORG.fuzhouBiomedTesting,
    name: '福州生物医药与医疗器械检验检测平台',
    type: 'TESTING',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['BIOMED_DEVICES', 'BIOMED_BIOLOGICS', 'BIOMED_TCM'],
    regionCode: FUZHOU,
    address: '福建省福州市闽侯县福州高新区',
    description:
      '检验检测机构建设的生物医药检测平台，具备 CMA 资质认定和 CNAS 实验室认可。' +
      '平台为生物药、现代中药和医疗器械企业提供理化分析、微生物检测和生物相容性评价等服务，支撑中试样品的质量放行和注册申报前检测。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [
      {
        kind: 'CMA',
        certificateNo: '231312051234',
        accreditedScope: '药品及原辅料理化检验、微生物限度检查；医疗器械生物相容性检验',
        validUntil: '2029-08-31',
      },
      {
        kind: 'CNAS',
        certificateNo: 'CNAS L20417',
        accreditedScope: '化学分析、微生物检测、细胞毒性试验',
        validUntil: '2028-04-30',
      },
    ],
    services: [
      {
        title: '医疗器械生物相容性评价（细胞毒性、致敏、刺激）',
        description: '按 GB/T 16886 系列标准开展细胞毒性、致敏和刺激试验，出具 CMA 检测报告。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['BIOMED_DEVICES'],
        ...perUnit(6_800, '样品'),
        leadTimeDays: 30,
      },
      {
        title: '中药提取物指纹图谱与含量测定',
        description: '建立中药提取物的 HPLC 指纹图谱并测定指标成分含量，评价批间一致性。',
        category: 'INSPECTION_TESTING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['BIOMED_TCM'],
        ...perUnit(2_500, '样品'),
        leadTimeDays: 10,
      },
      {
        title: '生物制品中试样品质量放行检测',
        description: '对生物制品中试批次开展纯度、含量、残留物等质量属性检测，按检测项目组合报价。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT'],
        fieldCodes: ['BIOMED_BIOLOGICS'],
        ...onQuote(),
        leadTimeDays: 20,
      },
      {
        title: '医疗器械注册检验',
        description: '按产品技术要求开展医疗器械注册检验。属于法定注册检验，不适用服务券抵扣。',
        category: 'TYPE_TEST',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['BIOMED_DEVICES'],
        ...onQuote(),
        leadTimeDays: 60,
        voucherEligible: false,
      },
      {
        title: '无菌检查与微生物限度检查',
        description: '对无菌产品和非无菌制剂分别开展无菌检查和微生物限度检查。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT'],
        fieldCodes: ['BIOMED_BIOLOGICS', 'BIOMED_DEVICES'],
        ...perUnit(1_200, '样品'),
        leadTimeDays: 7,
      },
    ],
    equipment: [],
  },
];

/** 嘉兴: 氢能, 前沿新材料, 检验检测 and 合成生物 (003 document). */
const JIAXING_PLATFORMS: DemoPlatform[] = [
  {
    operator: ORG.jiaxingHydrogen,
    name: '嘉兴氢能与燃料电池中试平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['ENERGY_HYDROGEN'],
    regionCode: JIAXING,
    address: '浙江省嘉兴市南湖区',
    description:
      '面向嘉兴氢能未来产业布局的中试平台，由企业自建并向产业链中小企业开放富余中试能力。' +
      '平台可开展膜电极制备工艺放大、单电池和电堆性能测试以及关键零部件耐久性验证，服务燃料电池材料和系统企业的产品迭代。',
    recognitionLevel: 'PROVINCE',
    status: 'LISTED',
    qualifications: [],
    services: [
      {
        title: '膜电极涂布工艺放大',
        description: '将膜电极催化层涂布工艺从实验室片式放大到卷对卷中试，交付工艺参数和样品。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['ENERGY_HYDROGEN'],
        ...fixed(150_000),
        leadTimeDays: 40,
      },
      {
        title: '燃料电池单电池与电堆性能测试',
        description: '测试单电池和短堆的极化曲线、阻抗谱和动态工况性能，按测试时长计费。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ENERGY_HYDROGEN'],
        ...perUnit(1_200, '小时'),
        leadTimeDays: 7,
      },
      {
        title: '氢能关键零部件耐久性验证',
        description: '对双极板、增湿器、氢气循环泵等零部件开展耐久性和可靠性验证，按验证方案报价。',
        category: 'EQUIPMENT_VALIDATION',
        stages: ['PILOT'],
        fieldCodes: ['ENERGY_HYDROGEN'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '燃料电池测试台机时共享',
        description: '向具备操作能力的企业和团队开放燃料电池测试台机时，氢气等耗材另计。',
        category: 'EQUIPMENT_SHARING',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['ENERGY_HYDROGEN'],
        ...perUnit(900, '小时'),
        leadTimeDays: 3,
      },
    ],
    equipment: [
      {
        name: '燃料电池测试系统',
        model: 'G60',
        maker: 'Greenlight Innovation',
        category: '电化学测试设备',
        keySpecs: '适用单电池及短堆；电子负载 ≤5 kW；气体温湿度和背压闭环控制',
        hourlyRateFen: yuan(900),
      },
    ],
  },
  {
    operator: ORG.jiaxingMaterialsBase,
    name: '嘉兴前沿新材料中试基地',
    type: 'PILOT_BASE',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['MATERIALS_POLYMER', 'MATERIALS_ECHEM', 'PETROCHEM'],
    regionCode: JIAXING,
    address: '浙江省嘉兴市嘉兴港区（浙江乍浦经济开发区）',
    description:
      '采用“政府引导+国资牵头”模式建设的产业化中试基地，委托专业团队市场化运营。' +
      '基地提供标准化中试车间、公用工程和安全环保配套，可承接功能高分子、电子化学品等新材料的工艺放大和小批量试生产，并协助中试项目办理安全、环保等手续。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [],
    services: [
      {
        title: '中试车间及公用工程租用',
        description: '按项目需求提供带蒸汽、循环水、氮气等公用工程的标准化中试车间单元，按面积和周期报价。',
        category: 'EQUIPMENT_SHARING',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_POLYMER', 'MATERIALS_ECHEM'],
        ...onQuote(),
        leadTimeDays: 15,
      },
      {
        title: '功能高分子材料工艺放大（百公斤级）',
        description: '将功能高分子材料的聚合或改性工艺放大到百公斤级，交付样品、物料衡算和工艺包。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_POLYMER'],
        ...fixed(320_000),
        leadTimeDays: 60,
      },
      {
        title: '电子化学品纯化中试',
        description: '针对湿电子化学品开展精馏、吸附等纯化工艺中试，按目标纯度等级和批量报价。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_ECHEM'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '新材料小批量试生产',
        description: '工艺定型后的新材料吨级小批量试产，用于下游客户认证。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['MATERIALS_POLYMER', 'PETROCHEM'],
        ...perUnit(85_000, '批次'),
        leadTimeDays: 30,
      },
      {
        title: '中试项目安全环保合规咨询',
        description: '协助中试项目梳理备案、环评、安评等手续，编制风险分级和应急方案。',
        category: 'CONSULTING_TRAINING',
        stages: ['PILOT'],
        fieldCodes: ['PETROCHEM'],
        ...fixed(12_000),
        leadTimeDays: 10,
      },
    ],
    equipment: [
      {
        name: '同向双螺杆挤出造粒线',
        model: 'ZSK 26 Mc18',
        maker: '科倍隆（Coperion）',
        category: '工艺试验设备',
        keySpecs: '螺杆直径 26 mm；产能 5–60 kg/h；配侧喂料和水下切粒',
        hourlyRateFen: yuan(500),
      },
      {
        name: '旋转流变仪',
        model: 'Discovery HR-20',
        maker: 'TA Instruments',
        category: '流变测试仪器',
        keySpecs: '扭矩范围 0.5 nN·m–200 mN·m；配平板和锥板夹具；温度 -160–600 ℃',
        hourlyRateFen: yuan(250),
      },
    ],
  },
  {
    operator: ORG.jiaxingTesting,
    name: '嘉兴高端装备检验检测平台',
    type: 'TESTING',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['EQUIPMENT_SENSING', 'EQUIPMENT_CNC', 'EQUIPMENT_MOULD'],
    regionCode: JIAXING,
    address: '浙江省嘉兴市秀洲区',
    description:
      '检验检测机构利用自有检测设备打造的行业中试平台，面向高端装备和智能传感器企业发布检测服务清单并按市场化标准定价。' +
      '平台提供环境可靠性、电磁兼容和精密尺寸计量等检测服务。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [
      {
        kind: 'CMA',
        certificateNo: '221112345012',
        accreditedScope: '电工电子产品环境试验、电磁兼容试验；机械零部件几何量检测',
        validUntil: '2028-06-30',
      },
      {
        // Expired: shows that an expired qualification stops being displayed.
        kind: 'CNAS',
        certificateNo: 'CNAS L11208',
        accreditedScope: '电工电子产品环境试验、电磁兼容试验',
        validUntil: '2026-05-31',
      },
    ],
    services: [
      {
        title: '传感器环境可靠性试验（高低温、湿热、振动）',
        description: '对传感器和电子部件开展高低温、交变湿热和随机振动试验，出具试验报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['EQUIPMENT_SENSING'],
        ...perUnit(3_200, '样品'),
        leadTimeDays: 10,
      },
      {
        title: '电磁兼容（EMC）测试',
        description: '开展传导发射、辐射发射和静电、浪涌等抗扰度测试，按暗室使用时长计费。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['EQUIPMENT_SENSING', 'EQUIPMENT_CNC'],
        ...perUnit(1_800, '小时'),
        leadTimeDays: 5,
      },
      {
        title: '精密零部件三坐标尺寸检测',
        description: '用三坐标测量机检测精密模具和零部件的尺寸与形位公差，出具检测报告。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT'],
        fieldCodes: ['EQUIPMENT_MOULD'],
        ...perUnit(600, '样品'),
        leadTimeDays: 3,
      },
      {
        title: '强制性产品认证（CCC）型式试验',
        description: '为列入强制性认证目录的产品开展型式试验。属于强制性认证检验，不适用服务券抵扣。',
        category: 'TYPE_TEST',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['EQUIPMENT_CNC'],
        ...onQuote(),
        leadTimeDays: 30,
        voucherEligible: false,
      },
    ],
    equipment: [
      {
        name: '三坐标测量机',
        model: 'CONTURA',
        maker: '蔡司（ZEISS）',
        category: '几何量计量仪器',
        keySpecs: '测量范围 700×1000×600 mm；最大允许误差 MPE_E 1.8+L/300 µm',
        hourlyRateFen: yuan(300),
      },
    ],
  },
  {
    operator: ORG.jiaxingSynbio,
    name: '嘉兴合成生物中试平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['FUTURE_SYNBIO', 'FOOD_FUNCTIONAL'],
    regionCode: JIAXING,
    address: '浙江省嘉兴市南湖区',
    description:
      '围绕合成生物未来产业建设的中试平台，已提交认定审核。' +
      '平台拟提供菌种构建后的发酵工艺优化、50–500 L 发酵放大和下游分离纯化中试，面向生物基材料和食品配料等产品。',
    recognitionLevel: 'NONE',
    status: 'PENDING_REVIEW',
    qualifications: [],
    services: [
      {
        title: '发酵工艺优化（摇瓶至 5 L）',
        description: '优化培养基和发酵条件，在 5 L 发酵罐上确认产物滴度和生产强度。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB'],
        fieldCodes: ['FUTURE_SYNBIO'],
        ...fixed(45_000),
        leadTimeDays: 30,
      },
      {
        title: '50–500 L 发酵放大',
        description: '按优化后的工艺完成 50 L 至 500 L 发酵放大，交付发酵液或粗品和放大数据。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['FUTURE_SYNBIO'],
        ...perUnit(38_000, '批次'),
        leadTimeDays: 20,
      },
      {
        title: '下游分离纯化中试',
        description: '针对发酵产物开发离心、膜过滤、层析和结晶等分离纯化工艺，按目标纯度报价。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['FUTURE_SYNBIO', 'FOOD_FUNCTIONAL'],
        ...onQuote(),
        leadTimeDays: 30,
      },
    ],
    equipment: [],
  },
];

/** 广州: 领航型/专业型/综合型 platforms in 生物医药, 新型显示, 低空经济 and 新材料 (004 document). */
const GUANGZHOU_PLATFORMS: DemoPlatform[] = [
  {
    operator: ORG.guangzhouBiomed,
    name: '广州生物医药综合型中试验证平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'COMPREHENSIVE',
    fieldCodes: ['BIOMED_BIOLOGICS', 'BIOMED_DEVICES', 'BIOMED_TCM'],
    regionCode: GUANGZHOU,
    address: '广东省广州市黄埔区广州科学城',
    // Traditional characters, like the Guangzhou document: exercises simplified/traditional conversion in search.
    description:
      '面向廣州生物醫藥與健康產業建設的綜合型中試驗證平臺，聯合企業、高校和科研機構提供跨領域的中試服務。' +
      '平臺可開展新型生物藥細胞培養工藝放大、純化工藝開發、製劑小批量試製，以及高端醫療器械樣機驗證，推動科研成果加快熟化。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [
      {
        kind: 'ISO9001',
        certificateNo: '04424Q31208R0M',
        accreditedScope: '生物医药中试工艺开发及样品试制服务',
        validUntil: '2027-09-30',
      },
    ],
    services: [
      {
        title: '细胞培养工艺开发与放大（50–200 L）',
        description: '针对抗体等重组蛋白药物开展细胞培养工艺开发，并在一次性生物反应器上放大至 200 L。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['BIOMED_BIOLOGICS'],
        ...fixed(480_000),
        leadTimeDays: 90,
      },
      {
        title: '抗体纯化工艺开发',
        description: '开发亲和层析、离子交换和病毒去除等纯化步骤，交付纯化工艺和质量数据。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['BIOMED_BIOLOGICS'],
        ...fixed(260_000),
        leadTimeDays: 60,
      },
      {
        title: '制剂小批量试制',
        description: '完成注射剂或口服制剂的小批量试制，用于稳定性研究和临床前样品供应。',
        category: 'SMALL_BATCH',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['BIOMED_BIOLOGICS', 'BIOMED_TCM'],
        ...perUnit(120_000, '批次'),
        leadTimeDays: 45,
      },
      {
        title: '高端医疗器械样机试制与验证',
        description: '为医疗器械创新项目完成样机试制、设计验证和可用性测试，按样机复杂度报价。',
        category: 'SAMPLE_MAKING',
        stages: ['PILOT'],
        fieldCodes: ['BIOMED_DEVICES'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '中试项目技术经理人对接服务',
        description: '由中试服务技术经理人评估项目成熟度，制定中试方案并对接合适的中试资源和投资机构。',
        category: 'CONSULTING_TRAINING',
        stages: ['CONCEPT', 'LAB', 'PILOT'],
        fieldCodes: ['BIOMED_BIOLOGICS', 'BIOMED_DEVICES'],
        ...fixed(10_000),
        leadTimeDays: 15,
      },
    ],
    equipment: [
      {
        name: '蛋白纯化系统',
        model: 'ÄKTA pure 25',
        maker: 'Cytiva',
        category: '生物工艺设备',
        keySpecs: '流速 0.001–25 mL/min；最高压力 20 MPa；配紫外、电导、pH 检测',
        hourlyRateFen: yuan(300),
      },
      {
        name: '一次性生物反应器（200 L）',
        model: 'BIOSTAT STR 200',
        maker: '赛多利斯（Sartorius）',
        category: '生物工艺设备',
        keySpecs: '工作体积 50–200 L；搅拌式一次性袋；溶氧、pH、温度在线控制',
        hourlyRateFen: yuan(800),
      },
    ],
  },
  {
    operator: ORG.guangzhouDisplay,
    name: '广州新型显示领航型中试验证平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'LEADING',
    fieldCodes: ['ELECTRONICS_DISPLAY', 'MATERIALS_ECHEM'],
    regionCode: GUANGZHOU,
    address: '广东省广州市增城区',
    description:
      '由新型显示产业链龙头企业牵头建设的领航型中试验证平台，与上下游企业共同制定中试技术规则，面向中小企业开放中试线和检测设备。' +
      '平台提供显示材料上线验证、面板工艺验证、环境可靠性试验和失效分析服务。',
    recognitionLevel: 'NATIONAL',
    status: 'LISTED',
    qualifications: [],
    services: [
      {
        title: '显示材料上线验证',
        description: '将国产显示材料导入中试线进行上线验证，评估工艺适配性和器件性能，按验证轮次报价。',
        category: 'EQUIPMENT_VALIDATION',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_DISPLAY', 'MATERIALS_ECHEM'],
        ...onQuote(),
        leadTimeDays: 45,
      },
      {
        title: '面板工艺中试验证',
        description: '在中试线上验证新结构、新工艺的面板制程，交付工艺窗口和良率分析。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...onQuote(),
        leadTimeDays: 60,
      },
      {
        title: '显示模组环境可靠性试验',
        description: '对显示模组开展高温高湿、冷热冲击和光照老化试验，出具可靠性报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...perUnit(4_200, '样品'),
        leadTimeDays: 14,
      },
      {
        title: '显示器件失效分析',
        description: '结合光学检查、切片和成分分析定位显示器件的亮点、暗点、Mura 等不良原因。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT'],
        fieldCodes: ['ELECTRONICS_DISPLAY'],
        ...perUnit(5_000, '样品'),
        leadTimeDays: 10,
      },
    ],
    equipment: [],
  },
  {
    operator: ORG.guangzhouLowAltitude,
    name: '广州低空经济无人机测试认证平台',
    type: 'TESTING',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['LOW_ALTITUDE', 'EQUIPMENT_SENSING'],
    regionCode: GUANGZHOU,
    address: '广东省广州市南沙区',
    description:
      '面向无人机和低空飞行器企业的专业检验检测机构，提供技术测试认证和仿真实验等中试验证服务。' +
      '平台建有室外试飞场和电磁兼容、环境试验实验室，可开展整机飞行性能、抗风、续航、电磁兼容和环境适应性测试，以及飞控系统的仿真验证。',
    recognitionLevel: 'CITY',
    status: 'LISTED',
    qualifications: [
      {
        kind: 'CNAS',
        certificateNo: 'CNAS L21563',
        accreditedScope: '无人驾驶航空器系统飞行性能、电磁兼容和环境适应性检测',
        validUntil: '2028-10-31',
      },
      {
        kind: 'CMA',
        certificateNo: '231912340456',
        accreditedScope: '无人驾驶航空器系统及部件检测',
        validUntil: '2027-01-15',
      },
    ],
    services: [
      {
        title: '无人机整机飞行性能测试',
        description: '在试飞场测试无人机的悬停精度、最大速度、续航时间和抗风能力，出具测试报告。',
        category: 'PERFORMANCE_TEST',
        stages: ['PILOT', 'SMALL_BATCH'],
        fieldCodes: ['LOW_ALTITUDE'],
        ...perUnit(8_000, '架'),
        leadTimeDays: 10,
      },
      {
        title: '飞控系统半实物仿真验证',
        description: '搭建半实物仿真环境，验证飞控算法在典型和极端工况下的稳定性和故障处置能力。',
        category: 'SIMULATION',
        stages: ['LAB', 'PILOT'],
        fieldCodes: ['LOW_ALTITUDE', 'EQUIPMENT_SENSING'],
        ...fixed(60_000),
        leadTimeDays: 30,
      },
      {
        title: '无人机电磁兼容测试',
        description: '对无人机整机和机载设备开展辐射发射和抗扰度测试，按暗室使用时长计费。',
        category: 'INSPECTION_TESTING',
        stages: ['PILOT'],
        fieldCodes: ['LOW_ALTITUDE'],
        ...perUnit(1_600, '小时'),
        leadTimeDays: 5,
      },
      {
        title: '民用无人驾驶航空器强制性国家标准符合性检验',
        description:
          '按强制性国家标准 GB 42590 检验民用无人驾驶航空器系统的安全要求。属于强制性检验，不适用服务券抵扣。',
        category: 'TYPE_TEST',
        stages: ['SMALL_BATCH'],
        fieldCodes: ['LOW_ALTITUDE'],
        ...onQuote(),
        leadTimeDays: 30,
        voucherEligible: false,
      },
    ],
    equipment: [
      {
        name: 'EMI测试接收机',
        model: 'ESR',
        maker: '罗德与施瓦茨（Rohde & Schwarz）',
        category: '电磁兼容测试设备',
        keySpecs: '频率范围 10 Hz–7 GHz；符合 CISPR 16-1-1；支持时域扫描',
        hourlyRateFen: yuan(600),
      },
    ],
  },
  {
    operator: ORG.guangzhouPolymer,
    name: '广州功能高分子材料中试验证平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['MATERIALS_POLYMER', 'PETROCHEM'],
    regionCode: GUANGZHOU,
    address: '广东省广州市番禺区',
    description:
      '面向绿色石化与先进材料产业链的专业型中试验证平台，提供功能高分子材料合成、改性配混和性能验证检测服务。' +
      '平台可承接高分子改性配方开发、百公斤级合成放大和材料性能评价，服务汽车、电子电器等领域的材料应用开发。',
    recognitionLevel: 'CITY',
    status: 'SUSPENDED',
    statusReason: '年度绩效评价发现服务台账与合同记录不一致，责令限期整改；整改期间暂停展示和受理新订单。',
    qualifications: [],
    services: [
      {
        title: '改性塑料配方开发',
        description: '针对阻燃、增韧、耐候等需求开发改性塑料配方，交付配方和注塑样条测试数据。',
        category: 'PROCESS_IMPROVEMENT',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS_POLYMER'],
        ...fixed(35_000),
        leadTimeDays: 25,
      },
      {
        title: '功能高分子合成放大',
        description: '将功能高分子的合成工艺从实验室放大至百公斤级，交付样品和放大工艺报告。',
        category: 'SCALE_UP',
        stages: ['PILOT'],
        fieldCodes: ['MATERIALS_POLYMER', 'PETROCHEM'],
        ...fixed(220_000),
        leadTimeDays: 60,
      },
      {
        title: '高分子材料热性能测试（DSC/TGA）',
        description: '测试高分子材料的玻璃化转变、熔融结晶行为和热分解温度。',
        category: 'PERFORMANCE_TEST',
        stages: ['LAB'],
        fieldCodes: ['MATERIALS_POLYMER'],
        ...perUnit(600, '样品'),
        leadTimeDays: 5,
      },
    ],
    equipment: [
      {
        name: '差示扫描量热仪',
        model: 'DSC 214 Polyma',
        maker: '耐驰（NETZSCH）',
        category: '热分析仪器',
        keySpecs: '温度范围 -170–700 ℃；升温速率 0.001–500 K/min',
        hourlyRateFen: yuan(150),
      },
      {
        name: '热重分析仪',
        model: 'TGA 55',
        maker: 'TA Instruments',
        category: '热分析仪器',
        keySpecs: '温度范围室温–1000 ℃；称量精度 ±0.01%；25 位自动进样',
        hourlyRateFen: yuan(150),
      },
    ],
  },
];

export const DEMO_PLATFORMS: DemoPlatform[] = [
  ...JINJIANG_PLATFORMS,
  ...FUZHOU_PLATFORMS,
  ...JIAXING_PLATFORMS,
  ...GUANGZHOU_PLATFORMS,
];
