import { Alert, Button, Card, Descriptions, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { INDEX_KIND, INDEX_STATE, JOB_STATE, JOB_STATE_COLOR } from '../../shared/labels/operations';
import { time } from '../../shared/dates';

export type IndexProgress = Schema<'IndexProgressDto'>;

export type ReindexJob = Schema<'ReindexJobDto'>;

export const REINDEX_JOB_ID = 'reindex-search';
export const POLL_MS = 1000;
export const UNFINISHED = ['waiting', 'delayed', 'prioritized', 'active'];

/** The reindex button and the run's progress, polled while it is queued or running. */
export function Reindex() {
  const run = useAction();
  const [job, setJob] = useState<ReindexJob | null>();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const running = !!job && UNFINISHED.includes(job.state);

  // The last run, if any (a 404 means none was kept).
  useEffect(() => {
    api<ReindexJob>(`/admin/search/reindex/${REINDEX_JOB_ID}`)
      .then(setJob)
      .catch((e) => (e instanceof ApiError && e.statusCode === 404 ? setJob(null) : setError(errorText(e))));
  }, []);

  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = setInterval(() => {
      api<ReindexJob>(`/admin/search/reindex/${job.id}`)
        .then((next) => live && (setJob(next), setError(undefined)))
        .catch((e) => live && setError(errorText(e)));
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, job?.id]);

  const start = async () => {
    setStarting(true);
    await run(async () => {
      const answer = await api<ReindexJob>('/admin/search/reindex', { method: 'POST' });
      setJob(answer);
      if (!answer.started) throw new ApiError(409, 'REINDEX_RUNNING', 'already running');
    }, '已开始重建搜索索引');
    setStarting(false);
  };

  const percent = job?.state === 'completed' ? 100 : (job?.progress?.percent ?? 0);
  return (
    <Card
      title="搜索索引"
      size="small"
      data-testid="reindex"
      extra={
        <Button type="primary" onClick={start} loading={starting} disabled={running} data-testid="reindex-start">
          {running ? '重建中…' : '重建搜索索引'}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        从数据库重新生成服务、平台和需求的搜索索引。重建期间搜索照常可用，完成后自动切换到新索引。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {job === undefined && !error && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {job === null && <Empty description="尚无重建记录" />}
      {job && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>状态：</span>
            <Tag color={JOB_STATE_COLOR[job.state]} data-testid="reindex-state">
              {label(JOB_STATE, job.state)}
            </Tag>
            {job.progress?.current && (
              <Typography.Text type="secondary">
                正在处理：{label(INDEX_KIND, job.progress.current)}索引
              </Typography.Text>
            )}
          </Space>
          <Progress
            data-testid="reindex-progress"
            percent={percent}
            status={job.state === 'failed' ? 'exception' : job.state === 'completed' ? 'success' : 'active'}
            format={(p) => `${p ?? 0}%`}
          />
          {job.state === 'failed' && (
            <Alert type="error" showIcon message="重建失败" description={job.failedReason ?? '原因未知'} />
          )}
          {job.progress && (
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              data-testid="reindex-indexes"
              dataSource={job.progress.indexes}
              columns={[
                { title: '索引', dataIndex: 'kind', render: (k: string) => label(INDEX_KIND, k) },
                { title: '状态', dataIndex: 'state', render: (s: string) => label(INDEX_STATE, s) },
                {
                  title: '文档',
                  render: (_: unknown, i: IndexProgress) =>
                    `${i.done.toLocaleString('zh-CN')} / ${i.total.toLocaleString('zh-CN')}`,
                },
              ]}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label="提交时间">{time(job.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="开始时间">{time(job.startedAt)}</Descriptions.Item>
            <Descriptions.Item label="结束时间">{time(job.finishedAt)}</Descriptions.Item>
          </Descriptions>
          {job.state === 'completed' && job.result && (
            <Alert
              type="success"
              showIcon
              data-testid="reindex-result"
              message="索引重建完成"
              description={job.result
                .map((r, i) => {
                  const kind = job.progress?.indexes[i]?.kind;
                  return `${kind ? label(INDEX_KIND, kind) : r.index}：${r.documents} 条，用时 ${r.seconds.toFixed(1)} 秒`;
                })
                .join('；')}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
