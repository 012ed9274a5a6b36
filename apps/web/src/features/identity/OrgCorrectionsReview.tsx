import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { applyApiErrors, errorText } from '../../shared/errors';
import { LoadedTable } from '../../shared/LoadedTable';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { decideCorrection, OrgCorrection } from './api';
import { EligibilityFactsView } from './EligibilityFactsView';
import { RoleGate } from './roles';

const KIND: Record<string, string> = { SME: '企业', PLATFORM_OPERATOR: '平台运营方' };

/**
 * 资料变更审核: a bureau's pending corrections of verified orgs' eligibility facts in its jurisdiction,
 * the facts in force beside the requested ones. Approving applies them; rejecting needs a reason.
 */
export function OrgCorrectionsReview() {
  const { message } = AntApp.useApp();
  const queue = usePagedLoad<'OrgCorrectionPageDto'>('/org-corrections', { status: 'PENDING' });
  const [rejecting, setRejecting] = useState<OrgCorrection>();
  const [error, setError] = useState<string>();
  const approve = async (row: OrgCorrection) => {
    setError(undefined);
    try {
      await decideCorrection(row.id, 'approve');
      message.success(`已通过：${row.orgName} 的资料变更`);
      queue.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="org-corrections-review">
      <Typography.Text type="secondary">
        已认证机构变更科技型中小企业、法定代表人、主要股东信息须经审核；审核通过前，各项规则均按已认证的信息执行。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      <LoadedTable<OrgCorrection>
        load={queue}
        rows={queue.rows}
        empty="暂无待审核的资料变更"
        scroll={{ x: 720 }}
        columns={[
          {
            title: '机构',
            dataIndex: 'orgName',
            render: (name: string, row) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary">
                  {KIND[row.orgKind] ?? row.orgKind} · {new Date(row.requestedAt).toLocaleDateString('zh-CN')} 提交
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '现有（已认证）',
            key: 'current',
            render: (_: unknown, row) => <EligibilityFactsView facts={pick(row.current, row)} only />,
          },
          {
            title: '申请变更为',
            key: 'requested',
            render: (_: unknown, row) => <EligibilityFactsView facts={row.requested} only />,
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, row) => (
              <RoleGate need="REVIEWER">
                <Space>
                  <Button size="small" type="primary" onClick={() => approve(row)}>
                    通过
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(row)}>
                    驳回
                  </Button>
                </Space>
              </RoleGate>
            ),
          },
        ]}
      />
      {rejecting && (
        <RejectModal
          row={rejecting}
          onClose={(done) => {
            setRejecting(undefined);
            if (done) {
              message.success(`已驳回：${rejecting.orgName} 的资料变更`);
              queue.reload();
            }
          }}
        />
      )}
    </Space>
  );
}

/** The current values of just the facts the request changes, so the two columns line up. */
function pick(current: OrgCorrection['current'], row: OrgCorrection): OrgCorrection['requested'] {
  return {
    ...(row.requested.techSme !== undefined ? { techSme: current.techSme } : {}),
    ...(row.requested.legalRepresentative !== undefined
      ? { legalRepresentative: current.legalRepresentative ?? '' }
      : {}),
    ...(row.requested.shareholders !== undefined ? { shareholders: current.shareholders } : {}),
  };
}

function RejectModal({ row, onClose }: { row: OrgCorrection; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async ({ reason }: { reason?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await decideCorrection(row.id, 'reject', reason ?? '');
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`驳回 ${row.orgName} 的资料变更`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="correctionReject" layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="驳回原因" extra="申请单位将看到此说明">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block>
          确认驳回
        </Button>
      </Form>
    </Modal>
  );
}
