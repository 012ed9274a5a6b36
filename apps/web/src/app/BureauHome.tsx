import { Space, Tabs, Typography } from 'antd';
import { ApplicationsReview } from '../features/voucher/ApplicationsReview';
import { ProgramsAdmin } from '../features/voucher/ProgramsAdmin';
import { ClaimsReview } from '../features/voucher/ClaimsReview';
import { PlatformsReview } from '../features/governance/PlatformsReview';
import { Dashboard } from '../features/governance/Dashboard';
import { OrgsReview } from '../features/identity/OrgsReview';
import { MembersCard } from '../features/identity/MembersCard';
import { MyRoleProvider } from '../features/identity/roles';
import { OrgCorrectionsReview } from '../features/identity';
import { AuditTrail } from '../features/audit/AuditTrail';
import { PolicyAdmin } from '../features/research/PolicyAdmin';
import { useSearchParams } from 'react-router-dom';
import { KeyProjectsBoard } from '../features/governance/KeyProjectsBoard';
import { useSession } from '../shared/session';

/** Bureau: verify orgs, review claims (checks and flags beside them), and the dashboard. */
export function BureauHome() {
  const session = useSession();
  // A notification opens the tab of what it is about (`/bureau?tab=claims`).
  const [params] = useSearchParams();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        监管工作台
      </Typography.Title>
      <MyRoleProvider>
        <Tabs
          defaultActiveKey={params.get('tab') ?? 'dashboard'}
          destroyInactiveTabPane
          items={[
            { key: 'dashboard', label: '数据看板', children: <Dashboard /> },
            { key: 'applications', label: '服务券申请', children: <ApplicationsReview /> },
            { key: 'claims', label: '兑付审核', children: <ClaimsReview /> },
            { key: 'programs', label: '服务券项目', children: <ProgramsAdmin /> },
            { key: 'platforms', label: '平台监管', children: <PlatformsReview /> },
            { key: 'key-projects', label: '重点项目', children: <KeyProjectsBoard /> },
            { key: 'orgs', label: '机构认证', children: <OrgsReview /> },
            { key: 'corrections', label: '资料变更审核', children: <OrgCorrectionsReview /> },
            { key: 'policies', label: '政策资讯', children: <PolicyAdmin /> },
            { key: 'audit', label: '审计日志', children: <AuditTrail /> },
            ...(session
              ? [{ key: 'members', label: '人员与权限', children: <MembersCard orgId={session.org.id} /> }]
              : []),
          ]}
        />
      </MyRoleProvider>
    </Space>
  );
}
