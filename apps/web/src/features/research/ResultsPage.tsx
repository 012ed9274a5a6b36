import { Alert, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { label, options } from '../../shared/labels';
import { RESULT_CONFIDENTIALITY, RESULT_STAGE, RESULT_STATUS, TRANSFER_MODE } from '../../shared/labels/research';
import { useLoad } from '../../shared/useLoad';

/**
 * 科技成果: the published results the visitor may see, searchable (Simplified or Traditional). Anyone sees the
 * PUBLIC ones; verified platforms, SMEs and bureaus also the SUMMARY ones, as their summary.
 */
export function ResultsPage() {
  const [q, setQ] = useState('');
  const [transferMode, setTransferMode] = useState<string>();
  const results = useLoad(
    () => api<Schema<'ResultSearchPageDto'>>('/search/results', { query: { q, transferMode, limit: 50 } }),
    [q, transferMode],
  );
  return (
    <Card
      title="科技成果"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="转化方式"
            options={options(TRANSFER_MODE)}
            onChange={setTransferMode}
            style={{ width: 140 }}
          />
          <Input.Search placeholder="搜索成果、专利、领域" allowClear onSearch={setQ} style={{ width: 240 }} />
        </Space>
      }
    >
      {results.error && <Alert type="error" message={results.error} />}
      <List
        data-testid="result-list"
        loading={results.loading}
        dataSource={results.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无可见的科技成果" /> }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/results/${r.id}`}>{r.title}</Link>}
              description={
                <Space direction="vertical" size={4}>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {r.summary}
                  </Typography.Paragraph>
                  <Space wrap size={4}>
                    <Tag>{label(RESULT_STAGE, r.stageReached)}</Tag>
                    <Tag>TRL {r.readinessLevel}</Tag>
                    {r.transferModes.map((m) => (
                      <Tag key={m} color="blue">
                        {label(TRANSFER_MODE, m)}
                      </Tag>
                    ))}
                    {r.view === 'SUMMARY' && <Tag color="orange">{RESULT_CONFIDENTIALITY.SUMMARY.label}</Tag>}
                    {r.status !== 'PUBLISHED' && <Tag>{label(RESULT_STATUS, r.status)}</Tag>}
                    {r.instituteName && <span>{r.instituteName}</span>}
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
