import { Card, Empty, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { yuan } from '../../shared/money';
import { ReportRow } from './Dashboard';

/** Approved (and paid) reimbursements per field or region, as a bar chart. */
export function BreakdownChart({ title, rows, testId }: { title: string; rows?: ReportRow[]; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {rows && rows.length > 0 ? (
        <>
          <ReactECharts
            style={{ height: 260 }}
            option={{
              animation: false,
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 110, right: 30, top: 10, bottom: 40 },
              xAxis: { type: 'value' },
              yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
              series: [
                { name: '已批准（元）', type: 'bar', data: rows.map((r) => r.amountFen / 100) },
                { name: '已拨付（元）', type: 'bar', data: rows.map((r) => r.paidFen / 100) },
              ],
            }}
          />
          <Typography.Text type="secondary">
            {rows.map((r) => `${r.label} ${r.claims} 笔 ${yuan(r.amountFen)}`).join(' · ')}
          </Typography.Text>
        </>
      ) : (
        <Empty description="暂无兑付数据" />
      )}
    </Card>
  );
}
