/**
 * Demo research results (科技成果) of the seeds' institutions, and the five seed documents as policy notices
 * (an excerpt of each; the Guangzhou one in its original Traditional characters).
 */
export interface DemoResult {
  instituteEmail: string;
  title: string;
  summary: string;
  description: string;
  fieldCode: string;
  stageReached: 'CONCEPT' | 'LAB';
  readinessLevel: number;
  ipItems: { kind: string; title: string; number?: string; granted?: boolean }[];
  verificationCategories: string[];
  targetStage: 'LAB' | 'PILOT' | 'SMALL_BATCH';
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  transferModes: string[];
  contactName: string;
  confidentiality: 'PUBLIC' | 'SUMMARY' | 'PRIVATE';
  status: 'DRAFT' | 'PUBLISHED' | 'IN_PILOT' | 'TRANSFERRED';
}

const QZ = 'institute@demo.pilotlink.cn';
const FZU = 'institute.fzu@demo.pilotlink.cn';

export const DEMO_RESULTS: DemoResult[] = [
  {
    instituteEmail: QZ,
    title: '伺服电机高精度驱动控制技术',
    summary: '面向数控机床与机器人关节的高精度伺服驱动控制算法，小试样机定位精度优于 1 角秒，寻求中试放大与整机验证。',
    description: '采用模型预测电流控制与在线参数辨识，样机已完成 2000 小时耐久测试。',
    fieldCode: 'EQUIPMENT_CNC',
    stageReached: 'LAB',
    readinessLevel: 5,
    ipItems: [
      { kind: 'INVENTION_PATENT', title: '一种伺服电机预测电流控制方法', number: 'ZL202110000101.2', granted: true },
    ],
    verificationCategories: ['SCALE_UP', 'TYPE_TEST'],
    targetStage: 'PILOT',
    budgetMinFen: 30_000_000,
    budgetMaxFen: 80_000_000,
    transferModes: ['LICENSE', 'CO_DEVELOPMENT'],
    contactName: '王老师',
    confidentiality: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    instituteEmail: QZ,
    title: '鞋材超临界发泡工艺数字孪生平台',
    summary: '超临界 CO₂ 发泡过程的数字孪生与工艺窗口预测，已在实验室完成小试，寻求鞋企产线验证。',
    description: '基于泡孔成核动力学模型与产线传感数据的在线校正方法。',
    fieldCode: 'TEXTILE_SUPERCRITICAL_FOAM',
    stageReached: 'LAB',
    readinessLevel: 4,
    ipItems: [{ kind: 'SOFTWARE_COPYRIGHT', title: '超临界发泡工艺仿真软件 V1.0', number: '2024SR0001234' }],
    verificationCategories: ['SIMULATION', 'PROCESS_IMPROVEMENT'],
    targetStage: 'PILOT',
    budgetMinFen: 10_000_000,
    budgetMaxFen: 30_000_000,
    transferModes: ['LICENSE', 'ASSIGNMENT'],
    contactName: '王老师',
    confidentiality: 'SUMMARY',
    status: 'PUBLISHED',
  },
  {
    instituteEmail: QZ,
    title: '工业机器人柔性打磨工作站',
    summary: '面向卫浴与鞋模的力控柔性打磨工作站，概念验证完成，寻求小试验证合作方。',
    description: '六维力传感闭环与轨迹自学习。',
    fieldCode: 'EQUIPMENT_ROBOTICS',
    stageReached: 'CONCEPT',
    readinessLevel: 3,
    ipItems: [{ kind: 'KNOW_HOW', title: '力控打磨工艺参数库' }],
    verificationCategories: ['CONCEPT_VERIFICATION', 'EQUIPMENT_VALIDATION'],
    targetStage: 'LAB',
    budgetMinFen: null,
    budgetMaxFen: 20_000_000,
    transferModes: ['CO_DEVELOPMENT', 'EQUITY'],
    contactName: '王老师',
    confidentiality: 'PUBLIC',
    status: 'IN_PILOT',
  },
  {
    instituteEmail: FZU,
    title: 'Micro-LED 巨量转移与检测技术',
    summary: '面向新型显示的 Micro-LED 巨量转移工艺与在线缺陷检测，小试良率 99.9%，寻求中试线验证。',
    description: '激光剥离 + 弹性印章转移，配套 AOI 缺陷分类模型。',
    fieldCode: 'ELECTRONICS_DISPLAY',
    stageReached: 'LAB',
    readinessLevel: 5,
    ipItems: [
      { kind: 'INVENTION_PATENT', title: '一种 Micro-LED 巨量转移方法', number: 'ZL202210000202.5', granted: true },
      { kind: 'INVENTION_PATENT', title: '一种 Micro-LED 缺陷检测装置', number: 'CN202310000303.X', granted: false },
    ],
    verificationCategories: ['SCALE_UP', 'INSPECTION_TESTING'],
    targetStage: 'PILOT',
    budgetMinFen: 100_000_000,
    budgetMaxFen: 300_000_000,
    transferModes: ['LICENSE', 'EQUITY'],
    contactName: '郑老师',
    confidentiality: 'PUBLIC',
    status: 'PUBLISHED',
  },
  {
    instituteEmail: FZU,
    title: '钠离子电池硬碳负极材料',
    summary: '生物质基硬碳负极，首效 90% 以上，公斤级小试完成，寻求吨级中试放大。',
    description: '预氧化 + 两段碳化工艺，原料为竹材加工废料。',
    fieldCode: 'ENERGY_ANODE',
    stageReached: 'LAB',
    readinessLevel: 4,
    ipItems: [
      {
        kind: 'INVENTION_PATENT',
        title: '一种生物质硬碳负极材料的制备方法',
        number: 'ZL202310000404.8',
        granted: true,
      },
    ],
    verificationCategories: ['SCALE_UP', 'PERFORMANCE_TEST'],
    targetStage: 'PILOT',
    budgetMinFen: 50_000_000,
    budgetMaxFen: 150_000_000,
    transferModes: ['ASSIGNMENT', 'LICENSE'],
    contactName: '郑老师',
    confidentiality: 'SUMMARY',
    status: 'PUBLISHED',
  },
  {
    instituteEmail: FZU,
    title: '先进封装用低温烧结银浆',
    summary: '面向 SiC 功率模块的低温烧结银浆，实验室验证完成，草稿待完善。',
    description: '纳米银与微米银复配体系。',
    fieldCode: 'ELECTRONICS_PACKAGING',
    stageReached: 'LAB',
    readinessLevel: 4,
    ipItems: [],
    verificationCategories: ['PERFORMANCE_TEST'],
    targetStage: 'PILOT',
    budgetMinFen: null,
    budgetMaxFen: null,
    transferModes: ['LICENSE'],
    contactName: '郑老师',
    confidentiality: 'PRIVATE',
    status: 'DRAFT',
  },
];

