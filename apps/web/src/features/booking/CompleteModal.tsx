import { InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { Reservation, span } from './schedule';

export function CompleteModal({
  reservation,
  onClose,
}: {
  reservation: Reservation;
  onClose: (done: boolean) => void;
}) {
  const run = useAction();
  const since = reservation.checkedInAt
    ? Math.max(0, Math.ceil((Date.now() - Date.parse(reservation.checkedInAt)) / 60_000))
    : 0;
  const [minutes, setMinutes] = useState<number | null>(since);
  const submit = async () => {
    const body = minutes === null ? {} : { actualMinutes: minutes };
    if (await run(() => api(`/reservations/${reservation.id}/complete`, { method: 'POST', body }), '已记录实际使用')) {
      onClose(true);
    }
  };
  return (
    <Modal open title="完成使用" onCancel={() => onClose(false)} onOk={submit} okText="确认完成" destroyOnClose>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>预约时段：{span(reservation)}</span>
        <Space>
          实际使用（分钟）
          <InputNumber min={0} max={7 * 24 * 60} value={minutes} onChange={(v) => setMinutes(v)} />
        </Space>
        <Typography.Text type="secondary">留空则按签到至今的时长记录。</Typography.Text>
      </Space>
    </Modal>
  );
}
