/**
 * SPEC §9: the two-level taxonomy of industry fields taken from the seeds. Codes are stable
 * identifiers (used in filters and stored on platforms, services and demands); names are Chinese.
 * Seeded into `industry_fields` by a migration, so every database has them.
 */
export interface IndustryFieldSeed {
  code: string;
  name: string;
  children?: { code: string; name: string }[];
}

export const INDUSTRY_FIELDS: IndustryFieldSeed[] = [
  {
    code: 'ELECTRONICS',
    name: '电子信息制造',
    children: [
      { code: 'ELECTRONICS_IC', name: '集成电路' },
      { code: 'ELECTRONICS_DISPLAY', name: '新型显示' },
      { code: 'ELECTRONICS_PACKAGING', name: '先进封装' },
      { code: 'ELECTRONICS_TERMINAL', name: '智能终端' },
    ],
  },
  {
    code: 'MATERIALS',
    name: '新型功能材料',
    children: [
      { code: 'MATERIALS_CERAMICS', name: '先进陶瓷' },
      { code: 'MATERIALS_GRAPHENE', name: '石墨烯' },
      { code: 'MATERIALS_POLYMER', name: '高分子材料' },
      { code: 'MATERIALS_ECHEM', name: '电子化学品' },
    ],
  },
  {
    code: 'EQUIPMENT',
    name: '高端装备/智能装备',
    children: [
      { code: 'EQUIPMENT_CNC', name: '数控系统' },
      { code: 'EQUIPMENT_SENSING', name: '智能传感' },
      { code: 'EQUIPMENT_ROBOTICS', name: '机器人' },
      { code: 'EQUIPMENT_MOULD', name: '精密模具' },
    ],
  },
  {
    code: 'BIOMED',
    name: '生物医药与健康',
    children: [
      { code: 'BIOMED_BIOLOGICS', name: '生物药' },
      { code: 'BIOMED_DEVICES', name: '医疗器械' },
      { code: 'BIOMED_NUCLEAR', name: '核医学' },
      { code: 'BIOMED_TCM', name: '现代中药' },
    ],
  },
  {
    code: 'ENERGY',
    name: '新能源与新型储能',
    children: [
      { code: 'ENERGY_CATHODE', name: '正极材料' },
      { code: 'ENERGY_ANODE', name: '负极材料' },
      { code: 'ENERGY_SEPARATOR', name: '隔膜' },
      { code: 'ENERGY_ELECTROLYTE', name: '电解液' },
      { code: 'ENERGY_CELL', name: '电芯及模组' },
      { code: 'ENERGY_STORAGE', name: '储能应用' },
      { code: 'ENERGY_BMS', name: 'BMS/EMS' },
      { code: 'ENERGY_HYDROGEN', name: '氢能与燃料电池' },
      { code: 'ENERGY_FLOW_BATTERY', name: '液流电池' },
      { code: 'ENERGY_CAES', name: '压缩空气储能' },
    ],
  },
  {
    code: 'TEXTILE',
    name: '纺织鞋服',
    children: [
      { code: 'TEXTILE_FIBER', name: '功能纤维' },
      { code: 'TEXTILE_DYEING', name: '绿色印染' },
      { code: 'TEXTILE_SHOE_MATERIAL', name: '新型鞋材' },
      { code: 'TEXTILE_SUPERCRITICAL_FOAM', name: '超临界发泡' },
    ],
  },
  {
    code: 'FOOD',
    name: '食品',
    children: [
      { code: 'FOOD_MARINE', name: '海洋食品精深加工' },
      { code: 'FOOD_FUNCTIONAL', name: '功能食品' },
      { code: 'FOOD_MEDICAL', name: '特医食品' },
    ],
  },
  { code: 'BUILDING', name: '建材', children: [{ code: 'BUILDING_CERAMICS', name: '功能陶瓷' }] },
  { code: 'AI', name: '人工智能' },
  { code: 'LOW_ALTITUDE', name: '低空经济与航空航天' },
  { code: 'PETROCHEM', name: '绿色石化' },
  {
    code: 'FUTURE',
    name: '未来产业',
    children: [
      { code: 'FUTURE_SYNBIO', name: '合成生物' },
      { code: 'FUTURE_QUANTUM', name: '量子科技' },
      { code: 'FUTURE_EMBODIED_AI', name: '具身智能' },
    ],
  },
];

/** Flat code → { name, parent } map for validation and denormalising names into search documents. */
interface FieldEntry {
  name: string;
  parentCode: string | null;
}

export const INDUSTRY_FIELD_INDEX: ReadonlyMap<string, FieldEntry> = new Map<string, FieldEntry>(
  INDUSTRY_FIELDS.flatMap((top): [string, FieldEntry][] => [
    [top.code, { name: top.name, parentCode: null }],
    ...(top.children ?? []).map((child): [string, FieldEntry] => [
      child.code,
      { name: child.name, parentCode: top.code },
    ]),
  ]),
);

export function isIndustryFieldCode(code: string): boolean {
  return INDUSTRY_FIELD_INDEX.has(code);
}

/** A sub-field implies its parent: a service in 石墨烯 is also found under 新型功能材料. */
export function withParentFields(codes: readonly string[]): string[] {
  const all = new Set<string>();
  for (const code of codes) {
    all.add(code);
    const parent = INDUSTRY_FIELD_INDEX.get(code)?.parentCode;
    if (parent) all.add(parent);
  }
  return [...all];
}
