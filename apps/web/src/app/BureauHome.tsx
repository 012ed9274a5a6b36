import { Space, Tabs, Typography } from 'antd';
import { ApplicationsReview } from '../features/voucher/ApplicationsReview';
import { ProgramsAdmin } from '../features/voucher/ProgramsAdmin';
import { ClaimsReview } from '../features/voucher/ClaimsReview';
import { PlatformsReview } from '../features/governance/PlatformsReview';
import { Dashboard } from '../features/governance/Dashboard';
import { OrgsReview } from '../features/identity/OrgsReview';

/** Bureau: verify orgs, review claims (checks and flags beside them), and the dashboard. */
export function BureauHome() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        监管工作台
      </Typography.Title>
      <Tabs
        defaultActiveKey="dashboard"
        destroyInactiveTabPane
        items={[
          { key: 'dashboard', label: '数据看板', children: <Dashboard /> },
          { key: 'applications', label: '服务券申请', children: <ApplicationsReview /> },
          { key: 'claims', label: '兑付审核', children: <ClaimsReview /> },
          { key: 'programs', label: '服务券项目', children: <ProgramsAdmin /> },
          { key: 'platforms', label: '平台监管', children: <PlatformsReview /> },
          { key: 'orgs', label: '机构认证', children: <OrgsReview /> },
        ]}
      />
    </Space>
  );
}
