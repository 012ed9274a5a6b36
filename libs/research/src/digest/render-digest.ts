import { INDUSTRY_FIELD_INDEX, SERVICE_CATEGORY_LABELS, SERVICE_STAGE_LABELS } from '@pilotlink/core';
import type { VisibleDemand } from '@pilotlink/demand';
import type { VisibleResult } from '../results/results.service';

const SUMMARY_EXCERPT = 120;

const fieldName = (code: string) => INDUSTRY_FIELD_INDEX.get(code)?.name ?? code;

/**
 * The digest's inbox text and webhook data: each result by its title, field and summary — what the SUMMARY
 * view shows — and each new demand by what a SUMMARY demand shows others (title, field, stage, categories),
 * each with a link to its page; never a result's technical detail, IP numbers or budget, nor a demand's
 * description.
 */
export function renderResultDigest(
  periodKey: string,
  items: readonly VisibleResult[],
  demandItems: readonly VisibleDemand[] = [],
) {
  const results = items.map(({ result, view }) => ({
    id: result.id,
    title: result.title,
    summary: excerpt(result.summary),
    fieldCode: result.fieldCode,
    fieldName: fieldName(result.fieldCode),
    targetStage: result.targetStage,
    view,
    link: `/results/${result.id}`,
  }));
  const demands = demandItems.map(({ demand, view }) => ({
    id: demand.id,
    title: demand.title,
    fieldCode: demand.fieldCode,
    fieldName: fieldName(demand.fieldCode),
    stage: demand.stage,
    categories: demand.categories,
    view,
    // Platforms quote on demands from their workbench's 需求大厅.
    link: '/platform',
  }));
  const since = periodKey.slice(1);
  const span = periodKey.startsWith('D') ? '当日' : '一周';
  const counts = [
    results.length ? `新成果 ${results.length} 项` : null,
    demands.length ? `新需求 ${demands.length} 项` : null,
  ].filter(Boolean);
  const lines = [
    ...(results.length ? ['【科技成果】'] : []),
    ...results.map((r, i) => `${i + 1}. ${r.title}（${r.fieldName}）：${r.summary}`),
    ...(demands.length ? ['【中试需求】'] : []),
    ...demands.map(
      (d, i) =>
        `${i + 1}. ${d.title}（${d.fieldName}，${SERVICE_STAGE_LABELS[d.stage] ?? d.stage}，` +
        `${d.categories.map((c) => SERVICE_CATEGORY_LABELS[c] ?? c).join('、')}）`,
    ),
  ];
  return {
    title: `科技成果推送：${since} 起${span}${counts.join('、')}`,
    body: lines.join('\n'),
    data: { periodKey, resultIds: results.map((r) => r.id), results, demandIds: demands.map((d) => d.id), demands },
  };
}

function excerpt(text: string): string {
  return text.length > SUMMARY_EXCERPT ? `${text.slice(0, SUMMARY_EXCERPT)}…` : text;
}
