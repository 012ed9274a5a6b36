import { Alert, Col, Row, Space, Typography } from 'antd';
import { OrdersCard } from '../features/booking/OrdersCard';
import { PlatformManage } from './PlatformManage';
import { DemandHall } from '../features/demand/DemandHall';
import { DigestSettingsCard } from '../features/research/DigestSettingsCard';
import { EquipmentDeclarations } from '../features/governance/EquipmentDeclarations';
import { RevenueDeclarations } from '../features/governance/RevenueDeclarations';
import { api, Schema } from '../shared/api';
import { useLoad } from '../shared/useLoad';

/** Platform home: the demands it may see (search), quoting, and its orders. */
export function PlatformHome() {
  const platforms = useLoad(
    () => api<Schema<'PlatformPageDto'>>('/platforms', { query: { mine: true, limit: 50 } }),
    [],
  );
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
          <DemandHall listed={listed} />
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <OrdersCard testId="platform-orders" />
            <DigestSettingsCard />
          </Space>
        </Col>
      </Row>
      <PlatformManage />
      <EquipmentDeclarations />
      <RevenueDeclarations />
    </Space>
  );
}
