import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import type { Order, OrderPage } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { ORDER_ACTION, ORDER_STATUS } from '../../shared/labels/booking';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';

/** The signed-in org's orders (SME or platform), each linking to its order page with what is up to you there. */
export function OrdersCard({ testId, narrow, style }: { testId?: string; narrow?: boolean; style?: CSSProperties }) {
  const orders = useLoad(() => api<OrderPage>('/orders', { query: { limit: 50 } }), []);
  return (
    <Card title="我的订单" size="small" style={style}>
      <Table
        rowKey="id"
        size="small"
        data-testid={testId}
        loading={orders.loading}
        dataSource={orders.data?.items ?? []}
        pagination={false}
        scroll={narrow ? { x: 480 } : undefined}
        locale={{ emptyText: <Empty description="暂无订单" /> }}
        columns={[
          {
            title: '合同编号',
            dataIndex: 'contractNumber',
            render: (c: string, o: Order) => <Link to={`/orders/${o.id}`}>{c}</Link>,
          },
          { title: '金额', dataIndex: 'agreedAmountFen', render: (f: number) => yuan(f) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(ORDER_STATUS, s)}</Tag> },
          {
            title: '待您处理',
            key: 'next',
            render: (_: unknown, o: Order) =>
              o.availableActions && o.availableActions.length > 0 ? (
                <Link to={`/orders/${o.id}`} data-testid="order-next">
                  {o.availableActions
                    .map((a) => (a === 'start' && o.status === 'DISPUTED' ? '返工' : ORDER_ACTION[a]))
                    .join('、')}
                </Link>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
