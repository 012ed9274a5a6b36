import { Alert, App as AntApp, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, RequestBody, listItems } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { RevenueRow } from './revenue';
import { RevenueTable } from './RevenueTable';
import { ReturnModal } from './ReturnModal';

/**
 * Bureau: a platform's yearly 服务性收入 declarations beside the marketplace's completed-order revenue,
 * with flags (below the marketplace, far above its history); accept one, or return it with a reason.
 * The operating subsidy uses the accepted figure (晋江 "按年度服务性收入的 30% 给予运营主体补助").
 */
export function RevenueReview({ platformId }: { platformId: string }) {
  const { message } = AntApp.useApp();
  const rows = useLoad(
    () => listItems<'RevenueDeclarationPageDto'>(`/platforms/${platformId}/revenue-declarations`),
    [platformId],
  );
  const [returning, setReturning] = useState<RevenueRow>();
  const [error, setError] = useState<string>();
  const decide = async (row: RevenueRow, body: RequestBody<'DecideRevenueDto'>) => {
    await api(`/platforms/${platformId}/revenue-declarations/${row.year}/decision`, { method: 'POST', body });
    message.success(body.decision === 'ACCEPT' ? `已受理 ${row.year} 年收入申报` : `已退回 ${row.year} 年收入申报`);
    rows.reload();
  };
  const accept = async (row: RevenueRow) => {
    setError(undefined);
    try {
      await decide(row, { decision: 'ACCEPT' });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="revenue-review">
      <Typography.Text type="secondary">
        运营补助按局方受理的年度服务性收入测算；未受理的年度按平台内完成订单收入计算。
      </Typography.Text>
      {(error || rows.error) && <Alert type="error" showIcon message={error ?? rows.error} />}
      <RevenueTable
        rows={rows.data ?? []}
        loading={rows.loading}
        testId="revenue-to-review"
        actions={(row) =>
          row.status === 'DECLARED' ? (
            <Space>
              <Button size="small" type="primary" onClick={() => accept(row)}>
                受理
              </Button>
              <Button size="small" onClick={() => setReturning(row)}>
                退回
              </Button>
            </Space>
          ) : null
        }
      />
      {returning && (
        <ReturnModal
          row={returning}
          onReturn={(note) => decide(returning, { decision: 'RETURN', note })}
          onClose={() => setReturning(undefined)}
        />
      )}
    </Space>
  );
}
