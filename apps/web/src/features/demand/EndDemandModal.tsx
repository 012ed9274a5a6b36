import { Alert, App as AntApp, Button, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

export const END_DEMAND = {
  close: {
    title: '关闭需求',
    help: '关闭后不再接收新报价，已收到的报价仍可查看。',
    ok: '确认关闭',
    done: '需求已关闭',
  },
  cancel: { title: '取消需求', help: '取消后平台将看不到该需求，且不能恢复。', ok: '确认取消', done: '需求已取消' },
};

/** Close or cancel a demand, with an optional reason the SME keeps on record. */
export function EndDemandModal({
  demandId,
  action,
  onClose,
}: {
  demandId: string;
  action: 'close' | 'cancel';
  onClose: (done: boolean) => void;
}) {
  const { message } = AntApp.useApp();
  const text = END_DEMAND[action];
  const { form, error, busy, submit } = useDialogSubmit(
    async (values: { reason?: string }) => {
      const reason = values.reason?.trim();
      await api(`/demands/${demandId}/${action}`, { method: 'POST', body: reason ? { reason } : {} });
      message.success(text.done);
    },
    () => onClose(true),
  );
  return (
    <Modal open title={text.title} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">{text.help}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="原因（选填）" rules={[{ min: 2, max: 500, message: '原因需为 2 至 500 个字' }]}>
          <Input.TextArea rows={3} placeholder="如：已通过其他渠道解决" />
        </Form.Item>
        <Button type="primary" danger={action === 'cancel'} htmlType="submit" loading={busy} block>
          {text.ok}
        </Button>
      </Form>
    </Modal>
  );
}
