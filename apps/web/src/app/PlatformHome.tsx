import { Alert, Button, Card, Col, Empty, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Page } from '../shared/api';
import { Order } from '../shared/api-types';
import { Demand } from '../shared/api-types';
import { yuan } from '../shared/money';
import { label } from '../shared/labels';
import { ORDER_STATUS } from '../shared/labels/booking';
import { STAGE } from '../shared/labels/demand';
import { CONFIDENTIALITY } from '../shared/labels/demand';
import { PlatformManage } from '../features/catalogue/PlatformManage';
import { EquipmentDeclarations } from '../features/governance/EquipmentDeclarations';
import { RevenueDeclarations } from '../features/governance/RevenueDeclarations';
import { useLoad } from '../shared/useLoad';
import { PlatformRow } from '../features/demand/QuoteModal';
import { QuoteModal } from '../features/demand/QuoteModal';

/** Platform home: the demands it may see (search), quoting, and its orders. */
export function PlatformHome() {
  const [q, setQ] = useState('');
  const platforms = useLoad(() => api<Page<PlatformRow>>('/platforms', { query: { mine: true, limit: 50 } }), []);
  const demands = useLoad(
    () => api<Page<Demand & { score: number }>>('/search/demands', { query: { q, limit: 20 } }),
    [q],
  );
  const orders = useLoad(() => api<Page<Order>>('/orders', { query: { limit: 50 } }), []);
  const [quoting, setQuoting] = useState<Demand>();
  const listed = (platforms.data?.items ?? []).filter((p) => p.status === 'LISTED');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        平台工作台
      </Typography.Title>
      {platforms.data && listed.length === 0 && (
        <Alert type="warning" showIcon message="您的平台尚未上架，上架后才能报价。" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title="需求大厅"
            size="small"
            extra={<Input.Search placeholder="搜索需求" allowClear onSearch={setQ} style={{ width: 200 }} />}
          >
            {demands.error && <Alert type="error" message={demands.error} />}
            <List
              data-testid="demand-hall"
              loading={demands.loading}
              dataSource={demands.data?.items ?? []}
              locale={{ emptyText: <Empty description="暂无可见的需求" /> }}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Button
                      key="quote"
                      type="primary"
                      size="small"
                      disabled={listed.length === 0}
                      onClick={() => setQuoting(d)}
                    >
                      报价
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={d.title}
                    description={
                      <Space wrap size={4}>
                        <Tag>{label(STAGE, d.stage)}</Tag>
                        <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                        {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="我的订单" size="small">
            <Table
              rowKey="id"
              size="small"
              data-testid="platform-orders"
              loading={orders.loading}
              dataSource={orders.data?.items ?? []}
              pagination={false}
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
      </Row>
      <PlatformManage />
      <EquipmentDeclarations />
      <RevenueDeclarations />
      {quoting && <QuoteModal demand={quoting} platforms={listed} onClose={() => setQuoting(undefined)} />}
    </Space>
  );
}
