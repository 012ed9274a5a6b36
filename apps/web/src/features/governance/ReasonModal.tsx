import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';

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
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(path, { method: 'POST', body: v });
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
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
