import { Space, Typography } from 'antd';
import { Reindex } from '../features/search/Reindex';
import { CreateBureauOrg } from '../features/identity/CreateBureauOrg';
import { AuditTrail } from '../features/audit/AuditTrail';
import { FailedJobs } from '../features/queue/FailedJobs';

/** Operations for the platform's admins: rebuild the search indexes with live progress, and failed jobs. */
export function AdminHome() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        运营管理
      </Typography.Title>
      <CreateBureauOrg />
      <Reindex />
      <FailedJobs />
      <AuditTrail />
    </Space>
  );
}
