import { Alert, Card, Col, Row, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { OrdersCard } from '../features/booking/OrdersCard';
import { PlatformManage } from './PlatformManage';
import { DemandHall } from '../features/demand/DemandHall';
import { MyQuotes } from '../features/demand/MyQuotes';
import { DigestSettingsCard } from '../features/research/DigestSettingsCard';
import { EquipmentDeclarations } from '../features/governance/EquipmentDeclarations';
import { RevenueDeclarations } from '../features/governance/RevenueDeclarations';
import { MembersCard } from '../features/identity/MembersCard';
import { MyRoleProvider } from '../features/identity/roles';
import { SubscriptionsCard } from '../features/notification/SubscriptionsCard';
import { WebhookCard } from '../features/notification/WebhookCard';
import { api, Schema } from '../shared/api';
import { useSession } from '../shared/session';
import { useLoad } from '../shared/useLoad';

/** Platform home: the demands it may see (search), its quotes with their outcome and its orders, its platforms, and its settings. */
export function PlatformHome() {
  const session = useSession();
  // Bumped when the hall's quote went out: 我的报价 reloads to show it.
  const [quotesSent, setQuotesSent] = useState(0);
  const platforms = useLoad(
    () => api<Schema<'PlatformPageDto'>>('/platforms', { query: { mine: true, limit: 50 } }),
    [],
  );
  const listed = (platforms.data?.items ?? []).filter((p) => p.status === 'LISTED');
  const orgId = session?.org.id;
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
          <DemandHall listed={listed} onQuoted={() => setQuotesSent((n) => n + 1)} />
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <OrdersCard testId="platform-orders" />
            <DigestSettingsCard />
          </Space>
        </Col>
      </Row>
      <MyQuotes refreshKey={quotesSent} />
      <PlatformManage />
      {orgId && (
        <Card size="small" title="通知与人员" data-testid="platform-settings">
          <MyRoleProvider>
            <Tabs
              destroyInactiveTabPane
              items={[
                { key: 'subscriptions', label: '需求订阅', children: <SubscriptionsCard /> },
                { key: 'webhook', label: 'Webhook 推送', children: <WebhookCard orgId={orgId} /> },
                { key: 'members', label: '人员与权限', children: <MembersCard orgId={orgId} /> },
              ]}
            />
          </MyRoleProvider>
        </Card>
      )}
      <EquipmentDeclarations />
      <RevenueDeclarations />
    </Space>
  );
}
