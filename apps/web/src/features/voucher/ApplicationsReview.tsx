import { Button, Card, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VoucherApplication } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useDialogClose } from '../../shared/actions';
import { label } from '../../shared/labels';
import { APPLICATION_STATUS } from '../../shared/labels/voucher';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { LoadedTable } from '../../shared/LoadedTable';
import { useBureauPrograms } from './useBureauPrograms';
import { DecisionModal } from './DecisionModal';
import { RoleGate } from '../identity/roles';

/** Bureau: voucher applications to its programs — approve (possibly less) or reject with a reason. */
export function ApplicationsReview() {
  const closeDialog = useDialogClose();
  const programs = useBureauPrograms();
  const [status, setStatus] = useState<string>('PENDING');
  const applications = usePagedLoad<'ApplicationPageDto'>('/voucher-applications', { status: status || undefined });
  const [deciding, setDeciding] = useState<{ app: VoucherApplication; approve: boolean }>();
  const names = new Map((programs.data?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <Card
      size="small"
      title="服务券申请"
      extra={
        <Radio.Group
          size="small"
          optionType="button"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: 'PENDING', label: '待审核' },
            { value: 'APPROVED', label: '已批准' },
            { value: 'REJECTED', label: '未批准' },
            { value: '', label: '全部' },
          ]}
        />
      }
    >
      <LoadedTable
        load={applications}
        rows={applications.rows}
        empty={status === 'PENDING' ? '暂无待审核的申请：企业提交服务券申请后会出现在这里' : '暂无服务券申请'}
        data-testid="applications"
        scroll={{ x: 820 }}
        columns={[
          {
            title: '申请企业',
            dataIndex: 'smeOrgName',
            render: (n: string | undefined, a: VoucherApplication) => (
              <>
                {n || '—'}
                {(a.failedSpotChecks ?? 0) > 0 && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    抽查不合格 {a.failedSpotChecks} 次，请重点审核
                  </Tag>
                )}
              </>
            ),
          },
          { title: '项目', dataIndex: 'programId', render: (id: string) => names.get(id) ?? '—' },
          { title: '用途', dataIndex: 'purpose' },
          { title: '申请金额', dataIndex: 'requestedFen', render: (f: number) => yuan(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, a: VoucherApplication) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(APPLICATION_STATUS, s)}</Tag>
                {a.approvedFen !== null && <span>批准 {yuan(a.approvedFen)}</span>}
                {a.reason && <Typography.Text type="secondary">{a.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: '申请时间', dataIndex: 'createdAt', render: (d: string) => new Date(d).toLocaleString('zh-CN') },
          {
            title: '操作',
            render: (_: unknown, a: VoucherApplication) =>
              a.status === 'PENDING' ? (
                <RoleGate need="REVIEWER">
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ app: a, approve: true })}>
                      批准
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ app: a, approve: false })}>
                      驳回
                    </Button>
                  </Space>
                </RoleGate>
              ) : null,
          },
        ]}
      />
      {deciding && (
        <DecisionModal
          {...deciding}
          onClose={closeDialog(
            () => setDeciding(undefined),
            deciding.approve ? '已批准，服务券已发放' : '已驳回',
            applications.reload,
          )}
        />
      )}
    </Card>
  );
}
