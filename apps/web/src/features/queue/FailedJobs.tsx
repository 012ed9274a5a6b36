import { Alert, Button, Card, Empty, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { JOB_NAME, QUEUE } from '../../shared/labels/operations';
import { time } from '../../shared/dates';

export type FailedJob = Schema<'FailedJobDto'>;

/** Jobs whose attempts are exhausted, per queue, with a retry. */
export function FailedJobs() {
  const run = useAction();
  const [queue, setQueue] = useState('webhooks');
  const jobs = useLoad(
    () => api<Schema<'FailedJobPageDto'>>('/admin/failed-jobs', { query: { queue, limit: 50 } }),
    [queue],
  );
  const retry = async (job: FailedJob) => {
    if (
      await run(
        () => api(`/admin/failed-jobs/${job.queue}/${encodeURIComponent(job.id)}/retry`, { method: 'POST' }),
        '已重新排队',
      )
    )
      jobs.reload();
  };
  return (
    <Card
      title="失败任务"
      size="small"
      data-testid="failed-jobs"
      extra={
        <Space wrap>
          <Select
            value={queue}
            onChange={setQueue}
            style={{ width: 140 }}
            options={Object.entries(QUEUE).map(([value, l]) => ({ value, label: l }))}
            aria-label="队列"
          />
          <Button onClick={jobs.reload}>刷新</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        重试次数用尽的任务保留 7 天（每个队列最多 5,000 条），可在排除原因后重新执行。
      </Typography.Paragraph>
      {jobs.error && <Alert type="error" message={jobs.error} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={jobs.loading}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description="该队列没有失败任务" /> }}
        columns={[
          { title: '任务', dataIndex: 'name', render: (n: string) => label(JOB_NAME, n) },
          {
            title: '失败原因',
            dataIndex: 'failedReason',
            render: (r: string | null) => (
              <Typography.Text type="danger" ellipsis={{ tooltip: r }} style={{ maxWidth: 280 }}>
                {r ?? '—'}
              </Typography.Text>
            ),
          },
          { title: '已尝试', dataIndex: 'attemptsMade', render: (n: number) => `${n} 次` },
          { title: '最后失败', dataIndex: 'finishedAt', render: time },
          {
            title: '操作',
            render: (_: unknown, job: FailedJob) => (
              <Popconfirm title="确定重新执行该任务？" onConfirm={() => retry(job)}>
                <Button size="small">重试</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
