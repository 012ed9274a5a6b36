import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { applyApiErrors, errorText } from '../../shared/errors';
import { at, instant, QUARTERS } from './schedule';

export function BlockForm({ instrumentId, onAdded }: { instrumentId: string; onAdded: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { date: Dayjs; start: string; end: string; reason: string }) => {
    const date = v.date.format('YYYY-MM-DD');
    setBusy(true);
    setError(undefined);
    try {
      await api(`/equipment/${instrumentId}/blocks`, {
        method: 'POST',
        body: { startsAt: instant(at(date, v.start)), endsAt: instant(at(date, v.end)), reason: v.reason },
      });
      message.success('已添加维护时段');
      form.resetFields(['reason']);
      onAdded();
    } catch (e) {
      // A 409's details name the fields as plain strings, not field errors: only a 400 goes beside the fields.
      if (e instanceof ApiError && e.code === 'SLOT_TAKEN') setError('该时段已有预约，请先取消这些预约再安排维护');
      else if (e instanceof ApiError && e.statusCode === 409) setError(errorText(e));
      else setError(applyApiErrors(form, e, { startsAt: 'start', endsAt: 'end' }));
    } finally {
      setBusy(false);
    }
  };
  const options = QUARTERS.map((q) => ({ value: q, label: q }));
  return (
    <Card size="small" type="inner" title="安排维护（该时段不可预约）">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        name="block"
        layout="inline"
        onFinish={submit}
        style={{ rowGap: 8 }}
        initialValues={{ date: dayjs().add(1, 'day'), start: '08:30', end: '12:00' }}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="start" label="开始" rules={[{ required: true, message: '请选择开始时间' }]}>
          <Select showSearch options={options.slice(0, 96)} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item
          name="end"
          label="结束"
          dependencies={['start']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value > (getFieldValue('start') as string)
                  ? Promise.resolve()
                  : Promise.reject(new Error('结束须晚于开始')),
            }),
          ]}
        >
          <Select showSearch options={options.slice(1)} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, min: 2, message: '请填写原因（至少 2 个字）' }]}
        >
          <Input placeholder="如：年度校准" style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          添加维护
        </Button>
      </Form>
    </Card>
  );
}
