import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

interface Values {
  result: 'PASS' | 'FAIL';
  note: string;
  evidence?: string;
  revokeVoucher?: boolean;
}

/**
 * Bureau: the spot check (抽查) of a sampled claim — result, note, evidence; a failed check may revoke the
 * voucher (its unheld balance returns to the budget) and marks the SME on its later applications.
 */
export function SpotCheckModal({
  claim,
  onClose,
}: {
  claim: { id: string; contractNumber: string; amountFen?: number };
  onClose: (done: boolean) => void;
}) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: Values) => {
      await api(`/claims/${claim.id}/spot-check`, {
        method: 'POST',
        body: {
          result: v.result,
          note: v.note.trim(),
          evidence: v.evidence?.trim() ?? '',
          revokeVoucher: v.result === 'FAIL' && v.revokeVoucher === true,
        },
      });
    },
    () => onClose(true),
  );
  const result = Form.useWatch('result', form);
  return (
    <Modal open title="录入抽查结果" onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">
        合同 {claim.contractNumber} · 兑付 {yuan(claim.amountFen)}。该笔兑付被随机抽中，请记录核查结果。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ result: 'PASS' }}>
        <Form.Item name="result" label="抽查结果" rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="PASS">合格</Radio>
            <Radio value="FAIL">不合格</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label="核查意见"
          rules={[
            { required: true, whitespace: true, message: '请填写核查意见' },
            { min: 2, message: '核查意见至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：现场核查，中试记录与验收报告一致" />
        </Form.Item>
        <Form.Item name="evidence" label="核查材料">
          <Input.TextArea rows={2} maxLength={4000} placeholder="如：现场照片 3 张、设备使用记录" />
        </Form.Item>
        {result === 'FAIL' && (
          <Form.Item name="revokeVoucher" valuePropName="checked">
            <Checkbox>作废该企业的服务券（未占用余额退回项目预算）</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block>
          保存抽查结果
        </Button>
      </Form>
    </Modal>
  );
}
