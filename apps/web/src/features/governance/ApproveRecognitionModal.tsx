import { Alert, Button, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { Recognition } from './PlatformGovernance';

export function ApproveRecognitionModal({
  recognition,
  onClose,
}: {
  recognition: Recognition;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const submit = async (v: { validFrom: Dayjs; validUntil: Dayjs }) => {
    setError(undefined);
    try {
      await api(`/recognitions/${recognition.id}/approve`, {
        method: 'POST',
        body: { validFrom: v.validFrom.format('YYYY-MM-DD'), validUntil: v.validUntil.format('YYYY-MM-DD') },
      });
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Modal
      open
      title={`认定为${label(RECOGNITION_LEVEL, recognition.level)}平台`}
      onCancel={() => onClose(false)}
      footer={null}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ validFrom: dayjs(), validUntil: dayjs().add(3, 'year').endOf('year') }}
      >
        <Form.Item name="validFrom" label="生效日期" rules={[{ required: true, message: '请选择' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          确认认定
        </Button>
      </Form>
    </Modal>
  );
}
