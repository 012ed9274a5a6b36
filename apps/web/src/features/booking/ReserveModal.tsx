import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { yuan } from '../../shared/money';
import { applyApiErrors, errorText } from '../../shared/errors';
import { clock, HOUR_MS, instant, Instrument, QUARTER_MS, Reservation, span } from './schedule';
import { SLOT_CODES } from './InstrumentBooking';

export function ReserveModal({
  instrument,
  slot,
  onTaken,
  onClose,
}: {
  instrument: Instrument;
  slot: { date: string; start: number; end: number };
  onTaken: () => void;
  onClose: (made?: Reservation) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const start = Form.useWatch('start', form) as number | undefined;
  // Quarter hours inside the free interval the API answered: any aligned part of it is bookable.
  const points: number[] = [];
  for (let t = slot.start; t <= slot.end; t += QUARTER_MS) points.push(t);
  const option = (t: number) => ({ value: t, label: clock(t, slot.date) });
  const submit = async (v: { start: number; end: number; purpose?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const made = await api<Reservation>(`/equipment/${instrument.id}/reservations`, {
        method: 'POST',
        body: { startsAt: instant(v.start), endsAt: instant(v.end), purpose: v.purpose || undefined },
      });
      onClose(made);
    } catch (e) {
      // A 409's details name the fields as plain strings, not field errors: only a 400 goes beside the fields.
      if (e instanceof ApiError && SLOT_CODES.includes(e.code)) {
        setError(`${errorText(e)}（空闲时段已刷新）`);
        onTaken();
      } else setError(applyApiErrors(form, e, { startsAt: 'start', endsAt: 'end' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`预约 ${instrument.name}`} onCancel={() => onClose()} footer={null} destroyOnClose>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="reserve-error" />
      )}
      <Typography.Paragraph>
        空闲时段：{span({ startsAt: instant(slot.start), endsAt: instant(slot.end) })}
        <br />
        <Typography.Text type="secondary">
          机时费 {yuan(instrument.hourlyRateFen)}/小时，按每刻钟计费，以平台确认的金额为准。
        </Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        name="reserve"
        layout="vertical"
        onFinish={submit}
        initialValues={{ start: slot.start, end: Math.min(slot.end, slot.start + HOUR_MS) }}
      >
        <Space wrap>
          <Form.Item name="start" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 110 }}
              options={points.slice(0, -1).map(option)}
              onChange={(value: number) => {
                if ((form.getFieldValue('end') as number) <= value) form.setFieldValue('end', value + QUARTER_MS);
              }}
            />
          </Form.Item>
          <Form.Item name="end" label="结束时间" rules={[{ required: true, message: '请选择结束时间' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 110 }}
              options={points.filter((t) => t > (start ?? slot.start)).map(option)}
            />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label="用途">
          <Input.TextArea rows={2} placeholder="如：石墨烯薄膜截面形貌观察" maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认预约
        </Button>
      </Form>
    </Modal>
  );
}
