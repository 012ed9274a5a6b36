import { Alert } from 'antd';
import { api, Schema } from '../../shared/api';
import { label } from '../../shared/labels';
import { KEY_PROJECT_STAGE } from '../../shared/labels/governance';
import { useLoad } from '../../shared/useLoad';

type SubjectType = Schema<'KeyProjectResponseDto'>['subjectType'];

/**
 * On a result's, demand's or order's page, for its parties: that a bureau tracks it as a key project, by
 * which officer (name only) and at which stage. Nothing when it is not tracked.
 */
export function KeyProjectTracking({ subjectType, subjectId }: { subjectType: SubjectType; subjectId: string }) {
  const tracking = useLoad(
    () => api<Schema<'KeyProjectTrackingListDto'>>('/key-projects/tracking', { query: { subjectType, subjectId } }),
    [subjectType, subjectId],
  );
  const items = tracking.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="key-project-tracking"
      message={items.map((t) => (
        <div key={`${t.bureauName}-${t.officerName}`}>
          {`重点项目 · 跟踪人 ${t.officerName}（${t.bureauName}）· 当前阶段：${label(KEY_PROJECT_STAGE, t.stage)}`}
        </div>
      ))}
      description="该项目已列入监管部门重点项目清单，由专人跟踪服务，可直接联系跟踪人协调规划选址、用地、环评等事项。"
    />
  );
}
