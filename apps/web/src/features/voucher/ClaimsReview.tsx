import { Alert, App as AntApp, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { Batch, Claim } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useAction, useDialogClose } from '../../shared/actions';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { CHECK_LABEL, FLAG_TEXT, CLAIM_STATUS } from '../../shared/labels/voucher';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { useBureauPrograms } from './useBureauPrograms';
import { ObjectionsModal } from './ObjectionsModal';
import { SpotCheckModal } from './SpotCheckModal';
import { SpotCheckRecord } from './SpotCheckRecord';
import { RejectClaimModal } from './RejectClaimModal';
import { BatchView } from './BatchView';
import { RoleGate, useMyRole } from '../identity/roles';
import { makerCheckerBlock } from './maker-checker';

/**
 * Bureau: claims against its programs — the automatic checks and integrity flags beside each; approve,
 * or reject with a reason (the hold goes back to the voucher); pay approved claims in a disbursement
 * batch and see the batch: its claims and what each co-funder paid.
 */
export function ClaimsReview() {
  const { message } = AntApp.useApp();
  const closeDialog = useDialogClose();
  const run = useAction();
  const claims = usePagedLoad<'ClaimPageDto'>('/claims');
  const programs = useBureauPrograms();
  const [selected, setSelected] = useState<string[]>([]);
  // The claims chosen for a batch, kept while the bureau pages through the list.
  const [chosen, setChosen] = useState<Claim[]>([]);
  const [reference, setReference] = useState('');
  const [batchError, setBatchError] = useState<string>();
  const [rejecting, setRejecting] = useState<Claim>();
  const [objected, setObjected] = useState<Claim>();
  const [checking, setChecking] = useState<Claim>();
  const [batchId, setBatchId] = useState<string>();
  const { userId, can } = useMyRole();
  const blockOf = (c: Claim) => makerCheckerBlock(c, userId, programs.data?.items ?? []);
  const programName = new Map((programs.data?.items ?? []).map((p) => [p.id, p.name]));
  const programIds = [...new Set(chosen.map((c) => c.programId))];
  const disburse = async () => {
    setBatchError(undefined);
    try {
      const batch = await api<Batch>('/disbursement-batches', {
        method: 'POST',
        idempotent: true,
        body: { programId: programIds[0], claimIds: selected, reference: reference.trim() },
      });
      message.success(`已拨付 ${batch.claimCount} 笔，共 ${yuan(batch.totalFen)}`);
      setSelected([]);
      setChosen([]);
      setReference('');
      setBatchId(batch.id);
      claims.reload();
    } catch (e) {
      setBatchError(errorText(e));
    }
  };
  const approve = async (claim: Claim) => {
    if (
      await run(
        () => api(`/claims/${claim.id}/approve`, { method: 'POST', idempotent: true, body: {} }),
        '已批准，进入公示',
      )
    )
      claims.reload();
  };
  /** What the bureau can do with a claim in its state (besides recording a sampled claim's spot check). */
  const claimAction = (c: Claim) =>
    c.status === 'SUBMITTED' ? (
      <RoleGate need="REVIEWER">
        <Space wrap size={4}>
          <Button type="primary" size="small" onClick={() => approve(c)}>
            批准
          </Button>
          <Button danger size="small" onClick={() => setRejecting(c)}>
            驳回
          </Button>
        </Space>
      </RoleGate>
    ) : c.status === 'UNDER_OBJECTION' ? (
      <RoleGate need="REVIEWER">
        <Button size="small" danger onClick={() => setObjected(c)}>
          处理异议
        </Button>
      </RoleGate>
    ) : c.batchId ? (
      <Button size="small" onClick={() => setBatchId(c.batchId!)}>
        查看批次
      </Button>
    ) : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="兑付申请">
        {claims.error && <Alert type="error" message={claims.error} />}
        <Space wrap style={{ marginBottom: 12 }} data-testid="disbursement">
          <span>
            已选 {selected.length} 笔已批准兑付，合计 {yuan(chosen.reduce((n, c) => n + (c.amountFen ?? 0), 0))}
          </span>
          <Input
            placeholder="拨付文号，如 泉财拨〔2026〕18号"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <RoleGate need="PAYER">
            <Button
              type="primary"
              disabled={selected.length === 0 || !reference.trim() || programIds.length !== 1 || !can('PAYER')}
              onClick={disburse}
            >
              生成拨付批次
            </Button>
          </RoleGate>
          {programIds.length > 1 && <Typography.Text type="danger">一个批次只能包含同一项目的兑付</Typography.Text>}
          {batchError && <Typography.Text type="danger">{batchError}</Typography.Text>}
        </Space>
        <Table
          rowKey="id"
          size="small"
          data-testid="claims"
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys, rows) => {
              setSelected(keys as string[]);
              setChosen(rows.filter(Boolean));
            },
            getCheckboxProps: (c: Claim) => ({
              disabled: c.status !== 'APPROVED' || !!blockOf(c) || !can('PAYER'),
              title: blockOf(c),
            }),
          }}
          loading={claims.loading}
          dataSource={claims.rows}
          pagination={claims.pagination}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description="暂无兑付申请：企业完成订单并付款后提交兑付，会出现在这里" /> }}
          columns={[
            { title: '项目', dataIndex: 'programId', render: (id: string) => programName.get(id) ?? '—' },
            { title: '合同编号', dataIndex: 'contractNumber' },
            { title: '兑付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
            {
              title: '自动核验',
              dataIndex: 'checks',
              width: 250,
              render: (checks: Claim['checks']) => (
                <Space direction="vertical" size={0}>
                  {checks.map((c) => (
                    <span key={c.code}>
                      <Tag color={c.passed ? 'green' : 'red'}>{c.passed ? '通过' : '未通过'}</Tag>
                      {label(CHECK_LABEL, c.code)}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: '诚信提示',
              dataIndex: 'flags',
              render: (flags: string[], c: Claim) => (
                <Space wrap size={2}>
                  {flags.length === 0 && <Tag color="green">无</Tag>}
                  {flags.map((f) => (
                    <Tag key={f} color="orange">
                      {FLAG_TEXT[f] ?? f}
                    </Tag>
                  ))}
                  {c.spotCheck && <Tag color="purple">抽查</Tag>}
                  {c.spotCheckRecord && <SpotCheckRecord record={c.spotCheckRecord} />}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string, c: Claim) => (
                <Space direction="vertical" size={0}>
                  <Tag>{label(CLAIM_STATUS, s)}</Tag>
                  {s === 'APPROVED' && c.noticeUntil && (
                    <Typography.Text type="secondary">公示至 {c.noticeUntil}</Typography.Text>
                  )}
                  {c.reason && <Typography.Text type="secondary">驳回理由：{c.reason}</Typography.Text>}
                  {blockOf(c) && <Typography.Text type="warning">{blockOf(c)}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '操作',
              render: (_: unknown, c: Claim) => (
                <Space wrap size={4}>
                  {c.spotCheck && !c.spotCheckRecord && ['APPROVED', 'UNDER_OBJECTION', 'PAID'].includes(c.status) && (
                    <RoleGate need="REVIEWER">
                      <Button size="small" onClick={() => setChecking(c)}>
                        录入抽查结果
                      </Button>
                    </RoleGate>
                  )}
                  {claimAction(c)}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {batchId && <BatchView id={batchId} onClose={() => setBatchId(undefined)} />}
      {checking && (
        <SpotCheckModal
          claim={checking}
          onClose={closeDialog(() => setChecking(undefined), '抽查结果已记录', claims.reload)}
        />
      )}
      {objected && (
        <ObjectionsModal
          claim={objected}
          onClose={(changed) => {
            setObjected(undefined);
            if (changed) claims.reload();
          }}
        />
      )}
      {rejecting && (
        <RejectClaimModal
          claim={rejecting}
          onClose={closeDialog(() => setRejecting(undefined), '已驳回，服务券冻结金额已退回', claims.reload)}
        />
      )}
    </Space>
  );
}
