import { Button, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { OrgProfileCard } from '../features/identity';
import { OrdersCard } from '../features/booking/OrdersCard';
import { DigestSettingsCard } from '../features/research/DigestSettingsCard';
import { MyResults } from '../features/research/MyResults';
import { getSession } from '../shared/api';

/** Institute home (高校院所): its research results and its org profile. */
export function InstituteHome() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          成果工作台
        </Typography.Title>
        <Link to="/institute/results/new">
          <Button type="primary">发布科技成果</Button>
        </Link>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <MyResults />
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <OrdersCard narrow />
            <DigestSettingsCard />
            {getSession() && <OrgProfileCard orgId={getSession()!.org.id} />}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
