import { Alert, Button, Form, Input, Modal } from 'antd';
import { api } from '../../shared/api';
import type { Org } from '../../shared/api-types';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

/** Rejects an org's verification with a reason the org sees (POST /orgs/:id/reject). */
export function RejectOrgModal({ org, onClose }: { org: Org; onClose: (done: boolean) => void }) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: { reason: string }) => {
      await api(`/orgs/${org.id}/reject`, { method: 'POST', body: v });
    },
    () => onClose(true),
  );
  return (
    <Modal open title={`驳回认证：${org.name}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="驳回理由"
          extra="机构将看到该理由，修改资料后可重新提交认证。"
          rules={[
            { required: true, message: '请填写驳回理由' },
            { min: 2, max: 500, message: '驳回理由为 2–500 个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：营业执照信息与统一社会信用代码不一致" />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block>
          确认驳回
        </Button>
      </Form>
    </Modal>
  );
}
