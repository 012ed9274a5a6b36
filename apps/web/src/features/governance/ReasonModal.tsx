import { Alert, Button, Form, Input, Modal } from 'antd';
import { api } from '../../shared/api';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

/** A POST taking { reason } (suspend, delist, reject). */
export function ReasonModal({
  title,
  path,
  onClose,
}: {
  title: string;
  path: string;
  onClose: (done: boolean) => void;
}) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: { reason: string }) => {
      await api(path, { method: 'POST', body: v });
    },
    () => onClose(true),
  );
  return (
    <Modal open title={title} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认
        </Button>
      </Form>
    </Modal>
  );
}
