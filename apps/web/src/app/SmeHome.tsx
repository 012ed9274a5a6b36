import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, Page } from '../shared/api';
import { Order } from '../shared/api-types';
import { Demand } from '../shared/api-types';
import { yuan } from '../shared/money';
import { useLoad } from '../shared/useLoad';
import { label } from '../shared/labels';
import { ORDER_STATUS } from '../shared/labels/booking';
import { STAGE } from '../shared/labels/demand';
import { DEMAND_STATUS } from '../shared/labels/demand';
import { LoadedTable } from '../shared/LoadedTable';
import { VoucherWallet } from '../features/voucher/VoucherWallet';
import { VoucherApply } from '../features/voucher/VoucherApply';

/** SME home: demands, orders and the voucher wallet. */
export function SmeHome() {
  const demands = useLoad(() => api<Page<Demand>>('/demands', { query: { limit: 50 } }), []);
  const orders = useLoad(() => api<Page<Order>>('/orders', { query: { limit: 50 } }), []);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          企业工作台
        </Typography.Title>
        <Link to="/sme/demands/new">
          <Button type="primary">发布中试需求</Button>
        </Link>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="我的需求" size="small">
            <LoadedTable
              load={demands}
              rows={demands.data?.items ?? []}
              empty="还没有需求，点击右上角发布"
              scroll={{ x: 480 }}
              columns={[
                {
                  title: '需求',
                  dataIndex: 'title',
                  render: (t: string, d: Demand) => <Link to={`/sme/demands/${d.id}`}>{t}</Link>,
                },
                { title: '阶段', dataIndex: 'stage', render: (s: string) => label(STAGE, s) },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(DEMAND_STATUS, s)}</Tag> },
              ]}
            />
          </Card>
          <Card title="我的订单" size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              loading={orders.loading}
              dataSource={orders.data?.items ?? []}
              pagination={false}
              scroll={{ x: 480 }}
              locale={{ emptyText: <Empty description="暂无订单" /> }}
              columns={[
                {
                  title: '合同编号',
                  dataIndex: 'contractNumber',
                  render: (c: string, o: Order) => <Link to={`/orders/${o.id}`}>{c}</Link>,
                },
                { title: '金额', dataIndex: 'agreedAmountFen', render: (f: number) => yuan(f) },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(ORDER_STATUS, s)}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <VoucherWallet />
            <VoucherApply />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
