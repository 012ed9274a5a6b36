import { Alert, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

/** 政策资讯: published policy notices, newest first, or searched (Simplified or Traditional). */
export function PoliciesPage() {
  const [q, setQ] = useState('');
  const notices = useLoad(
    () =>
      q
        ? api<Schema<'PolicySearchPageDto'>>('/search/policy-notices', { query: { q, limit: 50 } })
        : api<Schema<'PolicyNoticePageDto'>>('/policy-notices', { query: { limit: 50 } }),
    [q],
  );
  return (
    <Card
      title="政策资讯"
      extra={<Input.Search placeholder="搜索政策标题、文号、正文" allowClear onSearch={setQ} style={{ width: 260 }} />}
    >
      {notices.error && <Alert type="error" message={notices.error} />}
      <List
        data-testid="policy-list"
        loading={notices.loading}
        dataSource={notices.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无政策资讯" /> }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/policies/${n.id}`}>{n.title}</Link>}
              description={
                <Space wrap size={12}>
                  <span>{n.issuingBody}</span>
                  {n.documentNumber && <span>{n.documentNumber}</span>}
                  <Typography.Text type="secondary">{n.issuedOn}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
