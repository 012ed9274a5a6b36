import { Alert, App as AntApp, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

export function TopUpModal({ program, onClose }: { program: Program; onClose: (done: boolean) => void }) {
  const { message } = AntApp.useApp();
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: { amountYuan: number }) => {
      await api(`/voucher-programs/${program.id}/budget`, {
        method: 'POST',
        idempotent: true,
        body: { amountFen: Math.round(v.amountYuan * 100) },
      });
      message.success('预算已追加');
    },
    () => onClose(true),
    { amountFen: 'amountYuan' },
  );
  return (
    <Modal open title={`追加预算：${program.name}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">当前预算 {yuan(program.budgetFen)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="amountYuan" label="追加金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认追加
        </Button>
      </Form>
    </Modal>
  );
}
