import { Alert, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { RESERVATION_STATUS } from '../../shared/labels/booking';
import { Reservation, span } from './schedule';
import { CompleteModal } from './CompleteModal';

export function Reservations({
  rows,
  loading,
  error,
  onChanged,
}: {
  rows: Reservation[];
  loading: boolean;
  error?: string;
  onChanged: () => void;
}) {
  const run = useAction();
  const [completing, setCompleting] = useState<Reservation>();
  const act = async (r: Reservation, action: 'check-in' | 'no-show' | 'cancel', done: string) => {
    if (await run(() => api(`/reservations/${r.id}/${action}`, { method: 'POST', body: {} }), done)) onChanged();
  };
  const now = Date.now();
  return (
    <>
      {error && <Alert type="error" message={error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="instrument-reservations"
        title={() => '本周预约（时段空闲即自动确认；无法履约时可由平台免费取消）'}
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: <Empty description="本周暂无预约" /> }}
        columns={[
          { title: '时间', render: (_: unknown, r: Reservation) => span(r) },
          {
            title: '预约方',
            render: (_: unknown, r: Reservation) =>
              r.internal ? (
                <Tag color="purple">本平台自用</Tag>
              ) : r.orderId ? (
                <Link to={`/orders/${r.orderId}`}>外部预约（订单）</Link>
              ) : (
                '外部预约'
              ),
          },
          { title: '用途', dataIndex: 'purpose', render: (p: string) => p || '—' },
          {
            title: '费用',
            render: (_: unknown, r: Reservation) => (
              <Space direction="vertical" size={0}>
                <span>{yuan(r.priceFen)}</span>
                {r.feeFen > 0 && <Typography.Text type="warning">违约金 {yuan(r.feeFen)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: Reservation) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RESERVATION_STATUS, s)}</Tag>
                {r.actualMinutes !== null && r.status === 'COMPLETED' && <span>实际 {r.actualMinutes} 分钟</span>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, r: Reservation) => {
              const start = Date.parse(r.startsAt);
              const end = Date.parse(r.endsAt);
              return (
                <Space wrap size={4}>
                  {r.status === 'CONFIRMED' && now >= start - 3_600_000 && now < end && (
                    <Button size="small" type="primary" onClick={() => act(r, 'check-in', '已签到')}>
                      签到
                    </Button>
                  )}
                  {r.status === 'CONFIRMED' && now >= start && (
                    <Popconfirm
                      title="标记为未到场？将按规则收取未到场费用。"
                      onConfirm={() => act(r, 'no-show', '已标记未到场')}
                    >
                      <Button size="small">未到场</Button>
                    </Popconfirm>
                  )}
                  {r.status === 'CHECKED_IN' && (
                    <Button size="small" type="primary" onClick={() => setCompleting(r)}>
                      完成使用
                    </Button>
                  )}
                  {r.status === 'CONFIRMED' && (
                    <Popconfirm
                      title="取消该预约？平台取消不收取费用，关联订单一并取消。"
                      onConfirm={() => act(r, 'cancel', '预约已取消')}
                    >
                      <Button size="small" danger>
                        取消
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {completing && (
        <CompleteModal
          reservation={completing}
          onClose={(done) => {
            setCompleting(undefined);
            if (done) onChanged();
          }}
        />
      )}
    </>
  );
}
