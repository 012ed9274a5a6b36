import { Table, Typography } from 'antd';
import { auditDiff } from './audit-diff';
import type { KeyChange } from './audit-diff';

/** An audit event's before and after, key by key; the changed keys highlighted. */
export function AuditDiff({ before, after }: { before: object | null; after: object | null }) {
  const rows = auditDiff(before as Record<string, unknown> | null, after as Record<string, unknown> | null);
  if (rows.length === 0) return <Typography.Text type="secondary">该事件未记录变更内容</Typography.Text>;
  const cell = (text: string, row: KeyChange, tone: 'danger' | 'success') =>
    row.changed ? (
      <Typography.Text type={tone} strong>
        {text}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{text}</Typography.Text>
    );
  return (
    <Table<KeyChange>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      rowClassName={(row) => (row.changed ? 'audit-changed' : '')}
      columns={[
        {
          title: '字段',
          dataIndex: 'key',
          render: (key: string, row) => (row.changed ? <Typography.Text mark>{key}</Typography.Text> : key),
        },
        { title: '变更前', dataIndex: 'before', render: (t: string, row) => cell(t, row, 'danger') },
        { title: '变更后', dataIndex: 'after', render: (t: string, row) => cell(t, row, 'success') },
      ]}
    />
  );
}
