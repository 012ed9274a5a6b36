/**
 * Domain synonym groups (SPEC §4): every term of a group finds the others. Simplified Chinese only —
 * queries and documents are converted before they reach Meilisearch. Lowercase: Meilisearch
 * normalises case before it looks synonyms up.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['中试', '中间试验', '中试验证'],
  ['检测', '检验', '检验检测'],
  ['小批量试生产', '小批量试产', '试产', '试生产'],
  ['概念验证', 'poc', 'proof of concept'],
  ['熟化', '工艺熟化'],
  ['放大', '工艺放大', 'scale-up'],
  ['型式试验', '型式检验'],
  ['石墨烯', 'graphene'],
  ['储能', '新型储能', 'energy storage'],
  ['锂电池', '锂离子电池', '锂电'],
  ['燃料电池', 'fuel cell'],
  ['氢能', '氢能源'],
  ['集成电路', '芯片', 'ic'],
  ['半导体', 'semiconductor'],
  ['医疗器械', '医疗设备'],
  ['仿真', '模拟仿真', 'simulation'],
  ['人工智能', 'ai'],
  ['机器人', 'robot'],
  ['无人机', 'uav', 'drone'],
  ['合成生物', '合成生物学', 'synthetic biology'],
  ['第三方检测', '检验检测机构'],
  ['技术咨询', '咨询服务'],
];

/** Meilisearch synonyms are one-way; a group becomes a mutual map (each term → all the others). */
export function mutualSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of groups) {
    for (const term of group) {
      map[term] ??= new Set();
      for (const other of group) if (other !== term) map[term].add(other);
    }
  }
  return Object.fromEntries(Object.entries(map).map(([term, others]) => [term, [...others]]));
}
