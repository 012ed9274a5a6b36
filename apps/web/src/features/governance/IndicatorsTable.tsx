import { Alert, Card, Empty, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { yuan, pct } from '../../shared/money';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { yearOptions } from './common';
import { GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';

/** GET /reports/platforms?year=: each listed platform's indicators, score and suggested grade. */
export function IndicatorsTable() {
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useLoad(() => api<Schema<'PlatformReportDto'>>('/reports/platforms', { query: { year } }), [year]);
  return (
    <Card
      size="small"
      title="平台年度指标"
      extra={<Select size="small" value={year} onChange={setYear} options={yearOptions()} style={{ width: 100 }} />}
    >
      {report.error && <Alert type="error" message={report.error} />}
      <Table
        rowKey="platformId"
        size="small"
        data-testid="platform-indicators"
        loading={report.loading}
        dataSource={report.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description="辖区内暂无已上架平台" /> }}
        columns={[
          { title: '平台', dataIndex: 'name', fixed: 'left' },
          { title: '认定', dataIndex: 'recognitionLevel', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '完成订单', dataIndex: 'ordersCompleted' },
          { title: '服务收入', dataIndex: 'serviceRevenueFen', render: (f: number) => yuan(f) },
          { title: '服务企业', dataIndex: 'smesServed' },
          { title: '外部用户占比', dataIndex: 'externalUserShareBp', render: pct },
          {
            title: '评分',
            dataIndex: 'ratingAvg',
            render: (r?: number | null) => (typeof r === 'number' ? r.toFixed(1) : '—'),
          },
          {
            title: '首次报价用时',
            dataIndex: 'medianFirstQuoteMinutes',
            render: (m: number | null) => (m === null ? '—' : `${m} 分钟`),
          },
          { title: '设备共享率', dataIndex: 'sharingRateBp', render: pct },
          { title: '被驳回兑付', dataIndex: 'claimsRejected' },
          { title: '得分', dataIndex: 'score' },
          { title: '建议等级', dataIndex: 'suggestedGrade', render: (g: string) => <Tag>{label(GRADE, g)}</Tag> },
        ]}
      />
    </Card>
  );
}
