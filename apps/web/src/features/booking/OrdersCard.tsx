import { Button, Card, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import type { Order } from '../../shared/api-types';
import { getSession } from '../../shared/api';
import { label } from '../../shared/labels';
import { ORDER_ACTION, ORDER_STATUS } from '../../shared/labels/booking';
import { yuan } from '../../shared/money';
import { LoadedTable } from '../../shared/LoadedTable';
import { usePagedLoad } from '../../shared/usePagedLoad';

/**
 * The signed-in org's orders (SME or platform), a page at a time, each linking to its order page with what
 * is up to you there.
 */
export function OrdersCard({ testId, narrow, style }: { testId?: string; narrow?: boolean; style?: CSSProperties }) {
  const orders = usePagedLoad<'OrderPageDto'>('/orders');
  const sme = getSession()?.org.kind === 'SME';
  return (
    <Card title="我的订单" size="small" style={style}>
      <LoadedTable
        load={orders}
        rows={orders.rows}
        data-testid={testId}
        empty={
          sme
            ? '暂无订单。在「找服务」下单，或接受平台对您需求的报价后，订单会出现在这里'
            : '暂无订单。在需求大厅报价并被企业接受后，订单会出现在这里'
        }
        emptyAction={
          sme && (
            <Link to="/">
              <Button>去找服务</Button>
            </Link>
          )
        }
        scroll={narrow ? { x: 480 } : undefined}
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
