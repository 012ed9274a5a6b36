import { Tag, Tooltip } from 'antd';
import { Schema } from '../../shared/api';
import { time } from '../../shared/dates';
import { LoadedTable } from '../../shared/LoadedTable';

type Delivery = Schema<'WebhookDeliveryDto'>;

/** The webhook's latest delivery attempts, newest first; test pings are marked. */
export function WebhookLog({ load, rows }: { load: { loading: boolean; error?: string }; rows: Delivery[] }) {
  return (
    <LoadedTable<Delivery>
      load={load}
      rows={rows}
      data-testid="webhook-log"
      empty="还没有推送记录：点击“发送测试推送”检查贵单位能否收到并验证推送"
      scroll={{ x: 640 }}
      columns={[
        { title: '时间', render: (_, d) => time(d.createdAt) },
        {
          title: '推送',
          render: (_, d) => (d.eventType === 'webhook.ping' ? <Tag color="blue">测试推送</Tag> : '通知'),
        },
        { title: '第几次', dataIndex: 'attempt' },
        {
          title: '结果',
          render: (_, d) =>
            d.succeeded ? (
              <Tag color="success">已送达</Tag>
            ) : (
              <Tooltip title={d.error ?? undefined}>
                <Tag color="error">失败{d.error ? `：${d.error}` : ''}</Tag>
              </Tooltip>
            ),
        },
        { title: 'HTTP 状态', render: (_, d) => d.responseStatus ?? '无应答' },
        { title: '耗时', render: (_, d) => `${d.durationMs} ms` },
      ]}
    />
  );
}
