import { Button, Card, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useAction, useDialogClose } from '../../shared/actions';
import { label } from '../../shared/labels';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { RECOGNITION_LEVEL, PLATFORM_STATUS } from '../../shared/labels/catalogue';
import { SubsidyRules } from './SubsidyRules';
import { LoadedTable } from '../../shared/LoadedTable';
import { ReasonModal } from './ReasonModal';
import { IndicatorsTable } from './IndicatorsTable';
import { PlatformGovernance } from './PlatformGovernance';
import { PlatformSubmission } from './PlatformSubmission';

/** The bureau's moves that need a reason: rejecting a submission (back to the operator), suspending, delisting. */
const REASON_ACTION = { reject: '退回', suspend: '暂停', delist: '下架' } as const;

export type PlatformItem = Schema<'PlatformResponseDto'>;

/** Bureau: platforms in its jurisdiction — list/suspend/delist, recognitions, evaluations, subsidies. */
export function PlatformsReview() {
  const closeDialog = useDialogClose();
  const run = useAction();
  const [status, setStatus] = useState('PENDING_REVIEW');
  const platforms = usePagedLoad<'PlatformPageDto'>('/platforms', { status });
  const [reasonFor, setReasonFor] = useState<{ platform: PlatformItem; action: keyof typeof REASON_ACTION }>();
  const [open, setOpen] = useState<PlatformItem>();
  const list = async (p: PlatformItem) => {
    if (await run(() => api(`/platforms/${p.id}/list`, { method: 'POST' }), `已上架：${p.name}`)) platforms.reload();
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title="平台审核与监管"
        extra={
          <Select
            size="small"
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={['PENDING_REVIEW', 'LISTED', 'SUSPENDED', 'DELISTED'].map((s) => ({
              value: s,
              label: PLATFORM_STATUS[s],
            }))}
          />
        }
      >
        <LoadedTable
          load={platforms}
          rows={platforms.rows}
          empty={
            status === 'PENDING_REVIEW'
              ? '没有待审核的平台：平台运营方提交上架申请后会出现在这里'
              : '没有该状态的平台，可切换上方的状态查看'
          }
          data-testid="platforms-review"
          scroll={{ x: 720 }}
          expandable={{ expandedRowRender: (p) => <PlatformSubmission id={p.id} /> }}
          columns={[
            { title: '平台', dataIndex: 'name' },
            { title: '地区', dataIndex: 'regionCode' },
            { title: '认定级别', dataIndex: 'recognitionLevel', render: (l: string) => label(RECOGNITION_LEVEL, l) },
            { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(PLATFORM_STATUS, s)}</Tag> },
            {
              title: '操作',
              render: (_: unknown, p: PlatformItem) => (
                <Space wrap size={4}>
                  {(p.status === 'PENDING_REVIEW' || p.status === 'SUSPENDED') && (
                    <Button size="small" type="primary" onClick={() => list(p)}>
                      {p.status === 'SUSPENDED' ? '恢复上架' : '审核通过并上架'}
                    </Button>
                  )}
                  {p.status === 'PENDING_REVIEW' && (
                    <Button size="small" danger onClick={() => setReasonFor({ platform: p, action: 'reject' })}>
                      退回修改
                    </Button>
                  )}
                  {p.status === 'LISTED' && (
                    <Button size="small" onClick={() => setReasonFor({ platform: p, action: 'suspend' })}>
                      暂停
                    </Button>
                  )}
                  {(p.status === 'LISTED' || p.status === 'SUSPENDED') && (
                    <Button size="small" danger onClick={() => setReasonFor({ platform: p, action: 'delist' })}>
                      下架
                    </Button>
                  )}
                  <Button size="small" onClick={() => setOpen(p)}>
                    认定·评价·补贴
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <IndicatorsTable />
      <SubsidyRules />
      {reasonFor && (
        <ReasonModal
          title={`${REASON_ACTION[reasonFor.action]}：${reasonFor.platform.name}`}
          path={`/platforms/${reasonFor.platform.id}/${reasonFor.action}`}
          onClose={closeDialog(() => setReasonFor(undefined), '已处理', platforms.reload)}
        />
      )}
      {open && <PlatformGovernance platform={open} onClose={() => setOpen(undefined)} onChanged={platforms.reload} />}
    </Space>
  );
}
