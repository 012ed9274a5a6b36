import type { DemoResult } from './demo-research.data';

const QZ = 'institute@demo.pilotlink.cn';
const FZU = 'institute.fzu@demo.pilotlink.cn';
const TJU = 'institute.tju@demo.pilotlink.cn';

/** What most demo results share; each entry below says what is its own. */
const base: Pick<
  DemoResult,
  | 'description'
  | 'stageReached'
  | 'readinessLevel'
  | 'ipItems'
  | 'targetStage'
  | 'budgetMinFen'
  | 'confidentiality'
  | 'status'
> = {
  description: '',
  stageReached: 'LAB',
  readinessLevel: 4,
  ipItems: [],
  targetStage: 'PILOT',
  budgetMinFen: null,
  confidentiality: 'PUBLIC',
  status: 'PUBLISHED',
};

/**
 * More results of the seeds' institutions (泉州天津大学研究院 is named in the Quanzhou document), in every
 * live state, so the bureau's results report (published → matched → in pilot → transferred) has rows in
 * several fields and regions.
 */
export const MORE_DEMO_RESULTS: DemoResult[] = [
  {
    ...base,
    instituteEmail: TJU,
    title: '石墨烯改性鞋底材料',
    summary: '石墨烯改性 EVA 发泡鞋底，耐磨与抑菌性能提升，小试完成，寻求鞋材企业中试量产验证。',
    fieldCode: 'MATERIALS_GRAPHENE',
    ipItems: [
      { kind: 'INVENTION_PATENT', title: '一种石墨烯改性 EVA 发泡材料', number: 'ZL202210000505.1', granted: true },
    ],
    verificationCategories: ['SCALE_UP', 'PERFORMANCE_TEST'],
    budgetMaxFen: 80_000_000,
    transferModes: ['LICENSE', 'CO_DEVELOPMENT'],
    contactName: '陈老师',
    // IN_PILOT through the story: 石墨烯平台 proposes, the institute accepts (DemoResearchPilotSeed).
  },
  {
    ...base,
    instituteEmail: TJU,
    title: '高性能锂电池正极材料前驱体连续合成',
    summary: '微反应器连续共沉淀合成三元前驱体，粒径分布窄，寻求百吨级中试线验证。',
    fieldCode: 'ENERGY_CATHODE',
    verificationCategories: ['SCALE_UP'],
    budgetMinFen: 100_000_000,
    budgetMaxFen: 200_000_000,
    transferModes: ['ASSIGNMENT', 'EQUITY'],
    contactName: '陈老师',
    confidentiality: 'SUMMARY',
  },
  {
    ...base,
    instituteEmail: TJU,
    title: '纺织印染废水膜处理回用技术',
    summary: '印染废水陶瓷膜 + 反渗透组合回用工艺，已在企业完成中试并实现转让。',
    fieldCode: 'TEXTILE_DYEING',
    verificationCategories: ['PROCESS_IMPROVEMENT'],
    targetStage: 'SMALL_BATCH',
    budgetMaxFen: 50_000_000,
    transferModes: ['ASSIGNMENT'],
    contactName: '陈老师',
    status: 'TRANSFERRED',
  },
  {
    ...base,
    instituteEmail: QZ,
    title: '数控机床热误差智能补偿系统',
    summary: '基于多测点温度的热误差预测与实时补偿，加工精度提升 40%，寻求整机型式试验。',
    fieldCode: 'EQUIPMENT_CNC',
    ipItems: [{ kind: 'SOFTWARE_COPYRIGHT', title: '机床热误差补偿软件 V2.0', number: '2023SR0005678' }],
    verificationCategories: ['TYPE_TEST', 'EQUIPMENT_VALIDATION'],
    budgetMaxFen: 40_000_000,
    transferModes: ['LICENSE'],
    contactName: '王老师',
  },
  {
    ...base,
    instituteEmail: FZU,
    title: '海洋功能食品酶解制备技术',
    summary: '鲍鱼内脏酶解制备功能肽，概念验证完成，寻求食品中试车间放大验证。',
    fieldCode: 'FOOD_MARINE',
    stageReached: 'CONCEPT',
    readinessLevel: 3,
    verificationCategories: ['CONCEPT_VERIFICATION', 'SCALE_UP'],
    targetStage: 'LAB',
    budgetMaxFen: 30_000_000,
    transferModes: ['CO_DEVELOPMENT'],
    contactName: '郑老师',
  },
  {
    ...base,
    instituteEmail: FZU,
    title: '光伏组件智能清洗机器人',
    summary: '履带式无水清洗机器人，样机完成，已转让给省内装备企业量产。',
    fieldCode: 'EQUIPMENT_ROBOTICS',
    verificationCategories: ['EQUIPMENT_VALIDATION'],
    targetStage: 'SMALL_BATCH',
    budgetMaxFen: 20_000_000,
    transferModes: ['ASSIGNMENT'],
    contactName: '郑老师',
    status: 'TRANSFERRED',
  },
];
