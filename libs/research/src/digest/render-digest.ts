import { INDUSTRY_FIELD_INDEX } from '@pilotlink/catalogue';
import type { VisibleResult } from '../results/results.service';

const SUMMARY_EXCERPT = 120;

/**
 * The digest's inbox text and webhook data: each result by its title, field and summary — what the
 * SUMMARY view shows — and a link to its page; never the technical detail, IP numbers or budget.
 */
export function renderResultDigest(periodKey: string, items: readonly VisibleResult[]) {
  const results = items.map(({ result, view }) => ({
    id: result.id,
    title: result.title,
    summary: excerpt(result.summary),
    fieldCode: result.fieldCode,
    fieldName: INDUSTRY_FIELD_INDEX.get(result.fieldCode)?.name ?? result.fieldCode,
    targetStage: result.targetStage,
    view,
    link: `/results/${result.id}`,
  }));
  const since = periodKey.slice(1);
  return {
    title: `科技成果推送：${since} 起一周新发布 ${results.length} 项成果`,
    body: results.map((r, i) => `${i + 1}. ${r.title}（${r.fieldName}）：${r.summary}`).join('\n'),
    data: { periodKey, resultIds: results.map((r) => r.id), results },
  };
}

function excerpt(text: string): string {
  return text.length > SUMMARY_EXCERPT ? `${text.slice(0, SUMMARY_EXCERPT)}…` : text;
}
