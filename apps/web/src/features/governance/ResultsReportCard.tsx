import { Alert, Card, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { useLoad } from '../../shared/useLoad';

type ResultReport = Schema<'ResultReportDto'>;
type ResultRow = Schema<'ResultReportRowDto'>;
type Grouping = ResultReport['groupBy'];

const GROUPINGS: { value: Grouping; label: string }[] = [
  { value: 'field', label: '按行业领域' },
  { value: 'region', label: '按院所所在地区' },
];

/** 科技成果转化 (issue 21) on the bureau dashboard: published → matched → in pilot → transferred, with downloads. */
export function ResultsReportCard() {
  const [groupBy, setGroupBy] = useState<Grouping>('field');
  const report = useLoad(() => api<ResultReport>('/reports/results', { query: { groupBy } }), [groupBy]);
  const total = report.data?.total;
  const rows: ResultRow[] = report.data
    ? [
        ...report.data.rows,
        ...(report.data.rows.length > 0 && total ? [{ key: 'TOTAL', label: '合计', ...total }] : []),
      ]
    : [];
  return (
    <Card
      size="small"
      title="科技成果转化（发布 → 匹配 → 中试 → 转化）"
      data-testid="results-report"
      extra={
        <Space wrap>
          <Segmented<Grouping> options={GROUPINGS} value={groupBy} onChange={setGroupBy} />
          <DownloadButton
            path="/reports/results"
            query={{ groupBy, format: 'csv' }}
            filename={`results-${groupBy}.csv`}
          >
            下载成果 CSV
          </DownloadButton>
          <DownloadButton
            path="/reports/results"
            query={{ groupBy, format: 'xlsx' }}
            filename={`results-${groupBy}.xlsx`}
          >
            下载成果 XLSX
          </DownloadButton>
        </Space>
      }
    >
      {report.error && <Alert type="error" message={report.error} />}
      <Table<ResultRow>
        size="small"
        rowKey="key"
        loading={report.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '辖区内院所尚未发布科技成果；院所发布成果后，这里按领域和地区统计其匹配、中试与转化情况' }}
        columns={[
          { title: groupBy === 'field' ? '行业领域' : '地区', dataIndex: 'label' },
          { title: '已发布', dataIndex: 'published', align: 'right' },
          { title: '已匹配', dataIndex: 'matched', align: 'right' },
          { title: '中试中', dataIndex: 'inPilot', align: 'right' },
          { title: '已转化', dataIndex: 'transferred', align: 'right' },
        ]}
      />
    </Card>
  );
}
