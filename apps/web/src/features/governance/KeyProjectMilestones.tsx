import { Button, Table, Tag } from 'antd';
import { Schema } from '../../shared/api';
import { label } from '../../shared/labels';
import { KEY_PROJECT_STAGE } from '../../shared/labels/governance';

type Milestone = Schema<'KeyProjectMilestoneDto'>;

/** A key project's milestones by due date; overdue ones (due before today, not done) stand out in red. */
export function KeyProjectMilestones({
  milestones,
  onDone,
}: {
  milestones: Milestone[];
  /** Records the milestone done today; absent on a closed project. */
  onDone?: (m: Milestone) => void;
}) {
  return (
    <Table<Milestone>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={milestones}
      data-testid="key-project-milestones"
      rowClassName={(m) => (m.overdue ? 'key-project-overdue' : '')}
      onRow={(m) => (m.overdue ? { style: { background: '#fff1f0' } } : {})}
      locale={{ emptyText: '还没有里程碑：点击“添加里程碑”，按阶段写下要完成的事和截止日期' }}
      columns={[
        { title: '阶段', dataIndex: 'stage', render: (s: string) => label(KEY_PROJECT_STAGE, s) },
        { title: '里程碑', dataIndex: 'title' },
        { title: '截止日期', dataIndex: 'dueOn' },
        {
          title: '状态',
          key: 'state',
          render: (_: unknown, m: Milestone) =>
            m.doneOn ? (
              <Tag color="green">{`已完成 ${m.doneOn}`}</Tag>
            ) : m.overdue ? (
              <Tag color="red">已逾期</Tag>
            ) : (
              <Tag>进行中</Tag>
            ),
        },
        { title: '备注', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        ...(onDone
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, m: Milestone) =>
                  !m.doneOn && (
                    <Button size="small" onClick={() => onDone(m)}>
                      标记完成
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
