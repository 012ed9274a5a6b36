import { Button, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { OrdersCard } from '../features/booking/OrdersCard';
import { MyDemands } from '../features/demand/MyDemands';
import { VoucherApply } from '../features/voucher/VoucherApply';
import { VoucherWallet } from '../features/voucher/VoucherWallet';
import { OrgProfileCard } from '../features/identity';
import { MembersCard } from '../features/identity/MembersCard';
import { MyRoleProvider } from '../features/identity/roles';
import { DigestSettingsCard } from '../features/research/DigestSettingsCard';
import { getSession } from '../shared/api';

/** SME home: demands, orders, the voucher wallet, the org's profile and its people (人员与权限). */
export function SmeHome() {
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
          <MyDemands />
          <OrdersCard narrow style={{ marginTop: 16 }} />
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <VoucherWallet />
            <VoucherApply />
            <DigestSettingsCard />
            {getSession() && <OrgProfileCard orgId={getSession()!.org.id} />}
            {getSession() && (
              <MyRoleProvider>
                <MembersCard orgId={getSession()!.org.id} />
              </MyRoleProvider>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
