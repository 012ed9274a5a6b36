import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import type { Claim } from '../../shared/api-types';

export function RejectClaimModal({ claim, onClose }: { claim: Claim; onClose: (done: boolean) => void }) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: { reason: string }) => {
      await api(`/claims/${claim.id}/reject`, { method: 'POST', idempotent: true, body: { reason: v.reason.trim() } });
    },
    () => onClose(true),
  );
  return (
    <Modal open title="驳回兑付申请" onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">
        合同 {claim.contractNumber} · 兑付 {yuan(claim.amountFen)}。驳回后该订单占用的服务券金额退回企业的服务券。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="驳回理由"
          rules={[
            { required: true, whitespace: true, message: '请填写驳回理由' },
            { min: 2, message: '驳回理由至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：发票金额与合同金额不一致，请补充说明" />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block>
          确认驳回
        </Button>
      </Form>
    </Modal>
  );
}