export interface DemoPolicy {
  /** The bureau (by region) that publishes it in the demo. */
  bureauRegion: string;
  title: string;
  issuingBody: string;
  documentNumber: string | null;
  issuedOn: string;
  body: string;
}

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    bureauRegion: '350100',
    title: '福州市中试创新服务平台体系建设实施方案（2025—2028年）',
    issuingBody: '福州市科学技术局等四部门',
    documentNumber: null,
    issuedOn: '2025-01-01',
    body:
      '近日，福州市科学技术局等四部门印发《福州市中试创新服务平台体系建设实施方案(2025—2028年)》的通知。' +
      '其中中试创新服务平台重点产业领域包括新型储能电池，该产业链重点产业细分领域为正极材料、负极材料、隔膜、电解液(质)、电芯及模组、储能应用、BMS/EMS等。',
  },
  {
    bureauRegion: '350500',
    title: '关于市政协十三届二次会议第20231030号提案的答复',
    issuingBody: '泉州市科学技术局',
    documentNumber: '泉科函〔2023〕63号',
    issuedOn: '2023-06-30',
    body:
      '感谢您们对科技工作的关心和支持，您们提出的《关于我市打造中试基地蕴育生态圈，提速科技成果转化的建议》由我单位会同市人社局、市金融监管局办理。' +
      '联合有关技术转移服务机构筛选大院大所和高校科技成果项目试验验证需求，定期推送给相关中试基地。',
  },
  {
    bureauRegion: '350582',
    title: '晋江市人民政府办公室关于印发晋江市推动中试验证平台建设专项行动方案的通知',
    issuingBody: '晋江市人民政府办公室',
    documentNumber: '晋政办〔2025〕13号',
    issuedOn: '2025-03-01',
    body: '为加强科技创新和产业创新深度融合，布局建设一批中试验证平台，打造现代化中试能力，现将《晋江市推动中试验证平台建设专项行动方案》印发给你们，请结合实际，认真抓好贯彻落实。',
  },
  {
    bureauRegion: '330400',
    title: '嘉兴市中试平台建设实施方案',
    issuingBody: '嘉兴市经济和信息化局',
    documentNumber: '嘉经信技装〔2025〕47号',
    issuedOn: '2025-04-01',
    body: '广泛汇聚并发布中试成果、企业需求、服务能力、解决方案、政策资讯等信息，加强知识产权保护，按照谁投入谁获益的原则约定知识产权归属和收益分配。',
  },
  {
    bureauRegion: '440100',
    title: '廣州加快建設高水平中試驗證平臺 強化產業創新能力的實施方案',
    issuingBody: '廣州市發展和改革委員會',
    documentNumber: null,
    issuedOn: '2025-02-10',
    body: '各區人民政府，市政府各部門、各直屬機構：《廣州加快建設高水平中試驗證平臺 強化產業創新能力的實施方案》業經市人民政府同意，現印發給你們，請認真組織實施。',
  },
];
