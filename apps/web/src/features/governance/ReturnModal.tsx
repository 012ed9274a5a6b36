import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { REVENUE_FIELD_SPOTS, RevenueRow } from './revenue';

export function ReturnModal({
  row,
  onReturn,
  onClose,
}: {
  row: RevenueRow;
  onReturn: (note: string) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await onReturn(note ?? '');
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        const spot = (e.details.fields ?? []).find((f) => f.field === 'note');
        if (spot) form.setFields([{ name: 'note', errors: [REVENUE_FIELD_SPOTS.note[1]] }]);
      }
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`退回 ${row.year} 年收入申报`} onCancel={onClose} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="revenueReturn" layout="vertical" onFinish={submit} data-testid="revenue-return-form">
        <Form.Item name="note" label="退回原因" extra="平台将看到此说明，修改后可重新申报">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block>
          确认退回
        </Button>
      </Form>
    </Modal>
  );
}
