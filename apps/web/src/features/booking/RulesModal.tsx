import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { BookingRules, WEEKDAYS } from './schedule';
import { WEEKDAY_LABEL } from '../../shared/labels/booking';

/** "08:30-12:00, 13:30-17:30" ⇄ [["08:30","12:00"],["13:30","17:30"]] */
export const windowsText = (windows: string[][] = []) => windows.map(([a, b]) => `${a}-${b}`).join(', ');
export const parseWindows = (text = ''): string[][] =>
  text
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((w) => w.split(/[-–~～]/).map((t) => t.trim()));

export function RulesModal({
  instrumentId,
  rules,
  onClose,
}: {
  instrumentId: string;
  rules: BookingRules;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const submit = async (
    v: Record<string, string> & { freeCancellationHours: number; latePct: number; noShowPct: number },
  ) => {
    setError(undefined);
    try {
      await api(`/equipment/${instrumentId}/booking-rules`, {
        method: 'PUT',
        body: {
          openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, parseWindows(v[d])])),
          freeCancellationHours: v.freeCancellationHours,
          lateCancellationFeeBp: Math.round(v.latePct * 100),
          noShowFeeBp: Math.round(v.noShowPct * 100),
        },
      });
      onClose(true);
    } catch (e) {
      // Opening-hours problems come per window (openingHours.MON.0): one Chinese hint beside the day.
      const fields = e instanceof ApiError && Array.isArray(e.details.fields) ? e.details.fields : [];
      const days = new Set(fields.map((f) => /^openingHours\.([A-Z]{3})/.exec(f?.field ?? '')?.[1]).filter(Boolean));
      form.setFields(
        [...days].map((day) => ({
          name: day as string,
          errors: ['须为整刻钟的“开始-结束”时段（如 08:30-12:00），按先后顺序且不重叠'],
        })),
      );
      setError(errorText(e));
    }
  };
  return (
    <Modal open title="预约规则" onCancel={() => onClose(false)} footer={null} destroyOnClose width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="rules"
        layout="horizontal"
        labelCol={{ span: 8 }}
        onFinish={submit}
        initialValues={{
          ...Object.fromEntries(WEEKDAYS.map((d) => [d, windowsText(rules.openingHours[d])])),
          freeCancellationHours: rules.freeCancellationHours,
          latePct: rules.lateCancellationFeeBp / 100,
          noShowPct: rules.noShowFeeBp / 100,
        }}
      >
        <Typography.Paragraph type="secondary">
          开放时间按北京时间填写，如“08:30-12:00, 13:30-17:30”，须为整刻钟；留空表示当天不开放。
        </Typography.Paragraph>
        {WEEKDAYS.map((d) => (
          <Form.Item key={d} name={d} label={`${WEEKDAY_LABEL[d]}开放时间`}>
            <Input placeholder="不开放" />
          </Form.Item>
        ))}
        <Form.Item
          name="freeCancellationHours"
          label="免费取消（开始前小时）"
          rules={[{ required: true, message: '必填' }]}
        >
          <InputNumber min={0} max={720} />
        </Form.Item>
        <Form.Item name="latePct" label="逾时取消费用（%）" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="noShowPct" label="未到场费用（%）" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          保存规则
        </Button>
      </Form>
    </Modal>
  );
}
